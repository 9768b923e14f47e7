import type {
  ChatMessage,
  ChatThreadClient,
  ChatThreadProperties,
  ListMessagesOptions,
  SendChatMessageResult,
  SendMessageOptions,
  SendMessageRequest,
  SendReadReceiptRequest,
  SendTypingNotificationOptions,
  UpdateMessageOptions,
} from '@azure/communication-chat';
import type { CommunicationIdentifierKind } from '@azure/communication-common';
import type { ChatThreadClientLike } from '../chat/chat-client.js';

/** Someone in a fake thread: a raw id (`8:acs:…`) and the name others see. */
export interface FakeChatUser {
  id: string;
  displayName: string;
}

/** How a scripted send fails: the HTTP status the service answered, and whether the message got in anyway. */
export interface FakeSendFailure {
  statusCode: number;
  /** The service stored the message but the answer was lost (a timeout, a dropped connection). */
  delivered: boolean;
  /** The answer's `Retry-After`, in seconds (a 429 or 503 asking the client to wait). */
  retryAfterSeconds?: number | undefined;
}

/** What a thread tells the client it belongs to: live events and the timing of every request. */
export interface FakeThreadOwner {
  readonly user: FakeChatUser;
  /** Waits the scripted latency of one request. */
  latency(): Promise<void>;
  /** A new id or version: increasing numbers as strings, like ACS's. */
  nextVersion(): string;
  messageStored(thread: FakeChatThread, message: ChatMessage, kind: 'chatMessageReceived' | 'chatMessageEdited' | 'chatMessageDeleted'): void;
}

/** The SDK's paged iterator (from core-paging), over any item. */
interface Paged<T> {
  next(): Promise<IteratorResult<T>>;
  [Symbol.asyncIterator](): Paged<T>;
  byPage: (settings?: { maxPageSize?: number; continuationToken?: string }) => AsyncIterableIterator<T[]>;
}

/** An identifier as the SDK hands it out: ACS users by their id, anyone else by the raw id. */
export function identifierOf(rawId: string): CommunicationIdentifierKind {
  return rawId.startsWith('8:acs:') || rawId.startsWith('8:spool:')
    ? { kind: 'communicationUser', communicationUserId: rawId }
    : { kind: 'unknown', id: rawId };
}

/** An HTTP error as the SDK throws one (a RestError): the element reads `statusCode` and the answer's headers. */
export function restError(statusCode: number, headers: Record<string, string> = {}): Error {
  const response = { status: statusCode, headers: { get: (name: string) => headers[name.toLowerCase()] } };
  return Object.assign(new Error(`The fake chat service answered ${statusCode}.`), { name: 'RestError', statusCode, code: String(statusCode), response });
}

function failureError(failure: FakeSendFailure): Error {
  return restError(failure.statusCode, failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) });
}

/**
 * One thread of a `FakeChatClient`: its stored messages (oldest first, sequence ids from 1), its
 * participants and topic. The element reaches it through `FakeChatThreadClient`; a test changes
 * it through the client's scripting methods.
 */
export class FakeChatThread {
  readonly messages: ChatMessage[] = [];
  readonly participants: FakeChatUser[];
  /** Messages the element sent, in the order they reached the service. */
  readonly sent: ChatMessage[] = [];
  /** Ids of the messages the element sent read receipts for. */
  readonly readReceipts: string[] = [];
  typingNotifications = 0;
  /** Outcomes of the next sends, first first; an empty list lets sends through. */
  readonly sendFailures: FakeSendFailure[] = [];
  readonly createdOn = new Date();

  constructor(
    readonly id: string,
    public topic: string,
    participants: readonly FakeChatUser[],
  ) {
    this.participants = [...participants];
  }

  /** Stores a message as the service would: next sequence id, id and version from the owner's clock. */
  store(
    owner: FakeThreadOwner,
    init: { from: FakeChatUser; type?: ChatMessage['type']; content: ChatMessage['content']; metadata?: Record<string, string>; createdOn?: Date },
  ): ChatMessage {
    const id = owner.nextVersion();
    const message: ChatMessage = {
      id,
      type: init.type ?? 'text',
      sequenceId: String(this.messages.length + 1),
      version: id,
      content: init.content ?? {},
      senderDisplayName: init.from.displayName,
      createdOn: init.createdOn ?? new Date(),
      sender: identifierOf(init.from.id),
      metadata: init.metadata ?? {},
    };
    this.messages.push(message);
    return message;
  }

  find(messageId: string): ChatMessage {
    const message = this.messages.find((each) => each.id === messageId);
    if (!message || message.deletedOn) throw restError(404);
    return message;
  }
}

