import type { ChatMessage } from '@azure/communication-chat';
import type { ChatThreadClientLike } from './chat-client.js';
import type { MessageList, MessageView } from './chat-state.js';

/**
 * A thread's stored messages, read in pages newest first: the newest page at sign-in, older
 * pages as the reader scrolls back, and catch-up reads of the newest pages after a break.
 * One per connection: its walk towards older pages starts with the first `older()`.
 */
export class History {
  private olderPages: AsyncIterator<ChatMessage[]> | undefined;
  private olderExhausted = false;

  constructor(
    private readonly thread: ChatThreadClientLike,
    private readonly pageSize: number,
    private readonly view: (message: ChatMessage) => MessageView,
  ) {}

  /** The next older page, starting with the newest; nothing once the walk has reached the start of the thread. */
  async older(): Promise<MessageView[]> {
    const page = await (this.olderPages ??= this.pages()).next();
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
