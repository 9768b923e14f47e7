import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where the emulator's changes go: appended to disk before they are acknowledged, or nowhere. */
export interface Journal<R> {
  append(record: R): void;
  close(): void;
}

/**
 * An append-only, fsync'd log of JSON lines. Opening replays every complete record through
 * `apply`; a torn last line (a crash mid-write, never acknowledged) is cut off.
 */
export function openJournal<R>(file: string, apply: (record: R) => void): Journal<R> {
  mkdirSync(dirname(file), { recursive: true });
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let goodBytes = 0;
  let offset = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    if (end === -1) break;
    const line = text.slice(offset, end);
    let record: R;
    try {
      record = JSON.parse(line) as R;
    } catch {
      break;
    }
    apply(record);
    offset = end + 1;
    goodBytes += Buffer.byteLength(line, 'utf8') + 1;
  }
  const fd = openSync(file, 'a+');
  ftruncateSync(fd, goodBytes);
  fsyncSync(fd);
  return {
    append(record) {
      writeSync(fd, `${JSON.stringify(record)}\n`);
      fsyncSync(fd);
    },
    close() {
      closeSync(fd);
    },
  };
}

/** For `--in-memory`: nothing survives the process. */
export function memoryJournal<R>(): Journal<R> {
  return {
    append() {
      // Nothing to write: the state in memory is all there is.
    },
    close() {
      // Nothing was opened.
    },
  };
}
