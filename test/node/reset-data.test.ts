import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { resetDataDir } from '../../server/reset-data.js';

const scratch = mkdtempSync(join(tmpdir(), 'acs-reset-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A data folder as the server leaves it, plus any `extra` files. */
function dataFolder(name: string, extra: string[] = []): string {
  const folder = join(scratch, name);
  mkdirSync(join(folder, 'emulator'), { recursive: true });
  writeFileSync(join(folder, 'emulator', 'emulator.jsonl'), '{}\n');
  writeFileSync(join(folder, 'demo-thread.json'), '{}');
  for (const file of extra) writeFileSync(join(folder, file), '');
  return folder;
}

test('--reset deletes a data folder that holds only the server’s own files', () => {
  const folder = dataFolder('ours', ['demo-thread.json.123.tmp']);
  assert.equal(resetDataDir(folder), true);
  assert.equal(existsSync(folder), false);
  assert.equal(resetDataDir(folder), false, 'a missing folder is nothing to reset');
});

test('--reset refuses, deleting nothing, a folder with anything else in it, or a file', () => {
  const folder = dataFolder('mixed', ['notes.txt']);
  assert.throws(() => resetDataDir(folder), /holds notes\.txt, which the server did not write; nothing was deleted/);
  assert.ok(existsSync(join(folder, 'demo-thread.json')) && existsSync(join(folder, 'emulator', 'emulator.jsonl')));

  const nested = dataFolder('nested');
  writeFileSync(join(nested, 'emulator', 'photo.jpg'), '');
  assert.throws(() => resetDataDir(nested), /holds emulator/);
  assert.ok(existsSync(join(nested, 'emulator', 'emulator.jsonl')));

  assert.throws(() => resetDataDir(join(folder, 'notes.txt')), /is not a folder/);
  assert.throws(() => resetDataDir('/'), /nothing was deleted/);
});
