import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { en as callEn } from '../../src/call/i18n/en.js';
import { en as chatEn } from '../../src/chat/i18n/en.js';
import { en as dialpadEn } from '../../src/dialpad/i18n/en.js';
import { CDN_DIR, gzipBytes, isSdkChunk, reachableChunks, readCdnManifest, type ChunkInfo } from './support/cdn-manifest.js';

const chunks = readCdnManifest();
const KB = 1000;
const LOCALE_CHUNKS = new Set(['it', 'es', 'fr', 'de', 'pt', 'ja', 'ar']);
/**
 * Loaded only when a thread has an HTML (Teams) message, or the dial pad gets a paste of text (both
 * budgeted on their own below), or only in emulator mode: the local call engine that stands in for
 * the 1.8 MB calling SDK, and the chat SDK's plain-http transport to the local emulator. A page on
 * Azure never fetches them.
 */
const ON_DEMAND_CHUNKS = new Set(['sanitize', 'local-call-engine', 'emulator-transport', 'pasted-number']);

const sum = (files: string[]) => files.reduce((total, file) => total + gzipBytes(file), 0);

/**
 * The element code a page can load from `entry`: every chunk it reaches but the ACS SDKs, the
 * on-demand features, and the locale chunks of all languages but the largest (a page speaks one
 * language; each language is a few chunks, named after it: the element's own and the shared ones).
 */
function elementCode(entry: string): { files: string[]; bytes: number } {
  const reachable = reachableChunks(chunks, entry).filter((file) => !isSdkChunk(chunks[file]) && !ON_DEMAND_CHUNKS.has(chunks[file].name));
  const languages = [...LOCALE_CHUNKS].map((language) => reachable.filter((file) => chunks[file].name === language));
  const largest = languages.sort((a, b) => sum(b) - sum(a))[0];
  const files = reachable.filter((file) => !LOCALE_CHUNKS.has(chunks[file].name)).concat(largest);
  return { files, bytes: sum(files) };
}

const named = (name: string): [string, ChunkInfo] => Object.entries(chunks).find(([, chunk]) => chunk.name === name)!;

/**
 * DESIGN.md's budgets for the element code alone are chat 30 KB, call 35 KB, dial pad 45 KB "with
 * its phone metadata". Held here at what issue 14's look measured, so nothing grows unnoticed:
 * - chat 32,028 B (30,066 before): growing composer, 28 KB limit, failed messages with Retry and
 *   Discard, edit banner, More menu, avatars and grouping, participants panel, icons;
 * - call 36,936 B (33,292 before): the dark stage, responsive gallery keyed by person, speaker
 *   layout, tiles, one row of icon controls, the More menu and settings dialog, the end card;
 * - dial pad 64,873 B (63,452 before; libphonenumber-js is 32 KB of it): the one-row field, icon
 *   toggles, the call line and the caller-id check at load.
 * Issue 15 (bad input) added 4 error codes for call targets and 3 dial pad strings to every table
 * (+~270 B to each element: chat 32,633 B, call 37,678 B with its target checks, dial pad 66,091 B
 * with its paste and extension handling; the text matcher is a chunk of its own, loaded on paste).
 * Every element also pays for the other elements' strings: each locale table, English in the shared
 * chunk included, holds all three (the largest, ja, is 3.3 KB). Tables split per element, and CSS
 * and HTML minified in the build, are the way back under DESIGN's lines (see the closing note).
 * Issue 18 then compacted the CSS templates (−~350 B each) and moved sign-in (session, jose's JWT
 * decoder) into chunks of their own, off the path to the first paint (−2.4 KB there: the dial pad's
 * page is usable on 58 KiB), at ~+700 B in all for the extra chunks' own gzip overhead: chat
 * 32,983 B, call 38,441 B (with the local engine's routing), dial pad 66,927 B.
 * Splitting the string tables per element (English in the element's own chunk, each other language
 * one chunk per element on top of the shared strings' chunk) then took chat from 33,380 B to
 * 31,020 B, call from 38,719 B to 37,699 B and the dial pad from 67,086 B to 65,134 B. The calling
 * SDK's download hint at connect (its URL, the `modulepreload` link) added ~130 B to the call and
 * ~120 B to the dial pad (the shared calling chunk): call 37,834 B, dial pad 65,252 B. The lobby's
 * microphone after the preview's first frame and its scrolling in a short box: call 38,031 B.
 */
