import type { ChatMessage } from '@azure/communication-chat';
import type { ChatClientLike } from '../chat/chat-client.js';
import { FakeChatThread, FakeChatThreadClient, identifierOf, type FakeChatUser, type FakeSendFailure, type FakeThreadOwner } from './fake-chat-thread.js';
import { createTestToken } from './test-token.js';

export interface FakeChatClientOptions {
  /** The signed-in user (the element's): a raw id and name. Default `8:acs:fake-me`, "Me". */
  user?: FakeChatUser;
  /** The thread the scripting methods act on. Default `fake-thread`. */
  threadId?: string;
  topic?: string;
  /** Everyone else in the thread; the signed-in user is always in it. */
  participants?: readonly FakeChatUser[];
  /** Messages already in the thread, from the first participant (or the user): `seed 1` … `seed N`, a minute apart. */
  history?: number;
  /** Milliseconds each request takes. Default 0 (answered in the next task). */
  latencyMs?: number;
}

/** `never`, so the SDK's typed listeners fit in one list. */
type Listener = (payload: never) => void;

/** The session a `token-provider` can return for the fake's user and thread (the endpoint is never called). */
export interface FakeChatSession {
  token: string;
  endpoint: string;
  threadId: string;
  userId: string;
  displayName: string;
}

/**
 * A stand-in for `ChatClient` of @azure/communication-chat: no network, no SDK download (it only
 * imports the SDK's types). It implements what `<acs-chat>` uses, type-checked against the SDK's
 * declarations, and lets a test play everyone else in the thread: messages that arrive, change and
 * go, typing, read receipts, sends that fail, a live connection that drops and comes back.
 *
 * ```ts
 * const chat = new FakeChatClient({ participants: [{ id: '8:acs:ana', displayName: 'Ana' }], history: 30 });
 * element.chatClient = chat;
 * element.tokenProvider = () => chat.session();
 * chat.receive(chat.participant('Ana'), 'Hello');
 * ```
 */
export class FakeChatClient implements ChatClientLike, FakeThreadOwner {
  readonly user: FakeChatUser;
  /** The thread the scripting methods act on. */
  readonly threadId: string;
  private readonly threads = new Map<string, FakeChatThread>();
  private readonly listeners: { event: string; listener: Listener }[] = [];
  private readonly latencyMs: number;
  private clock = Date.now();
  private started = false;
  private dropped = false;

  constructor(options: FakeChatClientOptions = {}) {
    this.user = options.user ?? { id: '8:acs:fake-me', displayName: 'Me' };
    this.threadId = options.threadId ?? 'fake-thread';
    this.latencyMs = options.latencyMs ?? 0;
    const thread = this.threadFor(this.threadId, options.topic ?? '', options.participants ?? []);
    const from = options.participants?.[0] ?? this.user;
    const count = options.history ?? 0;
    for (let index = 1; index <= count; index += 1) {
      thread.store(this, { from, content: { message: `seed ${index}` }, createdOn: new Date(Date.now() - (count - index + 1) * 60_000) });
    }
  }

  /** A session for `tokenProvider`: a test token of the fake's user, its thread, and an endpoint nobody calls. */
  session(): FakeChatSession {
    const { id, displayName } = this.user;
    return {
      token: createTestToken({ userId: id, scopes: ['chat'] }),
      endpoint: 'https://fake-chat.communication.azure.com/',
      threadId: this.threadId,
      userId: id,
      displayName,
    };
  }

  /** A participant of the thread, by display name. */
  participant(displayName: string): FakeChatUser {
    const found = this.thread().participants.find((user) => user.displayName === displayName);
    if (!found) throw new Error(`No participant named ${displayName} in the fake thread.`);
    return found;
  }

  /** Every stored message of the thread, oldest first, deleted ones included. */
  get messages(): readonly ChatMessage[] {
    return this.thread().messages;
  }

