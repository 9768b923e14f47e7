import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readmeGallery, readmeGalleryNow, scenarios } from '../../scripts/screenshots.js';

const root = new URL('../../', import.meta.url);

test('the README shows the pictures npm run screenshots renders, with their captions', () => {
  assert.equal(readmeGalleryNow(readFileSync(new URL('README.md', root), 'utf8')), readmeGallery());
});

test('every picture npm run screenshots renders is in docs/screenshots/', () => {
  for (const { name } of scenarios) assert.ok(existsSync(new URL(`docs/screenshots/${name}.png`, root)), `docs/screenshots/${name}.png is missing`);
});
