import { expect, waitUntil } from '@open-wc/testing';
import type { ChatClient } from '@azure/communication-chat';
import type { CommunicationTokenCredential } from '@azure/communication-common';
import type { ChatEvent } from '../../src/chat/chat-event.js';
import { azureRealtime, emulatorRealtime, type RealtimeSource, type RealtimeState } from '../../src/chat/realtime.js';
import { loadChatSdk } from '../../src/core/chat-sdk.js';
import { emulatorHttpClient, emulatorSdkEndpoint } from '../../src/core/emulator-transport.js';
import { AcsError } from '../../src/core/errors.js';
import { loadCommonSdk } from '../../src/core/sdk-loader.js';
import { emulatorSession, type EmulatorSession as Session } from './support/emulator.js';

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

/** A real-time request the source made, as the fetch spy saw it. */
interface StreamRequest {
  headers: Headers;
  signal: AbortSignal;
  at: number;
  /** Breaks the connection as a network failure would. */
  drop(): void;
}

/**
 * Watches (and can disturb) the source's requests to `/emulator/realtime`; every other request,
 * the ChatClient's included, passes through untouched.
 */
function spyOnRealtimeFetch() {
  const realFetch = globalThis.fetch;
  const requests: StreamRequest[] = [];
  const spy = {
    requests,
    /** Runs before each real-time request reaches the server: throw to fail it, wait to hold it. */
    gate: undefined as (() => Promise<void>) | undefined,
    /** Answers instead of the server when set. */
    respond: undefined as (() => Response) | undefined,
    restore: () => {
      globalThis.fetch = realFetch;
    },
  };
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = input instanceof Request ? input.url : String(input);
    if (!href.endsWith('/emulator/realtime')) return realFetch(input, init);
    const request: StreamRequest = { headers: new Headers(init?.headers), signal: init!.signal!, at: performance.now(), drop: () => undefined };
    requests.push(request);
    await spy.gate?.();
    init?.signal?.throwIfAborted();
    if (spy.respond) return spy.respond();
    const response = await realFetch(input, init);
    if (!response.body) return response;
    const upstream = response.body.getReader();
    let body!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({
      start: (controller) => void (body = controller),
      async pull(controller) {
        try {
          const { done, value } = await upstream.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: (reason) => upstream.cancel(reason),
    });
    request.drop = () => {
      body.error(new TypeError('The network connection was lost.'));
      upstream.cancel().catch(() => undefined);
    };
    return new Response(stream, { status: response.status, headers: response.headers });
  };
  return spy;
}

/** An event stream the test writes by hand. */
function scriptedStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

describe('emulatorRealtime', () => {
  let ana: Session;
  let bo: Session;
  let anaClient: ChatClient;
  let boCredential: CommunicationTokenCredential;
  let spy: ReturnType<typeof spyOnRealtimeFetch>;
  const sources: RealtimeSource[] = [];

  const startSource = (handlers: ReturnType<typeof recorder>['handlers'], threadId = bo.threadId) => {
    const source = emulatorRealtime({ endpoint: bo.endpoint, threadId, credential: boCredential, handlers });
    sources.push(source);
    source.start();
    return source;
  };

  before(async () => {
    [ana, bo] = await Promise.all([emulatorSession('Ana'), emulatorSession('Bo')]);
    const [{ ChatClient }, { AzureCommunicationTokenCredential }] = await Promise.all([loadChatSdk(), loadCommonSdk()]);
    anaClient = new ChatClient(emulatorSdkEndpoint(ana.endpoint), new AzureCommunicationTokenCredential(ana.token), { httpClient: emulatorHttpClient });
    boCredential = new AzureCommunicationTokenCredential(bo.token);
  });

  beforeEach(() => {
    spy = spyOnRealtimeFetch();
  });

  afterEach(() => {
    sources.splice(0).forEach((source) => source.stop());
    spy.restore();
  });

  it("delivers another user's message, edit, delete and typing, normalized and in order", async () => {
    const bos = recorder();
    startSource(bos.handlers);
    await waitUntil(() => bos.states.includes('connected'), 'Bo never connected', patiently);
    expect(bos.states).to.deep.equal(['connecting', 'connected']);
    expect(spy.requests[0].headers.get('Authorization')).to.equal(`Bearer ${bo.token}`);

    const thread = anaClient.getChatThreadClient(ana.threadId);
    const { id } = await thread.sendMessage({ content: 'first draft' }, { senderDisplayName: 'Ana', metadata: { topic: 'plans' } });
    await thread.updateMessage(id, { content: 'second draft' });
    await thread.deleteMessage(id);
    await thread.sendTypingNotification({ senderDisplayName: 'Ana' });

    const fromAna = () => bos.events.filter((event) => 'senderId' in event && event.senderId === ana.userId);
    await waitUntil(() => fromAna().length >= 4, 'Bo did not get all four events', patiently);
    const [received, edited, deleted, typing] = fromAna();
    expect(fromAna().map((event) => event.kind)).to.deep.equal(['messageReceived', 'messageEdited', 'messageDeleted', 'typing']);
    expect(received).to.deep.include({
      kind: 'messageReceived',
      threadId: bo.threadId,
      id,
      type: 'text',
      content: 'first draft',
      senderDisplayName: 'Ana',
      metadata: { topic: 'plans' },
    });
    expect(edited).to.deep.include({ kind: 'messageEdited', threadId: bo.threadId, id, content: 'second draft' });
    expect(deleted).to.deep.include({ kind: 'messageDeleted', threadId: bo.threadId, id });
    expect(typing).to.deep.include({ kind: 'typing', threadId: bo.threadId, senderDisplayName: 'Ana' });
    if (received.kind !== 'messageReceived' || edited.kind !== 'messageEdited' || deleted.kind !== 'messageDeleted' || typing.kind !== 'typing')
      throw new Error('unreachable');
    expect(received.createdOn).to.be.instanceOf(Date);
    expect(received.sequenceId).to.match(/^\d+$/);
    expect(edited.editedOn).to.be.instanceOf(Date);
    expect(Number(edited.version)).to.be.greaterThan(Number(received.version));
    expect(deleted.deletedOn).to.be.instanceOf(Date);
    expect(typing.receivedOn).to.be.instanceOf(Date);
  });

  it('does not deliver the events of another thread', async () => {
    const { chatThread } = await anaClient.createChatThread(
      { topic: 'side talk' },
      {
        participants: [
          { id: { communicationUserId: ana.userId }, displayName: 'Ana' },
          { id: { communicationUserId: bo.userId }, displayName: 'Bo' },
        ],
      },
    );
    const sideThreadId = chatThread!.id;
    const demo = recorder();
    const side = recorder();
    startSource(demo.handlers);
    startSource(side.handlers, sideThreadId);
    await waitUntil(() => demo.states.includes('connected') && side.states.includes('connected'), 'Bo never connected', patiently);

    await anaClient.getChatThreadClient(sideThreadId).sendMessage({ content: 'only for the side thread' });
    await anaClient.getChatThreadClient(ana.threadId).sendMessage({ content: 'for the demo thread' });

    await waitUntil(
      () => contentsFrom(side.events, ana.userId).length === 1 && contentsFrom(demo.events, ana.userId).length === 1,
      'the messages did not arrive',
      patiently,
    );
    expect(contentsFrom(side.events, ana.userId)).to.deep.equal(['only for the side thread']);
    expect(contentsFrom(demo.events, ana.userId)).to.deep.equal(['for the demo thread']);
    expect(demo.events.every((event) => event.threadId === bo.threadId)).to.equal(true);
    expect(side.events.every((event) => event.threadId === sideThreadId)).to.equal(true);
  });

  it('after stop() and start(), resumes with Last-Event-ID: what was sent meanwhile arrives exactly once', async () => {
    const bos = recorder();
    const source = startSource(bos.handlers);
    await waitUntil(() => bos.states.includes('connected'), 'Bo never connected', patiently);
    const thread = anaClient.getChatThreadClient(ana.threadId);

    await thread.sendMessage({ content: 'before the break' });
    await waitUntil(() => contentsFrom(bos.events, ana.userId).length === 1, 'the first message did not arrive', patiently);
    source.stop();
    expect(spy.requests[0].signal.aborted, 'stop() aborts the request').to.equal(true);
    await thread.sendMessage({ content: 'during the break 1' });
    await thread.sendMessage({ content: 'during the break 2' });
    source.start();
    await waitUntil(() => contentsFrom(bos.events, ana.userId).length >= 3, 'what was sent during the break did not arrive', patiently);
    await thread.sendMessage({ content: 'after the break' });
    await waitUntil(() => contentsFrom(bos.events, ana.userId).length >= 4, 'the last message did not arrive', patiently);

    expect(contentsFrom(bos.events, ana.userId)).to.deep.equal(['before the break', 'during the break 1', 'during the break 2', 'after the break']);
    expect(spy.requests[0].headers.has('Last-Event-ID')).to.equal(false);
    expect(spy.requests[1].headers.get('Last-Event-ID')).to.match(/^\d+$/);
    expect(bos.events.some((event) => event.kind === 'resync')).to.equal(false);
    expect(bos.states).to.deep.equal(['connecting', 'connected', 'connecting', 'connected']);
  });

  it('reconnects by itself after the connection drops, and misses nothing', async () => {
    const bos = recorder();
    startSource(bos.handlers);
    await waitUntil(() => bos.states.includes('connected'), 'Bo never connected', patiently);
    const thread = anaClient.getChatThreadClient(ana.threadId);
    await thread.sendMessage({ content: 'before the drop' });
    await waitUntil(() => contentsFrom(bos.events, ana.userId).length === 1, 'the first message did not arrive', patiently);

    let release!: () => void;
    spy.gate = () => new Promise<void>((resolve) => (release = resolve));
    spy.requests[0].drop();
    await waitUntil(() => spy.requests.length === 2, 'no reconnect was attempted', patiently);
    expect(bos.states.at(-1)).to.equal('reconnecting');
    await thread.sendMessage({ content: 'while disconnected' });
    spy.gate = undefined;
    release();

    await waitUntil(() => contentsFrom(bos.events, ana.userId).length >= 2, 'what was sent while disconnected did not arrive', patiently);
    await thread.sendMessage({ content: 'after the reconnect' });
    await waitUntil(() => contentsFrom(bos.events, ana.userId).length >= 3, 'the last message did not arrive', patiently);
    expect(contentsFrom(bos.events, ana.userId)).to.deep.equal(['before the drop', 'while disconnected', 'after the reconnect']);
    expect(spy.requests[1].headers.get('Last-Event-ID')).to.match(/^\d+$/);
    expect(bos.states).to.deep.equal(['connecting', 'connected', 'reconnecting', 'connected']);
  });

  it('backs off exponentially while it cannot connect, and starts over after a connect', async () => {
    let failures = 3;
    spy.gate = () => (failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve());
    const bos = recorder();
    startSource(bos.handlers);
    await waitUntil(() => bos.states.includes('connected'), 'Bo never connected', patiently);
    const gaps = spy.requests.slice(1).map((request, index) => request.at - spy.requests[index].at);
    expect(gaps).to.have.length(3);
    expect(gaps[0]).to.be.within(240, 490);
    expect(gaps[1]).to.be.within(490, 990);
    expect(gaps[2]).to.be.within(990, 1990);
    expect(bos.states).to.deep.equal(['connecting', 'reconnecting', 'connected']);

    const dropped = performance.now();
    spy.requests.at(-1)!.drop();
    await waitUntil(() => spy.requests.length === 5, 'no reconnect was attempted', patiently);
    expect(spy.requests[4].at - dropped).to.be.below(490);
  });

  it('stop() ends all deliveries, requests and retries', async () => {
    const stopped = recorder();
    const control = recorder();
    const source = startSource(stopped.handlers);
    startSource(control.handlers);
    await waitUntil(() => stopped.states.includes('connected') && control.states.includes('connected'), 'Bo never connected', patiently);
    source.stop();
    const seen = { events: stopped.events.length, states: stopped.states.length };

    await anaClient.getChatThreadClient(ana.threadId).sendMessage({ content: 'nobody stopped is listening' });
    await waitUntil(() => contentsFrom(control.events, ana.userId).length === 1, 'the running source did not get the message', patiently);
    expect(stopped.events.length).to.equal(seen.events);
    expect(stopped.states.length).to.equal(seen.states);
    expect(spy.requests[0].signal.aborted).to.equal(true);

    // Stopped while waiting to retry: the timer must go too.
    spy.gate = () => Promise.reject(new TypeError('Failed to fetch'));
    const retrying = recorder();
    const failing = startSource(retrying.handlers);
    const before = spy.requests.length;
    await waitUntil(() => spy.requests.length === before + 2, 'no retry', patiently);
    failing.stop();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(spy.requests.length).to.equal(before + 2);
  });

  it('parses frames split anywhere, passes on the server resync, and resumes from the last id', async () => {
    const streams = [scriptedStream(), scriptedStream()];
    let answered = 0;
    spy.respond = () => streams[answered++].response;
    let tokens = 0;
    const credential: CommunicationTokenCredential = {
      getToken: () => Promise.resolve({ token: `token-${++tokens}`, expiresOnTimestamp: Date.now() + 60_000 }),
      dispose: () => undefined,
    };
    const bos = recorder();
    const source = emulatorRealtime({ endpoint: 'http://localhost:9', threadId: 'T', credential, handlers: bos.handlers });
    sources.push(source);
    source.start();

    await waitUntil(() => answered === 1);
    const [first, second] = streams;
    first.write(': connected\r\n\r\nid: 7\r');
    first.write(
      '\nevent: chatMessageReceived\r\ndata: {"threadId":"T","id":"1","message":"line one\\nline two","sender":{"kind":"communicationUser","communicationUserId":"8:acs:ana"},"createdOn":"2025-01-01T00:00:00.000Z","sequenceId":"3"}\r\n',
    );
    first.write('\r\nid: 8\nevent: chatMessageReceived\ndata: {"threadId":"elsewhere","id":"2"}\n\nevent: resync\ndata: {}\n\n');
    await waitUntil(() => bos.events.length === 2, 'the frames were not delivered');
    expect(bos.events).to.deep.equal([
      {
        kind: 'messageReceived',
        threadId: 'T',
        id: '1',
        version: '',
        sequenceId: '3',
        type: 'text',
        content: 'line one\nline two',
        senderId: '8:acs:ana',
        senderDisplayName: '',
        createdOn: new Date('2025-01-01T00:00:00.000Z'),
        metadata: {},
      },
      { kind: 'resync', threadId: 'T' },
    ]);

    first.end();
    await waitUntil(() => answered === 2, 'no reconnect after the server ended the stream');
    expect(spy.requests[1].headers.get('Last-Event-ID'), 'the id of the last frame, whatever its thread').to.equal('8');
    expect(spy.requests[1].headers.get('Authorization'), 'a token asked for on every connect').to.equal('Bearer token-2');
    second.write(': connected\n\n');
    await waitUntil(() => bos.states.at(-1) === 'connected');
    expect(bos.states).to.deep.equal(['connecting', 'connected', 'reconnecting', 'connected']);
  });

  it('asks its consumer to resync when it reconnects without an event id to resume from', async () => {
    const streams = [scriptedStream(), scriptedStream()];
    let answered = 0;
    spy.respond = () => streams[answered++].response;
    const bos = recorder();
    const source = emulatorRealtime({ endpoint: 'http://localhost:9/', threadId: 'T', credential: boCredential, handlers: bos.handlers });
    sources.push(source);
    source.start();
    await waitUntil(() => bos.states.includes('connected'));
    expect(bos.events).to.deep.equal([]);
    streams[0].end();
    await waitUntil(() => bos.events.length === 1, 'no resync');
    expect(bos.events).to.deep.equal([{ kind: 'resync', threadId: 'T' }]);
    expect(spy.requests[1].headers.has('Last-Event-ID')).to.equal(false);
  });

  it('refuses to send a token over plain http to another machine', () => {
    const create = () => emulatorRealtime({ endpoint: 'http://chat.example.com/', threadId: 'T', credential: boCredential, handlers: recorder().handlers });
    expect(create).to.throw(AcsError);
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

describe('azureRealtime', () => {
  const ana = { kind: 'communicationUser', communicationUserId: '8:acs:ana' };
  const bo = { kind: 'communicationUser', communicationUserId: '8:acs:bo' };
  const at = new Date('2025-05-01T10:00:00Z');
  const sources: RealtimeSource[] = [];

  function started(fake = new FakeChatClient()) {
    const record = recorder();
    const source = azureRealtime({ client: fake, threadId: 'T', handlers: record.handlers });
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
