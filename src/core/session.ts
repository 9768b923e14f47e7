import type { CommunicationTokenCredential } from '@azure/communication-common';
import { decodeJwt } from 'jose';
import { AcsError, isAbortError, toAcsError } from './errors.js';
import { RenewableCredential, type AccessToken } from './renewable-credential.js';
import { loadCommonSdk } from './sdk-loader.js';
import { sharedRequest } from './shared-request.js';
import { postForSession, withoutQuery } from './token-url.js';

/** What a `token-url` answers and what a token provider may return: the session JSON. */
export interface SessionResponse {
  /** An ACS user access token (a JWT). */
  token: string;
  /** ISO date of the token's expiry; the token's own `exp` claim is what counts. */
  expiresOn?: string;
  /** Raw ACS user id (`8:acs:…`); read from the token's `skypeid` claim when absent. */
  userId?: string;
  /** The ACS resource endpoint, e.g. `https://contoso.communication.azure.com/`. */
  endpoint?: string;
  threadId?: string;
  displayName?: string;
  /** True when the endpoint is the local ACS emulator rather than Azure. */
  emulator?: boolean;
}

/** A token provider returns a token string or a whole session, or a promise of either. */
export type TokenProvider = (options: { abortSignal: AbortSignal }) => string | SessionResponse | Promise<string | SessionResponse>;

/** Where an element gets its tokens from; the first one present wins, in this order. */
export interface SessionSource {
  tokenProvider?: TokenProvider | undefined;
  /** Dotted path of a function reachable from `window`, e.g. `app.getAcsToken`. */
  tokenProviderName?: string | undefined;
  tokenUrl?: string | undefined;
  /** The display name to ask the token service for. */
  displayName?: string | undefined;
}

/**
 * A signed-in session. The token itself is held only by `credential`: nothing here can leak it
 * into the DOM, a log line or an event.
 */
export interface AcsSession {
  readonly userId: string;
  readonly endpoint: string | undefined;
  readonly threadId: string | undefined;
  readonly displayName: string | undefined;
  readonly emulator: boolean;
  readonly credential: CommunicationTokenCredential;
  /** The service refused the token (401): fetches a new one now instead of at its expiry. */
  renewToken(): Promise<void>;
  /** Stops proactive refreshes and cancels any request in flight. */
  dispose(): void;
}

export interface OpenSessionOptions {
  /** Aborting it cancels the session's requests, now and for every later refresh. */
  signal: AbortSignal;
  /** Called after each background refresh: with the error when it failed, so the element can tell the user. */
  onRefresh?: (error: AcsError | undefined) => void;
  /** How long to wait for a `token-provider` function that the page defines later. */
  providerWaitMs?: number;
}

/** How long a `token-provider` named on the page may take to appear. */
export const DEFAULT_PROVIDER_WAIT_MS = 3000;
const PROVIDER_POLL_MS = 50;

/** Resolves the first session from `source` and builds a self-refreshing credential on it. */
export async function openSession(source: SessionSource, options: OpenSessionOptions): Promise<AcsSession> {
  const { signal } = options;
  const commonSdk = loadCommonSdk();
  // Settled here so a failed download is not an unhandled rejection while the session is fetched.
  commonSdk.catch(() => undefined);
  const fetchSession = await sessionFetcher(source, signal, options.providerWaitMs ?? DEFAULT_PROVIDER_WAIT_MS);
  const first = await fetchSession(signal);
  const claims = readToken(first.token);
  const { AzureCommunicationTokenCredential } = await commonSdk;
  signal.throwIfAborted();

  const refreshes = new AbortController();
  const stopRefreshes = () => refreshes.abort(signal.reason);
  signal.addEventListener('abort', stopRefreshes, { once: true });

  const refresh = async () => {
    try {
      const next = await fetchSession(refreshes.signal);
      const refreshed = { token: next.token, expiresOnTimestamp: readToken(next.token).expiresOnTimestamp };
      options.onRefresh?.(undefined);
      return refreshed;
    } catch (error) {
      if (!isAbortError(error)) options.onRefresh?.(toAcsError(error));
      throw error;
    }
  };
  const credentialOn = (token: AccessToken) => new AzureCommunicationTokenCredential({ token, refreshProactively: true, tokenRefresher: refresh });
  const credential = new RenewableCredential(credentialOn({ token: first.token, expiresOnTimestamp: claims.expiresOnTimestamp }), async () =>
    credentialOn(await refresh()),
  );

  const userId = first.userId ?? claims.userId;
  return {
    userId,
    endpoint: first.endpoint,
    threadId: first.threadId,
    displayName: first.displayName,
    emulator: first.emulator === true,
    credential,
    renewToken: () => credential.renew(),
    dispose() {
      signal.removeEventListener('abort', stopRefreshes);
      refreshes.abort();
      credential.dispose();
    },
  };
}

