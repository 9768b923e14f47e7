import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { startApp } from '../../server/app.js';
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

/** `file(line` of every line a fixture marks as a deliberate error. */
function markedErrors(file: string): string[] {
  return readFileSync(join(fixtures, file), 'utf8')
    .split('\n')
    .flatMap((line, index) => (/\/\/ error|\{\/\* error \*\/\}/.test(line) ? [`${file}(${index + 1}`] : []));
}

const expectedErrors = [...markedErrors('type-errors.ts'), ...markedErrors('type-errors.tsx')].sort();

// One run per TypeScript checks the valid files and the deliberate mistakes together: the
// mistakes prove the check is not vacuous. The oldest 5.x we claim, the newest 5.x, and 7.x,
// side by side (tsc 5 takes 10-20 s on the Azure SDKs' declarations).
describe('TypeScript users', { concurrency: true }, () => {
  for (const typescript of ['typescript-5', 'typescript-5.9', 'typescript']) {
    const { version } = JSON.parse(readFileSync(join(repo, 'node_modules', typescript, 'package.json'), 'utf8')) as { version: string };

    test(`TypeScript ${version} (strict, skipLibCheck off) accepts the tags, event details, React wrappers and JSX tags, and rejects misuse`, async () => {
      const tsc = join(repo, 'node_modules', typescript, 'bin', 'tsc');
      const output = await run(process.execPath, [tsc, '-p', join(consumer, 'tsconfig.json')], { cwd: consumer }).then(
        () => '',
        (error: unknown) => (error as { stdout: string }).stdout,
      );
      const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
      const unexpected = errors.filter((line) => !/^type-errors\.tsx?\(/.test(line));
      assert.deepEqual(unexpected, [], "the package's types fail to check");
      const reported = new Set(errors.map((line) => /^(type-errors\.tsx?\(\d+)/.exec(line)?.[1]));
      assert.deepEqual([...reported].sort(), expectedErrors, `the deliberate type errors were not all reported:\n${output}`);
    });
  }
});

// Served from the demo server's own origin, so `token-url` needs no CORS.
test('a React 19 app renders <AcsChat>, signs in with token-url and hears onMessageSent', async () => {
  const site = join(consumer, 'react-site');
  mkdirSync(join(site, 'demo'), { recursive: true });
  writeFileSync(
    join(site, 'demo', 'index.html'),
    '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="app.js"></script></body></html>',
  );
  await build({
    entryPoints: [join(consumer, 'react-app.tsx')],
    outfile: join(site, 'demo', 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: site });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(app.url);
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.waitFor({ timeout: 30000 });
    await composer.fill('Hello from React');
    await composer.press('Enter');
    await page.waitForFunction(() => (window as unknown as { sentMessageIds: string[] }).sentMessageIds.length > 0, undefined, { timeout: 15000 });
    const ids = await page.evaluate(() => (window as unknown as { sentMessageIds: string[] }).sentMessageIds);
    assert.equal(ids.length, 1);
    assert.match(ids[0], /^\d+$/);
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
    await app.close();
  }
});

test('a Vite + Vue app with isCustomElement builds <acs-chat> as a custom element, without warnings', async () => {
  const vite = join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
  const { stdout, stderr } = await run(process.execPath, [vite, 'build', '--logLevel', 'warn', '--minify', 'false'], { cwd: join(consumer, 'vue') });
  assert.equal(`${stdout}${stderr}`.trim(), '', 'vite build printed warnings');
  const assets = join(consumer, 'vue', 'dist', 'assets');
  const code = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(assets, file), 'utf8'))
    .join('\n');
  // Vue compiles a custom element to a plain element; an unknown tag would be looked up as a
  // component at run time (and warn in the console) instead.
  assert.ok(code.includes('createElementBlock("acs-chat"'), 'the bundle does not render acs-chat as an element');
  assert.ok(!code.includes('resolveComponent("acs-chat"'), 'Vue treats acs-chat as a component');
});

test("the README's Vue snippets are the files this test builds", () => {
  assertReadmeShows('vue', ['vite.config.ts', 'src/main.ts', 'src/App.vue']);
});

/** Fails unless README.md shows each of `files` (under the fixture folder `folder`) exactly as it is. */
function assertReadmeShows(folder: string, files: string[]): void {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  for (const file of files) {
    assert.ok(readme.includes(readFileSync(join(fixtures, folder, file), 'utf8')), `README.md does not show ${folder}/${file} as it is`);
  }
}

// Component tests of <acs-call> (FakeCallEngine) and <acs-chat> (FakeChatClient) as a user writes
// them from the README's "Testing your own pages", on the packed package, in both runners.
describe('component tests written from the README', { concurrency: true }, () => {
  const projects = join(consumer, 'component-tests');
  const env = { ...process.env, CHROME_PATH: chromiumExecutable(), NO_COLOR: '1' };
  /** Runs the script `node_modules/<script>` with `args` in `project`: its output, or a failure that shows it. */
  async function runIn(project: string, script: string, args: string[] = []): Promise<string> {
    const { stdout, stderr } = await run(process.execPath, [join(repo, 'node_modules', script), ...args], {
      cwd: join(projects, project),
      env,
      timeout: 240_000,
    }).catch((error: unknown) => {
      const { stdout: out, stderr: err } = error as { stdout: string; stderr: string };
      throw new Error(`${project} tests failed:\n${out}\n${err}`);
    });
    return `${stdout}${stderr}`;
  }

  test('@web/test-runner runs them green, and the chat SDK loads through acsElementsPlugin', async () => {
    const output = await runIn('wtr', '@web/test-runner/dist/bin.js');
    assert.match(output, /3 passed, 0 failed/);
  });

  test('Vitest browser mode runs them green', async () => {
    const output = await runIn('vitest', 'vitest/vitest.mjs', ['run']);
    assert.match(output, /Tests {2}3 passed \(3\)/);
  });

  test('TypeScript 5.0 checks both test files against the packed types', async () => {
    const tsc = join(repo, 'node_modules', 'typescript-5', 'bin', 'tsc');
    for (const project of ['wtr', 'vitest']) {
      await run(process.execPath, [tsc, '-p', join(projects, project)]).catch((error: unknown) => {
        throw new Error(`${project}: ${(error as { stdout: string }).stdout}`);
      });
    }
  });

  test("the README's runner configs and test are the files these tests run", () => {
    assertReadmeShows('component-tests', ['wtr/web-test-runner.config.mjs', 'vitest/vitest.config.ts', 'wtr/test/elements.test.ts']);
  });
});
