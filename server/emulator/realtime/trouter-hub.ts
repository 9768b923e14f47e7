import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RealtimeEvent } from '../realtime.js';
import type { Caller } from '../resource.js';
import type { EmulatorState } from '../state.js';
import { trouterBody } from './trouter-events.js';

/** Seconds the socket.io handshake announces; the server's `2::` comes well within them. */
export const HEARTBEAT_SECONDS = 60;
const HEARTBEAT_MS = 20_000;
/** How long a handshake's session id may wait for its WebSocket. */
const SESSION_MS = 30_000;
/** How long an endpoint's undelivered events are kept after its socket closed. */
const REPLAY_WINDOW_MS = 120_000;
/** At most this many undelivered events per endpoint; the oldest go first. */
const REPLAY_LIMIT = 1000;

/** A client endpoint (the SDK's `epid`, stable across its reconnects) and what it has not acknowledged yet. */
interface Endpoint {
  userId: string;
  /** Frame id → the `3:::` frame, in send order. */
  pending: Map<number, string>;
  nextFrameId: number;
  socket: WebSocket | undefined;
  /** The allocation its socket was opened with: the socket lasts as long as that token is good. */
  allocation: Allocation | undefined;
  /** When its socket closed, for dropping endpoints that stay away. */
  leftAt: number;
}

/** What an allocation (`POST /v4/a`) vouches for, found again by the opaque `sr` it put in `connectparams`. */
interface Allocation {
  endpointKey: string;
  userId: string;
  tokenVersion: number;
  tokenExpiresAt: number;
}

/**
 * The Trouter side of the emulator: allocations, socket.io 0.9 sessions over WebSocket, and the
 * chat events of the SSE stream's publish point as Trouter requests. Unlike ACS, an endpoint's
 * unacknowledged events wait in a bounded buffer and are sent again when it reconnects.
 */
export class TrouterHub {
  private readonly endpoints = new Map<string, Endpoint>();
  private readonly allocations = new Map<string, Allocation>();
  private readonly sessions = new Map<string, { allocation: Allocation; until: number }>();
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly ticker = setInterval(() => this.tick(), HEARTBEAT_MS).unref();

  constructor(
    private readonly state: EmulatorState,
    /** Whether tokens of this version are still good for the user (not revoked, identity not deleted). */
    private readonly tokenStillValid: (userId: string, tokenVersion: number) => boolean,
  ) {}

  /**
   * Records an allocation for the caller's endpoint; returns the opaque key the client sends back.
   * A reconnecting client sends its previous key: that one is renewed, so there is one per endpoint.
   */
  allocate(caller: Caller, epid: string, previousKey: string | null): string {
    const endpointKey = `${caller.userId}|${epid}`;
    const key = previousKey && this.allocations.get(previousKey)?.endpointKey === endpointKey ? previousKey : randomBytes(16).toString('hex');
    this.allocations.set(key, { endpointKey, userId: caller.userId, tokenVersion: caller.tokenVersion, tokenExpiresAt: caller.expiresAt });
    if (!this.endpoints.has(endpointKey)) {
      this.endpoints.set(endpointKey, {
        userId: caller.userId,
        pending: new Map(),
        nextFrameId: 1,
        socket: undefined,
        allocation: undefined,
        leftAt: Date.now(),
      });
    }
    return key;
  }

  /** A socket.io session id for an allocation, or undefined when the allocation is unknown or its token has lapsed. */
  handshake(allocationKey: string): string | undefined {
    const allocation = this.allocations.get(allocationKey);
    if (!allocation || !this.usable(allocation)) return undefined;
    const sid = randomBytes(16).toString('hex');
    this.sessions.set(sid, { allocation, until: Date.now() + SESSION_MS });
    return sid;
  }

  /** Takes a WebSocket upgrade for `/socket.io/1/websocket/<sid>`; false when the path is not one. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const match = /^\/socket\.io\/1\/websocket\/([^/?]+)/.exec(request.url ?? '');
    if (!match) return false;
    const session = this.sessions.get(match[1]);
    this.sessions.delete(match[1]);
    if (!session || session.until < Date.now() || !this.usable(session.allocation)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.attach(ws, session.allocation));
    return true;
  }

  /** Forgets an endpoint the client unregistered (the SDK's `stopRealtimeNotifications`). */
  unregister(userId: string, epid: string): void {
    const endpoint = this.endpoints.get(`${userId}|${epid}`);
    endpoint?.socket?.close();
    this.endpoints.delete(`${userId}|${epid}`);
  }

