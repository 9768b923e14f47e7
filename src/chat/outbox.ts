import { CLIENT_MESSAGE_ID, mergeMessages, updateMessage, type MessageList, type MessageView } from './chat-state.js';
import type { ChatThreadClientLike } from './chat-client.js';

const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000, 30000];
/** A `Retry-After` longer than this is cut short: the reader is waiting, and a later refusal just asks again. */
const MAX_RETRY_AFTER_MS = 120_000;

/** What the outbox reads and changes of the chat it sends for. */
export interface OutboxHost {
  /** The thread to send into; none while disconnected (the queue waits). */
  thread(): Pick<ChatThreadClientLike, 'sendMessage'> | undefined;
  /** The service refused the token (401): gets a new one. */
  renewToken(): Promise<void>;
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
 * its client id in the message metadata. The outbox alone retries (the sending client's own
 * retries are off): a transient failure keeps the message queued and retries with back-off, or
 * after the service's `Retry-After`, catching up on history first, so a message that did arrive
 * is never sent twice. A refused token (401) is renewed and the queue goes on by itself, in order.
 * The same timer polls history while the live stream is down.
 */
export class Outbox {
  private readonly queue: string[] = [];
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryAttempt = 0;
  /** Token renewals since the last success: a token refused again right after renewal waits its back-off. */
  private renewals = 0;
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
    } catch (error) {
      this.recover(error);
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
          this.retryAttempt = this.renewals = 0;
          host.setMessages(mergeMessages(host.messages(), [{ ...message, id, status: 'sent', version: id }]));
          host.sent({ ...message, id, status: 'sent' });
        } catch (error) {
          if (isTransient(error)) {
            // It may have arrived before the connection broke: a catch-up finds it by its client id, so it is not sent twice.
            this.markQueued();
            this.recover(error);
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

  /** Plans the next round after a transient failure: at once with a renewed token, after `Retry-After`, or on the back-off. */
  private recover(error: unknown): void {
    if (statusOf(error) !== 401) {
      this.scheduleRetry(retryAfterMs(error));
      return;
    }
    this.renewals += 1;
    const immediately = this.renewals === 1;
    this.host.renewToken().then(
      () => this.scheduleRetry(immediately ? 0 : undefined),
      (renewalError: unknown) => {
        // Said once per outage: the messages stay queued, and every round tries the token service again.
        if (immediately) this.host.failed(renewalError);
        this.scheduleRetry();
      },
    );
  }

  private scheduleRetry(afterMs?: number): void {
    clearTimeout(this.retryTimer);
    const delay = afterMs ?? RETRY_DELAYS_MS[Math.min(this.retryAttempt, RETRY_DELAYS_MS.length - 1)];
    this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.resume();
    }, delay);
  }
}

/** Network failures, server hiccups, throttling and a refused token pass; any other 4xx (too large, forbidden) does not. */
function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
}

const statusOf = (error: unknown): number | undefined => (error as { statusCode?: number } | undefined)?.statusCode;

/** How long the service asked to wait (`retry-after-ms`, or `Retry-After` in seconds or as a date), if it did. */
function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get(name: string): string | undefined } } } | undefined)?.response?.headers;
  const millis = Number(headers?.get('retry-after-ms') ?? headers?.get('x-ms-retry-after-ms') ?? Number.NaN);
  const header = headers?.get('retry-after');
  const seconds = Number(header ?? Number.NaN);
  const wait = Number.isFinite(millis) ? millis : Number.isFinite(seconds) ? seconds * 1000 : header ? Date.parse(header) - Date.now() : Number.NaN;
  return Number.isNaN(wait) ? undefined : Math.min(Math.max(wait, 0), MAX_RETRY_AFTER_MS);
}
