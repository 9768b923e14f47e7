import type { ReactiveController, ReactiveControllerHost } from 'lit';
export type { ChatConnectOptions, ChatControllerCallbacks, ChatViewState, ConnectionStatus } from './chat-view-state.js';
import { loadChatSdk } from '../core/chat-sdk.js';
import { AcsError, toAcsError } from '../core/errors.js';
import { rawIdOf } from '../core/raw-id.js';
import type { ChatThreadClientLike } from './chat-client.js';
import { openChatClients } from './chat-clients.js';
import { byteLength, MAX_MESSAGE_BYTES, mergeMessages, updateMessage, type MessageView } from './chat-state.js';
import { initialState, type ChatConnectOptions, type ChatControllerCallbacks, type ChatViewState, type ConnectionStatus } from './chat-view-state.js';
import { History } from './history.js';
import { messageView } from './message-view.js';
import { Outbox } from './outbox.js';
import type { ChatEvent } from './chat-event.js';
import { TypingPeople } from './typing-people.js';
import type { RealtimeSource, RealtimeState } from './realtime.js';

/**
 * Owns one chat thread: history (paged by `History`), live events, the outbox of messages being
 * sent (`Outbox`). Turns the SDK, or the `chatClient` given instead, into one immutable state
 * object for the element to render; every message view comes from `messageView`.
 */