  /** Messages the element sent, in the order they reached the (fake) service. */
  get sent(): readonly ChatMessage[] {
    return this.thread().sent;
  }

  /** Ids of the messages the element sent read receipts for. */
  get readReceipts(): readonly string[] {
    return this.thread().readReceipts;
  }

  /** How many typing notifications the element sent. */
  get typingNotifications(): number {
    return this.thread().typingNotifications;
  }

  /** Whether the live connection is up: started, and not dropped by `dropRealtime()`. */
  get realtimeConnected(): boolean {
    return this.started && !this.dropped;
  }

  /** Whether live messages reach someone now: connected, with a listener (wait for it before scripting live events). */
  get listening(): boolean {
    return this.realtimeConnected && this.listeners.some((each) => each.event === 'chatMessageReceived');
  }

  // ---- What the element calls: the ChatClient members it uses. ----

  getChatThreadClient(threadId: string): FakeChatThreadClient {
    return new FakeChatThreadClient(this, this.threadFor(threadId, '', []));
  }

  async startRealtimeNotifications(): Promise<void> {
    await this.latency();
    if (this.started) return;
    this.started = true;
    if (!this.dropped) setTimeout(() => this.realtimeConnected && this.emit('realTimeNotificationConnected', undefined));
  }

  stopRealtimeNotifications(): Promise<void> {
    this.started = false;
    // As in the SDK: stopping drops every listener on the client.
    this.listeners.length = 0;
    return Promise.resolve();
  }

  on(event: string, listener: Listener): void {
    // The SDK's rule: chat events need a started client (its two connection events do not).
    if (!this.started && !event.startsWith('realTimeNotification'))
      throw new Error('You must call startRealtimeNotifications before you can subscribe to events.');
    this.listeners.push({ event, listener });
  }

  off(event: string, listener: Listener): void {
    const index = this.listeners.findIndex((each) => each.event === event && each.listener === listener);
    if (index !== -1) this.listeners.splice(index, 1);
  }

  // ---- What a test calls: the rest of the thread. ----

  /** `from` sends a message; it shows live (when connected) and in history. */
  receive(from: FakeChatUser, content: string, options: { type?: 'text' | 'html' } = {}): ChatMessage {
    const message = this.thread().store(this, { from, type: options.type ?? 'text', content: { message: content } });
    this.messageStored(this.thread(), message, 'chatMessageReceived');
    return message;
  }

  /** The sender of message `id` changes its text. */
  edit(id: string, content: string): ChatMessage {
    const message = this.thread().find(id);
    message.content = { ...message.content, message: content };
    message.editedOn = new Date();
    message.version = this.nextVersion();
    this.messageStored(this.thread(), message, 'chatMessageEdited');
    return message;
  }

  /** The sender of message `id` deletes it. */
  remove(id: string): void {
    const message = this.thread().find(id);
    message.deletedOn = new Date();
    message.version = this.nextVersion();
    this.messageStored(this.thread(), message, 'chatMessageDeleted');
  }

  /** `from` is typing (the element shows it for a few seconds). */
  typing(from: FakeChatUser): void {
    this.deliver('typingIndicatorReceived', { ...this.eventBase(from), version: this.nextVersion(), receivedOn: new Date() });
  }

  /** `by` has read everything up to message `id`. */
  read(by: FakeChatUser, id: string): void {
    this.deliver('readReceiptReceived', { ...this.eventBase(by), chatMessageId: id, readOn: new Date() });
  }

  /** `user` joins: a system message and a live event. */
  addParticipant(user: FakeChatUser): void {
    const thread = this.thread();
    thread.participants.push(user);
    const participant = { id: identifierOf(user.id), displayName: user.displayName, metadata: {} };
    thread.store(this, { from: this.user, type: 'participantAdded', content: { participants: [participant] } });
    this.deliver('participantsAdded', {
      threadId: thread.id,
      version: this.nextVersion(),
      addedOn: new Date(),
      participantsAdded: [participant],
      addedBy: participant,
    });
  }

