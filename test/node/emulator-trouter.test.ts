import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ChatClient } from '@azure/communication-chat';
import type { CommunicationUserIdentifier } from '@azure/communication-common';
import type { CommunicationIdentityClient } from '@azure/communication-identity';
import { acsConnection, identityClient } from '../../server/acs-clients.js';
import { startApp, type RunningApp } from '../../server/app.js';
import { DEVELOPMENT_ACCESS_KEY } from '../../server/emulator/emulator.js';
import { browserChatClient, loadBrowserChatSdk, servePageFrom, signalingTraffic, type BrowserChatSdk } from './support/browser-chat-sdk.js';

// The chat SDK's own browser build, in Node, against startApp's emulator: what a page gets from `startRealtimeNotifications()`.

const EVENTS = [
  'chatMessageReceived',
  'chatMessageEdited',
  'chatMessageDeleted',
  'typingIndicatorReceived',
  'readReceiptReceived',
  'chatThreadCreated',
  'chatThreadPropertiesUpdated',
  'chatThreadDeleted',
  'participantsAdded',
  'participantsRemoved',
] as const;
type EventName = (typeof EVENTS)[number];
type Received = Record<string, unknown> & { threadId: string };

let app: RunningApp;
let sdk: BrowserChatSdk;
let identity: CommunicationIdentityClient;
let endpoint: string;
const started: ChatClient[] = [];

before(async () => {
  app = await startApp({ port: 0, emulatorKey: DEVELOPMENT_ACCESS_KEY, projectRoot: fileURLToPath(new URL('../../', import.meta.url)) });
  sdk = await loadBrowserChatSdk(app.url);
  identity = identityClient(acsConnection(app.emulatorConnectionString!));
  // The signaling client appends `/chat/config/…` to the endpoint as given, so it is given without its trailing slash.
  endpoint = app.url.replace(/\/$/, '');
});
after(async () => {
  for (const client of [...started]) await stop(client);
  await app.close();
});

/**
 * Stops a client's notifications and waits until the server has answered the deletion of its
 * registration: the SDK retries that deletion for ever, which would keep the test process alive.
 */
async function stop(client: ChatClient): Promise<void> {
  const deletions = () => signalingTraffic.filter((request) => request.method === 'DELETE' && request.answered).length;
  const before = deletions();
  started.splice(started.indexOf(client), 1);
  await client.stopRealtimeNotifications();
  await waitFor(() => (deletions() > before ? true : undefined));
}

/** A user whose browser-build chat client listens to every chat event, and records them. */
async function listeningUser(on = { identity, endpoint }) {
  const user = await on.identity.createUser();
  const chat = browserChatClient(sdk, on.endpoint, on.identity, user);
  const events: { name: EventName; event: Received }[] = [];
  const connections: string[] = [];
  chat.on('realTimeNotificationConnected', () => connections.push('connected'));
  chat.on('realTimeNotificationDisconnected', () => connections.push('disconnected'));
  await chat.startRealtimeNotifications();
  started.push(chat);
  for (const name of EVENTS) chat.on(name as 'chatMessageReceived', (event) => events.push({ name, event: event as unknown as Received }));
  await waitFor(() => (connections.includes('connected') ? true : undefined));
  return {
    user,
    chat,
    events,
    connections,
    next: (name: EventName, where: (event: Received) => boolean = () => true) =>
      waitFor(() => events.find((each) => each.name === name && where(each.event))?.event),
  };
}

