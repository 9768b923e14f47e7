import type { ChatClient, ChatMessage, ChatThreadClient } from '@azure/communication-chat';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadChatSdk } from '../core/chat-sdk.js';
import { AcsError, toAcsError } from '../core/errors.js';
import type { AcsSession } from '../core/session.js';
import { CLIENT_MESSAGE_ID, mergeMessages, updateMessage, type MessageKind, type MessageList, type MessageView } from './chat-state.js';
import { rawIdOf } from '../core/raw-id.js';
import type { ChatEvent, RealtimeSource, RealtimeState } from './realtime.js';

export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

export interface ChatViewState {
  topic: string;
  messages: MessageList;
  /** Older pages exist beyond the oldest message shown. */
  olderAvailable: boolean;
  loadingOlder: boolean;
  connection: ConnectionStatus;
  /** Display names of people typing now. */
  typing: readonly string[];
  participants: readonly { id: string; displayName: string }[];
  /** Per participant, the sequence id of the newest message they have read. */
  readUpTo: ReadonlyMap<string, number>;
  unread: number;
}

export interface ChatControllerCallbacks {
  onMessageSent(message: MessageView): void;
  onMessageReceived(message: MessageView): void;
  onConnectionChanged(status: ConnectionStatus): void;
  onUnreadChanged(count: number): void;
  onError(error: AcsError): void;
}

export interface ChatConnectOptions {
  session: AcsSession;
  threadId: string;
  userId: string;
  endpoint: string;
  displayName: string;
  pageSize: number;
  signal: AbortSignal;
}

/** How long a typing notification counts: ACS clients send one at most every 8 s. */
const TYPING_SHOWN_MS = 9000;
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000, 30000];

const initialState: ChatViewState = {
  topic: '',
  messages: [],
  olderAvailable: false,
  loadingOlder: false,
  connection: 'connected',
  typing: [],
  participants: [],
  readUpTo: new Map(),
  unread: 0,
};

/**
 * Owns one chat thread: history, live events, the outbox of messages being sent. Turns the SDK
 * into one immutable state object for the element to render.
 */
