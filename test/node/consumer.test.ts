import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright';
import { startApp, type RunningApp } from '../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';

// The package as npm users get it: `npm pack` of the built dist, extracted as
// .consumer/node_modules/acs-elements. The apps' other imports (typescript-5, react, vue, vite)
// resolve from the repo's node_modules by walking up, so nothing is fetched from a registry.
const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/consumer/', import.meta.url));
const consumer = join(repo, '.consumer');
const run = promisify(execFile);

before(async () => {
  rmSync(consumer, { recursive: true, force: true });
  mkdirSync(join(consumer, 'node_modules'), { recursive: true });
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', consumer], { cwd: repo });
  const [{ filename }] = JSON.parse(stdout) as { filename: string }[];
  await run('tar', ['-xzf', join(consumer, filename), '-C', join(consumer, 'node_modules')]);
  renameSync(join(consumer, 'node_modules', 'package'), join(consumer, 'node_modules', 'acs-elements'));
  cpSync(fixtures, consumer, { recursive: true });
});

/** Runs a tsc on a project of the consumer folder; resolves with its output and whether it passed. */
async function typeCheck(typescript: string, project: string): Promise<{ ok: boolean; output: string }> {
  const tsc = join(repo, 'node_modules', typescript, 'bin', 'tsc');
  try {
    const { stdout } = await run(process.execPath, [tsc, '-p', join(consumer, project)], { cwd: consumer });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: (error as { stdout: string }).stdout };
  }
}

/** `file(line)` of every line a fixture marks as a deliberate error. */
function markedErrors(file: string): string[] {
  return readFileSync(join(fixtures, file), 'utf8')
    .split('\n')
    .flatMap((line, index) => (/\/\/ error|\{\/\* error \*\/\}/.test(line) ? [`${file}(${index + 1}`] : []));
}

const typescripts = ['typescript-5', 'typescript-5.9', 'typescript'];

for (const typescript of typescripts) {
  const { version } = JSON.parse(readFileSync(join(repo, 'node_modules', typescript, 'package.json'), 'utf8')) as { version: string };

  test(`TypeScript ${version} (strict, skipLibCheck off) accepts the package's types: tags, event details, React wrappers and JSX tags`, async () => {
    const { ok, output } = await typeCheck(typescript, 'tsconfig.json');
    assert.ok(ok, output);
  });

  test(`TypeScript ${version} rejects wrong property types, detail fields and JSX attributes`, async () => {
    const { ok, output } = await typeCheck(typescript, 'tsconfig.errors.json');
    assert.equal(ok, false, 'the deliberate type errors passed: the types are too loose');
    const reported = [...output.matchAll(/^(type-errors\.tsx?\(\d+),\d+\): error/gm)].map((match) => match[1]);
    assert.deepEqual([...new Set(reported)].sort(), [...markedErrors('type-errors.ts'), ...markedErrors('type-errors.tsx')].sort(), output);
  });
}

let app: RunningApp | undefined;
let browser: Browser | undefined;
after(async () => {
  await browser?.close();
  await app?.close();
});

/**
 * Bundles the React app with the given React copies and serves it from the demo server's own
 * origin (so `token-url` needs no CORS), then sends a message as a user would.
 */
async function sendFromReactApp(react: { react: string; 'react-dom': string }): Promise<string[]> {
  const site = join(consumer, `site-${react.react}`);
  mkdirSync(join(site, 'demo'), { recursive: true });
  writeFileSync(join(site, 'demo', 'index.html'), '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="app.js"></script></body></html>');
  await build({
    entryPoints: [join(consumer, 'react-app.tsx')],
    outfile: join(site, 'demo', 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    alias: react,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: site });
  browser ??= await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(app.url);
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.waitFor({ timeout: 30000 });
    await composer.fill('Hello from React');
    await composer.press('Enter');
    await page.waitForFunction(() => (window as unknown as { sentMessageIds: string[] }).sentMessageIds.length > 0, undefined, { timeout: 15000 });
    assert.deepEqual(pageErrors, []);
    return await page.evaluate(() => (window as unknown as { sentMessageIds: string[] }).sentMessageIds);
  } finally {
    await page.close();
    await app.close();
    app = undefined;
  }
}

test('a React 19 app renders <AcsChat>, signs in with token-url and hears onMessageSent', async () => {
  const ids = await sendFromReactApp({ react: 'react', 'react-dom': 'react-dom' });
  assert.equal(ids.length, 1);
  assert.match(ids[0]!, /^\d+$/);
});

test('the same app works with React 18', { skip: !existsSync(join(repo, 'node_modules', 'react-18')) && 'react-18 is not installed' }, async () => {
  const ids = await sendFromReactApp({ react: 'react-18', 'react-dom': 'react-dom-18' });
  assert.equal(ids.length, 1);
});

test('a Vite + Vue app with isCustomElement builds <acs-chat> as a custom element, without warnings', async () => {
  const vite = join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
  const { stdout, stderr } = await run(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: join(consumer, 'vue') });
  assert.equal(`${stdout}${stderr}`.trim(), '', 'vite build printed warnings');
  const assets = join(consumer, 'vue', 'dist', 'assets');
  const code = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(assets, file), 'utf8'))
    .join('\n');
  // Vue compiles a custom element to a plain element; an unknown component would be resolved at run time instead.
  assert.ok(/["'`]acs-chat["'`]/.test(code), 'the bundle renders no acs-chat');
  assert.ok(!/resolveComponent\(["'`]acs-chat/.test(code), 'Vue treats acs-chat as a component');
});
