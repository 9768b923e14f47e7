/**
 * One cold load of one bench page in a fresh browser context, and the long-history scroll.
 * JS fetched is read from the page's network log (Resource Timing: every `.js` response that
 * ended before the page was usable); the repository's server sends files uncompressed, so each
 * is counted at its gzip -9 size (as the size budgets count them), read from the file it served.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright';
import { createTestToken } from '../src/testing/test-token.js';
import type { PageName } from './pages.js';
import { probeScript, type ProbeTimes } from './probe.js';

export interface Load extends ProbeTimes {
  /** gzip bytes of JavaScript whose response ended before the page was usable. */
  jsGzip: number;
  /** The same files as the server sent them (uncompressed). */
  jsRaw: number;
  /** gzip bytes of all JavaScript fetched by the time the heap is read (a second after usable). */
  jsGzipSettled: number;
  /** The elements' own timing marks (`acs…`), ms since navigation start, for reading a result. */
  marks: Record<string, number>;
  /** JS heap in use after the page was usable for a second and a forced GC, bytes. */
  heap: number;
  /** Every request of the page (same-origin paths, else the URL) with its start and end, ms since navigation start, for reading a result. */
  requests: { name: string; start: number; end: number }[];
}

export interface Scroll {
  elements: number;
  heap: number;
  frameP50: number;
  frameP95: number;
  frameP99: number;
  /** Frames that took longer than 1.5 × 16.7 ms. */
  missedFrames: number;
  /** The oldest `seed N` message in the DOM at the end: how far back the reader got. */
  oldestSeed: number;
}

/** What `pages/probe.js` puts on `window`. */
interface BenchWindow {
  bench: {
    times: ProbeTimes;
    mainBox(): { x: number; y: number; width: number; height: number };
    recordFrames(): void;
    census(): { frames: number[]; elements: number; oldestSeed: number };
  };
}

const CALL_PAGES = new Set<PageName>(['acs-call', 'incumbent-call', 'floor-call', 'acs-dialpad']);
const root = new URL('../', import.meta.url);
const gzipCache = new Map<string, number>();

function gzipSize(pathname: string): number {
  let size = gzipCache.get(pathname);
  if (size === undefined) {
    size = gzipSync(readFileSync(new URL(`.${pathname}`, root)), { level: 9 }).length;
    gzipCache.set(pathname, size);
  }
  return size;
}

export interface Link {
  offline: boolean;
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
}

/** Where and how a page is visited. */
export interface Visit {
  url: string;
  /** The text of the thread's newest message, which a chat must show to be usable. */
  historyText: string;
  /** The repository's server, whose origin its token service allows. */
  server: string;
  /** The session cookie every visit carries (see seed.ts). */
  cookie: { name: string; value: string };
  /** CDP network conditions, or undefined for the loopback as it is. */
  link?: Link | undefined;
}

/** A cold visitor: empty cache, the bench's session cookie, camera and microphone allowed. */
async function newVisitor(browser: Browser, page: PageName, visit: Visit): Promise<{ context: BrowserContext; tab: Page; cdp: CDPSession }> {
  // The call pages' site has a certificate made for the run (see site-proxy.ts).
  const context = await browser.newContext({ permissions: ['camera', 'microphone'], viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true });
  // At the origin's root: a cookie set for the page's URL would get the page's folder as its path.
  await context.addCookies([{ ...visit.cookie, url: new URL('/', visit.url).href }]);
  if (CALL_PAGES.has(page)) await asAzureCallVisitor(context, visit);
  const tab = await context.newPage();
  if (process.env.BENCH_DEBUG) tab.on('console', (message) => console.log(page, message.type(), message.text()));
  if (process.env.BENCH_DEBUG) tab.on('pageerror', (error) => console.log(page, 'pageerror', error));
  if (process.env.BENCH_DEBUG)
    await tab.addInitScript({
      content: "addEventListener('acs-error', (e) => console.log('acs-error', JSON.stringify(e.detail), e.detail.cause && e.detail.cause.stack), true)",
    });
  const cdp = await context.newCDPSession(tab);
  if (visit.link) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', visit.link);
  }
  return { context, tab, cdp };
}

/**
 * Call pages need the real calling SDK, which the emulator does not stand in for: the token
 * service's session is given an Azure endpoint and a token shaped like Azure's for the same user
 * (our elements take the fake engine for an emulator session), and the SDK's config service is
 * answered locally as an online page would see it (the SDK takes an answer with an ETag and an
 * expiry, readable across origins). Both call pages go through the same two routes.
 */
