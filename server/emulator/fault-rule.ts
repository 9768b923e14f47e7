/* Plain types, free of Node's: the browser tests that arm faults import them too. */

/**
 * What a test can make the emulator do to matching requests:
 * - `delay`: answer `delayMs` later;
 * - `fail-before` / `fail-after`: answer `status` (default 500) without doing the work, or after
 *   doing it (the message is stored, the answer says it was not);
 * - `throttle`: 429 with `Retry-After: retryAfterSeconds` (default 1);
 * - `unauthorized`: 401, as for a token the service no longer accepts;
 * - `reset-before`: the connection is cut with no answer; `reset-after`: the work is done and the
 *   connection is cut halfway through the answer. (Cut before any answer on a reused keep-alive
 *   connection, Chromium resends even a POST by itself, over HTTP/1.1; ACS speaks HTTP/2, where it
 *   does so only for requests the server did not process.)
 * - `drop-streams`: at once, every live connection (of `userId`, or of everyone) is cut;
 * - `restart`: at once, live connections are cut and for `downMs` every request is reset, as
 *   while a journaled emulator restarts (its state survives, as it would).
 */
export type FaultKind = 'delay' | 'fail-before' | 'fail-after' | 'throttle' | 'unauthorized' | 'reset-before' | 'reset-after' | 'drop-streams' | 'restart';

export interface FaultRule {
  kind: FaultKind;
  /** HTTP method to match; any when absent. */
  method?: string;
  /** A regular expression the request path must match; any path when absent. */
  path?: string;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  delayMs?: number;
  status?: number;
  retryAfterSeconds?: number;
  userId?: string;
  downMs?: number;
}
