import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { startApp } from '../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../server/emulator/emulator.js';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.mjs';
import { buildPages, type PageName } from './pages.js';
import { probeScript } from './probe.js';
import { sessionCookie } from './seed.js';

const page = (process.argv[2] ?? 'acs-chat') as PageName;
const root = new URL('../', import.meta.url);
const paths = await buildPages();
const app = await startApp({
  port: 0,
  emulatorKey: DEVELOPMENT_ACCESS_KEY,
  projectRoot: fileURLToPath(root),
  refreshRateLimit: { requests: 100_000, windowMs: 60_000 },
});
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs, '--use-fake-ui-for-media-stream'] });
try {
  const cookie = await sessionCookie(app.url);
  const url = new URL(paths[page], app.url).href;
  for (let warm = 0; warm < 2; warm += 1) {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'], viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ ...cookie, url: new URL('/', url).href }]);
    const tab = await context.newPage();
    await tab.addInitScript({ content: probeScript(page, 'seed 0') });
    if (warm === 1)
      await browser.startTracing(tab, {
        path: `/work/scratch/trace-${page}.json`,
        categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading'],
      });
    await tab.goto(url);
    await tab.waitForTimeout(2500);
    const times = await tab.evaluate(() => (window as any).bench.times);
    console.log(JSON.stringify(times));
    if (warm === 1) await browser.stopTracing();
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
}
