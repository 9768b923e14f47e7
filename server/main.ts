import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startApp } from './app.js';
import { DEVELOPMENT_ACCESS_KEY } from './emulator/emulator.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const inMemory = process.argv.includes('--in-memory');

if (!existsSync(new URL('../dist/cdn/acs-elements.js', import.meta.url))) {
  console.log('Building the elements first (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const app = await startApp({
  port: Number(process.env['PORT'] ?? 8080),
  host: process.env['HOST'],
  connectionString: process.env['ACS_CONNECTION_STRING'] || undefined,
  emulatorKey: process.env['ACS_EMULATOR_KEY'] || DEVELOPMENT_ACCESS_KEY,
  dataDir: inMemory ? undefined : (process.env['ACS_EMULATOR_DATA'] ?? '.data'),
  allowedOrigins: (process.env['ALLOWED_ORIGINS'] ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
  webhookKey: process.env['EVENT_GRID_WEBHOOK_KEY'] || undefined,
  tokenLifetimeSeconds: process.env['ACS_EMULATOR_TOKEN_SECONDS'] ? Number(process.env['ACS_EMULATOR_TOKEN_SECONDS']) : undefined,
  projectRoot,
});

console.log(`acs-elements demo: ${app.url}`);
if (app.mode === 'emulator') {
  console.log(`Mode: local ACS emulator${inMemory ? ' (in memory)' : ''}. Connection string:`);
  console.log(`  ${app.emulatorConnectionString}`);
} else {
  console.log('Mode: Azure Communication Services (ACS_CONNECTION_STRING).');
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