type SessionFetcher = (signal: AbortSignal) => Promise<SessionResponse>;

async function sessionFetcher(source: SessionSource, signal: AbortSignal, providerWaitMs: number): Promise<SessionFetcher> {
  if (source.tokenProvider) return providerFetcher(source.tokenProvider);
  if (source.tokenProviderName) {
    return providerFetcher(await findGlobalFunction(source.tokenProviderName, signal, providerWaitMs));
  }
  if (source.tokenUrl) return tokenUrlFetcher(parseTokenUrl(source.tokenUrl), source.displayName);
  throw new AcsError('missing-token-source', 'Set token-url, token-provider or the tokenProvider property to sign in.');
}

function providerFetcher(provider: TokenProvider): SessionFetcher {
  return (signal) =>
    sharedRequest(provider, signal, async (abortSignal) => {
      let result: unknown;
      try {
        result = await provider({ abortSignal });
      } catch (cause) {
        if (isAbortError(cause)) throw cause;
        throw new AcsError('token-provider-failed', 'The token provider threw an error.', { cause });
      }
      return toSessionResponse(typeof result === 'string' ? { token: result } : result);
    });
}

function parseTokenUrl(tokenUrl: string): URL {
  try {
    return new URL(tokenUrl, document.baseURI);
  } catch (cause) {
    const url = tokenUrl.split(/[?#]/)[0] ?? '';
    throw new AcsError('token-url-not-found', `token-url "${url}" is not a URL.`, { cause, context: { url } });
  }
}

function tokenUrlFetcher(url: URL, displayName: string | undefined): SessionFetcher {
  const body = JSON.stringify(displayName ? { displayName } : {});
  return (signal) =>
    sharedRequest(`${url.href}\n${body}`, signal, async (abortSignal) => {
      const json = await postForSession(url, body, abortSignal);
      try {
        return toSessionResponse(json);
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : 'The answer is not a session.';
        throw new AcsError('token-url-invalid-response', message, { cause, context: { url: withoutQuery(url) } });
      }
    });
}

function toSessionResponse(value: unknown): SessionResponse {
  if (typeof value !== 'object' || value === null || typeof (value as SessionResponse).token !== 'string') {
    throw new AcsError('invalid-token', 'The session has no token string.');
  }
  const session = value as SessionResponse;
  for (const key of ['userId', 'endpoint', 'threadId', 'displayName', 'expiresOn'] as const) {
    if (session[key] !== undefined && typeof session[key] !== 'string') {
      throw new AcsError('invalid-session', `The session's ${key} is not a string.`);
    }
  }
  return session;
}

interface TokenClaims {
  expiresOnTimestamp: number;
  userId: string;
}

/** Checks that `token` is an unexpired ACS user token and reads what the session needs from it. */
export function readToken(token: string, now = Date.now()): TokenClaims {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(token);
  } catch (cause) {
    throw new AcsError('invalid-token', 'The token is not a JWT.', { cause });
  }
  if (typeof claims.exp !== 'number') throw new AcsError('invalid-token', 'The token has no expiry (exp) claim.');
  const expiresOnTimestamp = claims.exp * 1000;
  if (expiresOnTimestamp <= now) throw new AcsError('token-expired', 'The token has already expired.');
  const skypeId = claims.skypeid;
  if (typeof skypeId !== 'string' || !skypeId) throw new AcsError('invalid-token', 'The token has no skypeid claim: it is not an ACS user token.');
  return { expiresOnTimestamp, userId: `8:${skypeId}` };
}

/**
 * Finds the function at a dotted path on `window`, waiting up to `waitMs` for a page script that
 * defines it after the element (deferred or async scripts, frameworks booting late).
 */
async function findGlobalFunction(path: string, signal: AbortSignal, waitMs: number): Promise<TokenProvider> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const found = path.split('.').reduce<unknown>((owner, key) => (owner == null ? undefined : (owner as Record<string, unknown>)[key]), window);
    if (typeof found === 'function') return found as TokenProvider;
    if (Date.now() >= deadline) {
      throw new AcsError('token-provider-not-found', `No function named window.${path} was found for token-provider.`);
    }
    await delay(PROVIDER_POLL_MS, signal);
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      // The caller's own abort reason (an AbortError unless it gave another), as throwIfAborted throws it.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