export class ChatController implements ReactiveController {
  state: ChatViewState = initialState;
  private thread: ChatThreadClientLike | undefined;
  private sender: Pick<ChatThreadClientLike, 'sendMessage'> | undefined;
  private realtime: RealtimeSource | undefined;
  private history: History | undefined;
  private options: ChatConnectOptions | undefined;
  private readonly outbox: Outbox;
  private readonly typingPeople = new TypingPeople((typing) => this.setState({ typing }));
  private lastReceiptFor: string | undefined;
  private reading = true;
  private catchUpRun: Promise<void> | undefined;
  private catchUpNext: Promise<void> | undefined;
  private sanitizerLoad: Promise<void> | undefined;
  /** DOMPurify, downloaded with the first HTML message (most chats never have one). */
  sanitize: ((html: string) => DocumentFragment) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: ChatControllerCallbacks,
  ) {
    host.addController(this);
    this.outbox = new Outbox({
      thread: () => this.sender,
      renewToken: () => this.options?.session.renewToken() ?? Promise.resolve(),
      displayName: () => this.options?.displayName ?? '',
      messages: () => this.state.messages,
      setMessages: (messages) => this.setState({ messages }),
      catchUp: () => this.catchUp(),
      sent: (message) => callbacks.onMessageSent(message),
      failed: (error) => {
        const acsError = toAcsError(error, 'network');
        callbacks.onError(acsError);
        return acsError.code;
      },
    });
  }

  hostConnected(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.disconnect();
  }

  /** Starts downloading the chat SDK and the live-event code, so that `connect()` finds them there. */
  prefetch(): void {
    Promise.all([loadChatSdk(), import('./realtime.js')]).catch(() => undefined);
  }

  /** Opens the thread and loads its newest page; throws (for the element's error state) when it cannot. */
  async connect(options: ChatConnectOptions): Promise<void> {
    const sameThread = this.options && sameConversation(this.options, options);
    // Written before the first sign-in finished: they belong to this conversation, the first one.
    const early = this.options ? [] : this.state.messages.filter((message) => message.own && !message.id);
    this.disconnect();
    if (!sameThread) this.forgetConversation();
    this.options = options;
    this.setState({
      messages: mergeMessages(
        this.state.messages,
        early.map((message) => ({ ...message, senderId: options.userId, senderDisplayName: options.displayName })),
      ),
    });
    early.forEach((message) => this.outbox.push(message.key));
    // Signing in again (a new token-url, thread or element removal) aborts this connection.
    options.signal.addEventListener('abort', () => this.options === options && this.disconnect(), { once: true });
    const [clients, realtime] = await Promise.all([openChatClients(options), import('./realtime.js')]);
    const { thread } = clients;
    this.thread = thread;
    this.sender = clients.sender;
    const history = (this.history = new History(thread, options.pageSize, (message) => messageView(message, options.userId)));
    const [properties] = await Promise.all([thread.getProperties({ abortSignal: options.signal }), this.loadNewest(history), this.loadParticipants()]);
    options.signal.throwIfAborted();
    this.setState({ topic: properties.topic });
    this.realtime = realtime.chatRealtime({
      client: clients.client,
      threadId: options.threadId,
      handlers: { onEvent: (event) => this.onEvent(event), onStateChange: (state) => this.onRealtimeState(state) },
    });
    this.realtime.start();
    this.typingPeople.start();
    if (early.length > 0) void this.outbox.resume();
  }

  /** Another thread or user: nothing of the old conversation may show or be sent into the new one. */
  private forgetConversation(): void {
    this.outbox.clear();
    this.typingPeople.clear();
    this.lastReceiptFor = undefined;
    this.state = initialState;
  }

  disconnect(): void {
    this.realtime?.stop();
    this.realtime = undefined;
    this.outbox.stop();
    this.typingPeople.stop();
    this.thread = this.sender = undefined;
    this.history = undefined;
  }

  /**
   * Shows and sends a message (in order, kept if it fails); false, nothing sent, when empty or over
   * ACS's limit. Before the first sign-in is done it waits in the outbox, shown as pending.
   */
  send(text: string): boolean {
    const content = text.trim();
    if (!content || byteLength(content) > MAX_MESSAGE_BYTES) return false;
    const key = crypto.randomUUID();
    const message: MessageView = {
      key,
      kind: 'text',
      content,
      senderId: this.options?.userId,
      senderDisplayName: this.options?.displayName ?? '',
      createdOn: new Date(),
      deleted: false,
      own: true,
      status: navigator.onLine ? 'pending' : 'queued',
    };
    this.setState({ messages: mergeMessages(this.state.messages, [message]) });
    this.outbox.push(key);
    return true;
  }

  /** Puts a failed message back in the outbox. */
  retry(key: string): void {
    this.outbox.retry(key);
  }

  async edit(key: string, text: string): Promise<void> {
    const message = this.ownSentMessage(key);
    const content = text.trim();
    if (!message || !content || content === message.content || byteLength(content) > MAX_MESSAGE_BYTES) return;
    const before = message.content;
    this.setState({ messages: updateMessage(this.state.messages, key, { content, editedOn: new Date() }) });
    try {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- ownSentMessage() finds only sent messages (with an id), and only while connected (with a thread)
      await this.thread!.updateMessage(message.id!, { content });
    } catch (error) {
      this.setState({ messages: updateMessage(this.state.messages, key, { content: before }) });
      this.callbacks.onError(toAcsError(error, 'network'));
    }
  }

  /** Deletes an own sent message, or discards a failed one (it never reached ACS). */
  async remove(key: string): Promise<void> {
    const kept = this.state.messages.filter((each) => each.key !== key || each.status !== 'failed');
    if (kept.length < this.state.messages.length) this.setState({ messages: kept });
    const message = this.ownSentMessage(key);
    if (!message) return;
    this.setState({ messages: updateMessage(this.state.messages, key, { deleted: true }) });
    try {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- as in edit()
      await this.thread!.deleteMessage(message.id!);
    } catch (error) {
      this.setState({ messages: updateMessage(this.state.messages, key, { deleted: false }) });
      this.callbacks.onError(toAcsError(error, 'network'));
    }
  }

  /** Tells the others we are typing (the SDK itself sends at most one per 8 s). */
  typing(): void {
    this.thread?.sendTypingNotification({ senderDisplayName: this.options?.displayName ?? '' }).catch(() => undefined);
  }

  async loadOlder(): Promise<void> {
    const history = this.history;
    if (!history || this.state.loadingOlder || !this.state.olderAvailable) return;
    this.setState({ loadingOlder: true });
    try {
      const messages = mergeMessages(this.state.messages, await history.older());
      this.setState({ messages, olderAvailable: history.olderAvailable(messages) });
    } catch (error) {
      this.callbacks.onError(toAcsError(error, 'network'));
    } finally {
      this.setState({ loadingOlder: false });
    }
  }

  /**
   * The reader is (or is not) looking at the newest messages: the unread count resets, and a read
   * receipt goes out for the newest message from someone else.
   */
  setReading(reading: boolean): void {
    this.reading = reading;
    if (!reading) return;
    if (this.state.unread !== 0) {
      this.setState({ unread: 0 });
      this.callbacks.onUnreadChanged(0);
    }
    const newest = [...this.state.messages].reverse().find((message) => !message.own && message.id && !message.deleted)?.id;
    if (newest && newest !== this.lastReceiptFor && this.thread) {
      this.lastReceiptFor = newest;
      this.thread.sendReadReceipt({ chatMessageId: newest }).catch(() => (this.lastReceiptFor = undefined));
    }
  }

  private ownSentMessage(key: string): MessageView | undefined {
    const message = this.state.messages.find((each) => each.key === key);
    return message?.own && message.id && !message.deleted ? message : undefined;
  }

  private readonly onOnline = () => {
    this.setConnection(this.realtime ? 'reconnecting' : 'connected');
    void this.outbox.resume();
  };

  private readonly onOffline = () => this.setConnection('offline');

  private onRealtimeState(state: RealtimeState): void {
    if (state === 'connected') {
      this.setConnection('connected');
      this.outbox.streamBack();
    } else if (state === 'reconnecting') {
      this.setConnection(navigator.onLine ? 'reconnecting' : 'offline');
      this.outbox.poll();
    }
  }

  private setConnection(connection: ConnectionStatus): void {
    if (connection === this.state.connection) return;
    this.setState({ connection });
    this.callbacks.onConnectionChanged(connection);
  }

  private onEvent(event: ChatEvent): void {
    switch (event.kind) {
      case 'messageReceived':
      case 'messageEdited': {
        const view = messageView(event, this.options?.userId);
        const isNew = !this.state.messages.some((message) => message.key === view.key || message.id === event.id);
        this.typingPeople.sent(event.senderId);
        this.setState({ messages: mergeMessages(this.state.messages, [view]) });
        if (event.sequenceId === undefined) void this.catchUp();
        if (isNew && !view.own && event.kind === 'messageReceived') this.received(view);
        return;
      }
      case 'messageDeleted': {
        const existing = this.state.messages.find((message) => message.id === event.id);
        if (existing) this.setState({ messages: mergeMessages(this.state.messages, [{ ...existing, deleted: true, version: event.version }]) });
        return;
      }
      case 'typing':
        if (event.senderId === this.options?.userId) return;
        this.typingPeople.typing(event.senderId, event.senderDisplayName);
        return;
      case 'readReceipt':
        this.applyReceipt(event);
        return;
      case 'participantsAdded':
      case 'participantsRemoved':
        void this.loadParticipants();
        void this.catchUp();
        return;
      case 'topicUpdated':
        this.setState({ topic: event.topic });
        void this.catchUp();
        return;
      case 'threadDeleted':
        this.callbacks.onError(new AcsError('invalid-session', 'The chat thread was deleted.'));
        return;
      case 'resync':
        void this.catchUp();
        return;
    }
  }

  /** Receipts name a message; its place (sequence id) may be known only after a catch-up, as live events lack it. */
  private applyReceipt(event: Extract<ChatEvent, { kind: 'readReceipt' }>, caughtUp = false): void {
    if (event.senderId === this.options?.userId) return;
    const message = this.state.messages.find((each) => each.id === event.chatMessageId);
    if (!message) return;
    if (message.sequenceId === undefined) {
      if (!caughtUp) void this.catchUp().then(() => this.applyReceipt(event, true));
      return;
    }
    const readUpTo = new Map(this.state.readUpTo);
    readUpTo.set(event.senderId, Math.max(message.sequenceId, readUpTo.get(event.senderId) ?? 0));
    this.setState({ readUpTo });
  }

  private received(message: MessageView): void {
    this.callbacks.onMessageReceived(message);
    if (this.reading) {
      this.setReading(true);
    } else {
      this.setState({ unread: this.state.unread + 1 });
      this.callbacks.onUnreadChanged(this.state.unread);
    }
  }

  private async loadNewest(history: History): Promise<void> {
    const messages = mergeMessages(this.state.messages, await history.older());
    this.setState({ messages, olderAvailable: history.olderAvailable(messages) });
  }

  /**
   * Reads the newest pages until it meets messages already shown: fills any gap, duplicates merge
   * away. Live events without a sequence id ask for one each, so calls are coalesced: while a read
   * runs, one more follows it (it may have begun before what the callers need), shared by them all.
   */
  private catchUp(): Promise<void> {
    if (!this.catchUpRun) {
      this.catchUpRun = this.readNewest().finally(() => (this.catchUpRun = undefined));
      return this.catchUpRun;
    }
    this.catchUpNext ??= this.catchUpRun
      .catch(() => undefined)
      .then(() => {
        this.catchUpNext = undefined;
        return this.catchUp();
      });
    return this.catchUpNext;
  }

  private async readNewest(): Promise<void> {
    if (!this.history) return;
    const known = new Set(this.state.messages.filter((message) => message.id).map((message) => message.id));
    const fresh: MessageView[] = [];
    for await (const views of this.history.since(known)) {
      // New is judged now, not when the catch-up began: the live stream (or another catch-up) may have shown some meanwhile.
      const shown = new Set(this.state.messages.filter((message) => message.id).map((message) => message.id));
      fresh.push(...views.filter((view) => !shown.has(view.id) && !view.own && (view.kind === 'text' || view.kind === 'html')));
      this.setState({ messages: mergeMessages(this.state.messages, views) });
    }
    // Pages come newest first: the element announces them in the order they were written.
    fresh.sort((a, b) => (a.sequenceId ?? 0) - (b.sequenceId ?? 0)).forEach((view) => this.received(view));
  }

  private async loadParticipants(): Promise<void> {
    const participants: { id: string; displayName: string }[] = [];
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- called only once connect() has set the thread
    for await (const participant of this.thread!.listParticipants()) {
      participants.push({ id: rawIdOf(participant.id), displayName: participant.displayName ?? '' });
    }
    this.setState({ participants });
  }

  private setState(change: Partial<ChatViewState>): void {
    this.state = { ...this.state, ...change };
    if (change.messages && !this.sanitizerLoad && change.messages.some((message) => message.kind === 'html')) {
      this.sanitizerLoad = import('./sanitize.js').then(
        (module) => {
          this.sanitize = module.sanitizeMessageHtml;
          this.host.requestUpdate();
        },
        () => {
          this.sanitizerLoad = undefined;
        },
      );
    }
    this.host.requestUpdate();
  }
}

function sameConversation(a: ChatConnectOptions, b: ChatConnectOptions): boolean {
  return a.threadId === b.threadId && a.endpoint === b.endpoint && a.userId === b.userId;
}
