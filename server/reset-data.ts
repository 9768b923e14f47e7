import { lstatSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Everything the server writes into its data folder: the emulator's journal and the demo thread's
// ids (plus the temporary file that replaces the latter atomically, should a crash leave one).
const EMULATOR_FOLDER = 'emulator';
const EMULATOR_FILES = /^emulator\.jsonl$/;
const TOP_LEVEL_FILES = /^demo-thread\.json(?:\.\d+\.tmp)?$/;

/**
 * `npm start -- --reset`: deletes the data folder, but only when it holds nothing but the server's
 * own files, file by file (never a recursive delete): a mistyped ACS_EMULATOR_DATA pointing at a
 * home folder or `/` is refused, not emptied. Returns false when there was nothing to delete.
 */
export function resetDataDir(dataDir: string): boolean {
  const folder = resolve(dataDir);
  const stats = lstatSync(folder, { throwIfNoEntry: false });
  if (!stats) return false;
  if (!stats.isDirectory()) throw new Error(`--reset: ${folder} is not a folder; nothing was deleted.`);
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isFile() && TOP_LEVEL_FILES.test(entry.name)) files.push(path);
    else if (entry.isDirectory() && entry.name === EMULATOR_FOLDER && onlyFiles(path, EMULATOR_FILES)) {
      files.push(...readdirSync(path).map((name) => join(path, name)));
      folders.push(path);
    } else {
      throw new Error(`--reset: ${folder} holds ${entry.name}, which the server did not write; nothing was deleted.`);
    }
  }
  for (const file of files) rmSync(file);
  for (const emptied of [...folders, folder]) rmdirSync(emptied);
  return true;
}

function onlyFiles(folder: string, names: RegExp): boolean {
  return readdirSync(folder, { withFileTypes: true }).every((entry) => entry.isFile() && names.test(entry.name));
}