const ELEMENT_BUDGETS = { 'acs-chat.js': 31.25 * KB, 'acs-call.js': 38.25 * KB, 'acs-dialpad.js': 65.5 * KB };

for (const [entry, budget] of Object.entries(ELEMENT_BUDGETS)) {
  test(`${entry} element code stays within ${budget / KB} KB gzip`, () => {
    const { files, bytes } = elementCode(entry);
    assert.ok(bytes <= budget, `${entry}: ${bytes} bytes gzip > ${budget} (${files.join(', ')})`);
  });
}

/** What the browser loads before the element paints: the entry and its static imports. */
function paintPath(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    chunks[file].imports.forEach(visit);
  };
  visit(entry);
  return [...seen];
}

// Before the tables were split per element, every element painted with all three elements' English.
test("each element paints with its own English strings, and no other element's", () => {
  const marks = { 'acs-chat.js': chatEn.chat.placeholder, 'acs-call.js': callEn.call.lobbyTitle, 'acs-dialpad.js': dialpadEn.dialpad.zeroKey };
  for (const entry of Object.keys(marks)) {
    const code = paintPath(entry)
      .map((file) => readFileSync(new URL(file, CDN_DIR), 'utf8'))
      .join('\n');
    for (const [owner, mark] of Object.entries(marks)) assert.equal(code.includes(mark), owner === entry, `${entry} and “${mark}”`);
  }
});

// Issue 18's goal is 60 KiB before the pad is usable, sign-in included (now after the first paint). 60,021 B before the
// string tables were split per element, 59,057 B after, 59,419 B with the selected country named on its own.
test('the dial pad paints with at most 58.25 KiB gzip of code', () => {
  const files = paintPath('acs-dialpad.js');
  const bytes = files.reduce((total, file) => total + gzipBytes(file), 0);
  assert.ok(bytes <= 58.25 * 1024, `${bytes} bytes gzip (${files.join(', ')})`);
});

test('the HTML sanitizer (DOMPurify), fetched with the first HTML message, stays within 12.5 KB gzip', () => {
  const [file] = named('sanitize');
  assert.ok(reachableChunks(chunks, 'acs-chat.js').includes(file));
  assert.ok(gzipBytes(file) <= 12.5 * KB, `${file}: ${gzipBytes(file)} bytes gzip`);
});

test('the dial pad’s number finder (libphonenumber-js’s text matcher), fetched with the first paste of text, stays within 7.5 KB gzip', () => {
  const [file] = named('pasted-number');
  assert.ok(reachableChunks(chunks, 'acs-dialpad.js').includes(file));
  assert.ok(!chunks['acs-dialpad.js'].imports.includes(file), 'it is imported at load');
  assert.ok(gzipBytes(file) <= 7.5 * KB, `${file}: ${gzipBytes(file)} bytes gzip`);
});

test('a chat page loads at most the chat SDK (with @azure/communication-common) plus 40 KB gzip before it is usable', () => {
  const { files, bytes } = elementCode('acs-chat.js');
  assert.ok(bytes <= 40 * KB, `chat page without the chat SDK: ${bytes} bytes gzip (${files.join(', ')})`);
});

test('nothing the chat entry can load contains the calling SDK', () => {
  for (const file of reachableChunks(chunks, 'acs-chat.js')) {
    assert.ok(!chunks[file].packages.includes('@azure/communication-calling'), `${file} holds the calling SDK`);
  }
});

test('each ACS SDK sits in its own chunk, away from the element code', () => {
  for (const [sdk, chunkName] of [
    ['@azure/communication-chat', 'acs-chat-sdk'],
    ['@azure/communication-calling', 'acs-calling-sdk'],
    ['@azure/communication-common', 'acs-common-sdk'],
  ] as const) {
    const holders = Object.values(chunks).filter((chunk) => chunk.packages.includes(sdk));
    assert.deepEqual(
      holders.map((chunk) => chunk.name),
      [chunkName],
      `${sdk} is in ${holders.map((chunk) => chunk.name).join(',')}`,
    );
  }
});