export class ChatController implements ReactiveController {
  state: ChatViewState = initialState;
  private thread: ChatThreadClient | undefined;
  private client: ChatClient | undefined;
  private realtime: RealtimeSource | undefined;
  private olderPages: AsyncIterator<ChatMessage[]> | undefined;
  private olderExhausted = false;
  private options: ChatConnectOptions | undefined;
  private readonly outbox: string[] = [];
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryAttempt = 0;
  /** The live stream is down: history is polled (with back-off) until it is back. */
  private polling = false;
  private readonly typingUntil = new Map<string, { name: string; until: number }>();
  private typingTimer: ReturnType<typeof setInterval> | undefined;
  private lastReceiptFor: string | undefined;
  private reading = true;
  private sanitizerLoad: Promise<void> | undefined;
  /** DOMPurify, downloaded with the first HTML message (most chats never have one). */
  sanitize: ((html: string) => DocumentFragment) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: ChatControllerCallbacks,
  ) {
    host.addController(this);
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

  /** Opens the thread and loads its newest page; throws (for the element's error state) when it cannot. */
  async connect(options: ChatConnectOptions): Promise<void> {
    const sameThread = this.options && sameConversation(this.options, options);
    this.disconnect();
    if (!sameThread) this.forgetConversation();
    this.options = options;
    // Signing in again (a new token-url, thread or element removal) aborts this connection.
    options.signal.addEventListener('abort', () => this.options === options && this.disconnect(), { once: true });
    const [{ ChatClient }, realtime, transport] = await Promise.all([
      loadChatSdk(),
      import('./realtime.js'),
      options.session.emulator ? import('../core/emulator-transport.js') : undefined,
    ]);
    const endpoint = transport ? transport.emulatorSdkEndpoint(options.endpoint) : options.endpoint;
    this.client = new ChatClient(endpoint, options.session.credential, transport ? { httpClient: transport.emulatorHttpClient } : {});
    this.thread = this.client.getChatThreadClient(options.threadId);
    const [properties] = await Promise.all([this.thread.getProperties({ abortSignal: options.signal }), this.loadNewest(), this.loadParticipants()]);
    options.signal.throwIfAborted();
    this.setState({ topic: properties.topic });
    const handlers = { onEvent: (event: ChatEvent) => this.onEvent(event), onStateChange: (state: RealtimeState) => this.onRealtimeState(state) };
    this.realtime = options.session.emulator
      ? realtime.emulatorRealtime({ endpoint: options.endpoint, threadId: options.threadId, credential: options.session.credential, handlers })
      : realtime.azureRealtime({ client: this.client, threadId: options.threadId, handlers });
    this.realtime.start();
    this.typingTimer = setInterval(() => this.refreshTyping(), 1000);
  }

  /** Another thread or user: nothing of the old conversation may show or be sent into the new one. */
  private forgetConversation(): void {
    this.outbox.length = 0;
    this.typingUntil.clear();
    this.lastReceiptFor = undefined;
    this.retryAttempt = 0;
    this.state = initialState;
  }

  disconnect(): void {
    this.realtime?.stop();
    this.realtime = undefined;
    this.polling = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    clearInterval(this.typingTimer);
    this.thread = undefined;
    this.client = undefined;
    this.olderPages = undefined;
  }

  /** Sends a message: shown at once, sent in order, kept (and retryable) if it fails. */
  send(text: string): void {
    const content = text.trim();
    if (!content || !this.options) return;
    const key = crypto.randomUUID();
    const message: MessageView = {
      key,
      kind: 'text',
      content,
      senderId: this.options.userId,
      senderDisplayName: this.options.displayName,
      createdOn: new Date(),
      deleted: false,
      own: true,
      status: navigator.onLine ? 'pending' : 'queued',
    };
    this.setState({ messages: mergeMessages(this.state.messages, [message]) });
    this.outbox.push(key);
    void this.flush();
  }

  /** Puts a failed message back in the outbox. */
  retry(key: string): void {
    if (this.outbox.includes(key)) return;
    this.setState({ messages: updateMessage(this.state.messages, key, { status: 'pending' }) });
    this.outbox.push(key);
    void this.flush();
  }

  async edit(key: string, text: string): Promise<void> {
    const message = this.ownSentMessage(key);
    const content = text.trim();
    if (!message || !content || content === message.content) return;
    const before = message.content;
    this.setState({ messages: updateMessage(this.state.messages, key, { content, editedOn: new Date() }) });
    try {
      await this.thread!.updateMessage(message.id!, { content });
    } catch (error) {
      this.setState({ messages: updateMessage(this.state.messages, key, { content: before }) });
      this.callbacks.onError(toAcsError(error, 'network'));
    }
  }

  async remove(key: string): Promise<void> {
    const message = this.ownSentMessage(key);
    if (!message) return;
    this.setState({ messages: updateMessage(this.state.messages, key, { deleted: true }) });
    try {
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
    if (!this.olderPages || this.state.loadingOlder || !this.state.olderAvailable) return;
    this.setState({ loadingOlder: true });
    try {
      const page = await this.olderPages.next();
      if (page.done) this.olderExhausted = true;
      else this.setState({ messages: mergeMessages(this.state.messages, page.value.map((message) => this.toView(message))) });
      this.updateOlderAvailable();
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
    const newest = [...this.state.messages].reverse().find((message) => !message.own && message.id && !message.deleted);
    if (newest && newest.id !== this.lastReceiptFor && this.thread) {
      this.lastReceiptFor = newest.id;
      this.thread.sendReadReceipt({ chatMessageId: newest.id! }).catch(() => (this.lastReceiptFor = undefined));
    }
  }

  private ownSentMessage(key: string): MessageView | undefined {
    const message = this.state.messages.find((each) => each.key === key);
    return message?.own && message.id && !message.deleted ? message : undefined;
  }

  private async flush(): Promise<void> {
    if (this.flushing || !this.thread || !this.options) return;
    this.flushing = true;
    try {
      while (this.outbox.length > 0) {
        const key = this.outbox[0]!;
        const message = this.state.messages.find((each) => each.key === key);
        if (!message || message.status === 'sent') {
          this.outbox.shift();
          continue;
        }
        if (!navigator.onLine) {
          this.markQueued();
          return;
        }
        this.setState({ messages: updateMessage(this.state.messages, key, { status: 'pending' }) });
        try {
          const { id } = await this.thread.sendMessage(
            { content: message.content },
            { senderDisplayName: this.options.displayName, metadata: { [CLIENT_MESSAGE_ID]: key } },
          );
          this.outbox.shift();
          this.retryAttempt = 0;
          this.setState({ messages: mergeMessages(this.state.messages, [{ ...message, id, status: 'sent', version: id }]) });
          this.callbacks.onMessageSent({ ...message, id, status: 'sent' });
        } catch (error) {
          if (isTransient(error)) {
            // It may have arrived before the connection broke: a catch-up finds it by its client id, so it is not sent twice.
            this.markQueued();
            this.scheduleRetry();
            return;
          }
          this.outbox.shift();
          this.setState({ messages: updateMessage(this.state.messages, key, { status: 'failed' }) });
          this.callbacks.onError(toAcsError(error, 'network'));
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private markQueued(): void {
    const queued = new Set(this.outbox);
    this.setState({ messages: this.state.messages.map((message) => (queued.has(message.key) && message.status !== 'sent' ? { ...message, status: 'queued' } : message)) });
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const delay = RETRY_DELAYS_MS[Math.min(this.retryAttempt, RETRY_DELAYS_MS.length - 1)]!;
    this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.resume();
    }, delay);
  }

  /** After a break: catch up first (so nothing already delivered is sent again), then send what is left. */
  private async resume(): Promise<void> {
    try {
      await this.catchUp();
    } catch {
      this.scheduleRetry();
      return;
    }
    await this.flush();
    // Still no live stream: poll again later (unless a failed send already set the next round).
    if (this.polling && this.retryTimer === undefined) this.scheduleRetry();
  }

  private readonly onOnline = () => {
    this.setConnection(this.realtime ? 'reconnecting' : 'connected');
    void this.resume();
  };

  private readonly onOffline = () => this.setConnection('offline');

  private onRealtimeState(state: RealtimeState): void {
    if (state === 'connected') {
      this.polling = false;
      // The next outage polls promptly again; the catch-up below takes the place of a pending round.
      this.retryAttempt = 0;
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.setConnection('connected');
      void this.resume();
    } else if (state === 'reconnecting') {
      this.setConnection(navigator.onLine ? 'reconnecting' : 'offline');
      // While the live stream is down, history is polled instead so new messages still show up.
      this.polling = true;
      this.scheduleRetry();
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
        const own = event.senderId === this.options?.userId;
        const key = event.metadata[CLIENT_MESSAGE_ID] ?? event.id;
        const isNew = !this.state.messages.some((message) => message.key === key || message.id === event.id);
        const view: MessageView = {
          key,
          id: event.id,
          ...(event.sequenceId !== undefined && { sequenceId: Number(event.sequenceId) }),
          kind: event.type === 'html' ? 'html' : 'text',
          content: event.content,
          senderId: event.senderId,
          senderDisplayName: event.senderDisplayName,
          createdOn: event.createdOn,
          ...(event.editedOn && { editedOn: event.editedOn }),
          deleted: false,
          own,
          status: 'sent',
          version: event.version,
        };
        this.typingUntil.delete(event.senderId);
        this.setState({ messages: mergeMessages(this.state.messages, [view]) });
        if (event.sequenceId === undefined) void this.catchUp();
        if (isNew && !own && event.kind === 'messageReceived') this.received(view);
        return;
      }
      case 'messageDeleted': {
        const existing = this.state.messages.find((message) => message.id === event.id);
        if (existing) this.setState({ messages: mergeMessages(this.state.messages, [{ ...existing, deleted: true, version: event.version }]) });
        return;
      }
      case 'typing':
        if (event.senderId === this.options?.userId) return;
        this.typingUntil.set(event.senderId, { name: event.senderDisplayName, until: Date.now() + TYPING_SHOWN_MS });
        this.refreshTyping();
        return;
      case 'readReceipt': {
        const read = this.state.messages.find((message) => message.id === event.chatMessageId)?.sequenceId;
        if (read === undefined || event.senderId === this.options?.userId) return;
        const readUpTo = new Map(this.state.readUpTo);
        readUpTo.set(event.senderId, Math.max(read, readUpTo.get(event.senderId) ?? 0));
        this.setState({ readUpTo });
        return;
      }
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

  private received(message: MessageView): void {
    this.callbacks.onMessageReceived(message);
    if (this.reading) {
      this.setReading(true);
    } else {
      this.setState({ unread: this.state.unread + 1 });
      this.callbacks.onUnreadChanged(this.state.unread);
    }
  }

  private refreshTyping(): void {
    const now = Date.now();
    const typing = [...this.typingUntil.values()].filter((entry) => entry.until > now).map((entry) => entry.name);
    if (typing.join('\n') !== this.state.typing.join('\n')) this.setState({ typing });
  }

  private async loadNewest(): Promise<void> {
    this.olderPages = this.thread!.listMessages({ maxPageSize: this.options!.pageSize }).byPage() as AsyncIterator<ChatMessage[]>;
    this.olderExhausted = false;
    const first = await this.olderPages.next();
    if (first.done) this.olderExhausted = true;
    else this.setState({ messages: mergeMessages(this.state.messages, first.value.map((message) => this.toView(message))) });
    this.updateOlderAvailable();
  }

  /** Sequence ids start at 1, so a thread whose oldest loaded message is later than that has more history. */
  private updateOlderAvailable(): void {
    const oldest = this.state.messages.find((message) => message.sequenceId !== undefined)?.sequenceId ?? 1;
    this.setState({ olderAvailable: !this.olderExhausted && oldest > 1 });
  }

  /** Reads the newest pages until it meets messages already shown: fills any gap, duplicates merge away. */
  private async catchUp(): Promise<void> {
    if (!this.thread || !this.options) return;
    const known = new Set(this.state.messages.filter((message) => message.id).map((message) => message.id));
    for await (const page of this.thread.listMessages({ maxPageSize: this.options.pageSize }).byPage()) {
      const views = page.map((message) => this.toView(message));
      // New is judged now, not when the catch-up began: the live stream (or another catch-up) may have shown some meanwhile.
      const shown = new Set(this.state.messages.filter((message) => message.id).map((message) => message.id));
      const fresh = views.filter((view) => !shown.has(view.id!) && !view.own && (view.kind === 'text' || view.kind === 'html'));
      this.setState({ messages: mergeMessages(this.state.messages, views) });
      fresh.forEach((view) => this.received(view));
      if (page.some((message) => known.has(message.id))) break;
    }
  }

  private async loadParticipants(): Promise<void> {
    const participants: { id: string; displayName: string }[] = [];
    for await (const participant of this.thread!.listParticipants()) {
      participants.push({ id: rawIdOf(participant.id), displayName: participant.displayName ?? '' });
    }
    this.setState({ participants });
  }

  private toView(message: ChatMessage): MessageView {
    const senderId = message.sender ? rawIdOf(message.sender) : undefined;
    const clientKey = message.metadata?.[CLIENT_MESSAGE_ID];
    return {
      key: clientKey ?? message.id,
      id: message.id,
      sequenceId: Number(message.sequenceId),
      kind: message.type as MessageKind,
      content: systemContent(message) ?? message.content?.message ?? '',
      ...(senderId && { senderId }),
      senderDisplayName: message.senderDisplayName ?? '',
      createdOn: message.createdOn,
      ...(message.editedOn && { editedOn: message.editedOn }),
      deleted: message.deletedOn !== undefined,
      own: senderId !== undefined && senderId === this.options?.userId,
      status: 'sent',
      version: message.version,
    };
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

/** For system messages: the topic, or the names of who joined or left. */
function systemContent(message: ChatMessage): string | undefined {
  if (message.type === 'topicUpdated') return message.content?.topic ?? '';
  if (message.type === 'participantAdded' || message.type === 'participantRemoved') {
    return (message.content?.participants ?? []).map((participant) => participant.displayName || rawIdOf(participant.id)).join(', ');
  }
  return undefined;
}

/** Network failures and server hiccups are worth retrying; a 4xx (too large, forbidden) is not. */
function isTransient(error: unknown): boolean {
  const status = (error as { statusCode?: number }).statusCode;
  return status === undefined || status === 0 || status === 408 || status === 429 || status >= 500;
}

function sameConversation(a: ChatConnectOptions, b: ChatConnectOptions): boolean {
  return a.threadId === b.threadId && a.endpoint === b.endpoint && a.userId === b.userId;
}
