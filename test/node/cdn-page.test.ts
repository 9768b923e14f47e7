import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromium } from 'playwright';
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

test('an acs-call on a site (its token service not on this machine) fetches the calling SDK while it signs in', async () => {
  // A name for the demo server that is not loopback, as a site's is; the browser resolves it to the server.
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs, '--host-resolver-rules=MAP acs-site.test localhost'] });
  try {
    const page = await browser.newPage();
    const site = new URL(demo.app().url);
    site.hostname = 'acs-site.test';
    let sdkRequested!: () => void;
    const sdk = new Promise<void>((resolve) => (sdkRequested = resolve));
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (chunks[pathname.slice('/dist/cdn/'.length)]?.name === 'acs-calling-sdk') sdkRequested();
    });
    // The session answers only once the SDK is on its way: the element must not wait for it to start.
    await page.route('**/api/session', async (route) => {
      await sdk;
      await route.continue();
    });
    await page.goto(new URL('/api.html', site).href);
    const ready = await page.evaluate(async () => {
      await import('/dist/cdn/acs-call.js' as string);
      const call = Object.assign(document.createElement('acs-call'), { tokenUrl: '/api/session' });
      call.setAttribute('group-id', '0c6b1f3a-2d4e-4f5a-8b9c-0d1e2f3a4b5c');
      const outcome = new Promise<string>((resolve) => {
        call.addEventListener('acs-ready', () => resolve('ready'));
        call.addEventListener('acs-error', (event) => resolve(`error: ${(event as CustomEvent<{ code: string }>).detail.code}`));
        setTimeout(() => resolve('not signed in after 15 s (the calling SDK was never asked for)'), 15000);
      });
      document.body.append(call);
      return outcome;
    });
    assert.equal(ready, 'ready');
  } finally {
    await browser.close();
  }
});
