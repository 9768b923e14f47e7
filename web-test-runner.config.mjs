import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium.mjs';
import { acsElementsPlugin } from './src/testing/node/web-test-runner.ts';
import { tokenServiceDouble } from './test/support/token-service-double.mjs';
import { startApp } from './server/app.ts';
import { DEVELOPMENT_ACCESS_KEY } from './server/emulator/emulator.ts';

const port = await freePort();
// The real token service and emulator, on their own origin as they would be for a page on a CMS.
const emulatorApp = await startApp({
  port: 0,
  emulatorKey: DEVELOPMENT_ACCESS_KEY,
  projectRoot: fileURLToPath(new URL('.', import.meta.url)),
  allowedOrigins: [`http://localhost:${port}`],
  emulatorFaults: true,
});
// The same, issuing 12-second tokens: refreshes happen while a test watches.
const shortTokenApp = await startApp({
  port: 0,
  emulatorKey: DEVELOPMENT_ACCESS_KEY,
  projectRoot: fileURLToPath(new URL('.', import.meta.url)),
  allowedOrigins: [`http://localhost:${port}`],
  tokenLifetimeSeconds: 12,
});

/** `POST /test-api/seed?threadId&sender&count`: writes a long history straight into the emulator (10,000 POSTs would take minutes). */
function seedMessages(context, next) {
  if (context.path !== '/test-api/seed') return next();
  const { threadId, sender, count } = context.query;
  emulatorApp.emulator.seedMessages(threadId, sender, Number(count));
  context.body = { seeded: Number(count) };
}

/** A port nobody listens on now, so parallel runs do not collide (the app must know the origin in advance). */
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, 'localhost', resolve));
  const { port: free } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return free;
}

export default {
  files: ['test/browser/**/*.test.ts'],
  // The Azure packages ship Node builds by default; the browser condition picks their browser builds.
  nodeResolve: { browser: true, exportConditions: ['browser'] },
  plugins: [acsElementsPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  port,
  middleware: [
    tokenServiceDouble(),
    function emulatorAddress(context, next) {
      if (context.path !== '/test-api/emulator') return next();
      context.body = { url: (context.query.tokens === 'short' ? shortTokenApp : emulatorApp).url };
    },
    seedMessages,
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
      createBrowserContext: ({ browser }) => browser.newContext({ permissions: ['camera', 'microphone'] }),
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
};
