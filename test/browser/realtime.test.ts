import { expect, waitUntil } from '@open-wc/testing';
import type { ChatClient } from '@azure/communication-chat';
import type { ChatEvent } from '../../src/chat/chat-event.js';
import { openChatClients } from '../../src/chat/chat-clients.js';
import { chatRealtime, type RealtimeSource, type RealtimeState } from '../../src/chat/realtime.js';
import { loadChatSdk } from '../../src/core/chat-sdk.js';
import { emulatorHttpClient, emulatorSdkEndpoint } from '../../src/core/emulator-transport.js';
import type { AcsSession } from '../../src/core/session.js';
import { loadCommonSdk } from '../../src/core/sdk-loader.js';
import { emulatorSession, killTrouterSockets, newThread, type EmulatorSession as Session } from './support/emulator.js';

/** What a source handed its consumer, in order. */
function recorder() {
  const events: ChatEvent[] = [];
  const states: RealtimeState[] = [];
  return { events, states, handlers: { onEvent: (event: ChatEvent) => events.push(event), onStateChange: (state: RealtimeState) => states.push(state) } };
}

/** The contents of the message events `senderId` sent, in the order they arrived. */
function contentsFrom(events: ChatEvent[], senderId: string): string[] {
  return events.flatMap((event) => (event.kind === 'messageReceived' && event.senderId === senderId ? [event.content] : []));
}

const patiently = { timeout: 5000 };

/** An emulator session as the element holds one: the credential, in emulator mode. */
async function acsSession(session: Session): Promise<AcsSession> {
  const { AzureCommunicationTokenCredential } = await loadCommonSdk();
  const credential = new AzureCommunicationTokenCredential(session.token);
  return { ...session, emulator: true, credential, renewToken: () => Promise.resolve(), dispose: () => credential.dispose() };
}

