import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(projectRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(folder, file).replaceAll('\\', '/'));
}

/** Each source file with the project files it imports (statically, dynamically or as types), as paths from the project root. */
function importGraph(folder: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(folder)) {
    const text = readFileSync(join(projectRoot, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)].map(([, , specifier]) =>
      relative(projectRoot, resolve(projectRoot, dirname(file), specifier.replace(/\.js$/, '.ts'))).replaceAll('\\', '/'),
    );
    graph.set(file, targets);
  }
  return graph;
}

const src = importGraph('src');
const folderOf = (file: string): string | undefined => file.split('/')[1];

/** Which folders of src/ each folder may not import from. */
const FORBIDDEN: Record<string, string[]> = {
  core: ['chat', 'calling', 'call', 'dialpad', 'testing'],
  chat: ['calling', 'call', 'dialpad', 'testing'],
  calling: ['chat', 'call', 'dialpad', 'testing'],
  call: ['chat', 'dialpad', 'testing'],
  dialpad: ['chat', 'call', 'testing'],
};

test('imports point one way: core knows no feature, chat knows no calling, and only the test kit imports the test kit', () => {
  // Not vacuous: the graph holds the imports of every element.
  assert.ok(src.get('src/call/acs-call.ts')?.includes('src/call/call-controller.ts'));
  const violations: string[] = [];
  for (const [file, targets] of src) {
    const forbidden = FORBIDDEN[folderOf(file) ?? ''] ?? [];
    for (const target of targets) {
      const into = target.startsWith('src/') ? folderOf(target) : undefined;
      if (into && forbidden.includes(into)) violations.push(`${file} → ${target}`);
      if (into === 'testing' && folderOf(file) !== 'testing' && !target.endsWith('.d.ts')) violations.push(`${file} → ${target}`);
    }
  }
  assert.deepEqual([...new Set(violations)], []);
});

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (state.get(target) === 'open') found.push([...path.slice(path.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

test('no import circle in src/', () => {
  assert.deepEqual(
    cycles(src).map((cycle) => cycle.join(' → ')),
    [],
  );
});

const server = importGraph('server');

test('no import circle in server/', () => {
  // Not vacuous: the graph holds the server's imports, down into the emulator.
  assert.ok(server.get('server/app.ts')?.includes('server/emulator/emulator.ts'));
  assert.deepEqual(
    cycles(server).map((cycle) => cycle.join(' → ')),
    [],
  );
});

/** The modules that load or wrap an ACS SDK: an element reaches them only through its controller. */
const SDK_FACING = [
  'src/calling/call-engine-for.ts',
  'src/calling/sdk-engine.ts',
  'src/calling/calling-sdk.ts',
  'src/core/chat-sdk.ts',
  'src/core/sdk-loader.ts',
];

test('elements import SDK-facing modules only through their controller', () => {
  const elements = [...src.keys()].filter((file) => /^src\/[^/]+\/acs-[^/]+\.ts$/.test(file) && !file.endsWith('.styles.ts'));
  // Not vacuous: every element file is checked, and an SDK-facing module is reached through a controller.
  assert.ok(elements.includes('src/call/acs-call.ts') && elements.includes('src/dialpad/acs-dialpad.ts') && elements.includes('src/chat/acs-chat.ts'));
  assert.ok(src.get('src/calling/call-slot-controller.ts')?.includes('src/calling/call-engine-for.ts'));
  const violations = elements.flatMap((file) => (src.get(file) ?? []).filter((target) => SDK_FACING.includes(target)).map((target) => `${file} → ${target}`));
  assert.deepEqual(violations, []);
});

/** Locale tables may be longer: they are data, one string per line. */
const LONG_FILES_ALLOWED = [/^src\/core\/i18n\/[^/]+\.ts$/];
const MAX_LINES = 400;

test(`no file in src/ or server/ is over ${MAX_LINES} lines: split by job before it gets there`, () => {
  const files = [...sourceFiles('src'), ...sourceFiles('server')].filter((file) => !LONG_FILES_ALLOWED.some((allowed) => allowed.test(file)));
  assert.ok(files.includes('src/dialpad/acs-dialpad.ts') && files.includes('server/app.ts'));
  const long = files
    .map((file) => ({ file, lines: lineCount(readFileSync(join(projectRoot, file), 'utf8')) }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ file, lines }) => `${file}: ${lines} lines`);
  assert.deepEqual(long, []);
});

/** As `wc -l` counts, plus an unterminated last line. */
function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
