import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startApp } from '../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../server/emulator/emulator.js';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.mjs';
import { buildPages } from './pages.js';
import { sessionCookie } from './seed.js';
const root = new URL('../', import.meta.url);
const paths = await buildPages();
const app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(root), refreshRateLimit: { requests: 100_000, windowMs: 60_000 } });
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs, '--use-fake-ui-for-media-stream'] });
try {
  const cookie = await sessionCookie(app.url);
  const url = new URL(paths[(process.argv[2] ?? 'acs-call') as 'acs-call'], app.url).href;
  const context = await browser.newContext({ permissions: ['camera', 'microphone'], viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ ...cookie, url: new URL('/', url).href }]);
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.waitForTimeout(3000);
  const result = await tab.evaluate(() => {
    const el = document.querySelector('.widget') as HTMLElement;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      el.style.display = 'none';
      void el.offsetHeight;
      const t = performance.now();
      el.style.display = '';
      void el.offsetHeight;
      times.push(performance.now() - t);
    }
    return times;
  });
  console.log(result.map((t) => t.toFixed(1)).join(' '));
  await context.close();
} finally {
  await browser.close();
  await app.close();
}
