import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { startApp, type RunningApp } from '../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';
import { startPageServer, type PageServer } from './support/page-server.js';

// Two pages on other origins (other ports of localhost): one listed in ALLOWED_ORIGINS, one not.
let app: RunningApp;
let browser: Browser;
let allowed: PageServer;
let refused: PageServer;

before(async () => {
  const embeddingPage = () => `<!doctype html><title>other site</title><script type="module" src="${app.url}dist/cdn/acs-elements.js"></script>`;
  [allowed, refused] = await Promise.all([startPageServer(embeddingPage), startPageServer(embeddingPage)]);
  app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(new URL('../../', import.meta.url)), allowedOrigins: [allowed.origin] });
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
});
after(async () => {
  await browser?.close();
  await app?.close();
  await Promise.all([allowed?.close(), refused?.close()]);
});

async function withPage<T>(origin: string, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    return await use(page);
  } finally {
    await context.close();
  }
}

/** What the element does: POST the token URL with the browser's cookies and a JSON body (so a preflight first). */
const askForSession = (page: Page) =>
  page.evaluate(async (tokenUrl) => {
    const response = await fetch(tokenUrl, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return { status: response.status, body: (await response.json()) as { userId?: string; error?: { code: string; message: string } } };
  }, new URL('/api/session', app.url).href);

test('a page on another origin loads the CDN bundle with a script tag, and its lazy chunks', async () => {
  await withPage(refused.origin, async (page) => {
    await page.waitForFunction(() => customElements.get('acs-chat') !== undefined, undefined, { timeout: 30000 });
    assert.ok(await page.evaluate(() => customElements.get('acs-call') !== undefined && customElements.get('acs-dialpad') !== undefined));
  });
});

test('an allowed origin signs in cross-origin with credentials and keeps its identity across a reload', async () => {
  await withPage(allowed.origin, async (page) => {
    const first = await askForSession(page);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    await page.reload();
    const second = await askForSession(page);
    assert.equal(second.status, 200);
    assert.match(first.body.userId ?? '', /^8:acs:/);
    assert.equal(second.body.userId, first.body.userId);
  });
});

test('a refused origin can read the 403 and its reason, and gets no cookie', async () => {
  await withPage(refused.origin, async (page) => {
    const answer = await askForSession(page);
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body.error, { code: 'ForbiddenOrigin', message: `Origin ${refused.origin} is not allowed; list it in ALLOWED_ORIGINS.` });
    assert.deepEqual(await page.context().cookies(app.url), []);
  });
});