/** The element's view of one fake thread: the `ChatThreadClient` members it uses, over the thread's store. */
export class FakeChatThreadClient implements ChatThreadClientLike {
  constructor(
    private readonly owner: FakeThreadOwner,
    private readonly thread: FakeChatThread,
  ) {}

  get threadId(): string {
    return this.thread.id;
  }

  async getProperties(): Promise<ChatThreadProperties> {
    await this.owner.latency();
    return { id: this.thread.id, topic: this.thread.topic, createdOn: this.thread.createdOn };
  }

  /** Newest first, as ACS lists them, in pages of `maxPageSize` (default 20). */
  listMessages(options: ListMessagesOptions = {}): ReturnType<ChatThreadClient['listMessages']> {
    return paged(() => [...this.thread.messages].reverse(), options.maxPageSize ?? 20, this.owner);
  }

  listParticipants(): ReturnType<ChatThreadClient['listParticipants']> {
    return paged(() => this.thread.participants.map((user) => ({ id: identifierOf(user.id), displayName: user.displayName })), 100, this.owner);
  }

  async sendMessage(request: SendMessageRequest, options: SendMessageOptions = {}): Promise<SendChatMessageResult> {
    await this.owner.latency();
    const failure = this.thread.sendFailures.shift();
    if (failure && !failure.delivered) throw failureError(failure);
    const from = { id: this.owner.user.id, displayName: options.senderDisplayName ?? this.owner.user.displayName };
    const message = this.thread.store(this.owner, {
      from,
      type: options.type ?? 'text',
      content: { message: request.content },
      ...(options.metadata && { metadata: options.metadata }),
    });
    this.thread.sent.push(message);
    // The service echoes every message to its sender's live stream too.
    this.owner.messageStored(this.thread, message, 'chatMessageReceived');
    if (failure) throw failureError(failure);
    return { id: message.id };
  }

  async updateMessage(messageId: string, options: UpdateMessageOptions = {}): Promise<void> {
    await this.owner.latency();
    const message = this.thread.find(messageId);
    if (options.content !== undefined) message.content = { ...message.content, message: options.content };
    if (options.metadata) message.metadata = { ...message.metadata, ...options.metadata };
    message.editedOn = new Date();
    message.version = this.owner.nextVersion();
    this.owner.messageStored(this.thread, message, 'chatMessageEdited');
  }

  async deleteMessage(messageId: string): Promise<void> {
    await this.owner.latency();
    const message = this.thread.find(messageId);
    message.deletedOn = new Date();
    message.version = this.owner.nextVersion();
    this.owner.messageStored(this.thread, message, 'chatMessageDeleted');
  }

  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the SDK's signature, kept though the fake needs no options
  async sendTypingNotification(_options?: SendTypingNotificationOptions): Promise<boolean> {
    await this.owner.latency();
    this.thread.typingNotifications += 1;
    return true;
  }

  async sendReadReceipt(request: SendReadReceiptRequest): Promise<void> {
    await this.owner.latency();
    this.thread.readReceipts.push(request.chatMessageId);
  }
}

/**
 * The SDK's paged iterator over `items()` (read when the first page is asked for), waiting the scripted latency per
 * page. Like the SDK, `byPage` writes each page's continuation token into the settings it was given; like ACS's
 * nextLink, the token carries `maxPageSize`, and a walk may go on from it with another size.
 */
function paged<T>(items: () => T[], defaultPageSize: number, owner: FakeThreadOwner): Paged<T> {
  let snapshot: T[] | undefined;
  async function* pages(settings: { maxPageSize?: number; continuationToken?: string }): AsyncIterableIterator<T[]> {
    let next = settings.continuationToken ? readContinuation(settings.continuationToken) : { start: 0, size: settings.maxPageSize ?? defaultPageSize };
    for (;;) {
      await owner.latency();
      snapshot ??= items();
      const { start, size } = next;
      const more = start + size < snapshot.length;
      settings.continuationToken = more ? `?skip=${start + size}&maxPageSize=${size}` : undefined;
      const page = snapshot.slice(start, start + size);
      if (page.length > 0) yield page;
      // Read back like the SDK does: a caller may have moved the walk on meanwhile.
      if (!settings.continuationToken) return;
      next = readContinuation(settings.continuationToken);
    }
  }
  async function* all(): AsyncIterableIterator<T> {
    for await (const page of pages({})) yield* page;
  }
  const iterator = all();
  const result: Paged<T> = {
    next: () => iterator.next(),
    [Symbol.asyncIterator]: () => result,
    byPage: (settings = {}) => pages(settings),
  };
  return result;
}

function readContinuation(token: string): { start: number; size: number } {
  const query = new URLSearchParams(token.slice(token.indexOf('?')));
  return { start: Number(query.get('skip')), size: Number(query.get('maxPageSize')) };
}
