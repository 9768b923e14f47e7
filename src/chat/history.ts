import type { ChatMessage } from '@azure/communication-chat';
import type { ChatThreadClientLike } from './chat-client.js';
import type { MessageList, MessageView } from './chat-state.js';

/** ACS's largest page. */
const MAX_PAGE_SIZE = 200;
/** Scrolling back reads pages this many times the first page's size: the first page is for a quick first paint. */
const OLDER_PAGE_FACTOR = 5;

/**
 * A thread's stored messages, read in pages newest first: the newest page (`pageSize`) at sign-in,
 * then, as the reader scrolls back, bigger pages with the next one always on its way, and catch-up
 * reads of the newest pages after a break. One per connection.
 *
 * The SDK hides its continuation tokens, so a page size holds for a whole walk: the walk back
 * starts again from the newest message with the bigger size (its first page overlaps what is
 * shown, and duplicates merge away).
 */
export class History {
  private newestRead = false;
  private olderPages: AsyncIterator<ChatMessage[]> | undefined;
  /** The walk's next page, requested as soon as the previous one arrived. */
  private prefetched: Promise<IteratorResult<ChatMessage[]>> | undefined;
  private olderExhausted = false;

  constructor(
    private readonly thread: ChatThreadClientLike,
    private readonly pageSize: number,
    private readonly view: (message: ChatMessage) => MessageView,
  ) {}

  /** The next older page, starting with the newest; nothing once the walk has reached the start of the thread. */
  async older(): Promise<MessageView[]> {
    if (!this.newestRead) {
      const page = await this.pages(this.pageSize).next();
      this.newestRead = true;
      if (page.done) this.olderExhausted = true;
      return page.done ? [] : page.value.map(this.view);
    }
    const pages = (this.olderPages ??= this.pages(Math.min(MAX_PAGE_SIZE, this.pageSize * OLDER_PAGE_FACTOR)));
    const next = this.prefetched ?? pages.next();
    this.prefetched = undefined;
    let page: IteratorResult<ChatMessage[]>;
    try {
      page = await next;
    } catch (error) {
      // A failed page is asked for again on the next call, on a fresh walk (the iterator is spent).
      this.olderPages = undefined;
      throw error;
    }
    if (page.done) {
      this.olderExhausted = true;
      return [];
    }
    this.prefetched = pages.next();
    // Settled here: a prefetch nobody ends up reading must not be an unhandled rejection.
    this.prefetched.catch(() => undefined);
    return page.value.map(this.view);
  }

  /** Sequence ids start at 1, so a thread whose oldest loaded message is later than that has more history. */
  olderAvailable(messages: MessageList): boolean {
    const oldest = messages.find((message) => message.sequenceId !== undefined)?.sequenceId ?? 1;
    return !this.olderExhausted && oldest > 1;
  }

  /** The newest pages, until one holds a message of `known`: it fills any gap, and duplicates merge away. */
  async *since(known: ReadonlySet<string | undefined>): AsyncGenerator<MessageView[]> {
    for await (const page of this.pages(this.pageSize)) {
      yield page.map(this.view);
      if (page.some((message) => known.has(message.id))) return;
    }
  }

  private pages(maxPageSize: number): AsyncIterableIterator<ChatMessage[]> {
    return this.thread.listMessages({ maxPageSize }).byPage();
  }
}
