import assert from 'node:assert/strict';
import { mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chatUsers } from './support/chat-users.js';
import { startEmulator } from './support/emulator-server.js';
import { openEventStream } from './support/sse.js';

test('the real-time stream delivers message, typing, receipt and participant events to the thread members', async () => {
  const running = await startEmulator();
  const newUser = chatUsers(running.connection);
  const [ana, ben, stranger] = await Promise.all([newUser(), newUser(), newUser()]);
  const streamUrl = new URL('/emulator/realtime', running.endpoint);
  const benStream = await openEventStream(streamUrl, { Authorization: `Bearer ${await ben.token()}` });
  const strangerStream = await openEventStream(streamUrl, { Authorization: `Bearer ${await stranger.token()}` });
  try {
    assert.equal(benStream.status, 200);
    const { chatThread } = await ana.chat.createChatThread({ topic: 'Live' }, { participants: [{ id: ben.user, displayName: 'Ben' }] });
    const thread = ana.chat.getChatThreadClient(chatThread!.id);
    const { id } = await thread.sendMessage({ content: 'ping' }, { senderDisplayName: 'Ana' });
    await thread.sendTypingNotification({ senderDisplayName: 'Ana' });
    await thread.updateMessage(id, { content: 'pong' });
    await thread.deleteMessage(id);

    const received = await benStream.next((event) => event.event === 'chatMessageReceived');
    assert.deepEqual(
      { ...received.data, createdOn: undefined },
      {
        threadId: chatThread!.id,
        sender: { kind: 'communicationUser', communicationUserId: ana.user.communicationUserId },
        senderDisplayName: 'Ana',
        id,
        createdOn: undefined,
        version: id,
        type: 'text',
        sequenceId: '2',
        metadata: {},
        message: 'ping',
      },
    );
    assert.equal((await benStream.next((event) => event.event === 'typingIndicatorReceived')).data.senderDisplayName, 'Ana');
    assert.equal((await benStream.next((event) => event.event === 'chatMessageEdited')).data.message, 'pong');
    assert.equal((await benStream.next((event) => event.event === 'chatMessageDeleted')).data.id, id);
    assert.ok(benStream.received.some((event) => event.event === 'participantsAdded'));
    assert.ok(!strangerStream.received.some((event) => event.data.threadId === chatThread!.id), 'a non-member saw the thread');

    // A client that reconnects with Last-Event-ID gets what it missed, and nothing twice.
    const lastSeen = benStream.received.at(-1)!.id!;
    await benStream.close();
    await thread.sendMessage({ content: 'while away' });
    const resumed = await openEventStream(streamUrl, { Authorization: `Bearer ${await ben.token()}`, 'Last-Event-ID': lastSeen });
    const missed = await resumed.next((event) => event.event === 'chatMessageReceived');
    assert.equal(missed.data.message, 'while away');
    assert.equal(resumed.received.filter((event) => event.event === 'chatMessageReceived').length, 1);
    await resumed.close();
  } finally {
    await benStream.close();
    await strangerStream.close();
    await running.close();
  }
});

test('the real-time stream refuses a request without a valid token', async () => {
  const running = await startEmulator();
  try {
    const response = await fetch(new URL('/emulator/realtime', running.endpoint), { headers: { Authorization: 'Bearer nope' } });
    assert.equal(response.status, 401);
  } finally {
    await running.close();
  }
});

test('Event Grid webhooks get the validation handshake first, then chat events', async () => {
  const deliveries: { type: string | undefined; events: { eventType: string; data: Record<string, unknown> }[] }[] = [];
  let validated = false;
  const webhook = createServer((request, response) => {
    void (async () => {
      let body = '';
      for await (const chunk of request) body += (chunk as Buffer).toString();
      const events = JSON.parse(body) as (typeof deliveries)[number]['events'];
      deliveries.push({ type: request.headers['aeg-event-type'] as string | undefined, events });
      if (events[0].eventType === 'Microsoft.EventGrid.SubscriptionValidationEvent') {
        validated = true;
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ validationResponse: events[0].data.validationCode }));
        return;
      }
      response.writeHead(200).end();
    })();
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  const running = await startEmulator({ webhooks: [`http://127.0.0.1:${(webhook.address() as AddressInfo).port}/events`] });
  try {
    const ana = await chatUsers(running.connection)();
    const { chatThread } = await ana.chat.createChatThread({ topic: 'Hooks' });
    await ana.chat.getChatThreadClient(chatThread!.id).sendMessage({ content: 'to the bot' }, { senderDisplayName: 'Ana' });

    const deadline = Date.now() + 5000;
    const received = () =>
      deliveries.flatMap((delivery) => delivery.events).find((event) => event.eventType === 'Microsoft.Communication.ChatMessageReceivedInThread');
    while (!received() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(validated);
    assert.equal(deliveries[0].type, 'SubscriptionValidation');
    const event = received()!;
    assert.equal(event.data.messageBody, 'to the bot');
    assert.equal(event.data.threadId, chatThread!.id);
    assert.equal((event.data.senderCommunicationIdentifier as { rawId: string }).rawId, ana.user.communicationUserId);
  } finally {
    await running.close();
    webhook.close();
  }
});

test('state survives a restart, and a torn last journal line is dropped', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'acs-emulator-'));
  try {
    const first = await startEmulator({ dataDir });
    const ana = await chatUsers(first.connection)();
    const { chatThread } = await ana.chat.createChatThread({ topic: 'Durable' });
    const { id } = await ana.chat.getChatThreadClient(chatThread!.id).sendMessage({ content: 'kept' });
    await first.close();
    // A crash in the middle of writing a record leaves half a line behind.
    appendFileSync(join(dataDir, 'emulator.jsonl'), '{"t":"messageAdded","threadId":"19:x');

    const second = await startEmulator({ dataDir });
    try {
      const user = second.emulator.state.identities.get(ana.user.communicationUserId);
      assert.ok(user, 'the identity is gone');
      const thread = second.emulator.state.threads.get(chatThread!.id);
      assert.equal(thread?.topic, 'Durable');
      assert.equal(thread.messages.find((message) => message.id === id)?.content.message, 'kept');
      // The journal accepts new records after the torn one was cut off.
      second.emulator.commit({ t: 'tokensRevoked', id: ana.user.communicationUserId });
    } finally {
      await second.close();
    }
    const third = await startEmulator({ dataDir });
    assert.equal(third.emulator.state.identities.get(ana.user.communicationUserId)?.tokenVersion, 1);
    await third.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
