import type { ChatMessage } from '@azure/communication-chat';
import type { ChatThreadClientLike } from './chat-client.js';
import type { MessageList, MessageView } from './chat-state.js';

/** ACS's largest page. */
const MAX_PAGE_SIZE = 200;
/** A reader who asks for the next older page this soon after the last one came (or while waiting for it) is scrolling fast. */
const FAST_READER_MS = 1500;
/** A reader who comes back after this long starts again with small pages. */
const PAUSED_READER_MS = 10_000;

/**
 * A thread's stored messages, read in pages newest first: the newest page (`pageSize`) at sign-in,
 * then, as the reader scrolls back, older pages with the next one always on its way, and catch-up
 * reads of the newest pages after a break. One per connection.
 *
 * The walk back follows the SDK's continuation token, ACS's `nextLink`, which carries the page size
 * (`maxPageSize`): pages double while the reader scrolls fast, up to ACS's largest, and fall back to
 * `pageSize` after a pause.
 */
export class History {
  private newestRead = false;
  /** Where the walk back goes on; undefined before the newest page and once the walk reached the thread's start. */
  private continuation: string | undefined;
  /** The walk's next page, requested as soon as the previous one arrived. */
  private prefetched: { page: Promise<ChatMessage[]>; settled: boolean } | undefined;
  private olderPageSize: number;
  private lastDelivered = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly thread: ChatThreadClientLike,
    private readonly pageSize: number,
    private readonly view: (message: ChatMessage) => MessageView,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.olderPageSize = pageSize;
  }

  /** The next older page, starting with the newest; nothing once the walk has reached the start of the thread. */
  async older(): Promise<MessageView[]> {
    if (!this.newestRead) {
      const page = await this.readPage(this.pageSize);
      this.newestRead = true;
      this.lastDelivered = this.now();
      return page.map(this.view);
    }
    if (this.walkEnded()) return [];
    this.pace();
    const next = this.prefetched?.page ?? this.readPage(this.olderPageSize);
    this.prefetched = undefined;
    const page = await next;
    this.lastDelivered = this.now();
    if (this.continuation !== undefined) this.prefetch();
    return page.map(this.view);
  }

  /** Sequence ids start at 1, so a thread whose oldest loaded message is later than that has more history. */
  olderAvailable(messages: MessageList): boolean {
    const oldest = messages.find((message) => message.sequenceId !== undefined)?.sequenceId ?? 1;
    return !this.walkEnded() && oldest > 1;
  }

  /** The newest pages, until one holds a message of `known`: it fills any gap, and duplicates merge away. */
  async *since(known: ReadonlySet<string | undefined>): AsyncGenerator<MessageView[]> {
    for await (const page of this.thread.listMessages({ maxPageSize: this.pageSize }).byPage()) {
      yield page.map(this.view);
      if (page.some((message) => known.has(message.id))) return;
    }
  }

  /** Sizes the page after the one being asked for by how soon the reader asked. */
  private pace(): void {
    const waiting = this.prefetched !== undefined && !this.prefetched.settled;
    const gap = this.now() - this.lastDelivered;
    if (waiting || gap < FAST_READER_MS) this.olderPageSize = Math.min(MAX_PAGE_SIZE, this.olderPageSize * 2);
    else if (gap > PAUSED_READER_MS) this.olderPageSize = this.pageSize;
  }

  private prefetch(): void {
    const prefetched = { page: this.readPage(this.olderPageSize), settled: false };
    const settle = () => {
      prefetched.settled = true;
    };
    // Settled here too: a prefetch nobody ends up reading must not be an unhandled rejection.
    prefetched.page.then(settle, settle);
    this.prefetched = prefetched;
  }

  /** One page from where the walk stands (the newest first); a failed page leaves the walk where it was, to be asked again. */
  private async readPage(size: number): Promise<ChatMessage[]> {
    const settings: { continuationToken?: string } = this.continuation === undefined ? {} : { continuationToken: withPageSize(this.continuation, size) };
    const page = await this.thread.listMessages({ maxPageSize: size }).byPage(settings).next();
    this.continuation = settings.continuationToken;
    return page.done ? [] : page.value;
  }

  /** The start of the thread is shown: the newest page was read, no page is on its way, and none is left. */
  private walkEnded(): boolean {
    return this.newestRead && this.continuation === undefined && this.prefetched === undefined;
  }
}

/** A nextLink asking for `size` messages: ACS and the emulator both read the page size from it. */
function withPageSize(continuation: string, size: number): string {
  return continuation.replace(/([?&]maxPageSize=)\d+/, `$1${String(size)}`);
}
