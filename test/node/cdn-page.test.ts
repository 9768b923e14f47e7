import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { createTestToken } from '../../src/testing/test-token.js';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';
import { readCdnManifest } from './support/cdn-manifest.js';
import { serveStatic } from './support/static-server.js';

/** A page as a script-tag user writes it: one CDN script and one element, signed in by a page function. */
function scriptTagPage(script: string, tag: string): string {
  return `<!doctype html><html lang="en"><body>
<script>
  window.pageAuth = { getToken: () => ${JSON.stringify(createTestToken({ userId: '8:acs:resource_cdn' }))} };
  window.pageEvents = [];
  for (const name of ['acs-ready', 'acs-error']) document.addEventListener(name, (event) => window.pageEvents.push({ type: event.type, detail: event.detail }));
</script>
<script type="module" src="/dist/cdn/${script}"></script>
<${tag} token-provider="pageAuth.getToken"></${tag}>
</body></html>`;
}

const chunks = readCdnManifest();
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

before(async () => {
  server = await serveStatic(fileURLToPath(new URL('../../', import.meta.url)), {
    '/chat-only.html': scriptTagPage('acs-chat.js', 'acs-chat'),
    '/all-elements-call.html': scriptTagPage('acs-elements.js', 'acs-call'),
  });
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page, waits for its element's first event, and lists the CDN chunks it fetched. */
async function load(path: string): Promise<{ requested: string[]; events: { type: string; detail: unknown }[]; pageErrors: string[] }> {
  const page = await browser.newPage();
  const requested: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/dist/cdn/')) requested.push(pathname.slice('/dist/cdn/'.length));
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(server.origin + path);
    await page.waitForFunction(() => (window as unknown as { pageEvents: unknown[] }).pageEvents.length > 0, undefined, { timeout: 60000 });
    const events = await page.evaluate(() => (window as unknown as { pageEvents: { type: string; detail: unknown }[] }).pageEvents);
    return { requested, events, pageErrors };
  } finally {
    await page.close();
  }
}

test('a page with only acs-chat.js signs in, loads the chat SDK, and fetches no byte of the calling SDK', async () => {
  const { requested, events, pageErrors } = await load('/chat-only.html');

  assert.deepEqual(pageErrors, []);
  assert.deepEqual(events, [{ type: 'acs-ready', detail: { userId: '8:acs:resource_cdn' } }]);
  const names = requested.map((file) => chunks[file]?.name);
  assert.ok(names.includes('acs-chat-sdk'), `the chat SDK chunk was not loaded: ${requested}`);
  for (const file of requested) {
    assert.ok(!chunks[file]?.packages.includes('@azure/communication-calling'), `the chat page fetched ${file}, which holds the calling SDK`);
  }
});

test('acs-elements.js registers every element and lazily loads the calling SDK for <acs-call>', async () => {
  const { requested, events, pageErrors } = await load('/all-elements-call.html');

  assert.deepEqual(pageErrors, []);
  assert.deepEqual(events, [{ type: 'acs-ready', detail: { userId: '8:acs:resource_cdn' } }]);
  assert.ok(requested.map((file) => chunks[file]?.name).includes('acs-calling-sdk'), `the calling SDK chunk was not loaded: ${requested}`);
});
