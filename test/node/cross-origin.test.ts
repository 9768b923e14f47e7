import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { startApp, type RunningApp } from '../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';
import { startPageServer, type PageServer } from './support/page-server.js';

// Two pages on other origins (other ports of localhost): one listed in ALLOWED_ORIGINS, one not.
// Each stays undefined if before() fails ahead of it, and after() closes only what started.
let app: RunningApp | undefined;
let browser: Browser | undefined;
let allowed: PageServer | undefined;
let refused: PageServer | undefined;

before(async () => {
  // `/` has only the script; `/chat?token-url` (path `/chat/<token-url path>`) adds a chat signing in there.
  const embeddingPage = (path: string) => {
    const tokenUrl = path.startsWith('/chat/') ? decodeURIComponent(path.slice('/chat/'.length)) : undefined;
    const again =
      path === '/twice'
        ? `<script type="module" src="${app!.url}dist/cdn/acs-elements.js?again"></script><script type="module" src="${app!.url}dist/cdn/acs-chat.js"></script>`
        : '';
    return `<!doctype html><html lang="en"><title>other site</title>
      <script type="module" src="${app!.url}dist/cdn/acs-elements.js"></script>${again}
      ${tokenUrl ? `<acs-chat token-url="${tokenUrl}"></acs-chat>` : ''}</html>`;
  };
  [allowed, refused] = await Promise.all([startPageServer(embeddingPage), startPageServer(embeddingPage)]);
  app = await startApp({
    port: 0,
    emulatorKey: DEVELOPMENT_ACCESS_KEY,
    projectRoot: fileURLToPath(new URL('../../', import.meta.url)),
    allowedOrigins: [allowed.origin],
  });
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
});
after(async () => {
  await browser?.close();
  await app?.close();
  await Promise.all([allowed?.close(), refused?.close()]);
});

async function withPage<T>(origin: string, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser!.newContext();
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
  }, new URL('/api/session', app!.url).href);

test('a page on another origin loads the CDN bundle with a script tag, and its lazy chunks', async () => {
  await withPage(refused!.origin, async (page) => {
    await page.waitForFunction(() => customElements.get('acs-chat') !== undefined, undefined, { timeout: 30000 });
    assert.ok(await page.evaluate(() => customElements.get('acs-call') !== undefined && customElements.get('acs-dialpad') !== undefined));
  });
});

