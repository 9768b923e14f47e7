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
      relative(projectRoot, resolve(projectRoot, dirname(file), specifier!.replace(/\.js$/, '.ts'))).replaceAll('\\', '/'),
    );
    graph.set(file, targets);
  }
  return graph;
}

const src = importGraph('src');
const folderOf = (file: string) => file.split('/')[1];

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

const MAX_SERVER_LINES = 400;

test(`no file in server/ is over ${MAX_SERVER_LINES} lines`, () => {
  const lines = sourceFiles('server').map((file) => {
    const text = readFileSync(join(projectRoot, file), 'utf8');
    // Counted as `wc -l` does, plus an unterminated last line.
    return { file, count: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) };
  });
  assert.ok(lines.length > 10, 'server/ holds its source files');
  assert.deepEqual(
    lines.filter(({ count }) => count > MAX_SERVER_LINES).map(({ file, count }) => `${file}: ${count} lines`),
    [],
  );
});
