import type { ChatMessage } from '@azure/communication-chat';
import type { ChatThreadClientLike } from './chat-client.js';
import type { MessageList, MessageView } from './chat-state.js';

/**
 * A thread's stored messages, read in pages newest first: the newest page at sign-in, older
 * pages as the reader scrolls back, and catch-up reads of the newest pages after a break.
 */
export class History {
  private olderPages: AsyncIterator<ChatMessage[]> | undefined;
  private olderExhausted = false;

  constructor(
    private readonly thread: ChatThreadClientLike,
    private readonly pageSize: number,
    private readonly view: (message: ChatMessage) => MessageView,
  ) {}

  /** The newest page; it starts the walk towards older pages. */
  newest(): Promise<MessageView[]> {
    this.olderPages = this.pages();
    this.olderExhausted = false;
    return this.older();
  }

  /** The next older page, or nothing once the walk has reached the start of the thread. */
  async older(): Promise<MessageView[]> {
    const page = await this.olderPages!.next();
    if (page.done) this.olderExhausted = true;
    return page.done ? [] : page.value.map(this.view);
  }

  /** Sequence ids start at 1, so a thread whose oldest loaded message is later than that has more history. */
  olderAvailable(messages: MessageList): boolean {
    const oldest = messages.find((message) => message.sequenceId !== undefined)?.sequenceId ?? 1;
    return !this.olderExhausted && oldest > 1;
  }

  /** The newest pages, until one holds a message of `known`: it fills any gap, and duplicates merge away. */
  async *since(known: ReadonlySet<string | undefined>): AsyncGenerator<MessageView[]> {
    for await (const page of this.pages()) {
      yield page.map(this.view);
      if (page.some((message) => known.has(message.id))) return;
    }
  }

  private pages(): AsyncIterableIterator<ChatMessage[]> {
    return this.thread.listMessages({ maxPageSize: this.pageSize }).byPage();
  }
}