  /** The topic changes: a system message and a live event. */
  setTopic(topic: string): void {
    const thread = this.thread();
    thread.topic = topic;
    thread.store(this, { from: this.user, type: 'topicUpdated', content: { topic } });
    const updatedBy = { id: identifierOf(this.user.id), displayName: this.user.displayName, metadata: {} };
    this.deliver('chatThreadPropertiesUpdated', {
      threadId: thread.id,
      version: this.nextVersion(),
      updatedOn: new Date(),
      updatedBy,
      properties: { topic, metadata: {} },
    });
  }

  /**
   * The element's next send fails with `statusCode` (401, 429 and 5xx are retried, a 4xx such as
   * 403 or 413 is not). With `delivered`, the service stored the message but the answer was lost;
   * `retryAfterSeconds` sets the answer's `Retry-After`.
   */
  failNextSend(statusCode: number, options: { delivered?: boolean; times?: number; retryAfterSeconds?: number } = {}): void {
    for (let count = 0; count < (options.times ?? 1); count += 1)
      this.thread().sendFailures.push({
        statusCode,
        delivered: options.delivered ?? false,
        retryAfterSeconds: options.retryAfterSeconds,
      } satisfies FakeSendFailure);
  }

  /** The live connection drops: events in the meantime are lost (as in the SDK, which replays nothing). */
  dropRealtime(): void {
    if (this.dropped) return;
    this.dropped = true;
    if (this.started) this.emit('realTimeNotificationDisconnected', undefined);
  }

  /** The live connection is back. */
  restoreRealtime(): void {
    if (!this.dropped) return;
    this.dropped = false;
    if (this.started) this.emit('realTimeNotificationConnected', undefined);
  }

  // ---- Shared with the fake threads. ----

  /** @internal */
  async latency(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }

  /** @internal */
  nextVersion(): string {
    this.clock = Math.max(this.clock + 1, Date.now());
    return String(this.clock);
  }

  /** @internal */
  messageStored(thread: FakeChatThread, message: ChatMessage, kind: 'chatMessageReceived' | 'chatMessageEdited' | 'chatMessageDeleted'): void {
    const sender = message.sender ?? identifierOf(this.user.id);
    // Azure's events name the types as the service does inside, and carry no sequence id.
    const event = {
      threadId: thread.id,
      sender,
      senderDisplayName: message.senderDisplayName ?? '',
      recipient: identifierOf(this.user.id),
      id: message.id,
      createdOn: message.createdOn,
      version: message.version,
      type: message.type === 'html' ? 'RichText/Html' : 'Text',
    };
    if (kind === 'chatMessageDeleted') this.deliver(kind, { ...event, deletedOn: message.deletedOn });
    else
      this.deliver(kind, {
        ...event,
        message: message.content?.message ?? '',
        metadata: message.metadata ?? {},
        ...(kind === 'chatMessageEdited' && { editedOn: message.editedOn }),
      });
  }

  private thread(): FakeChatThread {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the constructor stores the client's thread, and none is ever removed
    return this.threads.get(this.threadId)!;
  }

  private threadFor(id: string, topic: string, participants: readonly FakeChatUser[]): FakeChatThread {
    let thread = this.threads.get(id);
    if (!thread) this.threads.set(id, (thread = new FakeChatThread(id, topic, [this.user, ...participants])));
    return thread;
  }

  private eventBase(from: FakeChatUser) {
    return { threadId: this.threadId, sender: identifierOf(from.id), senderDisplayName: from.displayName, recipient: identifierOf(this.user.id) };
  }

  /** A live event, a moment later, only while connected. */
  private deliver(event: string, payload: object): void {
    if (!this.realtimeConnected) return;
    setTimeout(() => this.realtimeConnected && this.emit(event, payload), this.latencyMs);
  }

  private emit(event: string, payload: unknown): void {
    for (const { listener } of this.listeners.filter((each) => each.event === event)) listener(payload as never);
  }
}