describe('chatRealtime with the real chat SDK against the emulator', function () {
  this.timeout(20000);
  let ana: Session;
  let bo: Session;
  let anaClient: ChatClient;
  const sources: RealtimeSource[] = [];

  /** Bo's live events of `threadId`, through the clients exactly as the element builds them. */
  const listen = async (threadId = bo.threadId) => {
    const record = recorder();
    const { client } = await openChatClients({ session: await acsSession(bo), endpoint: bo.endpoint, threadId });
    const source = chatRealtime({ client, threadId, handlers: record.handlers });
    sources.push(source);
    source.start();
    await waitUntil(() => record.states.includes('connected'), 'Bo never connected', patiently);
    return record;
  };

  before(async () => {
    [ana, bo] = await Promise.all([emulatorSession('Ana'), emulatorSession('Bo')]);
    const { ChatClient } = await loadChatSdk();
    const { AzureCommunicationTokenCredential } = await loadCommonSdk();
    anaClient = new ChatClient(emulatorSdkEndpoint(ana.endpoint), new AzureCommunicationTokenCredential(ana.token), { httpClient: emulatorHttpClient });
  });

  afterEach(() => sources.splice(0).forEach((source) => source.stop()));

  it('receives every event type, normalized, in order, over the Trouter WebSocket on the emulator', async () => {
    const threadId = await newThread('Every event', ana, bo);
    const bos = await listen(threadId);
    expect(bos.states).to.deep.equal(['connecting', 'connected']);
    const thread = anaClient.getChatThreadClient(threadId);
    const { id } = await thread.sendMessage({ content: 'first draft' }, { senderDisplayName: 'Ana', metadata: { topic: 'plans' } });
    await thread.updateMessage(id, { content: 'second draft' });
    await thread.deleteMessage(id);
    await thread.sendTypingNotification({ senderDisplayName: 'Ana' });
    await thread.sendReadReceipt({ chatMessageId: id });
    const cleo = await emulatorSession('Cleo');
    await thread.addParticipants({ participants: [{ id: { communicationUserId: cleo.userId }, displayName: 'Cleo' }] });
    await thread.removeParticipant({ communicationUserId: cleo.userId });
    await thread.updateTopic('New topic');
    await anaClient.deleteChatThread(threadId);

    const kinds = [
      'messageReceived',
      'messageEdited',
      'messageDeleted',
      'typing',
      'readReceipt',
      'participantsAdded',
      'participantsRemoved',
      'topicUpdated',
      'threadDeleted',
    ];
    await waitUntil(() => bos.events.length >= kinds.length, `Bo got only ${bos.events.map((event) => event.kind).join(', ')}`, patiently);
    expect(bos.events.map((event) => event.kind)).to.deep.equal(kinds);
    const [received, edited, deleted, typing, receipt, added, removed, topic] = bos.events;
    expect(received).to.deep.include({
      kind: 'messageReceived',
      threadId,
      id,
      type: 'text',
      content: 'first draft',
      senderId: ana.userId,
      senderDisplayName: 'Ana',
    });
    expect((received as { metadata: Record<string, string> }).metadata).to.deep.equal({ topic: 'plans' });
    expect((received as { createdOn: Date }).createdOn).to.be.instanceOf(Date);
    expect(edited).to.deep.include({ kind: 'messageEdited', threadId, id, content: 'second draft' });
    expect(Number((edited as { version: string }).version)).to.be.greaterThan(Number((received as { version: string }).version));
    expect(deleted).to.deep.include({ kind: 'messageDeleted', threadId, id });
    expect(typing).to.deep.include({ kind: 'typing', threadId, senderId: ana.userId, senderDisplayName: 'Ana' });
    expect(receipt).to.deep.include({ kind: 'readReceipt', threadId, senderId: ana.userId, chatMessageId: id });
    expect(added).to.deep.include({ kind: 'participantsAdded', threadId, participants: [{ id: cleo.userId, displayName: 'Cleo' }] });
    expect((removed as { participants: { id: string }[] }).participants.map((each) => each.id)).to.deep.equal([cleo.userId]);
    expect(topic).to.deep.include({ kind: 'topicUpdated', threadId, topic: 'New topic' });
  });

  it('does not deliver the events of another thread', async () => {
    const [mainThread, sideThread] = await Promise.all([newThread('Main', ana, bo), newThread('Side talk', ana, bo)]);
    const [main, side] = await Promise.all([listen(mainThread), listen(sideThread)]);
    await anaClient.getChatThreadClient(sideThread).sendMessage({ content: 'only for the side thread' });
    await anaClient.getChatThreadClient(mainThread).sendMessage({ content: 'for the main thread' });
    await waitUntil(
      () => contentsFrom(side.events, ana.userId).length === 1 && contentsFrom(main.events, ana.userId).length === 1,
      'the messages did not arrive',
      patiently,
    );
    expect(contentsFrom(side.events, ana.userId)).to.deep.equal(['only for the side thread']);
    expect(contentsFrom(main.events, ana.userId)).to.deep.equal(['for the main thread']);
  });

  it('reconnects by itself when the WebSocket is killed, and asks for a resync', async () => {
    const threadId = await newThread('Killed socket', ana, bo);
    const bos = await listen(threadId);
    await killTrouterSockets(bo.userId);
    await waitUntil(() => bos.states.filter((state) => state === 'connected').length === 2, `states: ${bos.states.join(', ')}`, { timeout: 15000 });
    expect(bos.states).to.deep.equal(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(bos.events.map((event) => event.kind)).to.include('resync');
    await anaClient.getChatThreadClient(threadId).sendMessage({ content: 'after the break' });
    await waitUntil(() => contentsFrom(bos.events, ana.userId).includes('after the break'), 'nothing live after the reconnect', patiently);
  });
});

/** `never`, so that the SDK's typed listeners fit in; the fake does not read payloads. */
type Listener = (payload: never) => void;

/** The notification surface of a ChatClient, with its rule that chat events need a started client. */
class FakeChatClient {
  readonly listeners: { event: string; listener: Listener }[] = [];
  readonly added: { event: string; listener: Listener }[] = [];
  readonly removed: { event: string; listener: Listener }[] = [];
  readonly calls: string[] = [];
  /** Outcomes of the next startRealtimeNotifications calls; resolves when empty. */
  readonly starts: (() => Promise<void>)[] = [];
  private started = false;

  async startRealtimeNotifications(): Promise<void> {
    this.calls.push('start');
    await this.starts.shift()?.();
    this.started = true;
  }

  stopRealtimeNotifications(): Promise<void> {
    this.calls.push('stop');
    this.started = false;
    return Promise.resolve();
  }

  on(event: string, listener: Listener): void {
    if (!this.started && !event.startsWith('realTimeNotification'))
      throw new Error('You must call startRealtimeNotifications before you can subscribe to events.');
    this.listeners.push({ event, listener });
    this.added.push({ event, listener });
  }

  off(event: string, listener: Listener): void {
    const index = this.listeners.findIndex((each) => each.event === event && each.listener === listener);
    if (index === -1) throw new Error(`off(${event}) with a listener that was never added`);
    this.listeners.splice(index, 1);
    this.removed.push({ event, listener });
  }

  emit(event: string, payload?: unknown): void {
    this.listeners.filter((each) => each.event === event).forEach(({ listener }) => listener(payload as never));
  }
}

describe('chatRealtime on a fake client', () => {
  const ana = { kind: 'communicationUser', communicationUserId: '8:acs:ana' };
  const bo = { kind: 'communicationUser', communicationUserId: '8:acs:bo' };
  const at = new Date('2025-05-01T10:00:00Z');
  const sources: RealtimeSource[] = [];

  function started(fake = new FakeChatClient()) {
    const record = recorder();
    const source = chatRealtime({ client: fake, threadId: 'T', handlers: record.handlers });
    sources.push(source);
    source.start();
    return { fake, source, ...record };
  }

  const subscribed = (fake: FakeChatClient) => waitUntil(() => fake.listeners.some((each) => each.event === 'chatMessageReceived'), 'never subscribed');

  afterEach(() => sources.splice(0).forEach((source) => source.stop()));

  it("normalizes the SDK's events and drops those of other threads", async () => {
    const { fake, events } = started();
    await subscribed(fake);
    const message = {
      threadId: 'T',
      sender: ana,
      senderDisplayName: 'Ana',
      recipient: bo,
      id: '100',
      createdOn: at,
      version: '100',
      type: 'Text',
      message: 'hi',
      metadata: { k: 'v' },
    };
    fake.emit('chatMessageReceived', message);
    fake.emit('chatMessageReceived', { ...message, threadId: 'elsewhere' });
    fake.emit('chatMessageEdited', { ...message, type: 'RichText/Html', message: '<b>hi</b>', version: '101', editedOn: at });
    fake.emit('chatMessageDeleted', {
      threadId: 'T',
      sender: ana,
      senderDisplayName: 'Ana',
      recipient: bo,
      id: '100',
      createdOn: at,
      version: '102',
      type: 'Text',
      deletedOn: at,
    });
    fake.emit('typingIndicatorReceived', { threadId: 'T', sender: ana, senderDisplayName: 'Ana', recipient: bo, version: '1', receivedOn: at });
    fake.emit('readReceiptReceived', { threadId: 'T', sender: ana, senderDisplayName: '', recipient: bo, chatMessageId: '100', readOn: at });
    const teamsUser = {
      id: { kind: 'microsoftTeamsUser', rawId: '8:orgid:tea', microsoftTeamsUserId: 'tea', cloud: 'public' },
      displayName: 'Tea',
      metadata: {},
    };
    fake.emit('participantsAdded', {
      threadId: 'T',
      addedOn: at,
      addedBy: { id: ana, displayName: 'Ana', metadata: {} },
      version: '1',
      participantsAdded: [teamsUser],
    });
    fake.emit('participantsRemoved', {
      threadId: 'T',
      removedOn: at,
      removedBy: { id: ana, displayName: 'Ana', metadata: {} },
      version: '1',
      participantsRemoved: [{ id: bo, displayName: 'Bo', metadata: {} }],
    });
    fake.emit('chatThreadPropertiesUpdated', {
      threadId: 'T',
      updatedOn: at,
      updatedBy: { id: ana, displayName: 'Ana', metadata: {} },
      version: '1',
      properties: { topic: 'New topic', metadata: {} },
    });
    fake.emit('chatThreadDeleted', {
      threadId: 'T',
      deletedOn: at,
      deletedBy: { id: ana, displayName: 'Ana', metadata: {} },
      version: '1',
      reason: 'deletedByUser',
    });

    expect(events).to.deep.equal([
      {
        kind: 'messageReceived',
        threadId: 'T',
        id: '100',
        version: '100',
        type: 'text',
        content: 'hi',
        senderId: '8:acs:ana',
        senderDisplayName: 'Ana',
        createdOn: at,
        metadata: { k: 'v' },
      },
      {
        kind: 'messageEdited',
        threadId: 'T',
        id: '100',
        version: '101',
        type: 'html',
        content: '<b>hi</b>',
        senderId: '8:acs:ana',
        senderDisplayName: 'Ana',
        createdOn: at,
        editedOn: at,
        metadata: { k: 'v' },
      },
      { kind: 'messageDeleted', threadId: 'T', id: '100', version: '102', senderId: '8:acs:ana', deletedOn: at },
      { kind: 'typing', threadId: 'T', senderId: '8:acs:ana', senderDisplayName: 'Ana', receivedOn: at },
      { kind: 'readReceipt', threadId: 'T', senderId: '8:acs:ana', chatMessageId: '100', readOn: at },
      { kind: 'participantsAdded', threadId: 'T', participants: [{ id: '8:orgid:tea', displayName: 'Tea' }] },
      { kind: 'participantsRemoved', threadId: 'T', participants: [{ id: '8:acs:bo', displayName: 'Bo' }] },
      { kind: 'topicUpdated', threadId: 'T', topic: 'New topic' },
      { kind: 'threadDeleted', threadId: 'T' },
    ]);
  });

  it('reports the connection, and asks for a resync after a disconnect', async () => {
    const { fake, events, states } = started();
    await subscribed(fake);
    expect(states).to.deep.equal(['connecting']);
    fake.emit('realTimeNotificationConnected');
    expect(events).to.deep.equal([]);
    fake.emit('realTimeNotificationDisconnected');
    fake.emit('realTimeNotificationConnected');
    expect(states).to.deep.equal(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(events).to.deep.equal([{ kind: 'resync', threadId: 'T' }]);
  });

  it('stop() removes exactly the listeners it added and stops the notifications', async () => {
    const fake = new FakeChatClient();
    const theirs: Listener = () => undefined;
    fake.on('realTimeNotificationConnected', theirs);
    const { source, events } = started(fake);
    await subscribed(fake);
    const ours = fake.added.slice(1);
    expect(ours.map((each) => each.event)).to.include.members([
      'chatMessageReceived',
      'chatThreadDeleted',
      'realTimeNotificationConnected',
      'realTimeNotificationDisconnected',
    ]);

    source.stop();
    expect(fake.removed).to.have.deep.members(ours);
    expect(fake.listeners).to.deep.equal([{ event: 'realTimeNotificationConnected', listener: theirs }]);
    fake.emit('chatMessageReceived', { threadId: 'T', sender: ana, id: '1', createdOn: at, version: '1', type: 'Text', message: 'late', metadata: {} });
    expect(events).to.deep.equal([]);
    await waitUntil(() => fake.calls.length === 2);
    expect(fake.calls).to.deep.equal(['start', 'stop']);
  });

  it('stop() while the SDK is still starting leaves nothing subscribed, and stops it after the start', async () => {
    const fake = new FakeChatClient();
    let finishStart!: () => void;
    fake.starts.push(() => new Promise<void>((resolve) => (finishStart = resolve)));
    const { source } = started(fake);
    await waitUntil(() => fake.calls.length === 1);
    source.stop();
    finishStart();
    await waitUntil(() => fake.calls.length === 2);
    expect(fake.calls).to.deep.equal(['start', 'stop']);
    expect(fake.listeners).to.deep.equal([]);
  });

  it('retries a failed start after a back-off', async () => {
    const fake = new FakeChatClient();
    fake.starts.push(() => Promise.reject(new Error('token refresh failed')));
    const { states } = started(fake);
    await subscribed(fake);
    // The SDK stays "started" after a failed start, so it must be stopped before it can start again.
    expect(fake.calls).to.deep.equal(['start', 'stop', 'start']);
    expect(states).to.deep.equal(['connecting', 'reconnecting']);
  });
});
