import { fileURLToPath } from 'node:url';
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
const app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(root), refreshRateLimit: { requests: 100_000, windowMs: 60_000 } });
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs, '--use-fake-ui-for-media-stream'] });
try {
  const cookie = await sessionCookie(app.url);
  const url = new URL(paths[page], app.url).href;
  const totals = new Map<string, number>();
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'], viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ ...cookie, url: new URL('/', url).href }]);
    const tab = await context.newPage();
    await tab.addInitScript({ content: probeScript(page, 'seed 10000') });
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.goto(url);
    await tab.waitForFunction(() => (window as any).bench.times.composer !== undefined || (window as any).bench.times.painted !== undefined);
    const times = await tab.evaluate(() => (window as any).bench.times);
    const nowAtStop = await tab.evaluate(() => performance.now());
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
    let t = profile.startTime;
    // sample timestamps are relative deltas (µs) since profile start; navigation start unknown: keep samples up to painted via wall clock approx
    const painted = times.composer ?? times.painted;
    const navStart = profile.endTime - nowAtStop * 1000;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i];
      const ms = (t - navStart) / 1000;
      if (ms > painted) break;
      const node: any = byId.get(profile.samples[i]);
      const f = node.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      totals.set(key, (totals.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
    }
    console.log('painted', Math.round(painted));
    await context.close();
  }
  console.log([...totals].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / 5).toFixed(1).padStart(6)} ${k}`).join('\n'));
} finally {
  await browser.close();
  await app.close();
}
