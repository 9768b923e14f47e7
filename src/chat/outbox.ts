import { CLIENT_MESSAGE_ID, mergeMessages, updateMessage, type MessageList, type MessageView } from './chat-state.js';
import type { ChatThreadClientLike } from './chat-client.js';

const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000, 30000];

/** What the outbox reads and changes of the chat it sends for. */
export interface OutboxHost {
  /** The thread to send into; none while disconnected (the queue waits). */
  thread(): Pick<ChatThreadClientLike, 'sendMessage'> | undefined;
  displayName(): string;
  messages(): MessageList;
  setMessages(messages: MessageList): void;
  /** Reads the newest history until it meets messages already shown. */
  catchUp(): Promise<void>;
  sent(message: MessageView): void;
  /** Reports a send that cannot succeed by retrying alone; returns why, for the message to show. */
  failed(error: unknown): string;
}

/**
 * Own messages on their way to ACS: sent one at a time in the order they were written, each with
 * its client id in the message metadata. A transient failure keeps the message queued and retries
 * with back-off, catching up on history first, so a message that did arrive is never sent twice.
 * The same timer polls history while the live stream is down.
 */
export class Outbox {
  private readonly queue: string[] = [];
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryAttempt = 0;
  /** The live stream is down: history is polled (with back-off) until it is back. */
  private polling = false;

  constructor(private readonly host: OutboxHost) {}

  /** Queues a message already shown (by its key) and sends what the queue holds. */
  push(key: string): void {
    this.queue.push(key);
    void this.flush();
  }

  /** Puts a failed message back in the queue. */
  retry(key: string): void {
    if (this.queue.includes(key)) return;
    this.host.setMessages(updateMessage(this.host.messages(), key, { status: 'pending' }));
    this.push(key);
  }

  /** Another thread or user: nothing queued may be sent into the new one. */
  clear(): void {
    this.queue.length = 0;
    this.retryAttempt = 0;
  }

  /** Disconnected: no more rounds until the next connection. */
  stop(): void {
    this.polling = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** The live stream is down: while it is, history is polled instead so new messages still show up. */
  poll(): void {
    this.polling = true;
    this.scheduleRetry();
  }

  /** The live stream is back: the next outage polls promptly again; the catch-up here takes the place of a pending round. */
  streamBack(): void {
    this.stop();
    this.retryAttempt = 0;
    void this.resume();
  }

  /** After a break: catch up first (so nothing already delivered is sent again), then send what is left. */
  async resume(): Promise<void> {
    try {
      await this.host.catchUp();
    } catch {
      this.scheduleRetry();
      return;
    }
    await this.flush();
    // Still no live stream: poll again later (unless a failed send already set the next round).
    if (this.polling && this.retryTimer === undefined) this.scheduleRetry();
  }

  private async flush(): Promise<void> {
    const host = this.host;
    if (this.flushing || !host.thread()) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const key = this.queue[0];
        const message = host.messages().find((each) => each.key === key);
        if (!message || message.status === 'sent') {
          this.queue.shift();
          continue;
        }
        if (!navigator.onLine) {
          this.markQueued();
          return;
        }
        host.setMessages(updateMessage(host.messages(), key, { status: 'pending' }));
        try {
          // flush() starts only with a thread (checked above); were a disconnect to drop it meanwhile, the
          // TypeError would land in the catch below as a failed send.
          // eslint-disable-next-line @typescript-eslint/no-non-null-assertion
          const { id } = await host
            .thread()!
            .sendMessage({ content: message.content }, { senderDisplayName: host.displayName(), metadata: { [CLIENT_MESSAGE_ID]: key } });
          this.queue.shift();
          this.retryAttempt = 0;
          host.setMessages(mergeMessages(host.messages(), [{ ...message, id, status: 'sent', version: id }]));
          host.sent({ ...message, id, status: 'sent' });
        } catch (error) {
          if (isTransient(error)) {
            // It may have arrived before the connection broke: a catch-up finds it by its client id, so it is not sent twice.
            this.markQueued();
            this.scheduleRetry();
            return;
          }
          this.queue.shift();
          const reported = host.failed(error);
          // Too large (413) can never succeed, however often it is retried: the message says so.
          const reason = statusOf(error) === 413 ? 'too-long' : reported;
          host.setMessages(updateMessage(host.messages(), key, { status: 'failed', error: reason }));
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private markQueued(): void {
    const queued = new Set(this.queue);
    this.host.setMessages(
      this.host.messages().map((message) => (queued.has(message.key) && message.status !== 'sent' ? { ...message, status: 'queued' } : message)),
    );
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const delay = RETRY_DELAYS_MS[Math.min(this.retryAttempt, RETRY_DELAYS_MS.length - 1)];
    this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.resume();
    }, delay);
  }
}

/** Network failures and server hiccups are worth retrying; a 4xx (too large, forbidden) is not. */
function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status === 0 || status === 408 || status === 429 || status >= 500;
}

const statusOf = (error: unknown): number | undefined => (error as { statusCode?: number } | undefined)?.statusCode;
