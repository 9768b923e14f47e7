import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chatUsers, type ChatUser } from './support/chat-users.js';
import { startEmulator } from './support/emulator-server.js';

let running: Awaited<ReturnType<typeof startEmulator>>;
let newUser: () => Promise<ChatUser>;
let ana: ChatUser;
let ben: ChatUser;

before(async () => {
  running = await startEmulator();
  newUser = chatUsers(running.connection);
  [ana, ben] = await Promise.all([newUser(), newUser()]);
});
after(() => running.close());

const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;

async function threadWithBoth(topic = 'Lunch') {
  const { chatThread } = await ana.chat.createChatThread({ topic }, { participants: [{ id: ben.user, displayName: 'Ben' }] });
  return { id: chatThread!.id, ana: ana.chat.getChatThreadClient(chatThread!.id), ben: ben.chat.getChatThreadClient(chatThread!.id) };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

test('threads: create, read, rename, list and delete with the real chat SDK', async () => {
  const thread = await threadWithBoth();
  const properties = await thread.ben.getProperties();
  assert.equal(properties.topic, 'Lunch');
  assert.equal((properties.createdBy as { communicationUserId: string }).communicationUserId, ana.user.communicationUserId);

  await thread.ben.updateTopic('Dinner');
  assert.equal((await thread.ana.getProperties()).topic, 'Dinner');
  const topicMessage = (await collect(thread.ana.listMessages())).find((message) => message.type === 'topicUpdated');
  assert.equal(topicMessage?.content?.topic, 'Dinner');

  const listed = await collect(ben.chat.listChatThreads());
  assert.ok(listed.some((item) => item.id === thread.id));

  await ana.chat.deleteChatThread(thread.id);
  await assert.rejects(thread.ben.getProperties(), (error) => statusOf(error) === 404);
});

test('adding a participant who is already in the thread changes nothing, as the spec says', async () => {
  const thread = await threadWithBoth();
  await thread.ana.addParticipants({ participants: [{ id: ben.user, displayName: 'Benjamin' }] });
  const messages = await collect(thread.ana.listMessages());
  assert.equal(messages.filter((message) => message.type === 'participantAdded').length, 1);
  const participants = await collect(thread.ana.listParticipants());
  const benNow = participants.find((participant) => (participant.id as { communicationUserId: string }).communicationUserId === ben.user.communicationUserId);
  assert.equal(participants.length, 2);
  assert.equal(benNow?.displayName, 'Ben');
});

test('the same repeatability-request-id creates one thread', async () => {
  const headers = { Authorization: `Bearer ${await ana.token()}`, 'Content-Type': 'application/json', 'repeatability-request-id': crypto.randomUUID() };
  const create = () =>
    fetch(new URL('/chat/threads?api-version=2025-03-15', running.endpoint), { method: 'POST', headers, body: JSON.stringify({ topic: 'Once' }) });
  const first = await create();
  const second = await create();
  assert.equal(first.status, 201);
  assert.equal(second.status, 201);
  const [one, two] = (await Promise.all([first.json(), second.json()])) as { chatThread: { id: string } }[];
  assert.equal(one.chatThread.id, two.chatThread.id);
});

test('messages: send, get, edit and delete, with sequence ids, versions and edit/delete times', async () => {
  const thread = await threadWithBoth();
  const { id } = await thread.ana.sendMessage({ content: 'Hello Ben' }, { senderDisplayName: 'Ana', metadata: { tag: 'greeting' } });
  const sent = await thread.ben.getMessage(id);
  assert.equal(sent.content?.message, 'Hello Ben');
  assert.equal(sent.senderDisplayName, 'Ana');
  assert.deepEqual(sent.metadata, { tag: 'greeting' });
  assert.equal(sent.version, sent.id);

  await thread.ana.updateMessage(id, { content: 'Hello again' });
  const edited = await thread.ben.getMessage(id);
  assert.equal(edited.content?.message, 'Hello again');
  assert.ok(edited.editedOn instanceof Date);
  assert.notEqual(edited.version, sent.version);

  await assert.rejects(thread.ben.updateMessage(id, { content: 'hijack' }), (error) => statusOf(error) === 403);
  await thread.ana.deleteMessage(id);
  const deleted = await thread.ben.getMessage(id);
  assert.ok(deleted.deletedOn instanceof Date);
  assert.equal(deleted.content?.message, undefined);

  const second = await thread.ben.sendMessage({ content: 'After' });
  assert.equal(Number((await thread.ana.getMessage(second.id)).sequenceId), Number(sent.sequenceId) + 1);
});

test('listing pages newest first with maxPageSize, follows nextLink to the start, and honours startTime', async () => {
  const thread = await threadWithBoth();
  for (let index = 1; index <= 7; index += 1) await thread.ana.sendMessage({ content: `m${index}` });
  const pages: string[][] = [];
  for await (const page of thread.ben.listMessages({ maxPageSize: 3 }).byPage()) {
    pages.push(page.filter((message) => message.type === 'text').map((message) => message.content!.message!));
  }
  assert.deepEqual(pages.flat(), ['m7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1']);
  assert.ok(pages.length >= 3);

  const since = new Date();
  await new Promise((resolve) => setTimeout(resolve, 5));
  await thread.ana.sendMessage({ content: 'late' });
  const recent = await collect(thread.ben.listMessages({ startTime: since }));
  assert.deepEqual(
    recent.map((message) => message.content?.message),
    ['late'],
  );
});

test('participants: add (with invalid ones reported), list with paging, remove, with system messages', async () => {
  const thread = await threadWithBoth();
  const carl = await newUser();
  const ghost = { communicationUserId: carl.user.communicationUserId.replace(/_.*/, '_00000000-0000-0000-0000-000000000000') };
  const result = await thread.ana.addParticipants({ participants: [{ id: carl.user, displayName: 'Carl' }, { id: ghost }] });
  assert.deepEqual(
    result.invalidParticipants?.map((error) => error.target),
    [ghost.communicationUserId],
  );

  const pages = [];
  for await (const page of thread.ben.listParticipants({ maxPageSize: 2 }).byPage()) pages.push(page);
  assert.equal(pages.flat().length, 3);
  assert.equal(pages.length, 2);

  await thread.ana.removeParticipant(carl.user);
  await assert.rejects(carl.chat.getChatThreadClient(thread.id).getProperties(), (error) => statusOf(error) === 403);
  const types = (await collect(thread.ana.listMessages())).map((message) => message.type);
  assert.ok(types.includes('participantAdded') && types.includes('participantRemoved'));
});

test('typing notifications and read receipts', async () => {
  const thread = await threadWithBoth();
  await thread.ben.sendTypingNotification();
  const { id } = await thread.ana.sendMessage({ content: 'read me' });
  await thread.ben.sendReadReceipt({ chatMessageId: id });
  const receipts = await collect(thread.ana.listReadReceipts());
  assert.deepEqual(
    receipts.map((receipt) => [receipt.chatMessageId, (receipt.sender as { communicationUserId: string }).communicationUserId]),
    [[id, ben.user.communicationUserId]],
  );
  await assert.rejects(thread.ben.sendReadReceipt({ chatMessageId: '42' }), (error) => statusOf(error) === 404);
});

test('strangers get 403, unknown threads 404, oversized messages 413', async () => {
  const thread = await threadWithBoth();
  const stranger = await newUser();
  await assert.rejects(stranger.chat.getChatThreadClient(thread.id).getProperties(), (error) => statusOf(error) === 403);
  await assert.rejects(ana.chat.getChatThreadClient('19:nothing@thread.v2').getProperties(), (error) => statusOf(error) === 404);
  await assert.rejects(thread.ana.sendMessage({ content: 'x'.repeat(29 * 1024) }), (error) => statusOf(error) === 413);
});

test('a revoked or expired token is refused with 401', async () => {
  const short = await startEmulator({ tokenLifetimeSeconds: 1 });
  try {
    const user = await chatUsers(short.connection)();
    const token = await user.token();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const response = await fetch(new URL('/chat/threads?api-version=2025-03-15', short.endpoint), { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'TokenExpired');
  } finally {
    await short.close();
  }
});
