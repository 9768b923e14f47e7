import type { ServerResponse } from 'node:http';

/** One event of the emulator's real-time stream, shaped like the chat SDK's own event payloads. */
export interface RealtimeEvent {
  type:
    | 'chatMessageReceived'
    | 'chatMessageEdited'
    | 'chatMessageDeleted'
    | 'typingIndicatorReceived'
    | 'readReceiptReceived'
    | 'chatThreadCreated'
    | 'chatThreadPropertiesUpdated'
    | 'chatThreadDeleted'
    | 'participantsAdded'
    | 'participantsRemoved';
  data: Record<string, unknown>;
}

interface Delivered {
  id: number;
  recipients: ReadonlySet<string>;
  event: RealtimeEvent;
}

const REPLAY_BUFFER = 2000;
const KEEP_ALIVE_MS = 15000;
/**
 * How much a stream may hold back while its client does not read (in characters): past this, the
 * client is dropped (it reconnects with `Last-Event-ID` and is replayed what it missed, or told to resync).
 */
const MAX_PENDING = 256 * 1024;

/**
 * One open stream. Events published in one turn of the event loop go out in one write (a busy
 * thread would otherwise cost a system call per event per listener), and writes wait while the
 * socket is full (`write` returned false) until `drain`, up to `MAX_PENDING`.
 */
class Listener {
  private pending: string[] = [];
  private pendingLength = 0;
  private flushScheduled = false;
  private congested = false;

  constructor(
    readonly userId: string,
    readonly response: ServerResponse,
  ) {
    response.on('drain', () => {
      this.congested = false;
      this.flush();
    });
  }

  send(text: string): void {
    if (this.response.destroyed) return;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.congested) {
      // A client that reads slower than its events arrive would otherwise grow this server's memory without bound.
      if (this.pendingLength > MAX_PENDING) this.drop();
      return;
    }
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Keep-alives matter only to an idle stream. */
  keepAlive(): void {
    if (!this.congested && this.pendingLength === 0) this.send(': keep-alive\n\n');
  }

  /** Ends the stream at once, unsent events included: after a revocation, nothing more may follow. */
  drop(): void {
    this.pending = [];
    this.pendingLength = 0;
    this.response.destroy();
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.congested || this.response.destroyed || this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.congested = !this.response.write(text);
  }
}

/**
 * Server-Sent Events for the elements: each user gets the events of the threads they are in.
 * Event ids are global and increasing, so a client that reconnects with `Last-Event-ID` gets
 * what it missed from a bounded replay buffer.
 */
export class RealtimeHub {
  private nextId = 1;
  /**
   * The audience of the last event, shared by the events after it while it stays the same (a busy
   * thread's members): the replay buffer would otherwise hold one copy of the member list per event.
   */
  private lastRecipients: ReadonlySet<string> = new Set();
  private readonly recent: Delivered[] = [];
  /** Open streams by user, so publishing and revoking find theirs without a scan. */
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly keepAlive = setInterval(() => this.everyListener((listener) => listener.keepAlive()), KEEP_ALIVE_MS).unref();

  publish(recipients: Iterable<string>, event: RealtimeEvent): void {
    const audience = [...recipients];
    if (audience.length !== this.lastRecipients.size || !audience.every((userId) => this.lastRecipients.has(userId))) {
      this.lastRecipients = new Set(audience);
    }
    const delivered: Delivered = { id: this.nextId++, recipients: this.lastRecipients, event };
    this.recent.push(delivered);
    if (this.recent.length > REPLAY_BUFFER) this.recent.shift();
    const text = format(delivered);
    for (const userId of delivered.recipients) this.listeners.get(userId)?.forEach((listener) => listener.send(text));
  }

  /** Streams to `userId` until the client leaves, its token expires (it reconnects with a fresh one) or is revoked. */
  connect(userId: string, tokenExpiresAt: number, response: ServerResponse, lastEventId: string | undefined): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const listener = new Listener(userId, response);
    listener.send(`retry: 1000\n: connected\n\n`);
    const since = Number(lastEventId);
    if (Number.isFinite(since) && since > 0) {
      if (this.recent.length > 0 && this.recent[0].id > since + 1) listener.send(`event: resync\ndata: {}\n\n`);
      for (const delivered of this.recent) if (delivered.id > since && delivered.recipients.has(userId)) listener.send(format(delivered));
    }
    const closeTimer = setTimeout(() => response.end(), Math.max(0, tokenExpiresAt - Date.now())).unref();
    const own = this.listeners.get(userId) ?? new Set();
    this.listeners.set(userId, own.add(listener));
    response.on('close', () => {
      clearTimeout(closeTimer);
      own.delete(listener);
      if (own.size === 0 && this.listeners.get(userId) === own) this.listeners.delete(userId);
    });
  }

  /** Closes every open stream of `userId` now: their tokens were revoked or the identity deleted. */
  disconnect(userId: string): void {
    this.listeners.get(userId)?.forEach((listener) => listener.drop());
  }

  close(): void {
    clearInterval(this.keepAlive);
    this.everyListener((listener) => listener.response.end());
    this.listeners.clear();
  }

  private everyListener(visit: (listener: Listener) => void): void {
    for (const own of this.listeners.values()) own.forEach(visit);
  }
}

function format({ id, event }: Delivered): string {
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}
