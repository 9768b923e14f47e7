import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CDN_DIR, readCdnManifest } from './support/cdn-manifest.js';

const chunks = readCdnManifest();
const EVAL = /\bFunction\(\s*["'`]|\bnew Function\b|\beval\(/;

// A page whose Content-Security-Policy has no 'unsafe-eval' reports (or breaks on) any of these.
// The calling SDK ships minified under Microsoft's licence and is not ours to change: its one
// `Function("return this")` is lodash's fallback, never reached in a browser (`self` is found first).
test('no CDN chunk but the calling SDK evaluates strings as code (strict CSP without unsafe-eval)', () => {
  for (const [file, chunk] of Object.entries(chunks)) {
    if (chunk.name === 'acs-calling-sdk') continue;
    const code = readFileSync(new URL(file, CDN_DIR), 'utf8');
    assert.doesNotMatch(code, EVAL, `${file} (${chunk.name}) evaluates a string`);
  }
});
