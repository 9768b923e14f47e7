import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemoApp } from './support/demo-app.js';
import { readCdnManifest, type ChunkInfo } from './support/cdn-manifest.js';

/** Partial: a page may fetch a file the manifest does not list. */
const chunks: Partial<Record<string, ChunkInfo>> = readCdnManifest();
const demo = useDemoApp();

interface PageRun {
  requested: string[];
  events: { type: string; tag: string; detail: unknown }[];
  pageErrors: string[];
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
    return { requested, events, pageErrors };
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
  const { requested, events, pageErrors } = await visit('/', 3);

  assert.deepEqual(pageErrors, []);
  assert.deepEqual(events.map(({ type, tag }) => [type, tag]).sort(), [
    ['acs-ready', 'acs-call'],
    ['acs-ready', 'acs-chat'],
    ['acs-ready', 'acs-dialpad'],
  ]);
  const names = requested.map((file) => chunks[file]?.name);
  assert.ok(names.includes('local-call-engine'), `the local call engine was not loaded: ${requested.join(',')}`);
  assert.ok(!names.includes('acs-calling-sdk'), 'an emulator page downloaded the 1.8 MB calling SDK');
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