async function waitFor<T>(find: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const idOf = (identifier: unknown) => (identifier as CommunicationUserIdentifier).communicationUserId;
const isDate = (value: unknown) => value instanceof Date && !Number.isNaN(value.getTime());

test("every chat event reaches the SDK's own on() handlers with the fields the element reads", async () => {
  const ben = await listeningUser();
  const ana = await identity.createUser();
  const carl = await identity.createUser();
  const anaChat = browserChatClient(sdk, endpoint, identity, ana);
  const { chatThread } = await anaChat.createChatThread(
    { topic: 'Live' },
    {
      participants: [
        { id: ana, displayName: 'Ana' },
        { id: ben.user, displayName: 'Ben' },
      ],
      retentionPolicy: { kind: 'threadCreationDate', deleteThreadAfterDays: 40 },
    },
  );
  const threadId = chatThread!.id;
  const thread = anaChat.getChatThreadClient(threadId);

  const created = await ben.next('chatThreadCreated');
  assert.equal(created.threadId, threadId);
  assert.equal((created.properties as { topic: string }).topic, 'Live');
  assert.deepEqual(created.retentionPolicy, { kind: 'threadCreationDate', deleteThreadAfterDays: 40 });
  assert.equal(idOf((created.createdBy as { id: unknown }).id), ana.communicationUserId);
  assert.deepEqual((created.participants as { displayName: string }[]).map((each) => each.displayName).sort(), ['Ana', 'Ben']);

  const { id } = await thread.sendMessage({ content: '100% <b>live</b>' }, { senderDisplayName: 'Ana', metadata: { tag: 'a' } });
  const received = await ben.next('chatMessageReceived', (event) => event.id === id);
  assert.equal(received.threadId, threadId);
  assert.equal(received.message, '100% <b>live</b>');
  assert.equal(idOf(received.sender), ana.communicationUserId);
  assert.equal(idOf(received.recipient), ben.user.communicationUserId);
  assert.equal(received.senderDisplayName, 'Ana');
  assert.equal(received.type, 'text');
  assert.equal(received.version, id);
  assert.deepEqual(received.metadata, { tag: 'a' });
  assert.ok(isDate(received.createdOn));

  await thread.sendTypingNotification({ senderDisplayName: 'Ana' });
  const typing = await ben.next('typingIndicatorReceived');
  assert.equal(typing.threadId, threadId);
  assert.equal(idOf(typing.sender), ana.communicationUserId);
  assert.equal(typing.senderDisplayName, 'Ana');
  assert.ok(isDate(typing.receivedOn));

  await thread.sendReadReceipt({ chatMessageId: id });
  const receipt = await ben.next('readReceiptReceived');
  assert.equal(receipt.chatMessageId, id);
  assert.equal(idOf(receipt.sender), ana.communicationUserId);
  assert.ok(isDate(receipt.readOn) && Math.abs((receipt.readOn as Date).getTime() - Date.now()) < 60_000);

  await thread.updateMessage(id, { content: 'edited' });
  const edited = await ben.next('chatMessageEdited');
  assert.equal(edited.id, id);
  assert.equal(edited.message, 'edited');
  assert.ok(isDate(edited.editedOn));

  await thread.deleteMessage(id);
  const deleted = await ben.next('chatMessageDeleted');
  assert.equal(deleted.id, id);
  assert.equal(idOf(deleted.sender), ana.communicationUserId);
  assert.ok(isDate(deleted.deletedOn));

  await thread.updateProperties({ topic: '50% Renamed', metadata: { room: '7' } });
  const updated = await ben.next('chatThreadPropertiesUpdated');
  assert.deepEqual(updated.properties, { topic: '50% Renamed', metadata: { room: '7' } });
  assert.equal(idOf((updated.updatedBy as { id: unknown }).id), ana.communicationUserId);
  assert.ok(isDate(updated.updatedOn));

  await thread.addParticipants({ participants: [{ id: carl, displayName: 'Carl' }] });
  const added = await ben.next('participantsAdded', (event) =>
    (event.participantsAdded as { id: unknown }[]).some((each) => idOf(each.id) === carl.communicationUserId),
  );
  const addedCarl = (added.participantsAdded as { id: unknown; displayName: string }[])[0];
  assert.equal(idOf(addedCarl.id), carl.communicationUserId);
  assert.equal(addedCarl.displayName, 'Carl');
  assert.equal(idOf((added.addedBy as { id: unknown }).id), ana.communicationUserId);

  await thread.removeParticipant(carl);
  const removed = await ben.next('participantsRemoved');
  assert.equal(idOf((removed.participantsRemoved as { id: unknown }[])[0].id), carl.communicationUserId);

  await anaChat.deleteChatThread(threadId);
  const threadDeleted = await ben.next('chatThreadDeleted');
  assert.equal(threadDeleted.threadId, threadId);
  assert.equal(idOf((threadDeleted.deletedBy as { id: unknown }).id), ana.communicationUserId);
  assert.ok(isDate(threadDeleted.deletedOn));

  // Each event reached Ben exactly once; participantsAdded twice (he was added when the thread was created, then Carl).
  const counts = Object.fromEntries(EVENTS.map((name) => [name, ben.events.filter((each) => each.name === name).length]));
  assert.deepEqual(counts, { ...Object.fromEntries(EVENTS.map((name) => [name, 1])), participantsAdded: 2 });
});

test('a killed WebSocket reconnects, and what was sent meanwhile arrives exactly once', async () => {
  const ben = await listeningUser();
  const ana = await identity.createUser();
  const anaChat = browserChatClient(sdk, endpoint, identity, ana);
  const { chatThread } = await anaChat.createChatThread({ topic: 'Flaky' }, { participants: [{ id: ben.user, displayName: 'Ben' }] });
  const thread = anaChat.getChatThreadClient(chatThread!.id);
  await thread.sendMessage({ content: 'before' });
  await ben.next('chatMessageReceived', (event) => event.message === 'before');

  app.emulator!.trouter.disconnectUser(ben.user.communicationUserId);
  const meanwhile = [];
  for (const content of ['while 1', 'while 2', 'while 3']) meanwhile.push((await thread.sendMessage({ content })).id);
  await waitFor(() => (ben.connections.length === 3 ? true : undefined), 30_000);
  const { id: afterId } = await thread.sendMessage({ content: 'after' });
  await ben.next('chatMessageReceived', (event) => event.id === afterId);

  assert.deepEqual(ben.connections, ['connected', 'disconnected', 'connected']);
  const ids = ben.events.filter((each) => each.name === 'chatMessageReceived').map((each) => each.event.id);
  for (const id of [...meanwhile, afterId]) assert.equal(ids.filter((each) => each === id).length, 1, `message ${id} arrived once`);
});

test('contract: the pinned signaling version and the requests it makes, so an SDK upgrade that changes the protocol fails here', async () => {
  // The signaling package as the chat SDK resolves it.
  const chatRequire = createRequire(createRequire(import.meta.url).resolve('@azure/communication-chat/package.json'));
  const signaling = JSON.parse(readFileSync(chatRequire.resolve('@azure/communication-signaling/package.json'), 'utf8')) as { version: string };
  assert.equal(
    signaling.version,
    '1.0.0-beta.34',
    'the emulator speaks the protocol of @azure/communication-signaling 1.0.0-beta.34: check it against a new version',
  );

  signalingTraffic.length = 0;
  const ben = await listeningUser();
  await waitFor(() => signalingTraffic.find((request) => request.url.pathname === '/v3/registrations'));
  const [allocation, handshake, socket] = ['/v4/a', '/socket.io/1/', undefined].map((path) =>
    signalingTraffic.find((request) => (path ? request.url.pathname === path : request.method === 'WEBSOCKET')),
  );
  const registration = signalingTraffic.find((request) => request.url.pathname === '/v3/registrations')!;
  const origin = new URL(app.url).origin;

  assert.equal(allocation?.method, 'POST');
  assert.equal(allocation.url.origin, origin);
  assert.ok(allocation.headers.get('x-skypetoken'), 'the allocation carries the ACS token in X-Skypetoken');
  const epid = allocation.url.searchParams.get('epid');
  assert.ok(epid);

  assert.equal(handshake?.method, 'GET');
  assert.equal(handshake.url.origin, origin);
  assert.ok(handshake.url.searchParams.get('sr'), 'the handshake sends the connectparams back');
  assert.ok(handshake.url.searchParams.get('t'));

  assert.equal(socket?.url.origin, origin.replace(/^http/, 'ws'));
  assert.match(socket.url.pathname, /^\/socket\.io\/1\/websocket\/[0-9a-f]+$/);
  assert.equal(socket.url.searchParams.get('v'), 'v4');
  assert.equal(socket.url.searchParams.get('auth'), 'true');
  assert.equal(socket.url.searchParams.get('epid'), epid);

  assert.equal(registration.method, 'POST');
  assert.equal(registration.url.origin, origin);
  const body = JSON.parse(registration.body) as {
    clientDescription: { appId: string; templateKey: string; platform: string };
    registrationId: string;
    transports: { TROUTER: { path: string }[] };
  };
  assert.deepEqual([body.clientDescription.appId, body.clientDescription.templateKey, body.clientDescription.platform], ['AcsWeb', 'AcsWeb_Chat_2.1', 'SPOOL']);
  assert.equal(body.registrationId, epid);
  assert.ok(body.transports.TROUTER[0].path.startsWith(`${origin}/trouter/`));

  await stop(ben.chat);
  assert.ok(signalingTraffic.some((request) => request.method === 'DELETE' && request.url.pathname === `/v3/registrations/${epid}`));
});

test('allocation refuses an expired or revoked token with 401, and a socket closes when its token expires, then the SDK reconnects with a fresh one', async () => {
  const allocate = (token: string) => fetch(new URL('/v4/a?epid=e1', app.url), { method: 'POST', headers: { 'X-Skypetoken': token } });
  const user = await identity.createUser();
  const { token } = await identity.getToken(user, ['chat']);
  assert.equal((await allocate(token)).status, 200);
  await identity.revokeTokens(user);
  assert.equal((await allocate(token)).status, 401);
  assert.equal((await allocate('not a token')).status, 401);

  const shortLived = await startApp({
    port: 0,
    emulatorKey: DEVELOPMENT_ACCESS_KEY,
    projectRoot: fileURLToPath(new URL('../../', import.meta.url)),
    tokenLifetimeSeconds: 3,
  });
  servePageFrom(shortLived.url);
  try {
    const there = { identity: identityClient(acsConnection(shortLived.emulatorConnectionString!)), endpoint: shortLived.url.replace(/\/$/, '') };
    const ben = await listeningUser(there);
    const ana = await there.identity.createUser();
    const anaChat = browserChatClient(sdk, there.endpoint, there.identity, ana);
    const { chatThread } = await anaChat.createChatThread({ topic: 'Expiring' }, { participants: [{ id: ben.user, displayName: 'Ben' }] });
    // The server ends the socket when the token it was allocated with expires; the SDK allocates again with a new one.
    await waitFor(() => (ben.connections.length >= 3 ? true : undefined), 20_000);
    assert.deepEqual(ben.connections.slice(0, 3), ['connected', 'disconnected', 'connected']);
    const { id } = await anaChat.getChatThreadClient(chatThread!.id).sendMessage({ content: 'still live' });
    assert.equal((await ben.next('chatMessageReceived', (event) => event.id === id)).message, 'still live');
    // Stopped, and its registration deleted, before that server goes: the SDK would retry the deletion for ever.
    started.splice(started.indexOf(ben.chat), 1);
    await ben.chat.stopRealtimeNotifications();
    const deleted = await waitFor(() =>
      signalingTraffic.find((request) => request.method === 'DELETE' && request.url.origin === new URL(shortLived.url).origin),
    );
    await waitFor(() => (deleted.answered ? true : undefined));
  } finally {
    servePageFrom(app.url);
    await shortLived.close();
  }
});
