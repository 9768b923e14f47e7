import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Caller } from '../resource.js';
import { CallRings } from './call-rings.js';
import { CallRooms } from './call-rooms.js';
import { CallSession } from './call-session.js';
import { parseClientMessage, RESUME_WINDOW_MS, SIGNALLING_PATH, type ClientMessage } from './protocol.js';

/** A socket must say `hello` this soon. */
const HELLO_TIMEOUT_MS = 10_000;
/** A socket that does not answer a ping within this long is dropped (the network went, not the tab). */
const PING_MS = 2000;
/** Close codes of a socket closed on purpose (the agent disposed, the tab closed): its session leaves at once. */
const FINAL_CLOSE_CODES = new Set([1000, 1001]);

export interface CallSignallingOptions {
  /** Checks a token as the emulator's REST API does, for the `voip` scope. */
  authenticate(token: string): Promise<Caller>;
  /** What browsers are told to use for ICE (`ACS_EMULATOR_ICE_SERVERS`). */
  iceServers: unknown[];
  /** Tests shorten the resume window and the ring timeout. */
  resumeWindowMs?: number;
  ringTimeoutMs?: number;
}

/**
 * The emulator's call signalling (see `protocol.ts`): WebSocket sessions that survive a short
 * drop, rooms of up to 8, and 1:1 ringing by raw id, for the browsers' local call engine.
 */
export class CallSignalling {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  private readonly sessions = new Map<string, CallSession>();
  private readonly rooms = new CallRooms();
  private readonly rings: CallRings;
  private readonly resumeWindowMs: number;
  private readonly alive = new WeakSet<WebSocket>();
  private readonly pinger = setInterval(() => this.ping(), PING_MS).unref();

  constructor(private readonly options: CallSignallingOptions) {
    this.resumeWindowMs = options.resumeWindowMs ?? RESUME_WINDOW_MS;
    this.rings = new CallRings(
      this.rooms,
      (userId) => [...this.sessions.values()].filter((session) => session.userId === userId && session.socket),
      options.ringTimeoutMs,
    );
  }

  /** Takes the WebSocket upgrades of `SIGNALLING_PATH`; false for any other. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== SIGNALLING_PATH) return false;
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
    return true;
  }

  /** Ends every session of a user at once (tokens revoked, identity deleted). */
  disconnectUser(userId: string): void {
    for (const session of [...this.sessions.values()]) {
      if (session.userId !== userId) continue;
      session.socket?.close(4401, 'token revoked');
      this.end(session);
    }
  }

  close(): void {
    clearInterval(this.pinger);
    this.rings.close();
    for (const session of this.sessions.values()) {
      clearTimeout(session.dropTimer);
      session.socket?.terminate();
    }
    this.sessions.clear();
    this.server.close();
  }

  private accept(ws: WebSocket): void {
    let session: CallSession | undefined;
    let greeting = false;
    this.alive.add(ws);
    const helloTimer = setTimeout(() => ws.close(4408, 'hello expected'), HELLO_TIMEOUT_MS).unref();
    ws.on('pong', () => this.alive.add(ws));
    ws.on('message', (data, isBinary) => {
      // Text frames only: ws 8 hands them over as a Buffer.
      const message = isBinary ? undefined : parseClientMessage((data as Buffer).toString('utf8'));
      if (!message) {
        ws.send(JSON.stringify({ type: 'error', message: 'Not a signalling message.' }));
        return;
      }
      if (session) {
        this.dispatch(session, message);
        return;
      }
      if (message.type !== 'hello' || greeting) {
        ws.close(4401, 'hello expected');
        return;
      }
      greeting = true;
      this.greet(ws, message).then(
        (greeted) => {
          clearTimeout(helloTimer);
          session = greeted;
        },
        () => ws.close(4401, 'the token is not valid for voip'),
      );
    });
    ws.on('close', (code) => {
      clearTimeout(helloTimer);
      if (session?.socket !== ws) return;
      session.socket = undefined;
      if (FINAL_CLOSE_CODES.has(code)) this.end(session);
      else this.dropped(session);
    });
  }

  private async greet(ws: WebSocket, hello: Extract<ClientMessage, { type: 'hello' }>): Promise<CallSession> {
    const caller = await this.options.authenticate(hello.token);
    if (ws.readyState !== 1) throw new Error('closed meanwhile');
    const previous = hello.resume ? this.sessions.get(hello.resume) : undefined;
    const resumed = previous?.userId === caller.userId;
    const session = resumed ? previous : new CallSession(randomBytes(16).toString('hex'), caller.userId);
    this.sessions.set(session.id, session);
    ws.send(JSON.stringify({ type: 'welcome', session: session.id, userId: caller.userId, resumed, iceServers: this.options.iceServers }));
    session.attach(ws);
    // The token is checked when saying hello; the socket ends when it lapses and the agent says hello with a fresh one.
    setTimeout(() => ws.close(4401, 'token expired'), Math.max(0, caller.expiresAt - Date.now())).unref();
    return session;
  }

  private dispatch(session: CallSession, message: ClientMessage): void {
    switch (message.type) {
      case 'hello':
        break;
      case 'join':
        if (message.room.startsWith('call:')) session.send({ type: 'join-failed', room: message.room, reason: 'not-invited' });
        else this.rooms.join(session, message.room, message.state);
        break;
      case 'leave':
        this.rooms.leave(session, message.room, 'left');
        break;
      case 'state':
        this.rooms.setState(session, message.room, message.state);
        break;
      case 'signal':
        this.rooms.relay(session, message.room, message.to, message.payload);
        break;
      case 'ring':
        this.rings.ring(session, message.callId, message.to, message.state.displayName, message.state);
        break;
      case 'cancel':
        this.rings.cancel(session, message.callId);
        break;
      case 'accept':
        this.rings.accept(session, message.callId, message.state);
        break;
      case 'decline':
        this.rings.decline(session, message.callId);
        break;
    }
  }

  /** The socket went without saying goodbye: the session keeps its seats for the resume window. */
  private dropped(session: CallSession): void {
    clearTimeout(session.dropTimer);
    session.dropTimer = setTimeout(() => this.end(session, 'dropped'), this.resumeWindowMs);
    session.dropTimer.unref();
  }

  private end(session: CallSession, reason: 'left' | 'dropped' = 'left'): void {
    clearTimeout(session.dropTimer);
    this.sessions.delete(session.id);
    this.rings.sessionGone(session);
    this.rooms.leaveAll(session, reason);
  }

  private ping(): void {
    for (const session of this.sessions.values()) {
      const ws = session.socket;
      if (!ws) continue;
      // No pong since the last ping: the network is gone, though no close came.
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}
