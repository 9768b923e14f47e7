/**
 * `npm run bench`: cold loads of the demo pages in headless Chromium against the in-memory
 * emulator — time until `acs-ready` and JavaScript bytes fetched — the gzip size of each CDN
 * chunk, and the call lobby on the real calling SDK offline (preview before the SDK). Run `npm run build` first. Figures are medians of RUNS fresh browser contexts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { startApp } from '../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../server/emulator/emulator.js';
import { openRealSdkLobby, readMarks, waitForMark } from '../test/node/support/real-sdk-lobby.js';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = new URL('../', import.meta.url);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { chunks: manifest } = JSON.parse(readFileSync(new URL('dist/cdn/manifest.json', root), 'utf8')) as { chunks: Record<string, { name: string }> };
console.log('CDN chunk                 gzip kB');
for (const [file, chunk] of Object.entries(manifest).sort(([, a], [, b]) => a.name.localeCompare(b.name))) {
  console.log(`${chunk.name.padEnd(24)} ${(gzipSync(readFileSync(new URL(`dist/cdn/${file}`, root)), { level: 9 }).length / 1000).toFixed(1).padStart(8)}`);
}

const app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(root) });
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
try {
  console.log(`\npage (cold, median of ${RUNS})          ready ms   JS kB (uncompressed: the demo server does not gzip)`);
  for (const [path, elements] of [
    ['/cms.html', 1],
    ['/', 3],
  ] as const) {
    const ready: number[] = [];
    const bytes: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
      const page = await context.newPage();
      await page.addInitScript((count) => {
        let seen = 0;
        document.addEventListener('acs-ready', () => {
          seen += 1;
          if (seen === count) (window as unknown as { readyAt: number }).readyAt = performance.now();
        });
      }, elements);
      await page.goto(new URL(path, app.url).href);
      await page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt !== undefined, undefined, { timeout: 60000 });
      ready.push(await page.evaluate(() => (window as unknown as { readyAt: number }).readyAt));
      bytes.push(
        await page.evaluate(() =>
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            .filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'))
            .reduce((sum, entry) => sum + entry.encodedBodySize, 0),
        ),
      );
      await context.close();
    }
    console.log(
      `${`${path} (${elements} element${elements > 1 ? 's' : ''})`.padEnd(36)} ${median(ready).toFixed(0).padStart(8)}   ${(median(bytes) / 1024).toFixed(0).padStart(8)}`,
    );
  }

  console.log(`\ncall lobby, real SDK offline, 20 Mbit/s link (median of ${RUNS}), ms after navigation`);
  const lobby: Record<string, number[]> = {};
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const page = await openRealSdkLobby(context, app.url);
    await waitForMark(page, 'acs-call:device-manager-ready', 60000);
    for (const [name, at] of Object.entries(await readMarks(page))) (lobby[name] ??= []).push(at);
    await context.close();
  }
  const firstPaint = median(lobby['acs-call:first-paint']);
  for (const name of [
    'acs-call:first-paint',
    'acs-call:browser-devices-listed',
    'acs-call:preview-playing',
    'acs:calling-sdk-loaded',
    'acs-call:device-manager-ready',
  ]) {
    console.log(`${name.padEnd(36)} ${median(lobby[name]).toFixed(0).padStart(8)}`);
  }
  console.log(`${'preview after first paint (target ≤ 1000)'.padEnd(36)} ${(median(lobby['acs-call:preview-playing']) - firstPaint).toFixed(0).padStart(8)}`);
} finally {
  await browser.close();
  await app.close();
}
