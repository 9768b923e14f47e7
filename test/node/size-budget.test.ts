import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipBytes, isSdkChunk, reachableChunks, readCdnManifest, type ChunkInfo } from './support/cdn-manifest.js';

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

/**
 * The element code a page can load from `entry`: every chunk it reaches but the ACS SDKs, the
 * on-demand features, and all locale tables but the largest (a page speaks one language).
 */
function elementCode(entry: string): { files: string[]; bytes: number } {
  const reachable = reachableChunks(chunks, entry).filter((file) => !isSdkChunk(chunks[file]) && !ON_DEMAND_CHUNKS.has(chunks[file].name));
  const locales = reachable.filter((file) => LOCALE_CHUNKS.has(chunks[file].name)).sort((a, b) => gzipBytes(b) - gzipBytes(a));
  const files = reachable.filter((file) => !LOCALE_CHUNKS.has(chunks[file].name)).concat(locales.slice(0, 1));
  return { files, bytes: files.reduce((sum, file) => sum + gzipBytes(file), 0) };
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
 */
const ELEMENT_BUDGETS = { 'acs-chat.js': 33.25 * KB, 'acs-call.js': 38.5 * KB, 'acs-dialpad.js': 67 * KB };

for (const [entry, budget] of Object.entries(ELEMENT_BUDGETS)) {
  test(`${entry} element code stays within ${budget / KB} KB gzip`, () => {
    const { files, bytes } = elementCode(entry);
    assert.ok(bytes <= budget, `${entry}: ${bytes} bytes gzip > ${budget} (${files.join(', ')})`);
  });
}

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
