import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ChatController, type ChatConnectOptions, type ConnectionStatus } from '../../src/chat/chat-controller.js';
import type { MessageView } from '../../src/chat/chat-state.js';
import type { AcsError } from '../../src/core/errors.js';
import type { AcsSession } from '../../src/core/session.js';
import { FakeChatClient, type FakeChatClientOptions } from '../../src/testing/index.js';

const ana = { id: '8:acs:ana', displayName: 'Ana' };

/** What a Lit element gives its controllers, and nothing else: no DOM. */
function fakeHost() {
  const controllers: ReactiveController[] = [];
  const host: ReactiveControllerHost & { updates: number } = {
    updates: 0,
    addController: (controller) => void controllers.push(controller),
    removeController: (controller) => void controllers.splice(controllers.indexOf(controller), 1),
    requestUpdate: () => void (host.updates += 1),
    updateComplete: Promise.resolve(true),
  };
  return {
    host,
    connect: () => controllers.forEach((each) => each.hostConnected?.()),
    disconnect: () => controllers.forEach((each) => each.hostDisconnected?.()),
  };
}

/** A controller signed in as the fake's user, with the newest page loaded and live events flowing. */
async function connected(options: FakeChatClientOptions & { pageSize?: number; renewToken?: () => Promise<void> } = {}) {
  const chat = new FakeChatClient({ participants: [ana], topic: 'Support', latencyMs: 5, ...options });
  const { host, connect, disconnect } = fakeHost();
  const calls = {
    sent: [] as MessageView[],
    received: [] as MessageView[],
    connection: [] as ConnectionStatus[],
    unread: [] as number[],
    errors: [] as AcsError[],
  };
  const controller = new ChatController(host, {
    onMessageSent: (message) => calls.sent.push(message),
    onMessageReceived: (message) => calls.received.push(message),
    onConnectionChanged: (status) => calls.connection.push(status),
    onUnreadChanged: (count) => calls.unread.push(count),
    onError: (error) => calls.errors.push(error),
  });
  connect();
  const abort = new AbortController();
  const renewals = { count: 0 };
  const session: AcsSession = {
    userId: chat.user.id,
    endpoint: 'https://fake-chat.communication.azure.com/',
    threadId: chat.threadId,
    displayName: 'Me',
    emulator: false,
    credential: { getToken: () => Promise.resolve({ token: 'unused', expiresOnTimestamp: Date.now() + 3600_000 }), dispose: () => undefined },
    renewToken: () => {
      renewals.count += 1;
      return options.renewToken?.() ?? Promise.resolve();
    },
    dispose: () => undefined,
  };
  const connectOptions: ChatConnectOptions = {
    session,
    threadId: chat.threadId,
    userId: chat.user.id,
    endpoint: session.endpoint!,
    displayName: 'Me',
    pageSize: options.pageSize ?? 20,
    signal: abort.signal,
    client: chat,
  };
  await controller.connect(connectOptions);
  await waitUntil(() => chat.listening, 'the controller never listened to live events');
  after.push(() => {
    abort.abort();
    disconnect();
  });
  const texts = () => controller.state.messages.filter((message) => !message.deleted).map((message) => message.content);
  const own = (content: string) => controller.state.messages.find((message) => message.own && message.content === content);
  return { chat, controller, host, calls, texts, own, renewals };
}

const after: (() => void)[] = [];
afterEach(() => after.splice(0).forEach((cleanup) => cleanup()));

