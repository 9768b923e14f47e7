import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startApp, type RunningApp } from '../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';

let app: RunningApp;

before(async () => {
  app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(new URL('../../', import.meta.url)) });
});
after(() => app.close());

/** Sends raw HTTP, as a broken or hostile client can, and returns the status line. */
function rawRequest(text: string): Promise<string> {
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), 'localhost', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

test('a malformed Host header is answered 400 and the server stays up', async () => {
  assert.equal(await rawRequest('GET / HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n'), 'HTTP/1.1 400 Bad Request');
  const page = await fetch(app.url);
  assert.equal(page.status, 200);
});

// An SDK given an endpoint with a trailing slash asks for `//chat/…`; `new URL` alone would read
// `chat` as a host name and every such request would be "not found".
test('a path that starts with two slashes reaches its route', async () => {
  const status = (path: string) => rawRequest(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  assert.equal(
    await status('//chat/config/realTimeNotifications?api-version=2024-09-01'),
    await status('/chat/config/realTimeNotifications?api-version=2024-09-01'),
  );
  assert.doesNotMatch(await status('//chat/config/realTimeNotifications?api-version=2024-09-01'), / 404 /);
});
