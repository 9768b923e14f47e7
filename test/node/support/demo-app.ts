import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { startApp, type RunningApp } from '../../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../../server/emulator/emulator.js';
import { chromiumArgs, chromiumExecutable } from '../../support/chromium.mjs';

/** The demo server (in memory, emulator mode) and a Chromium, for the tests of one file. */
export function useDemoApp(): { app(): RunningApp; browser(): Browser } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  before(async () => {
    app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(new URL('../../../', import.meta.url)) });
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });
  return { app: () => app!, browser: () => browser! };
}
