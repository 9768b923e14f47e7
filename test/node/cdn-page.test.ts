import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromium, type Browser } from 'playwright';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';
import { useDemoApp } from './support/demo-app.js';
import { readCdnManifest, type ChunkInfo } from './support/cdn-manifest.js';

/** Partial: a page may fetch a file the manifest does not list. */
const chunks: Partial<Record<string, ChunkInfo>> = readCdnManifest();
const demo = useDemoApp();

interface PageRun {
  requested: string[];
  events: { type: string; tag: string; detail: unknown }[];
  pageErrors: string[];
  /** The elements' timing marks (`acs…`) by the time they were ready. */
  marks: string[];
}

/** Opens a demo page as a visitor would, waits for `readyCount` elements to be ready, and lists the CDN chunks it fetched. */
async function visit(path: string, readyCount: number): Promise<PageRun> {
  const context = await demo.browser().newContext({ permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  const requested: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/dist/cdn/')) requested.push(pathname.slice('/dist/cdn/'.length));
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(() => {
    const events: unknown[] = ((window as unknown as { pageEvents: unknown[] }).pageEvents = []);
    for (const type of ['acs-ready', 'acs-error']) {
      document.addEventListener(type, (event) =>
        events.push({ type, tag: (event.target as Element).localName, detail: (event as CustomEvent<unknown>).detail }),
      );
    }
  });
  try {
    await page.goto(new URL(path, demo.app().url).href);
    await page.waitForFunction((count) => (window as unknown as { pageEvents: unknown[] }).pageEvents.length >= count, readyCount, { timeout: 60000 });
    const events = await page.evaluate(() => (window as unknown as { pageEvents: PageRun['events'] }).pageEvents);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((mark) => mark.name));
    return { requested, events, pageErrors, marks };
  } finally {
    await context.close();
  }
}

test('a CMS page with only acs-chat.js opens the chat, loads the chat SDK, and fetches no byte of the calling SDK', async () => {
  const { requested, events, pageErrors } = await visit('/cms.html', 1);

  assert.deepEqual(pageErrors, []);
  assert.deepEqual(
    events.map(({ type, tag }) => [type, tag]),
    [['acs-ready', 'acs-chat']],
  );
  const names = requested.map((file) => chunks[file]?.name);
  assert.ok(names.includes('acs-chat-sdk'), `the chat SDK chunk was not loaded: ${requested.join(',')}`);
  for (const file of requested) {
    assert.ok(!chunks[file]?.packages.includes('@azure/communication-calling'), `the chat page fetched ${file}, which holds the calling SDK`);
  }
});

test('the demo page registers every element from acs-elements.js; in emulator mode calls go through the local engine, not the calling SDK', async () => {
  const { requested, events, pageErrors, marks } = await visit('/', 3);

  assert.deepEqual(pageErrors, []);
  assert.deepEqual(events.map(({ type, tag }) => [type, tag]).sort(), [
    ['acs-ready', 'acs-call'],
    ['acs-ready', 'acs-chat'],
    ['acs-ready', 'acs-dialpad'],
  ]);
  const names = requested.map((file) => chunks[file]?.name);
  assert.ok(names.includes('local-call-engine'), `the local call engine was not loaded: ${requested.join(',')}`);
  // <acs-call> hints the SDK's download when it connects (modulepreload: fetched, never run) …
  assert.ok(names.includes('acs-calling-sdk'), `<acs-call> did not ask for the calling SDK when it connected: ${requested.join(',')}`);
  // … and the session said emulator: the SDK never ran (it marks the moment it does).
  assert.ok(!marks.includes('acs:calling-sdk-loaded'), 'an emulator page ran the calling SDK');
  assert.ok(!names.includes('sdk-engine'), 'an emulator page fetched the SDK engine');
});

test('the built dial pad formats and validates a number, and calls it through the fake engine', async () => {
  const context = await demo.browser().newContext({ permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(new URL('/', demo.app().url).href);
    const pad = page.locator('acs-dialpad');
    const call = pad.getByRole('button', { name: 'Call', exact: true });
    await call.waitFor({ timeout: 30000 });
    await pad.getByLabel('Phone number').fill('4255550100');
    await page.waitForFunction(() => document.querySelector('acs-dialpad')!.shadowRoot!.querySelector('input')!.value === '(425) 555-0100');
    assert.equal(await pad.evaluate((element) => (element as HTMLElement & { value: string }).value), '+14255550100');
    await call.click();
    await pad.getByRole('button', { name: 'Hang up' }).waitFor({ timeout: 15000 });
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

/**
 * Opens `/api.html` at `origin` with one `<acs-call>` whose sign-in is held until every chunk named in
 * `before` has been asked for: the element must not wait for its session to start fetching them.
 * Resolves with how signing in ended.
 */
async function callSigningInAfter(browser: Browser, origin: URL, before: string[]): Promise<string> {
  const page = await browser.newPage();
  const waiting = before.map((name) => {
    let requested!: () => void;
    const promise = new Promise<void>((resolve) => (requested = resolve));
    page.on('request', (request) => {
      if (chunks[new URL(request.url()).pathname.slice('/dist/cdn/'.length)]?.name === name) requested();
    });
    return promise;
  });
  await page.route('**/api/session', async (route) => {
    await Promise.all(waiting);
    await route.continue();
  });
  await page.goto(new URL('/api.html', origin).href);
  return page.evaluate(async (chunkNames) => {
    // A specifier the type checker does not resolve: the page's own server has it.
    const entry = '/dist/cdn/acs-call.js';
    await import(entry);
    const call = Object.assign(document.createElement('acs-call'), { tokenUrl: '/api/session' });
    call.setAttribute('group-id', '0c6b1f3a-2d4e-4f5a-8b9c-0d1e2f3a4b5c');
    const outcome = new Promise<string>((resolve) => {
      call.addEventListener('acs-ready', () => resolve('ready'));
      call.addEventListener('acs-error', (event) => resolve(`error: ${(event as CustomEvent<{ code: string }>).detail.code}`));
      setTimeout(() => resolve(`not signed in after 15 s: not all of ${chunkNames} were asked for before the session`), 15000);
    });
    document.body.append(call);
    return outcome;
  }, before.join(', '));
}

test('an acs-call starts downloading the calling SDK once its lobby is on screen, before its session has answered', async () => {
  assert.equal(await callSigningInAfter(demo.browser(), new URL(demo.app().url), ['acs-calling-sdk']), 'ready');
});

test('an acs-call on a site (its token service not on this machine) also runs the SDK engine while it signs in', async () => {
  // A name for the demo server that is not loopback, as a site's is; the browser resolves it to the server.
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs, '--host-resolver-rules=MAP acs-site.test localhost'] });
  try {
    const site = new URL(demo.app().url);
    site.hostname = 'acs-site.test';
    assert.equal(await callSigningInAfter(browser, site, ['acs-calling-sdk', 'sdk-engine']), 'ready');
  } finally {
    await browser.close();
  }
});

test('a page with only acs-dialpad.js fetches no byte of the calling SDK at load, and its engine on the first intent', async () => {
  const page = await demo.browser().newPage();
  const requested: string[] = [];
  page.on('request', (request) => {
    const name = chunks[new URL(request.url()).pathname.slice('/dist/cdn/'.length)]?.name;
    if (name) requested.push(name);
  });
  try {
    await page.goto(new URL('/api.html', demo.app().url).href);
    await page.evaluate(async () => {
      const entry = '/dist/cdn/acs-dialpad.js';
      await import(entry);
      const pad = Object.assign(document.createElement('acs-dialpad'), { tokenUrl: '/api/session' });
      pad.setAttribute('alternate-caller-id', '+18005550100');
      const ready = new Promise((resolve) => pad.addEventListener('acs-ready', resolve));
      document.body.append(pad);
      await ready;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    });
    assert.ok(!requested.includes('acs-calling-sdk'), 'the calling SDK was fetched before anyone went to dial');
    assert.ok(!requested.includes('local-call-engine'), 'the engine was fetched before anyone went to dial');
    await page.locator('acs-dialpad').getByLabel('Phone number').focus();
    for (let waited = 0; !requested.includes('local-call-engine') && waited < 10_000; waited += 100) await page.waitForTimeout(100);
    assert.ok(requested.includes('local-call-engine'), `focusing the number field did not bring the engine: ${requested.join(', ')}`);
    assert.ok(!requested.includes('acs-calling-sdk'), 'an emulator dial pad fetched the calling SDK');
  } finally {
    await page.close();
  }
});