describe('ChatController with FakeChatClient (no DOM, no emulator)', function () {
  this.timeout(10000);

  it('loads the newest page of history, then older pages until the start of the thread', async () => {
    const { controller, host } = await connected({ history: 45 });
    expect(controller.state.topic).to.equal('Support');
    expect(controller.state.messages.map((message) => message.content)).to.deep.equal(Array.from({ length: 20 }, (_, index) => `seed ${index + 26}`));
    expect(controller.state.olderAvailable).to.equal(true);
    expect(controller.state.participants.map((participant) => participant.displayName)).to.have.members(['Me', 'Ana']);
    expect(host.updates).to.be.greaterThan(0);
    await controller.loadOlder();
    expect(controller.state.messages[0].content).to.equal('seed 1');
    expect(controller.state.messages).to.have.length(45);
    await controller.loadOlder();
    expect(controller.state.olderAvailable).to.equal(false);
  });

  it('shows a sent message at once as pending, then as sent, and tells the element once', async () => {
    const { chat, controller, calls, own } = await connected();
    controller.send('  Hello Ana ');
    expect(own('Hello Ana')!.status).to.equal('pending');
    await waitUntil(() => own('Hello Ana')?.status === 'sent', 'never sent');
    expect(chat.sent.map((message) => message.content?.message)).to.deep.equal(['Hello Ana']);
    expect(calls.sent.map((message) => message.content)).to.deep.equal(['Hello Ana']);
    // The service echoes it on the live stream: it still shows once.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(controller.state.messages.filter((message) => message.content === 'Hello Ana')).to.have.length(1);
    expect(calls.received).to.deep.equal([]);
  });

  it('keeps a message that failed with 500 queued and sends it after the back-off', async () => {
    const { chat, controller, calls, own } = await connected();
    chat.failNextSend(500);
    controller.send('Try again');
    await waitUntil(() => own('Try again')?.status === 'queued', 'not queued after a 500');
    expect(chat.sent).to.have.length(0);
    await waitUntil(() => own('Try again')?.status === 'sent', 'not sent after the back-off', { timeout: 3000 });
    expect(chat.sent.map((message) => message.content?.message)).to.deep.equal(['Try again']);
    expect(calls.errors).to.deep.equal([]);
  });

  it('renews a refused token (401) and sends the queue on by itself, in typed order', async () => {
    const { chat, controller, calls, own, renewals } = await connected();
    chat.failNextSend(401, { times: 2 });
    for (const text of ['one', 'two', 'three']) controller.send(text);
    await waitUntil(() => own('three')?.status === 'sent', 'not all sent after the renewals', { timeout: 4000 });
    expect(chat.sent.map((message) => message.content?.message)).to.deep.equal(['one', 'two', 'three']);
    expect(renewals.count).to.equal(2);
    expect(calls.errors).to.deep.equal([]);
  });

  it('keeps messages queued while the token cannot be renewed, says so once, and sends them when it can', async () => {
    let tokenServiceUp = false;
    const { chat, controller, calls, own } = await connected({
      renewToken: () => (tokenServiceUp ? Promise.resolve() : Promise.reject(new Error('token service down'))),
    });
    chat.failNextSend(401, { times: 2 });
    controller.send('Let me in');
    await waitUntil(() => calls.errors.length === 1, 'the failed renewal was not reported');
    expect(own('Let me in')!.status).to.equal('queued');
    tokenServiceUp = true;
    await waitUntil(() => own('Let me in')?.status === 'sent', 'not sent once the token was renewed', { timeout: 5000 });
    expect(chat.sent).to.have.length(1);
    expect(calls.errors).to.have.length(1);
  });

  it('waits as long as a 429 answer asks before sending again', async () => {
    const { chat, controller, own } = await connected();
    chat.failNextSend(429, { retryAfterSeconds: 2 });
    controller.send('Patience');
    await waitUntil(() => own('Patience')?.status === 'queued', 'not queued after a 429');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The back-off alone would have sent it after 1 s.
    expect(chat.sent).to.have.length(0);
    await waitUntil(() => own('Patience')?.status === 'sent', 'not sent after Retry-After', { timeout: 3000 });
  });

  it('keeps the order of messages written while one of them waits for a retry', async () => {
    const { chat, controller, texts } = await connected();
    chat.failNextSend(429);
    controller.send('one');
    controller.send('two');
    controller.send('three');
    await waitUntil(() => chat.sent.length === 3, 'not all sent', { timeout: 3000 });
    expect(chat.sent.map((message) => message.content?.message)).to.deep.equal(['one', 'two', 'three']);
    expect(texts()).to.deep.equal(['one', 'two', 'three']);
  });

  it('never sends twice a message that arrived although its answer was lost', async () => {
    const { chat, controller, own } = await connected();
    chat.failNextSend(503, { delivered: true });
    controller.send('Only once');
    await waitUntil(() => own('Only once')?.status === 'sent', 'never shown as sent', { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(chat.messages.filter((message) => message.content?.message === 'Only once')).to.have.length(1);
  });

  it('shows a live message from someone else once, and tells the element once', async () => {
    const { chat, controller, calls, texts } = await connected({ history: 3 });
    chat.receive(ana, 'Hi there');
    await waitUntil(() => texts().includes('Hi there'), 'the live message never showed');
    // Azure's live events carry no sequence id: the catch-up it triggers merges, it does not add.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(texts()).to.deep.equal(['seed 1', 'seed 2', 'seed 3', 'Hi there']);
    expect(calls.received.map((message) => [message.content, message.senderDisplayName])).to.deep.equal([['Hi there', 'Ana']]);
    expect(controller.state.messages.at(-1)!.sequenceId).to.equal(4);
    // The reader is looking: a read receipt goes out for it.
    await waitUntil(() => chat.readReceipts.includes(controller.state.messages.at(-1)!.id!), 'no read receipt');
  });

  it('shows edits and deletions made by someone else', async () => {
    const { chat, controller, texts } = await connected();
    const message = chat.receive(ana, 'Helo');
    await waitUntil(() => texts().includes('Helo'));
    chat.edit(message.id, 'Hello');
    await waitUntil(() => texts().includes('Hello'), 'the edit never showed');
    expect(controller.state.messages.find((each) => each.id === message.id)!.editedOn).to.be.instanceOf(Date);
    chat.remove(message.id);
    await waitUntil(() => controller.state.messages.find((each) => each.id === message.id)?.deleted === true, 'the deletion never showed');
  });

  it('shows who is typing, and who has read own messages', async () => {
    const { chat, controller, own } = await connected();
    chat.typing(ana);
    await waitUntil(() => controller.state.typing.some((person) => person.name === 'Ana'), 'typing never showed');
    controller.send('Read me');
    await waitUntil(() => own('Read me')?.sequenceId !== undefined, 'no sequence id from the catch-up');
    chat.read(ana, own('Read me')!.id!);
    await waitUntil(() => controller.state.readUpTo.get(ana.id) === own('Read me')!.sequenceId, 'read receipt never showed');
  });

  it('reports a dropped live connection, fills the gap when it returns, and shows each message once', async () => {
    const { chat, calls, texts } = await connected();
    chat.dropRealtime();
    await waitUntil(() => calls.connection.at(-1) === 'reconnecting', 'drop not reported');
    chat.receive(ana, 'While you were away');
    chat.restoreRealtime();
    await waitUntil(() => calls.connection.at(-1) === 'connected', 'return not reported');
    await waitUntil(() => texts().includes('While you were away'), 'the missed message never showed');
    expect(calls.received.map((message) => message.content)).to.deep.equal(['While you were away']);
  });
});
