import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipBytes, isSdkChunk, reachableChunks, readCdnManifest } from './support/cdn-manifest.js';

const chunks = readCdnManifest();
const KB = 1000;

// Budgets from DESIGN.md, for the element code alone (every chunk the entry can load but the ACS SDKs).
const ELEMENT_BUDGETS = { 'acs-chat.js': 30 * KB, 'acs-call.js': 35 * KB, 'acs-dialpad.js': 45 * KB };

for (const [entry, budget] of Object.entries(ELEMENT_BUDGETS)) {
  test(`${entry} element code stays within ${budget / KB} KB gzip`, () => {
    const files = reachableChunks(chunks, entry).filter((file) => !isSdkChunk(chunks[file]!));
    const total = files.reduce((sum, file) => sum + gzipBytes(file), 0);
    assert.ok(total <= budget, `${entry}: ${total} bytes gzip > ${budget} (${files.join(', ')})`);
  });
}

test('a chat page loads at most the chat SDK plus 40 KB gzip before it is usable', () => {
  const files = reachableChunks(chunks, 'acs-chat.js').filter((file) => chunks[file]!.name !== 'acs-chat-sdk');
  const total = files.reduce((sum, file) => sum + gzipBytes(file), 0);
  assert.ok(total <= 40 * KB, `chat page without the chat SDK: ${total} bytes gzip (${files.join(', ')})`);
});

test('nothing the chat entry can load contains the calling SDK', () => {
  for (const file of reachableChunks(chunks, 'acs-chat.js')) {
    assert.ok(!chunks[file]!.packages.includes('@azure/communication-calling'), `${file} holds the calling SDK`);
  }
});

test('each ACS SDK sits in its own chunk, away from the element code', () => {
  for (const [sdk, chunkName] of [
    ['@azure/communication-chat', 'acs-chat-sdk'],
    ['@azure/communication-calling', 'acs-calling-sdk'],
    ['@azure/communication-common', 'acs-common-sdk'],
  ] as const) {
    const holders = Object.values(chunks).filter((chunk) => chunk.packages.includes(sdk));
    assert.deepEqual(holders.map((chunk) => chunk.name), [chunkName], `${sdk} is in ${holders.map((chunk) => chunk.name)}`);
  }
});
