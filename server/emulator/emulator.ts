import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { HttpError, Router } from '../http.js';
import { CallSignalling } from './calls/call-signalling.js';
import { iceServersFrom } from './calls/ice-servers.js';
import { registerChatApi } from './chat/chat-api.js';
import { EventGridPublisher } from './event-grid.js';
import { FaultInjector } from './faults.js';
import { registerIdentityApi } from './identity-api.js';
import { memoryJournal, openJournal, type Journal } from './journal.js';
import { RealtimeHub } from './realtime.js';
import { RealtimeFanOut } from './realtime/fan-out.js';
import { TrouterHub } from './realtime/trouter-hub.js';
import { registerTrouterApi } from './realtime/trouter-routes.js';
import { EMULATOR_RESOURCE_ID, type Caller, type EmulatedResource } from './resource.js';
import { applyRecord, emptyState, type EmulatorState, type StateRecord } from './state.js';
import { TokenIssuer } from './tokens.js';

/** The documented development access key (base64), used when ACS_EMULATOR_KEY is unset. Not a secret. */
export const DEVELOPMENT_ACCESS_KEY = Buffer.from('acs-elements emulator development key, not a secret').toString('base64');

export interface EmulatorOptions {
  accessKey: string;
  /** Folder for the journal; absent for an in-memory emulator. */
  dataDir?: string | undefined;
  /** URLs that receive Event Grid-shaped chat events. */
  webhooks?: readonly string[];
  /** Issue every token this many seconds long (tests of expiry; ACS's own minimum is an hour). */
  tokenLifetimeSeconds?: number | undefined;
  /** ICE servers for the browsers' local call engine; default `ACS_EMULATOR_ICE_SERVERS`, else none (loopback host candidates). */
  iceServers?: unknown[];
  /** Test-only fault injection at `/emulator/faults` (`ACS_EMULATOR_FAULTS=1`); never on by default. */
  faults?: boolean | undefined;
}

/**
 * A local stand-in for an ACS resource: the Identity and Chat data-plane REST APIs, a real-time
 * event stream for the elements, and Event Grid-shaped webhooks for bots.
 */
export class Emulator implements EmulatedResource {
  readonly state: EmulatorState = emptyState();
  readonly tokens: TokenIssuer;
  /** ACS's own chat real-time protocol (Trouter over socket.io), fed by `realtime`. */
  readonly trouter = new TrouterHub(this.state, (userId, tokenVersion) => this.state.identities.get(userId)?.tokenVersion === tokenVersion);
  readonly realtime: RealtimeHub = new RealtimeFanOut(this.trouter);
  readonly eventGrid: EventGridPublisher;
  /** Call signalling for the browsers' local WebRTC call engine. */
  readonly calls: CallSignalling;
  private readonly journal: Journal<StateRecord>;
  private readonly router = new Router();
  private readonly faults: FaultInjector | undefined;

  constructor(readonly options: EmulatorOptions) {
    this.tokens = new TokenIssuer(options.accessKey, EMULATOR_RESOURCE_ID, options.tokenLifetimeSeconds);
    this.eventGrid = new EventGridPublisher(
      options.webhooks ?? [],
      `/subscriptions/emulator/resourceGroups/local/providers/Microsoft.Communication/communicationServices/${EMULATOR_RESOURCE_ID}`,
    );
    this.journal = options.dataDir
      ? openJournal<StateRecord>(join(options.dataDir, 'emulator.jsonl'), (record) => applyRecord(this.state, record))
      : memoryJournal();
    registerIdentityApi(this.router, this);
    registerChatApi(this.router, this);
    registerTrouterApi(this.router, this, this.trouter);
    this.calls = new CallSignalling({
      // The scope ACS gives calling.
      authenticate: (token) => this.authenticateToken(token, 'voip'),
      iceServers: options.iceServers ?? iceServersFrom(process.env.ACS_EMULATOR_ICE_SERVERS),
    });
    if (options.faults) {
      this.faults = new FaultInjector(this);
      this.faults.register(this.router);
    }
  }

