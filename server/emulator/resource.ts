import type { IncomingMessage } from 'node:http';
import type { EventGridPublisher } from './event-grid.js';
import type { RealtimeHub } from './realtime.js';
import type { EmulatorState, StateRecord } from './state.js';
import type { TokenClaims, TokenIssuer } from './tokens.js';

/** The emulated ACS resource's id: the part of every user id before the `_`. */
export const EMULATOR_RESOURCE_ID = 'e0e0e0e0-0ac5-4e1e-8e1e-000000000001';

/** Who made an authenticated request: the claims of their verified token. */
export type Caller = TokenClaims;

/**
 * What the API modules use of the emulator. It lives here rather than in emulator.ts because the
 * `Emulator` registers the API modules: were they to import it back, the two would form an
 * import circle. `Emulator` implements this interface.
 */
export interface EmulatedResource {
  readonly options: { readonly accessKey: string };
  readonly state: EmulatorState;
  readonly tokens: TokenIssuer;
  readonly realtime: RealtimeHub;
  readonly eventGrid: EventGridPublisher;
  /** Makes a change durable (journal, fsync'd), then applies it. */
  commit(record: StateRecord): void;
  /** Closes every live connection of `userId` (chat streams, call signalling): its tokens were revoked or it was deleted. */
  endConnections(userId: string): void;
  /** Checks a bearer token: signature, expiry, a live identity, and no revocation since it was issued. */
  authenticate(request: IncomingMessage, requiredScope?: string): Promise<Caller>;
}
