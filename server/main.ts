import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp } from './app.js';
import { DEVELOPMENT_ACCESS_KEY } from './emulator/emulator.js';
import { buildWithProgress } from './first-build.js';
import { parseRate } from './rate-limit.js';
import { resetDataDir } from './reset-data.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const inMemory = process.argv.includes('--in-memory');
const reset = process.argv.includes('--reset');
const dataDir = inMemory ? undefined : (process.env.ACS_EMULATOR_DATA ?? '.data');
const DEMO_PAGES = [
  ['', 'all three elements'],
  ['cms.html', 'a CMS page with one script tag'],
  ['api.html', 'the elements’ reference'],
] as const;

/** A variable set empty (`ACS_CONNECTION_STRING=` in a .env or compose file) counts as unset. */
function setting(name: string): string | undefined {
  const value = process.env[name];
  return value === '' ? undefined : value;
}

function rateSetting(name: string) {
  const value = setting(name);
  try {
    return value === undefined ? undefined : parseRate(value);
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (!existsSync(new URL('../dist/cdn/acs-elements.js', import.meta.url))) buildWithProgress(projectRoot);

let wasReset = false;
if (reset && dataDir) {
  try {
    wasReset = resetDataDir(dataDir);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

const app = await startApp({
  port: Number(process.env.PORT ?? 8080),
  host: process.env.HOST,
  connectionString: setting('ACS_CONNECTION_STRING'),
  emulatorKey: setting('ACS_EMULATOR_KEY') ?? DEVELOPMENT_ACCESS_KEY,
  dataDir,
  allowedOrigins: (process.env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean),
  trustProxy: setting('TRUST_PROXY'),
  rateLimit: rateSetting('RATE_LIMIT'),
  refreshRateLimit: rateSetting('REFRESH_RATE_LIMIT'),
  webhookKey: setting('EVENT_GRID_WEBHOOK_KEY'),
  tokenLifetimeSeconds: process.env.ACS_EMULATOR_TOKEN_SECONDS ? Number(process.env.ACS_EMULATOR_TOKEN_SECONDS) : undefined,
  emulatorFaults: process.env.ACS_EMULATOR_FAULTS === '1',
  projectRoot,
});

console.log('acs-elements demo:');
for (const [path, what] of DEMO_PAGES) console.log(`  ${new URL(path, app.url).href.padEnd(36)} ${what}`);
if (app.mode === 'emulator') {
  console.log(`Mode: local ACS emulator${inMemory ? ' (in memory)' : ''}. Connection string:`);
  console.log(`  ${app.emulatorConnectionString}`);
} else {
  console.log('Mode: Azure Communication Services (ACS_CONNECTION_STRING).');
}
if (dataDir) {
  const where = resolve(dataDir);
  console.log(
    reset ? `Data: ${where}, ${wasReset ? 'emptied (--reset)' : 'new (--reset: there was none)'}.` : `Data: ${where} (npm start -- --reset starts empty).`,
  );
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
