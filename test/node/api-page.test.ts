import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright';
import { useDemoApp } from './support/demo-app.js';

// Expectations come from the manifest itself, so the page is checked against the API as it is
// (and as it grows), not against a copy of it in this file.
interface Named {
  name: string;
  description?: string;
  type?: { text: string };
  privacy?: string;
  static?: boolean;
  kind?: string;
  attribute?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);
const byTag = new Map(elements.map((declaration) => [declaration.tagName!, declaration]));
const names = (items: Named[] | undefined) => (items ?? []).map((item) => item.name);
const isPublic = (member: Named) => (!member.privacy || member.privacy === 'public') && !member.static;

/** The detail an event's JSDoc states (`detail: { … }`), or its manifest type. */
function statedDetail(event: Named): string | undefined {
  return event.type?.text ?? /`detail:\s*([^`]+)`/.exec(event.description ?? '')?.[1]?.trim();
}

const demo = useDemoApp();

async function openPage(options: { width?: number; height?: number } = {}) {
  const context = await demo.browser().newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${new URL(response.url()).pathname}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  return { context, page, problems };
}

async function loaded(page: Page) {
  await page.goto(new URL('/api.html', demo.app().url).href);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
}

/** The first line of each row header of the table with this caption (the name, without the "from AcsElement" note). */
async function rowNames(section: Locator, caption: string): Promise<string[]> {
  const table = section.getByRole('table', { name: caption, exact: true });
  await table.waitFor({ timeout: 1000 });
  return (await table.getByRole('rowheader').allInnerTexts()).map((text) => text.split('\n')[0].trim());
}

test('the manifest holds what this test relies on', () => {
  assert.deepEqual([...byTag.keys()].sort(), ['acs-call', 'acs-chat', 'acs-dialpad']);
  for (const declaration of elements) {
    assert.ok(names(declaration.attributes).includes('token-url'), `${declaration.tagName} has no token-url`);
    assert.ok(declaration.cssParts?.length, `${declaration.tagName} has no CSS parts`);
    assert.ok(declaration.cssProperties?.length, `${declaration.tagName} has no CSS properties`);
  }
  assert.ok(names(byTag.get('acs-chat')!.events).includes('acs-message-sent'));
  assert.ok(names(byTag.get('acs-call')!.events).includes('acs-call-ended'));
  assert.ok(names(byTag.get('acs-dialpad')!.events).includes('acs-dial'));
});

test('the manifest is served at /custom-elements.json, as the file at the project root', async () => {
  const response = await fetch(new URL('/custom-elements.json', demo.app().url));
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  assert.deepEqual(await response.json(), manifest);
});

test('api.html documents every attribute, property, method, event, slot, CSS part and CSS property in the manifest', async () => {
  const { context, page, problems } = await openPage();
  try {
    await loaded(page);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'acs-elements API reference');

    const toc = page.getByRole('navigation', { name: 'Elements' });
    for (const tag of byTag.keys()) {
      const link = toc.getByRole('link', { name: `<${tag}>`, exact: true });
      assert.equal(await link.getAttribute('href'), `#${tag}`);
    }

    for (const [tag, declaration] of byTag) {
      const section = page.getByRole('region', { name: `<${tag}>`, exact: true });
      assert.equal(await section.getAttribute('id'), tag, `no section for <${tag}>`);
      assert.equal(await section.getByRole('heading', { level: 2 }).innerText(), `<${tag}>`);
      const subheadings = await section.getByRole('heading', { level: 3 }).allInnerTexts();
      assert.deepEqual(subheadings, ['Attributes', 'Properties', 'Methods', 'Events', 'Slots', 'CSS parts', 'CSS custom properties']);

      assert.deepEqual(await rowNames(section, `Attributes of <${tag}>`), names(declaration.attributes));
      const attributeRows = section.getByRole('table', { name: `Attributes of <${tag}>` }).locator('tbody tr');
      for (const attribute of declaration.attributes ?? []) {
        const row = attributeRows.filter({ has: page.getByRole('rowheader', { name: attribute.name }) }).first();
        if (attribute.type) assert.ok((await row.innerText()).includes(attribute.type.text), `${tag} ${attribute.name}: type ${attribute.type.text}`);
      }

      // Public fields: the ones without an attribute in the table, the others linked to their attribute.
      const fields = (declaration.members ?? []).filter((member) => member.kind === 'field' && isPublic(member));
      const attributeNames = new Set(names(declaration.attributes));
      const ownProperties = fields.filter((field) => !field.attribute || !attributeNames.has(field.attribute));
      if (ownProperties.length) assert.deepEqual(await rowNames(section, `Properties of <${tag}> without an attribute`), names(ownProperties));
      const properties = section.getByRole('region', { name: 'Properties', exact: true });
      for (const field of fields.filter((field) => field.attribute && attributeNames.has(field.attribute))) {
        const link = properties.getByRole('link', { name: field.name, exact: true });
        assert.equal(await link.getAttribute('href'), `#${tag}-attr-${field.attribute}`, `${tag}.${field.name} does not link to its attribute`);
        assert.equal(await page.locator(`[id="${tag}-attr-${field.attribute}"]`).count(), 1);
      }

      const methods = (declaration.members ?? []).filter((member) => member.kind === 'method' && isPublic(member));
      const methodRows = await rowNames(section, `Methods of <${tag}>`);
      assert.deepEqual(
        methodRows.map((signature) => signature.slice(0, signature.indexOf('('))),
        names(methods),
      );

      assert.deepEqual(await rowNames(section, `Events of <${tag}>`), names(declaration.events));
      const eventRows = section.getByRole('table', { name: `Events of <${tag}>` }).locator('tbody tr');
      for (const [index, event] of (declaration.events ?? []).entries()) {
        const detail = statedDetail(event);
        assert.ok(detail, `the manifest states no detail for ${tag} ${event.name}`);
        assert.equal(await eventRows.nth(index).locator('td').first().innerText(), detail, `${tag} ${event.name}: detail`);
      }

      if (declaration.slots?.length) assert.deepEqual(await rowNames(section, `Slots of <${tag}>`), names(declaration.slots));
      else assert.ok(await section.getByText('This element has no slots').isVisible());
      assert.deepEqual(await rowNames(section, `CSS parts of <${tag}>`), names(declaration.cssParts));
      assert.deepEqual(await rowNames(section, `CSS custom properties of <${tag}>`), names(declaration.cssProperties));
    }

    // The ones a reader looks for first.
    const section = (tag: string) => page.getByRole('region', { name: `<${tag}>`, exact: true });
    for (const tag of byTag.keys()) assert.ok(await section(tag).getByRole('rowheader', { name: 'token-url' }).isVisible());
    assert.ok(await section('acs-chat').getByRole('rowheader', { name: 'acs-message-sent' }).isVisible());
    assert.ok(await section('acs-call').getByRole('rowheader', { name: 'acs-call-ended' }).isVisible());
    assert.ok(await section('acs-dialpad').getByRole('rowheader', { name: 'acs-dial', exact: true }).isVisible());

    // Every table: captioned, column headers scoped, inside a focusable region named by the caption.
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('table')].map((table) => {
        const region = table.parentElement!;
        return {
          caption: table.caption?.textContent ?? '',
          scopes: [...table.querySelectorAll('th')].map((th) => th.getAttribute('scope')),
          region: region.getAttribute('role'),
          tabindex: region.getAttribute('tabindex'),
          labelledBy: region.getAttribute('aria-labelledby') === table.caption?.id,
        };
      }),
    );
    assert.ok(tables.length >= elements.length * 6);
    for (const table of tables) {
      assert.ok(table.caption, 'a table without a caption');
      assert.ok(
        table.scopes.every((scope) => scope === 'col' || scope === 'row'),
        `${table.caption}: a th without scope`,
      );
      assert.deepEqual([table.region, table.tabindex, table.labelledBy], ['region', '0', true], table.caption);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('at 390px wide the page does not scroll sideways: the tables scroll inside their regions', async () => {
  const { context, page, problems } = await openPage({ width: 390, height: 844 });
  try {
    await loaded(page);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      scrollingTables: [...document.querySelectorAll('.table-scroll')].filter((region) => region.scrollWidth > region.clientWidth).length,
    }));
    assert.ok(widths.page <= widths.viewport, `the page is ${widths.page}px wide in a ${widths.viewport}px viewport`);
    assert.ok(widths.scrollingTables > 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('when the manifest cannot be loaded, the page says so', async () => {
  const { context, page } = await openPage();
  try {
    await page.route('**/custom-elements.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(new URL('/api.html', demo.app().url).href);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 15000 });
    assert.match(await alert.innerText(), /The API reference could not be loaded\. \/custom-elements\.json answered 404/);
    assert.equal(await page.getByRole('navigation', { name: 'Elements' }).count(), 0);
  } finally {
    await context.close();
  }
});

test('the demo pages link to the API reference', async () => {
  for (const path of ['/', '/cms.html']) {
    const html = await (await fetch(new URL(path, demo.app().url))).text();
    assert.match(html, /<a href="\/api\.html">API reference<\/a>/, path);
  }
});
