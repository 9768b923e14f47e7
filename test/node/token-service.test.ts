import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startApp, type AppOptions, type RunningApp } from '../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';
import type { SessionBody } from '../../server/token-service.js';

const apps: RunningApp[] = [];
after(() => Promise.all(apps.map((app) => app.close())));

async function appWith(options: Partial<AppOptions> = {}): Promise<RunningApp> {
  const app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(new URL('../../', import.meta.url)), ...options });
  apps.push(app);
  return app;
}

const postSession = (app: RunningApp, headers: Record<string, string> = {}) =>
  fetch(new URL('/api/session', app.url), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0];
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

/** Runs `task` for 0..count-1, `width` at a time. */
async function inBatches<T>(count: number, width: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += width) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(width, count - start) }, (_, offset) => task(start + offset)))));
  }
  return results;
}

test('behind a proxy named in TRUST_PROXY, 200 visitors with distinct forwarded addresses all get sessions', async () => {
  const app = await appWith({ trustProxy: 'loopback' });
  const responses = await inBatches(200, 25, (index) => postSession(app, { 'X-Forwarded-For': `203.0.113.${index % 250}, 198.51.${index}.7` }));
  assert.deepEqual(
    responses.map((response) => response.status),
    Array<number>(200).fill(200),
  );
  const users = await Promise.all(responses.map(async (response) => ((await response.json()) as SessionBody).userId));
  assert.equal(new Set(users).size, 200);
});

test('without TRUST_PROXY, forwarded addresses are ignored: the per-address limit applies, and the 429 says why', async () => {
  const app = await appWith({ rateLimit: { requests: 30, windowMs: 60_000 } });
  const responses = await inBatches(35, 35, (index) => postSession(app, { 'X-Forwarded-For': `198.51.100.${index}` }));
  const statuses = responses.map((response) => response.status);
  assert.equal(statuses.filter((status) => status === 200).length, 30);
  const refused = responses.filter((response) => response.status === 429);
  assert.equal(refused.length, 5);
  assert.match(refused[0].headers.get('retry-after') ?? '', /^[1-9]\d*$/);
  const error = await errorOf(refused[0]);
  assert.equal(error.code, 'TooManyRequests');
  assert.match(error.message, /the limit is 30 per minute per client address/);
  assert.match(error.message, /X-Forwarded-For\) are not trusted because TRUST_PROXY is unset/);
});

test('a proxy not named in TRUST_PROXY cannot spread one client over forwarded addresses', async () => {
  const app = await appWith({ trustProxy: '10.0.0.1', rateLimit: { requests: 3, windowMs: 60_000 } });
  const statuses = [];
  for (let index = 0; index < 4; index += 1) statuses.push((await postSession(app, { 'X-Forwarded-For': `198.51.100.${index}` })).status);
  assert.deepEqual(statuses, [200, 200, 200, 429]);
});

test('a page on another origin can read a 429 and its Retry-After', async () => {
  const app = await appWith({ allowedOrigins: ['https://cms.example'], rateLimit: { requests: 1, windowMs: 60_000 } });
  await postSession(app, { Origin: 'https://cms.example' });
  const refused = await postSession(app, { Origin: 'https://cms.example' });
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get('access-control-allow-origin'), 'https://cms.example');
  assert.equal(refused.headers.get('access-control-expose-headers'), 'Retry-After');
});

test('token refreshes are limited per session, apart from new visitors', async () => {
  const app = await appWith({ refreshRateLimit: { requests: 2, windowMs: 60_000 } });
  const cookie = cookieOf(await postSession(app));
  const statuses = [];
  for (let index = 0; index < 3; index += 1) statuses.push((await postSession(app, { Cookie: cookie })).status);
  assert.deepEqual(statuses, [200, 200, 429]);
  const refused = await postSession(app, { Cookie: cookie });
  assert.match((await errorOf(refused)).message, /per session/);
  assert.equal((await postSession(app)).status, 200, 'a new visitor is not held back by that session');
});

test("an https:// origin on the server's own host is another origin; X-Forwarded-Proto counts only from a trusted proxy", async () => {
  const app = await appWith();
  const own = new URL(app.url);
  assert.equal((await postSession(app, { Origin: own.origin })).status, 200);
  for (const origin of [`https://${own.host}`, `http://${own.hostname}:${Number(own.port) + 1}`]) {
    const response = await postSession(app, { Origin: origin });
    assert.equal(response.status, 403, origin);
    assert.equal((await errorOf(response)).code, 'ForbiddenOrigin');
  }
  const spoofed = await postSession(app, { Origin: `https://${own.host}`, 'X-Forwarded-Proto': 'https' });
  assert.equal(spoofed.status, 403, 'an untrusted X-Forwarded-Proto made an https origin our own');
  assert.equal((await postSession(app, { 'X-Forwarded-Proto': 'https' })).headers.get('set-cookie')?.includes('Secure'), false);

  const proxied = await appWith({ trustProxy: 'loopback' });
  const host = new URL(proxied.url).host;
  const viaProxy = await postSession(proxied, { Origin: `https://${host}`, 'X-Forwarded-Proto': 'https' });
  assert.equal(viaProxy.status, 200);
  assert.match(viaProxy.headers.get('set-cookie')!, /; Secure; Partitioned$/);
  assert.equal((await postSession(proxied, { Origin: `http://${host}`, 'X-Forwarded-Proto': 'https' })).status, 403);
});

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

test('a session cookie is honoured only in its exact form: trailing junk, a changed signature or padding start afresh', async () => {
  const app = await appWith();
  const first = await postSession(app);
  const cookie = cookieOf(first);
  const { userId } = (await first.json()) as SessionBody;
  const userWith = async (value: string) => ((await (await postSession(app, { Cookie: value })).json()) as SessionBody).userId;
  assert.equal(await userWith(cookie), userId);
  for (const tampered of [
    `${cookie}.junk`,
    `${cookie}junk`,
    `${cookie}.`,
    `${cookie}=`,
    cookie.replace('.', '=.'),
    cookie.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')),
    // The same bytes, spelled otherwise: the last character's two unused bits set.
    cookie.replace(/.$/, (last) => BASE64URL[BASE64URL.indexOf(last) ^ 1]),
  ]) {
    assert.notEqual(await userWith(tampered), userId, tampered);
  }
});