async function asAzureCallVisitor(context: BrowserContext, visit: Visit): Promise<void> {
  await context.route(/^https:\/\/ecs\.communication\.microsoft\.com\//, (route) =>
    route.fulfill({
      contentType: 'application/json',
      headers: {
        ETag: '"acs-elements-bench"',
        Expires: new Date(Date.now() + 3600_000).toUTCString(),
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': 'ETag, Expires',
      },
      body: '{}',
    }),
  );
  await context.route('**/api/session', async (route) => {
    // From the server itself, as a page of its own origin (the one its token service allows): the site
    // is a name only the browser knows (see site-proxy.ts).
    const server = new URL(new URL(route.request().url()).pathname, visit.server);
    const response = await route.fetch({ url: server.href, headers: { ...route.request().headers(), origin: server.origin } });
    const session = (await response.json()) as { userId: string };
    await route.fulfill({
      response,
      json: { ...session, token: createTestToken({ userId: session.userId }), endpoint: 'https://bench.communication.azure.com/', emulator: false },
    });
  });
}

/** Loads `page` at `url` cold and waits until it is usable (and, for a lobby, shows its first preview frame). */
export async function coldLoad(browser: Browser, page: PageName, visit: Visit): Promise<Load> {
  const { context, tab, cdp } = await newVisitor(browser, page, visit);
  try {
    await tab.addInitScript({ content: probeScript(page, visit.historyText) });
    await tab.goto(visit.url);
    await waitUntilUsable(tab, page, page === 'camera' || page === 'acs-call');
    const times = await tab.evaluate(() => (window as unknown as BenchWindow).bench.times);
    await tab.waitForTimeout(1000);
    const scripts = await tab.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => entry.name.startsWith(location.origin) && new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => ({ path: new URL(entry.name).pathname, end: entry.responseEnd, size: entry.encodedBodySize })),
    );
    const before = scripts.filter((entry) => entry.end <= (times.usable ?? Infinity));
    return {
      ...times,
      jsGzip: before.reduce((sum, entry) => sum + gzipSize(entry.path), 0),
      jsRaw: before.reduce((sum, entry) => sum + entry.size, 0),
      jsGzipSettled: scripts.reduce((sum, entry) => sum + gzipSize(entry.path), 0),
      marks: await tab.evaluate(() =>
        Object.fromEntries(
          performance.getEntriesByType('mark').flatMap((mark) => (mark.name.startsWith('acs') ? [[mark.name, Math.round(mark.startTime)]] : [])),
        ),
      ),
      heap: await heapAfterGc(cdp),
      requests: await tab.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
          name: entry.name.startsWith(location.origin) ? entry.name.slice(location.origin.length) : entry.name,
          start: Math.round(entry.startTime),
          end: Math.round(entry.responseEnd),
        })),
      ),
    };
  } finally {
    await context.close();
  }
}

/** Waits for the probe's `usable` (and a first video frame); a page that never gets there fails the run with what it reached and a screenshot. */
async function waitUntilUsable(tab: Page, page: PageName, video: boolean): Promise<void> {
  try {
    await tab.waitForFunction(
      (video) => {
        const times = (window as unknown as BenchWindow).bench.times;
        return times.usable !== undefined && (!video || times.firstVideoFrame !== undefined);
      },
      video,
      { timeout: 60_000 },
    );
  } catch (error) {
    const shot = `/tmp/bench-${page}-stuck.png`;
    await tab.screenshot({ path: shot });
    const times = await tab.evaluate(() => (window as unknown as BenchWindow).bench.times);
    throw new Error(`${page} was not usable within 60 s (reached ${JSON.stringify(times)}; screenshot ${shot})`, { cause: error });
  }
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * The reader of a long thread: once the chat is usable, the wheel scrolls its message list up
 * for `seconds` (a 400 px notch every 16 ms), while every animation frame's interval is recorded.
 */
export async function scrollHistory(browser: Browser, page: PageName, visit: Visit, seconds: number): Promise<Scroll> {
  const { context, tab, cdp } = await newVisitor(browser, page, visit);
  try {
    await tab.addInitScript({ content: probeScript(page, visit.historyText) });
    await tab.goto(visit.url);
    await waitUntilUsable(tab, page, false);
    await tab.waitForTimeout(1000);
    const box = await tab.evaluate(() => (window as unknown as BenchWindow).bench.mainBox());
    await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await tab.evaluate(() => (window as unknown as BenchWindow).bench.recordFrames());
    const stop = Date.now() + seconds * 1000;
    while (Date.now() < stop) {
      await tab.mouse.wheel(0, -400);
      await tab.waitForTimeout(16);
    }
    const result = await tab.evaluate(() => (window as unknown as BenchWindow).bench.census());
    // BENCH_SHOTS=<folder>: what the reader sees at the end, to check the scroll reached the list.
    if (process.env.BENCH_SHOTS) await tab.screenshot({ path: `${process.env.BENCH_SHOTS}/scroll-${page}.png` });
    const sorted = [...result.frames].sort((a, b) => a - b);
    const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
    return {
      elements: result.elements,
      heap: await heapAfterGc(cdp),
      frameP50: at(0.5),
      frameP95: at(0.95),
      frameP99: at(0.99),
      missedFrames: result.frames.filter((delta) => delta > 16.7 * 1.5).length,
      oldestSeed: result.oldestSeed,
    };
  } finally {
    await context.close();
  }
}