  /**
   * Writes `count` text messages (`seed 1` … `seed N`, one a second up to now, from `senderRawId`)
   * straight into a thread: for tests and the bench, which need long histories (10,000 POSTs would
   * take minutes).
   */
  seedMessages(threadId: string, senderRawId: string, count: number): void {
    const thread = this.state.threads.get(threadId);
    if (!thread) throw new Error(`No thread ${threadId} to seed.`);
    const start = Date.now() - count * 1000;
    for (let index = 1; index <= count; index += 1) {
      const createdAt = start + index * 1000;
      this.commit({
        t: 'messageAdded',
        threadId,
        message: {
          id: String(createdAt),
          type: 'text',
          sequenceId: thread.messages.length + 1,
          version: String(createdAt),
          createdOn: new Date(createdAt).toISOString(),
          content: { message: `seed ${index}` },
          senderRawId,
          senderDisplayName: 'Seeder',
        },
      });
    }
  }

  endConnections(userId: string): void {
    this.realtime.disconnect(userId);
    this.calls.disconnectUser(userId);
  }

  /** Cuts the live connections of `userId`, or of everyone; clients reconnect and catch up. */
  dropStreams(userId?: string): void {
    for (const each of userId === undefined ? [...this.state.identities.keys()] : [userId]) this.realtime.disconnect(each);
  }

  /** The connection string a server uses to reach this emulator at `endpoint`. */
  connectionString(endpoint: string): string {
    return `endpoint=${endpoint};accesskey=${this.options.accessKey}`;
  }

  /** Makes a change durable (journal, fsync'd), then applies it. */
  commit(record: StateRecord): void {
    this.journal.append(record);
    applyRecord(this.state, record);
  }

  /** Checks a bearer token: signature, expiry, a live identity, and no revocation since it was issued. */
  async authenticate(request: IncomingMessage, requiredScope = 'chat'): Promise<Caller> {
    const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
    if (!match) throw new HttpError(401, 'Unauthorized', 'Request is not authorized: a Bearer token is required.');
    return this.authenticateToken(match[1], requiredScope);
  }

  /** Checks a token as `authenticate` checks a bearer token (call signalling gets it in a WebSocket frame, not a header). */
  async authenticateToken(token: string, requiredScope: string): Promise<Caller> {
    const claims = await this.tokens.verify(token);
    const identity = this.state.identities.get(claims.userId);
    if (identity?.tokenVersion !== claims.tokenVersion) throw new HttpError(401, 'InvalidAuthenticationToken', 'The access token has been revoked.');
    if (!claims.scopes.includes(requiredScope)) throw new HttpError(403, 'Forbidden', `The access token has no ${requiredScope} scope.`);
    return claims;
  }

  /**
   * Answers the emulator's routes. Like ACS, it allows cross-origin calls: the elements call it
   * straight from any page, with a bearer token rather than cookies.
   */
  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
    if (!this.router.hasPath(url.pathname)) return false;
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Expose-Headers', 'Location, Retry-After, x-ms-client-request-id');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE',
        'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? '*',
        'Access-Control-Max-Age': '600',
      });
      response.end();
      return true;
    }
    if (!this.faults) return this.router.handle(request, response, url);
    await this.faults.apply(request, response, url.pathname, async (target) => {
      await this.router.handle(request, target, url);
    });
    return true;
  }

  /** Takes the WebSocket upgrades of the Trouter protocol and of call signalling; false for any other. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    return this.trouter.handleUpgrade(request, socket, head) || this.calls.handleUpgrade(request, socket, head);
  }

  start(): void {
    this.eventGrid.start();
  }

  close(): void {
    this.realtime.close();
    this.calls.close();
    this.eventGrid.stop();
    this.journal.close();
  }
}
