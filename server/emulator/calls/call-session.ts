import type { WebSocket } from 'ws';
import type { ServerMessage } from './protocol.js';

/** Frames kept for a session whose socket dropped, sent when it resumes; older ones go first. */
const QUEUE_LIMIT = 500;

/**
 * One call agent's signalling session: who it is, the rooms it is in, and its socket, which may
 * drop and come back (`resume`) without the session leaving its rooms.
 */
export class CallSession {
  readonly rooms = new Set<string>();
  socket: WebSocket | undefined;
  /** Set while the socket is away: when it fires, the session leaves its rooms. */
  dropTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly queue: string[] = [];

  constructor(
    readonly id: string,
    readonly userId: string,
  ) {}

  send(message: ServerMessage): void {
    const frame = JSON.stringify(message);
    if (this.socket?.readyState === 1) {
      this.socket.send(frame);
      return;
    }
    // An SDP answer or a candidate lost while the socket is away would leave a peer connection half set up.
    this.queue.push(frame);
    if (this.queue.length > QUEUE_LIMIT) this.queue.shift();
  }

  /** Takes a (new) socket and sends it what waited for it. */
  attach(socket: WebSocket): void {
    clearTimeout(this.dropTimer);
    this.dropTimer = undefined;
    if (this.socket && this.socket !== socket) this.socket.terminate();
    this.socket = socket;
    for (const frame of this.queue.splice(0)) socket.send(frame);
  }
}