  /** Closes every socket of a user (revocation, deletion); the SDK then allocates again and gets a 401. */
  disconnectUser(userId: string): void {
    for (const endpoint of this.endpoints.values()) if (endpoint.userId === userId) endpoint.socket?.terminate();
  }

  publish(recipients: readonly string[], event: RealtimeEvent): void {
    const audience = new Set(recipients);
    for (const endpoint of this.endpoints.values()) {
      if (!audience.has(endpoint.userId)) continue;
      const id = endpoint.nextFrameId++;
      const frame = `3:::${JSON.stringify({
        id,
        method: 'POST',
        url: `/trouter/chat/${id}`,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(trouterBody(event, endpoint.userId, this.state)),
      })}`;
      endpoint.pending.set(id, frame);
      if (endpoint.pending.size > REPLAY_LIMIT) {
        const [oldest] = endpoint.pending.keys();
        endpoint.pending.delete(oldest);
      }
      endpoint.socket?.send(frame);
    }
  }

  close(): void {
    clearInterval(this.ticker);
    for (const endpoint of this.endpoints.values()) endpoint.socket?.terminate();
    this.endpoints.clear();
    this.server.close();
  }

  private usable(allocation: Allocation): boolean {
    return allocation.tokenExpiresAt > Date.now() && this.tokenStillValid(allocation.userId, allocation.tokenVersion);
  }

  private attach(ws: WebSocket, allocation: Allocation): void {
    const endpoint = this.endpoints.get(allocation.endpointKey);
    if (!endpoint) {
      ws.close();
      return;
    }
    // One socket per endpoint: a newer one replaces an older one the client gave up on.
    endpoint.socket?.terminate();
    endpoint.socket = ws;
    endpoint.allocation = allocation;
    // The token is checked when allocating only; the socket ends when it lapses and the client allocates anew.
    const expiry = setTimeout(() => ws.close(), Math.max(0, allocation.tokenExpiresAt - Date.now())).unref();
    // ws 7 gives text frames as strings; socket.io 0.9 sends nothing else.
    ws.on('message', (data) => typeof data === 'string' && this.receive(ws, endpoint, data));
    ws.on('close', () => {
      clearTimeout(expiry);
      if (endpoint.socket !== ws) return;
      endpoint.socket = undefined;
      endpoint.leftAt = Date.now();
    });
    ws.send('1::');
    // Nothing is delivered before `trouter.connected`; then what the endpoint has not acknowledged yet.
    ws.send(`5:::${JSON.stringify({ name: 'trouter.connected', args: [{ dur: '1', ttl: 86400 }] })}`);
    for (const frame of endpoint.pending.values()) ws.send(frame);
  }

  /** A socket.io 0.9 packet from the client: `type:id:endpoint:data`. */
  private receive(ws: WebSocket, endpoint: Endpoint, packet: string): void {
    const match = /^(\d):([^:]*):([^:]*):?([\s\S]*)$/.exec(packet);
    if (!match) return;
    const [, type, id, , data] = match;
    if (type === '0') ws.close();
    // An event that wants an acknowledgement (`ping`, `user.activity`): `5:N+::{…}` → `6:::N+[]`.
    if (type === '5' && id.endsWith('+')) ws.send(`6:::${id}[]`);
    if (type === '3') {
      // The client's answer to a request frame: whatever its status, the event has reached the client.
      try {
        const answer = JSON.parse(data) as { id?: unknown };
        if (typeof answer.id === 'number') endpoint.pending.delete(answer.id);
      } catch {
        // Not an answer this server can read; the frame stays pending and goes again on reconnect.
      }
    }
  }

  private tick(): void {
    const now = Date.now();
    for (const [key, endpoint] of this.endpoints) {
      // A revoked token's socket goes too: the client's next allocation is refused, so the SDK refreshes its token.
      if (endpoint.socket && endpoint.allocation && !this.usable(endpoint.allocation)) endpoint.socket.terminate();
      else if (endpoint.socket) endpoint.socket.send('2::');
      else if (now - endpoint.leftAt > REPLAY_WINDOW_MS) this.endpoints.delete(key);
    }
    for (const [key, allocation] of this.allocations) {
      if (!this.usable(allocation) || !this.endpoints.has(allocation.endpointKey)) this.allocations.delete(key);
    }
    for (const [sid, session] of this.sessions) if (session.until < now) this.sessions.delete(sid);
  }
}
