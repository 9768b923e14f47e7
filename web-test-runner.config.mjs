import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium.mjs';
import { prebundleCommonJs } from './test/support/commonjs-prebundle.mjs';
import { tokenServiceDouble } from './test/support/token-service-double.mjs';

export default {
  files: ['test/browser/**/*.test.ts'],
  // The Azure packages ship Node builds by default; the browser condition picks their browser builds.
  nodeResolve: { browser: true, exportConditions: ['browser'] },
  plugins: [
    prebundleCommonJs(['@azure/communication-signaling', 'events']),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  middleware: [tokenServiceDouble()],
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