test('a page that includes the script three times (two URLs, and an entry inside the bundle) throws nothing and warns at most once', async () => {
  const context = await browser!.newContext();
  try {
    const page = await context.newPage();
    const warnings: string[] = [];
    const pageErrors: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${refused!.origin}/twice`);
    await page.waitForFunction(() => customElements.get('acs-chat') !== undefined, undefined, { timeout: 30000 });
    await page.waitForLoadState('networkidle');
    assert.deepEqual(pageErrors, []);
    // The entries share their chunks, so a second include registers nothing twice: no warning is needed.
    assert.ok(warnings.filter((text) => text.includes('acs-elements')).length <= 1, warnings.join('\n'));
    assert.equal(await page.evaluate(() => typeof document.createElement('acs-chat').sendMessage), 'function');
  } finally {
    await context.close();
  }
});

test('an allowed origin signs in cross-origin with credentials and keeps its identity across a reload', async () => {
  await withPage(allowed!.origin, async (page) => {
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
  await withPage(refused!.origin, async (page) => {
    const answer = await askForSession(page);
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body.error, { code: 'ForbiddenOrigin', message: `Origin ${refused!.origin} is not allowed; list it in ALLOWED_ORIGINS.` });
    assert.deepEqual(await page.context().cookies(app!.url), []);
  });
});

interface SeenEvent {
  type: string;
  detail: { userId?: string; code?: string; message?: string; status?: number; url?: string; messageId?: string };
}

/** Opens `/chat/<token-url>` on `origin` as a visitor would, recording the chat's acs-* events. */
async function openChat(page: Page, origin: string, tokenUrl: string): Promise<void> {
  await page.addInitScript(() => {
    const seen: unknown[] = ((window as unknown as { seen: unknown[] }).seen = []);
    for (const type of ['acs-ready', 'acs-error', 'acs-message-sent'])
      document.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent<unknown>).detail }));
  });
  await page.goto(`${origin}/chat/${encodeURIComponent(tokenUrl)}`);
}

async function nextEvent(page: Page, type: string, after = 0): Promise<SeenEvent> {
  const handle = await page.waitForFunction(
    ([wanted, skip]) => (window as unknown as { seen: SeenEvent[] }).seen.filter((event) => event.type === wanted)[skip],
    [type, after] as const,
    { timeout: 30000 },
  );
  return await handle.jsonValue();
}

test('a chat on another site, with the CDN script and a cross-origin token-url, sends as the same visitor after a reload', async () => {
  const context = await browser!.newContext();
  try {
    const page = await context.newPage();
    await openChat(page, allowed!.origin, new URL('/api/session', app!.url).href);
    const firstUser = (await nextEvent(page, 'acs-ready')).detail.userId;
    assert.match(firstUser ?? '', /^8:acs:/);
    const text = `from another site ${Date.now()}`;
    await page.locator('acs-chat').getByLabel('Message', { exact: true }).fill(text);
    await page.keyboard.press('Enter');
    await nextEvent(page, 'acs-message-sent');

    await page.reload();
    assert.equal((await nextEvent(page, 'acs-ready')).detail.userId, firstUser);
    // The demo bot echoes it ("You said: …"): the visitor's own bubble is the one marked as own.
    await page.locator('acs-chat').locator('article.message', { hasText: text }).first().waitFor({ timeout: 15000 });
    const own = page.locator('acs-chat').locator('article[part~="own-message"]', { hasText: text });
    assert.equal(await own.count(), 1, "the visitor's earlier message shows as someone else's");
  } finally {
    await context.close();
  }
});

test("a chat on a site not in ALLOWED_ORIGINS says why, with the status, and the service's own reason", async () => {
  await withPage(refused!.origin, async (page) => {
    await openChat(page, refused!.origin, new URL('/api/session', app!.url).href);
    const { detail } = await nextEvent(page, 'acs-error');
    assert.equal(detail.code, 'token-url-refused');
    assert.equal(detail.status, 403);
    assert.equal(detail.url, new URL('/api/session', app!.url).href);
    assert.match(detail.message ?? '', /list it in ALLOWED_ORIGINS/);
    assert.equal(
      await page
        .locator('acs-chat')
        .getByRole('alert')
        .innerText()
        .then((shown) => shown.includes(detail.message!)),
      true,
    );
    assert.equal(await page.locator('acs-chat').getByRole('button', { name: 'Try again' }).count(), 0);
  });
});

test('a wrong token-url, a service that is down and one without CORS each say something different', async () => {
  const cases = [
    { tokenUrl: new URL('/api/no-such-session?x=1', app!.url).href, code: 'token-url-not-found', status: 404, says: /not found/ },
    { tokenUrl: 'http://localhost:9/api/session', code: 'token-url-unreachable', status: undefined, says: /could not be reached/ },
    // The other page server answers, but sends no CORS headers: the browser hides its answer.
    { tokenUrl: `${refused!.origin}/api/session`, code: 'token-url-blocked', status: undefined, says: /CORS.*ALLOWED_ORIGINS/ },
  ];
  const messages = new Set<string>();
  for (const { tokenUrl, code, status, says } of cases) {
    await withPage(allowed!.origin, async (page) => {
      await openChat(page, allowed!.origin, tokenUrl);
      const { detail } = await nextEvent(page, 'acs-error');
      assert.equal(detail.code, code, tokenUrl);
      assert.equal(detail.status, status, tokenUrl);
      assert.equal(detail.url, tokenUrl.split('?')[0]);
      assert.match(detail.message ?? '', says);
      assert.ok(detail.message?.includes(detail.url), `${detail.message} does not name the URL`);
      messages.add(detail.message!);
    });
  }
  assert.equal(messages.size, cases.length);
});
