import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startApp, type RunningApp } from '../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
let app: RunningApp;

before(async () => {
  app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot });
});
after(() => app.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, app.url), { headers });

test('CDN entry files: any origin may load them, text/javascript, cached five minutes then revalidated with a 304', async () => {
  for (const entry of ['acs-elements.js', 'acs-chat.js', 'acs-call.js', 'acs-dialpad.js']) {
    const response = await get(`/dist/cdn/${entry}`, { Origin: 'https://cms.example' });
    assert.equal(response.status, 200, entry);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
    const etag = response.headers.get('etag')!;
    assert.match(etag, /^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    assert.ok(response.headers.get('last-modified'));
    await response.arrayBuffer();

    const again = await get(`/dist/cdn/${entry}`, { 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(again.headers.get('access-control-allow-origin'), '*');
    assert.equal((await again.arrayBuffer()).byteLength, 0);
    assert.equal((await get(`/dist/cdn/${entry}`, { 'If-None-Match': 'W/"0-0"' })).status, 200);
  }
  const manifest = await get('/dist/cdn/manifest.json');
  assert.equal(manifest.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(manifest.headers.get('cache-control'), 'public, max-age=300');
  assert.equal(manifest.headers.get('access-control-allow-origin'), '*');
});

test('CDN chunks carry a content hash in their name, so they are cached for a year as immutable', async () => {
  const chunks = readdirSync(new URL('../../dist/cdn/chunks/', import.meta.url));
  assert.ok(chunks.length > 0);
  for (const chunk of chunks.filter((name) => !name.startsWith('acs-calling-sdk')).slice(0, 5)) {
    const response = await fetch(new URL(`/dist/cdn/chunks/${chunk}`, app.url), { method: 'HEAD' });
    assert.equal(response.status, 200, chunk);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable', chunk);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
  }
});

test('pages and the npm build keep no-cache and no CORS header; /favicon.ico and /custom-elements.json are served', async () => {
  for (const path of ['/', '/cms.html', '/dist/index.js']) {
    const response = await get(path);
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get('cache-control'), 'no-cache', path);
    assert.equal(response.headers.get('access-control-allow-origin'), null, path);
    await response.arrayBuffer();
  }
  const icon = await get('/favicon.ico');
  assert.equal(icon.status, 200);
  assert.equal(icon.headers.get('content-type'), 'image/x-icon');
  assert.deepEqual([...new Uint8Array(await icon.arrayBuffer()).subarray(0, 4)], [0, 0, 1, 0]);
  const manifest = await get('/custom-elements.json');
  assert.equal(manifest.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(((await manifest.json()) as { schemaVersion: string }).schemaVersion.length > 0, true);
});
