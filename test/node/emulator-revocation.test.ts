import type { CommunicationIdentityClient } from '@azure/communication-identity';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import { after, before, test } from 'node:test';
import { SignJWT } from 'jose';
import { WebSocket } from 'ws';
import { identityClient } from '../../server/acs-clients.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';
import { chatUsers, type ChatUser } from './support/chat-users.js';
import { startEmulator } from './support/emulator-server.js';
import { openEventStream } from './support/sse.js';

let running: Awaited<ReturnType<typeof startEmulator>>;
let identity: CommunicationIdentityClient;
let newUser: () => Promise<ChatUser>;

before(async () => {
  running = await startEmulator();
  identity = identityClient(running.connection);
  newUser = chatUsers(running.connection);
});
after(() => running.close());

const threadsUrl = () => new URL('/chat/threads?api-version=2025-03-15', running.endpoint);
const streamUrl = () => new URL('/emulator/realtime', running.endpoint);
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

/** Resolves with the milliseconds until `ended` settles, or rejects after `limitMs`. */
async function closesWithin(ended: Promise<void>, limitMs: number): Promise<number> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the stream was still open after ${limitMs} ms`)), limitMs)));
  try {
    await Promise.race([ended, late]);
  } finally {
    clearTimeout(timer);
  }
  return Date.now() - started;
}

test('a token without exp is refused, though correctly signed for a live identity', async () => {
  const ana = await newUser();
  // The emulator's signing key, derived from the access key as server/emulator/tokens.ts does.
  const secret = createHash('sha256').update(`acs-emulator-token:${DEVELOPMENT_ACCESS_KEY}`).digest();
  const claims = { skypeid: ana.user.communicationUserId.replace(/^8:/, ''), acsScope: 'chat', ver: 0 };
  const forever = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().sign(secret);
  const response = await fetch(threadsUrl(), { headers: { Authorization: `Bearer ${forever}` } });
  assert.equal(response.status, 401);
  assert.equal(await errorCode(response), 'InvalidAuthenticationToken');
  // The same claims with an expiry pass: the missing exp alone was refused.
  const bounded = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().setExpirationTime('1h').sign(secret);
  assert.equal((await fetch(threadsUrl(), { headers: { Authorization: `Bearer ${bounded}` } })).status, 200);
});

test('revoking tokens closes the open event stream within 1 s, and the old token is refused from then on', async () => {
  const ana = await newUser();
  const oldToken = await ana.token();
  const stream = await openEventStream(streamUrl(), { Authorization: `Bearer ${oldToken}` });
  try {
    assert.equal(stream.status, 200);
    await identity.revokeTokens(ana.user);
    await closesWithin(stream.ended, 1000);
    const later = await fetch(threadsUrl(), { headers: { Authorization: `Bearer ${oldToken}` } });
    assert.equal(later.status, 401);
    assert.equal(await errorCode(later), 'InvalidAuthenticationToken');
    assert.equal((await fetch(streamUrl(), { headers: { Authorization: `Bearer ${oldToken}` } })).status, 401);
    // A token issued after the revocation works.
    assert.equal((await fetch(threadsUrl(), { headers: { Authorization: `Bearer ${await ana.token()}` } })).status, 200);
  } finally {
    await stream.close();
  }
});

/** Opens a Trouter connection as the chat SDK's signaling client does: allocation, socket.io handshake, WebSocket. */
async function openTrouterSocket(token: string): Promise<{ socket: WebSocket; closed: Promise<void> }> {
  const allocation = await fetch(new URL('/v4/a?epid=revocation-test', running.endpoint), { method: 'POST', headers: { 'X-Skypetoken': token } });
  assert.equal(allocation.status, 200);
  const { socketio, connectparams } = (await allocation.json()) as { socketio: string; connectparams: Record<string, string> };
  const handshake = await fetch(new URL(`socket.io/1/?${new URLSearchParams(connectparams)}`, socketio));
  const [sid] = (await handshake.text()).split(':');
  const socket = new WebSocket(new URL(`socket.io/1/websocket/${sid}?${new URLSearchParams(connectparams)}`, socketio.replace(/^http/, 'ws')));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { socket, closed };
}

test("revoking tokens or deleting the identity closes the user's Trouter WebSocket within 1 s, and the old token cannot allocate again", async () => {
  for (const end of ['revoke', 'delete'] as const) {
    const ana = await newUser();
    const token = await ana.token();
    const { socket, closed } = await openTrouterSocket(token);
    try {
      if (end === 'revoke') await identity.revokeTokens(ana.user);
      else await identity.deleteUser(ana.user);
      await closesWithin(closed, 1000);
      const again = await fetch(new URL('/v4/a?epid=revocation-test', running.endpoint), { method: 'POST', headers: { 'X-Skypetoken': token } });
      assert.equal(again.status, 401, `allocation after ${end}`);
    } finally {
      socket.terminate();
    }
  }
});

test("revoking tokens or deleting the identity closes the user's call-signalling socket within 1 s", async () => {
  for (const end of ['revoke', 'delete'] as const) {
    const ana = await newUser();
    const { token } = await identity.getToken(ana.user, ['voip']);
    const socket = new WebSocket(new URL('/emulator/calling', running.endpoint.replace(/^http/, 'ws')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const welcomed = new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ type: 'hello', token }));
    await welcomed;
    try {
      if (end === 'revoke') await identity.revokeTokens(ana.user);
      else await identity.deleteUser(ana.user);
      await closesWithin(closed, 1000);
    } finally {
      socket.terminate();
    }
  }
});

test("deleting an identity closes its open event streams within 1 s, and its token is refused; others' streams stay", async () => {
  const [ana, ben] = await Promise.all([newUser(), newUser()]);
  const anaToken = await ana.token();
  const anaStreams = await Promise.all([1, 2].map(() => openEventStream(streamUrl(), { Authorization: `Bearer ${anaToken}` })));
  const benStream = await openEventStream(streamUrl(), { Authorization: `Bearer ${await ben.token()}` });
  let benEnded = false;
  void benStream.ended.then(() => (benEnded = true));
  try {
    await identity.deleteUser(ana.user);
    await Promise.all(anaStreams.map((stream) => closesWithin(stream.ended, 1000)));
    const later = await fetch(threadsUrl(), { headers: { Authorization: `Bearer ${anaToken}` } });
    assert.equal(later.status, 401);
    assert.equal(benEnded, false, "another user's stream was closed");
  } finally {
    await Promise.all([...anaStreams, benStream].map((stream) => stream.close()));
  }
});

test('a client that stops reading its stream is dropped once a bounded backlog fills, not buffered without limit', async () => {
  const ana = await newUser();
  const token = await ana.token();
  const response = await new Promise<IncomingMessage>((resolve, reject) =>
    get(streamUrl(), { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } }, resolve).on('error', reject),
  );
  assert.equal(response.statusCode, 200);
  response.pause();
  const ended = new Promise<void>((resolve) => response.on('close', resolve).on('error', () => resolve()));
  // 32 MB of events: far more than the socket buffers and the stream's backlog hold together.
  const text = 'x'.repeat(16 * 1024);
  for (let index = 0; index < 2048; index += 1) {
    running.emulator.realtime.publish([ana.user.communicationUserId], { type: 'typingIndicatorReceived', data: { text } });
    if (index % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  // Reading again, the client gets what had been sent, then the end. Had the server buffered all 32 MB,
  // the stream would deliver it all and stay open.
  response.resume();
  await closesWithin(ended, 10_000);
});

test('listing the newest messages reads one page from the end of the thread, not the whole thread', async () => {
  const ana = await newUser();
  const { chatThread } = await ana.chat.createChatThread({ topic: 'Long' });
  const thread = ana.chat.getChatThreadClient(chatThread!.id);
  for (let index = 0; index < 300; index += 1) await thread.sendMessage({ content: `message ${index}` });
  const stored = running.emulator.state.threads.get(chatThread!.id)!;
  let reads = 0;
  stored.messages = new Proxy(stored.messages, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const pages = thread.listMessages({ maxPageSize: 20 }).byPage();
  const first = (await pages.next()).value as { content?: { message?: string } }[];
  assert.deepEqual(
    first.slice(0, 2).map((message) => message.content?.message),
    ['message 299', 'message 298'],
  );
  const second = (await pages.next()).value as { content?: { message?: string } }[];
  assert.equal(second[0].content?.message, 'message 279');
  assert.ok(reads <= 2 * 21 + 4, `two pages of 20 read ${reads} messages of ${stored.messages.length}`);
});
