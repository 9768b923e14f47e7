import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { startApp, type RunningApp } from '../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';
import type { SessionBody } from '../../server/token-service.js';
import { chatFor } from './support/session-chat.js';

let app: RunningApp;

before(async () => {
  app = await startApp({
    port: 0,
    emulatorKey: DEVELOPMENT_ACCESS_KEY,
    projectRoot: fileURLToPath(new URL('../../', import.meta.url)),
    allowedOrigins: ['https://cms.example'],
  });
});
after(() => app.close());

function postSession(body: unknown = {}, headers: Record<string, string> = {}) {
  return fetch(new URL('/api/session', app.url), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0];

test('POST /api/session answers a session, never cached, with an HttpOnly SameSite=Strict cookie', async () => {
  const response = await postSession({ displayName: 'Ana' });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.match(response.headers.get('set-cookie')!, /^acs_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
  const session = (await response.json()) as SessionBody;
  assert.match(session.userId, /^8:acs:/);
  assert.equal(session.displayName, 'Ana');
  assert.equal(session.emulator, true);
  assert.equal(session.threadId, app.threadId);
  assert.ok(Math.abs(Date.parse(session.expiresOn) - (Date.now() + 60 * 60_000)) < 10_000);
  const claims = JSON.parse(Buffer.from(session.token.split('.')[1], 'base64url').toString()) as { acsScope: unknown };
  assert.equal(claims.acsScope, 'chat,voip');
});

test('the cookie keeps a browser on its identity; a new browser gets a new one', async () => {
  const first = await postSession();
  const again = await postSession({}, { Cookie: cookieOf(first) });
  const stranger = await postSession();
  const [a, b, c] = (await Promise.all([first.json(), again.json(), stranger.json()])) as SessionBody[];
  assert.equal(a.userId, b.userId);
  assert.notEqual(a.userId, c.userId);
  const forged = await postSession({}, { Cookie: cookieOf(first).replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')) });
  assert.notEqual(((await forged.json()) as SessionBody).userId, a.userId);
});

test('bad display names are refused with 400 and a reason', async () => {
  for (const displayName of ['', 'x'.repeat(65), 'Ana\u0000', 'Ana\u202e', 42]) {
    const response = await postSession({ displayName });
    assert.equal(response.status, 400, JSON.stringify(displayName));
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'InvalidDisplayName');
  }
});

test('cross-origin requests are refused unless ALLOWED_ORIGINS lists them; only POST is allowed', async () => {
  assert.equal((await postSession({}, { Origin: 'https://evil.example' })).status, 403);
  assert.equal((await postSession({}, { Origin: 'https://cms.example' })).status, 200);
  assert.equal((await postSession({}, { Origin: new URL(app.url).origin })).status, 200);
  assert.equal((await fetch(new URL('/api/session', app.url))).status, 405);
});

/** The CORS headers a credentialed cross-origin caller needs to read an answer. */
function assertReadableBy(response: Response, origin: string) {
  assert.equal(response.headers.get('access-control-allow-origin'), origin);
  assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
  assert.equal(response.headers.get('vary'), 'Origin');
}

const preflight = (origin: string) =>
  fetch(new URL('/api/session', app.url), {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
  });

test('the preflight succeeds for any origin, so even a refused page gets to read why', async () => {
  for (const origin of ['https://cms.example', 'https://evil.example']) {
    const response = await preflight(origin);
    assert.equal(response.status, 204, origin);
    assertReadableBy(response, origin);
    assert.equal(response.headers.get('access-control-allow-methods'), 'POST');
    assert.equal(response.headers.get('access-control-allow-headers'), 'Content-Type, Accept');
    assert.equal(response.headers.get('set-cookie'), null);
  }
});

test('a refused origin reads a 403 with the reason, and gets no cookie and no token', async () => {
  const response = await postSession({}, { Origin: 'https://evil.example' });
  assert.equal(response.status, 403);
  assertReadableBy(response, 'https://evil.example');
  assert.equal(response.headers.get('set-cookie'), null);
  assert.deepEqual(await response.json(), {
    error: { code: 'ForbiddenOrigin', message: 'Origin https://evil.example is not allowed; list it in ALLOWED_ORIGINS.' },
  });
});

test('an allowed origin can read every answer, errors included', async () => {
  const ok = await postSession({}, { Origin: 'https://cms.example' });
  assertReadableBy(ok, 'https://cms.example');
  const badName = await postSession({ displayName: '' }, { Origin: 'https://cms.example' });
  assert.equal(badName.status, 400);
  assertReadableBy(badName, 'https://cms.example');
  assert.equal(((await badName.json()) as { error: { code: string } }).error.code, 'InvalidDisplayName');
  const wrongMethod = await fetch(new URL('/api/session', app.url), { headers: { Origin: 'https://cms.example' } });
  assert.equal(wrongMethod.status, 405);
  assertReadableBy(wrongMethod, 'https://cms.example');
});

test('over https (here: a trusted proxy says so) the cookie works cross-site: SameSite=None; Secure; Partitioned', async () => {
  const proxied = await startApp({
    port: 0,
    emulatorKey: DEVELOPMENT_ACCESS_KEY,
    projectRoot: fileURLToPath(new URL('../../', import.meta.url)),
    allowedOrigins: ['https://cms.example'],
    trustProxy: 'loopback',
  });
  try {
    const response = await fetch(new URL('/api/session', proxied.url), {
      method: 'POST',
      headers: { Origin: 'https://cms.example', 'X-Forwarded-Proto': 'https' },
      body: '{}',
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('set-cookie')!, /^acs_session=[^;]+; Path=\/; HttpOnly; SameSite=None; Secure; Partitioned$/);
  } finally {
    await proxied.close();
  }
});

test('the session token works with the real chat SDK in the demo thread, and the bot answers', async () => {
  const session = (await (await postSession({ displayName: 'Bea' })).json()) as SessionBody;
  const thread = chatFor(session).getChatThreadClient(session.threadId!);
  const participants = [];
  for await (const participant of thread.listParticipants()) participants.push(participant.displayName);
  assert.ok(participants.includes('Bea') && participants.includes('Demo bot'), participants.join());

  const { id } = await thread.sendMessage({ content: 'hello' }, { senderDisplayName: 'Bea' });
  const deadline = Date.now() + 8000;
  let reply: string | undefined;
  while (!reply && Date.now() < deadline) {
    for await (const message of thread.listMessages({ maxPageSize: 5 })) {
      if (message.senderDisplayName === 'Demo bot' && Number(message.id) > Number(id)) reply = message.content?.message;
    }
    if (!reply) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.match(reply ?? '', /^Hello Bea!/);
});

test('the session endpoint is rate limited per client', async () => {
  const limited = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(new URL('../../', import.meta.url)) });
  try {
    const statuses = [];
    for (let index = 0; index < 35; index += 1) {
      statuses.push((await fetch(new URL('/api/session', limited.url), { method: 'POST', body: '{}' })).status);
    }
    assert.equal(statuses.filter((status) => status === 200).length, 30);
    assert.equal(statuses.at(-1), 429);
  } finally {
    await limited.close();
  }
});

test('the demo page and built elements are served from the same origin', async () => {
  const page = await fetch(app.url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<acs-chat token-url="\/api\/session">/);
  assert.equal((await fetch(new URL('/../package.json', app.url))).status, 404);
});
