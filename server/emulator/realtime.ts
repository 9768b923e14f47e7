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

interface Listener {
  userId: string;
  response: ServerResponse;
  closeTimer: NodeJS.Timeout;
}

const REPLAY_BUFFER = 2000;
const KEEP_ALIVE_MS = 15000;

/**
 * Server-Sent Events for the elements: each user gets the events of the threads they are in.
 * Event ids are global and increasing, so a client that reconnects with `Last-Event-ID` gets
 * what it missed from a bounded replay buffer.
 */
export class RealtimeHub {
  private nextId = 1;
  private readonly recent: Delivered[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly keepAlive = setInterval(() => this.listeners.forEach(({ response }) => response.write(': keep-alive\n\n')), KEEP_ALIVE_MS).unref();

  publish(recipients: Iterable<string>, event: RealtimeEvent): void {
    const delivered: Delivered = { id: this.nextId++, recipients: new Set(recipients), event };
    this.recent.push(delivered);
    if (this.recent.length > REPLAY_BUFFER) this.recent.shift();
    for (const listener of this.listeners) {
      if (delivered.recipients.has(listener.userId)) write(listener.response, delivered);
    }
  }

  /** Streams to `userId` until the client leaves or its token expires (it reconnects with a fresh one). */
  connect(userId: string, tokenExpiresAt: number, response: ServerResponse, lastEventId: string | undefined): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write(`retry: 1000\n: connected\n\n`);
    const since = Number(lastEventId);
    if (Number.isFinite(since) && since > 0) {
      if (this.recent.length > 0 && this.recent[0].id > since + 1) response.write(`event: resync\ndata: {}\n\n`);
      for (const delivered of this.recent) if (delivered.id > since && delivered.recipients.has(userId)) write(response, delivered);
    }
    const listener: Listener = {
      userId,
      response,
      closeTimer: setTimeout(() => response.end(), Math.max(0, tokenExpiresAt - Date.now())).unref(),
    };
    this.listeners.add(listener);
    response.on('close', () => {
      clearTimeout(listener.closeTimer);
      this.listeners.delete(listener);
    });
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const listener of this.listeners) listener.response.end();
    this.listeners.clear();
  }
}

function write(response: ServerResponse, { id, event }: Delivered): void {
  response.write(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
}
