/**
 * `npm run bench`: acs-elements side by side with the incumbent (@azure/communication-react) and
 * bare-SDK floors, cold loads in round robin (BENCH_RUNS, default 6, medians), then the
 * 10,000-message scroll of both chats. Prints a table of ratios and writes `bench/results.json`.
 * Run `npm run build` in the repository first: our pages load the built `dist/cdn/` files.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startApp } from '../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../server/emulator/emulator.js';
import { BROADBAND } from '../test/node/support/real-sdk-lobby.js';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.mjs';
import { coldLoad, scrollHistory, type Load, type Scroll } from './measure.js';
import { buildPages, type PageName } from './pages.js';
import { report } from './report.js';
import { seedThread, sessionCookie } from './seed.js';
import { SITE_HOST, startSiteProxy } from './site-proxy.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 6);
const SCROLL_SECONDS = Number(process.env.BENCH_SCROLL_SECONDS ?? 10);
const SEEDED = 10_000;
/** BENCH_LINK=broadband: the lobby test's 20 Mbit/s, 40 ms link (CDP) instead of the loopback as it is. */
const LINK = process.env.BENCH_LINK === 'broadband' ? BROADBAND : undefined;
/** BENCH_PAGES=acs-chat,incumbent-chat: only these pages (while working on one). */
const ONLY = process.env.BENCH_PAGES?.split(',') as PageName[] | undefined;

/** Pages whose chat runs on the emulator, whose transport only talks to loopback hosts; the rest are visited as a site. */
const CHAT_PAGES = new Set<PageName>(['acs-chat', 'incumbent-chat', 'floor-chat', 'lit-element']);

const root = new URL('../', import.meta.url);
if (!existsSync(new URL('dist/cdn/acs-chat.js', root))) throw new Error('No dist/cdn/: run `npm run build` in the repository first.');
if (!existsSync(new URL('node_modules/@azure/communication-react/', import.meta.url)))
  throw new Error("The bench's own packages are missing: run `npm ci --prefix bench` once.");

const loadAtStart = loadavg();
const paths = await buildPages();
const pages = (Object.keys(paths) as PageName[]).filter((page) => !ONLY || ONLY.includes(page));
const app = await startApp({
  port: 0,
  emulatorKey: DEVELOPMENT_ACCESS_KEY,
  projectRoot: fileURLToPath(root),
  // Every visit is the same returning visitor (see sessionCookie); its token requests are not what is measured.
  refreshRateLimit: { requests: 100_000, windowMs: 60_000 },
});
// The call pages are visited as a site's visitors visit it: over https, by a name that is not this
// machine's (see site-proxy.ts). The browser resolves that name to the proxy.
const site = await startSiteProxy(app.url);
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: [...chromiumArgs, '--use-fake-ui-for-media-stream', `--host-resolver-rules=MAP ${SITE_HOST} localhost`],
});
try {
  const cookie = await sessionCookie(app.url);
  seedThread(app, SEEDED);
  const visit = (page: PageName) => ({
    url: new URL(paths[page], CHAT_PAGES.has(page) ? app.url : site.origin).href,
    server: app.url,
    historyText: `seed ${SEEDED}`,
    cookie,
    link: LINK,
  });

  const loads = Object.fromEntries(pages.map((page) => [page, [] as Load[]])) as Record<PageName, Load[]>;
  for (let run = 1; run <= RUNS; run += 1) {
    for (const page of pages) {
      loads[page].push(await coldLoad(browser, page, visit(page)));
      process.stdout.write(`\rcold loads: run ${run}/${RUNS}, ${page}`.padEnd(60));
    }
  }
  process.stdout.write('\n');

  const scrolls: Partial<Record<PageName, Scroll>> = {};
  for (const page of (['acs-chat', 'incumbent-chat'] as const).filter((name) => pages.includes(name))) {
    process.stdout.write(`scrolling ${page} for ${SCROLL_SECONDS} s\n`);
    scrolls[page] = await scrollHistory(browser, page, visit(page), SCROLL_SECONDS);
  }

  await report({
    loadAtStart,
    runs: RUNS,
    link: LINK ? 'broadband' : 'loopback',
    seeded: SEEDED,
    scrollSeconds: SCROLL_SECONDS,
    chromium: browser.version(),
    loads,
    scrolls,
  });
} finally {
  await browser.close();
  await site.close();
  await app.close();
}
