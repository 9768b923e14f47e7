import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startApp, type RunningApp } from '../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';
import type { SessionBody } from '../../server/token-service.js';

let app: RunningApp;
let token: string;
let threadPath: string;

before(async () => {
  app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(new URL('../../', import.meta.url)) });
  const session = (await (await fetch(new URL('/api/session', app.url), { method: 'POST', body: '{}' })).json()) as SessionBody;
  token = session.token;
  threadPath = `/chat/threads/${encodeURIComponent(session.threadId!)}`;
});
after(() => app.close());

const chat = (path: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {}, bearer: string | null = token) =>
  fetch(new URL(`${path}${path.includes('?') ? '&' : '?'}api-version=2025-03-15`, app.url), {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(bearer && { Authorization: `Bearer ${bearer}` }), ...init.headers },
  });

async function assertAcsError(response: Response, status: number) {
  assert.equal(response.status, status, `${response.url}: expected ${status}, got ${response.status}`);
  // Typed loosely on purpose: the shape is what this checks.
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  assert.equal(typeof body.error?.code, 'string');
  assert.equal(typeof body.error?.message, 'string');
}

const cases: [string, () => Promise<Response>, number][] = [
  ['malformed JSON', () => chat(`${threadPath}/messages`, { method: 'POST', body: '{"content": "unterminated' }), 400],
  ['a JSON array where an object belongs', () => chat(`${threadPath}/messages`, { method: 'POST', body: '[1,2]' }), 400],
  ['a missing required field', () => chat(`${threadPath}/messages`, { method: 'POST', body: '{}' }), 400],
  ['a wrong field type', () => chat(`${threadPath}/messages`, { method: 'POST', body: '{"content": 42}' }), 400],
  ['an unknown message type', () => chat(`${threadPath}/messages`, { method: 'POST', body: '{"content": "x", "type": "exe"}' }), 400],
  ['an oversized body', () => chat(`${threadPath}/messages`, { method: 'POST', body: JSON.stringify({ content: 'x'.repeat(2 * 1024 * 1024) }) }), 413],
  ['an oversized message', () => chat(`${threadPath}/messages`, { method: 'POST', body: JSON.stringify({ content: 'x'.repeat(30 * 1024) }) }), 413],
  ['a bad page size', () => chat(`${threadPath}/messages?maxPageSize=0`), 400],
  ['a bad startTime', () => chat(`${threadPath}/messages?startTime=yesterday`), 400],
  ['an unknown route', () => chat('/chat/nothing-here'), 404],
  ['an unknown thread', () => chat('/chat/threads/19%3Anope%40thread.v2'), 404],
  ['an unknown message', () => chat(`${threadPath}/messages/123`), 404],
  ['a wrong method', () => chat(`${threadPath}/typing`, { method: 'GET' }), 405],
  ['no token', () => chat(`${threadPath}/messages`, {}, null), 401],
  ['a garbage token', () => chat(`${threadPath}/messages`, {}, 'garbage'), 401],
  ['a token signed with another key', () => chat(`${threadPath}/messages`, {}, `${token.slice(0, token.lastIndexOf('.'))}.AAAA`), 401],
  ['a wrong api-version', () => fetch(new URL(`${threadPath}?api-version=2020-01-01`, app.url), { headers: { Authorization: `Bearer ${token}` } }), 400],
  ['an identity call without a signature', () => fetch(new URL('/identities?api-version=2023-10-01', app.url), { method: 'POST', body: '{}' }), 401],
  ['a session request with malformed JSON', () => fetch(new URL('/api/session', app.url), { method: 'POST', body: '{' }), 400],
  ['a bot webhook call without its key', () => fetch(new URL('/api/events', app.url), { method: 'POST', body: '[]' }), 401],
];

for (const [name, send, status] of cases) {
  test(`${name} gets ${status} with the ACS error shape`, async () => assertAcsError(await send(), status));
}

test('after all that, the server still works and nothing was stored', async () => {
  const response = await chat(`${threadPath}/messages?maxPageSize=50`);
  assert.equal(response.status, 200);
  const { value } = (await response.json()) as { value: { type: string }[] };
  assert.ok(
    value.every((message) => message.type !== 'text'),
    'a rejected message was stored',
  );
});
