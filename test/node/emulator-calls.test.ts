import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { CommunicationIdentityClient } from '@azure/communication-identity';
import { WebSocket } from 'ws';
import { acsConnection, identityClient } from '../../server/acs-clients.js';
import { CallSignalling } from '../../server/emulator/calls/call-signalling.js';
import { iceServersFrom } from '../../server/emulator/calls/ice-servers.js';
import { RESUME_WINDOW_MS, RING_TIMEOUT_MS, ROOM_CAPACITY, SIGNALLING_PATH, type MemberState } from '../../server/emulator/calls/protocol.js';
import { DEVELOPMENT_ACCESS_KEY, Emulator } from '../../server/emulator/emulator.js';

// The emulator's call signalling, driven by plain WebSocket clients as the local call engine speaks to it.

const RESUME_MS = 400;
const RING_MS = 400;
const ICE = [{ urls: 'turn:192.0.2.1:3478', username: 'u', credential: 'p' }];

let emulator: Emulator;
let signalling: CallSignalling;
let server: Server;
let identity: CommunicationIdentityClient;
let url: string;

before(async () => {
  emulator = new Emulator({ accessKey: DEVELOPMENT_ACCESS_KEY });
  // The emulator's own signalling, with the windows shortened so the test does not wait 5 and 30 seconds.
  signalling = new CallSignalling({
    authenticate: (token) => emulator.authenticateToken(token, 'voip'),
    iceServers: ICE,
    resumeWindowMs: RESUME_MS,
    ringTimeoutMs: RING_MS,
  });
  server = createServer((request, response) => {
    const requestUrl = new URL(request.url ?? '/', `http://${request.headers.host}`);
    void emulator.handle(request, response, requestUrl).then((handled) => handled || response.writeHead(404).end());
  });
  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => signalling.handleUpgrade(request, socket, head) || socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  identity = identityClient(acsConnection(emulator.connectionString(`http://localhost:${port}/`)));
  url = `ws://127.0.0.1:${port}${SIGNALLING_PATH}`;
});
after(async () => {
  signalling.close();
  emulator.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

type Frame = Record<string, unknown> & { type: string };

/** A signalling client: its frames, and a way to wait for the next one that matches. */
class Client {
  readonly frames: Frame[] = [];
  private readonly waiters: (() => void)[] = [];
  closed: Promise<number>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse((data as Buffer).toString('utf8')) as Frame);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  send(frame: object): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** The first frame (received or to come) of `type` that matches `where`, taken so it is not found again. */
  async next(type: string, where: (frame: Frame) => boolean = () => true, timeoutMs = 3000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex((frame) => frame.type === type && where(frame));
      if (index >= 0) return this.frames.splice(index, 1)[0];
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** True when no frame of `type` arrives within `ms`. */
  async quiet(type: string, ms: number): Promise<boolean> {
    return this.next(type, () => true, ms).then(
      () => false,
      () => true,
    );
  }
}

async function connect(): Promise<Client> {
  const ws = new WebSocket(url);
  const client = new Client(ws);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return client;
}

async function newToken(scopes: ('chat' | 'voip')[] = ['chat', 'voip']): Promise<{ userId: string; token: string }> {
  const { user, token } = await identity.createUserAndToken(scopes);
  return { userId: user.communicationUserId, token };
}

/** A signed-in client; `resume` takes back a session whose socket dropped. */
async function signIn(who?: { token: string }, resume?: string): Promise<Client & { userId: string; session: string }> {
  const { token } = who ?? (await newToken());
  const client = await connect();
  client.send({ type: 'hello', token, ...(resume && { resume }) });
  const welcome = await client.next('welcome');
  return Object.assign(client, { userId: welcome.userId as string, session: welcome.session as string });
}

const state = (change: Partial<MemberState> = {}): MemberState => ({
  muted: false,
  handRaised: false,
  video: true,
  screenSharing: false,
  streams: { camera: 'cam', screen: 'scr' },
  ...change,
});

const room = () => `group:${crypto.randomUUID()}`;

test('a token without the voip scope is refused; one with it is welcomed with the ICE servers', async () => {
  const chatOnly = await connect();
  chatOnly.send({ type: 'hello', token: (await newToken(['chat'])).token });
  assert.equal(await chatOnly.closed, 4401);

  const silent = await connect();
  silent.send({ type: 'join', room: room(), state: state() });
  assert.equal(await silent.closed, 4401, 'a socket that does not say hello first is closed');

  const who = await newToken(['voip']);
  const client = await connect();
  client.send({ type: 'hello', token: who.token });
  const welcome = await client.next('welcome');
  assert.equal(welcome.userId, who.userId);
  assert.equal(welcome.resumed, false);
  assert.deepEqual(welcome.iceServers, ICE);
  client.ws.close();
});

test('a group room: joining lists the members, and descriptions, candidates, state and leaving reach the others', async () => {
  const key = room();
  const [ana, ben] = await Promise.all([signIn(), signIn()]);
  ana.send({ type: 'join', room: key, state: state({ displayName: 'Ana' }) });
  assert.deepEqual((await ana.next('joined')).members, []);
  ben.send({ type: 'join', room: key, state: state({ displayName: 'Ben', muted: true }) });
  const joined = await ben.next('joined');
  assert.deepEqual(joined.members, [{ userId: ana.userId, state: state({ displayName: 'Ana' }) }]);
  const arrived = await ana.next('member-joined');
  assert.deepEqual(arrived.member, { userId: ben.userId, state: state({ displayName: 'Ben', muted: true }) });

  ben.send({ type: 'signal', room: key, to: ana.userId, payload: { description: { type: 'offer', sdp: 'v=0' } } });
  const signal = await ana.next('signal');
  assert.deepEqual(signal, { type: 'signal', room: key, from: ben.userId, payload: { description: { type: 'offer', sdp: 'v=0' } } });

  ben.send({ type: 'state', room: key, state: state({ displayName: 'Ben', muted: false, handRaised: true }) });
  const changed = await ana.next('member-state');
  assert.equal(changed.userId, ben.userId);
  assert.equal((changed.state as MemberState).handRaised, true);

  ben.send({ type: 'leave', room: key });
  assert.deepEqual(await ana.next('member-left'), { type: 'member-left', room: key, userId: ben.userId, reason: 'left' });
  ana.ws.close();
  ben.ws.close();
});

test(`a room holds ${ROOM_CAPACITY}: the next one is told it is full`, async () => {
  const key = room();
  const members = await Promise.all(Array.from({ length: ROOM_CAPACITY + 1 }, () => signIn()));
  for (const member of members.slice(0, ROOM_CAPACITY)) {
    member.send({ type: 'join', room: key, state: state() });
    await member.next('joined');
  }
  const last = members[ROOM_CAPACITY];
  last.send({ type: 'join', room: key, state: state() });
  assert.deepEqual(await last.next('join-failed'), { type: 'join-failed', room: key, reason: 'room-full' });
  for (const member of members) member.ws.close();
});

test('a 1:1 call by raw id rings every tab of the callee; declining tells the caller', async () => {
  const callee = await newToken();
  const [caller, tab1, tab2] = await Promise.all([signIn(), signIn(callee), signIn(callee)]);
  caller.send({ type: 'ring', callId: 'c1', to: callee.userId, state: state({ displayName: 'Caller' }) });
  await caller.next('joined', (frame) => frame.room === 'call:c1');
  for (const tab of [tab1, tab2]) assert.deepEqual(await tab.next('incoming'), { type: 'incoming', callId: 'c1', from: caller.userId, displayName: 'Caller' });
  tab1.send({ type: 'decline', callId: 'c1' });
  assert.deepEqual(await caller.next('call-ended'), { type: 'call-ended', callId: 'c1', reason: 'declined' });
  assert.equal((await tab2.next('ring-ended')).reason, 'canceled');
  for (const client of [caller, tab1, tab2]) client.ws.close();
});

test('accepting joins the callee to the call; the other tab stops ringing; a stranger cannot accept or join', async () => {
  const callee = await newToken();
  const [caller, tab1, tab2, stranger] = await Promise.all([signIn(), signIn(callee), signIn(callee), signIn()]);
  caller.send({ type: 'ring', callId: 'c2', to: callee.userId, state: state() });
  await tab1.next('incoming');
  stranger.send({ type: 'accept', callId: 'c2', state: state() });
  assert.equal((await stranger.next('join-failed')).reason, 'not-invited');
  stranger.send({ type: 'join', room: 'call:c2', state: state() });
  assert.equal((await stranger.next('join-failed')).reason, 'not-invited');
  tab1.send({ type: 'accept', callId: 'c2', state: state() });
  assert.deepEqual((await tab1.next('joined')).members, [{ userId: caller.userId, state: state() }]);
  assert.equal(((await caller.next('member-joined')).member as { userId: string }).userId, callee.userId);
  assert.equal((await tab2.next('ring-ended')).reason, 'answered-elsewhere');
  for (const client of [caller, tab1, tab2, stranger]) client.ws.close();
});

test('the caller cancels, or nobody answers: the callee stops ringing', async () => {
  const callee = await newToken();
  const [caller, tab] = await Promise.all([signIn(), signIn(callee)]);
  caller.send({ type: 'ring', callId: 'c3', to: callee.userId, state: state() });
  await tab.next('incoming');
  caller.send({ type: 'cancel', callId: 'c3' });
  assert.equal((await tab.next('ring-ended')).reason, 'canceled');

  caller.send({ type: 'ring', callId: 'c4', to: callee.userId, state: state() });
  await tab.next('incoming');
  const started = Date.now();
  assert.equal((await caller.next('call-ended')).reason, 'no-answer');
  assert.ok(Date.now() - started >= RING_MS - 50);
  assert.equal((await tab.next('ring-ended')).reason, 'no-answer');
  assert.equal(RING_TIMEOUT_MS, 30_000, 'the emulator rings for 30 seconds');
  caller.ws.close();
  tab.ws.close();
});

test('a dropped socket keeps its seat for the resume window: back in time it resumes and gets what it missed', async () => {
  const key = room();
  const who = await newToken();
  const [ana, ben] = await Promise.all([signIn(), signIn(who)]);
  ana.send({ type: 'join', room: key, state: state() });
  await ana.next('joined');
  ben.send({ type: 'join', room: key, state: state() });
  await ben.next('joined');
  await ana.next('member-joined');

  // No close frame: the network went away, as far as the server can tell.
  ben.ws.terminate();
  await new Promise((resolve) => setTimeout(resolve, 50));
  ana.send({ type: 'signal', room: key, to: ben.userId, payload: { candidate: 'while away' } });
  const back = await signIn(who, ben.session);
  assert.ok(back.frames.every((frame) => frame.type !== 'member-left'));
  assert.deepEqual((await back.next('signal')).payload, { candidate: 'while away' }, 'what was sent while away arrives after resuming');
  assert.ok(await ana.quiet('member-left', RESUME_MS + 200), 'a resumed member does not leave');
  back.ws.close();
  ana.ws.close();
  assert.equal(RESUME_WINDOW_MS, 5000, 'the emulator waits 5 seconds');
});

test('a dropped socket that does not come back leaves the room after the resume window; a closed one at once', async () => {
  const key = room();
  const [ana, ben, cy] = await Promise.all([signIn(), signIn(), signIn()]);
  for (const client of [ana, ben, cy]) {
    client.send({ type: 'join', room: key, state: state() });
    await client.next('joined');
  }
  const dropped = Date.now();
  ben.ws.terminate();
  const left = await ana.next('member-left', (frame) => frame.userId === ben.userId);
  assert.equal(left.reason, 'dropped');
  assert.ok(Date.now() - dropped >= RESUME_MS - 50, 'not before the resume window');

  const closed = Date.now();
  cy.ws.close(1001);
  assert.equal((await ana.next('member-left', (frame) => frame.userId === cy.userId)).reason, 'left');
  assert.ok(Date.now() - closed < RESUME_MS, 'a tab that closed leaves without waiting');
  ana.ws.close();
});

test('ACS_EMULATOR_ICE_SERVERS: a JSON array of RTCIceServer; unset means none', () => {
  assert.deepEqual(iceServersFrom(undefined), []);
  assert.deepEqual(iceServersFrom(''), []);
  assert.deepEqual(iceServersFrom(JSON.stringify(ICE)), ICE);
  assert.throws(() => iceServersFrom('turn:x'), /not JSON/);
  assert.throws(() => iceServersFrom('[{"url":"turn:x"}]'), /urls/);
});
