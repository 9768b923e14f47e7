import type { CommunicationUserIdentifier } from '@azure/communication-common';
import type { CommunicationIdentityClient } from '@azure/communication-identity';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, isHttps, rateKey, trustsAProxy, type TrustProxy } from './client-address.js';
import { answerPreflight, letCallerRead } from './cors.js';
import { HttpError, parseJson, readBody, sendError, sendJson } from './http.js';
import { describeRate, RateLimiter, type Rate } from './rate-limit.js';

export const SESSION_COOKIE = 'acs_session';
const TOKEN_SCOPES = ['chat', 'voip'] as const;
const TOKEN_MINUTES = 60;
const MAX_DISPLAY_NAME = 64;
// Control characters, bidi overrides and other invisible formatting: never part of a name.
const FORBIDDEN_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
/** `<base64url user id>.<base64url HMAC-SHA256>` and nothing else: a SHA-256 is 43 base64url characters. */
const COOKIE_FORMAT = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;
export const DEFAULT_RATE_LIMIT: Rate = { requests: 30, windowMs: 60_000 };

/** The session JSON that elements read from `token-url`. */
export interface SessionBody {
  token: string;
  expiresOn: string;
  userId: string;
  endpoint: string;
  threadId?: string;
  displayName: string;
  emulator: boolean;
}

export interface TokenServiceOptions {
  identity: CommunicationIdentityClient;
  /** The endpoint browsers use. */
  endpoint: string;
  emulator: boolean;
  /** Signs the session cookie; keep it stable across restarts so browsers keep their identity. */
  cookieSecret: string;
  /** Origins besides the server's own that may ask for sessions. */
  allowedOrigins: readonly string[];
  /** Makes sure the user is in the demo thread under this name (a no-op when already so); returns its id. */
  joinDemoThread?: (user: CommunicationUserIdentifier, displayName: string) => Promise<string>;
  /** New identities per client address (default 30 per minute). */
  rateLimit?: Rate | undefined;
  /** Tokens per existing session (default 30 per minute). */
  refreshRateLimit?: Rate | undefined;
  /** The reverse proxies whose `X-Forwarded-For`/`-Proto` count (default: none). */
  trustProxy: TrustProxy;
}

/**
 * `POST /api/session`: one ACS identity per browser (kept in a signed, HttpOnly cookie), a fresh
 * 60-minute chat + voip token on every call, and the demo thread joined once. New identities are
 * limited per client address, tokens for a known identity per session.
 */
export function createTokenService(options: TokenServiceOptions) {
  const perAddress = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const perSession = new RateLimiter(options.refreshRateLimit ?? DEFAULT_RATE_LIMIT);
  const { trustProxy } = options;

  const cookieFor = (userId: string) => `${Buffer.from(userId).toString('base64url')}.${sign(options.cookieSecret, userId).toString('base64url')}`;
  const userFromCookie = (request: IncomingMessage): string | undefined => {
    const match = COOKIE_FORMAT.exec(parseCookies(request.headers.cookie)[SESSION_COOKIE] ?? '');
    if (!match) return undefined;
    const userId = Buffer.from(match[1], 'base64url').toString();
    // base64url decoding skips what it cannot read; only the canonical spelling of the id is its cookie.
    if (Buffer.from(userId).toString('base64url') !== match[1]) return undefined;
    // Compared as written: the last of the 43 characters carries two bits no byte uses, so four spellings
    // of a signature decode to the same bytes; only the one this service writes is its cookie.
    const given = Buffer.from(match[2]);
    const expected = Buffer.from(sign(options.cookieSecret, userId).toString('base64url'));
    return given.length === expected.length && timingSafeEqual(given, expected) ? userId : undefined;
  };

  const limitNewIdentity = (request: IncomingMessage) => {
    const address = clientAddress(request, trustProxy);
    const retryAfter = perAddress.take(rateKey(address));
    if (!retryAfter) return;
    const proxyNote = trustsAProxy(trustProxy)
      ? ''
      : ' Forwarded addresses (X-Forwarded-For) are not trusted because TRUST_PROXY is unset, so visitors behind one proxy or NAT share this limit.';
    throw new HttpError(
      429,
      'TooManyRequests',
      `Too many new sessions from ${address}: the limit is ${describeRate(perAddress.rate)} per client address.${proxyNote}`,
      { 'Retry-After': String(retryAfter) },
    );
  };

  const limitRefresh = (userId: string) => {
    const retryAfter = perSession.take(userId);
    if (!retryAfter) return;
    throw new HttpError(429, 'TooManyRequests', `Too many token requests for this session: the limit is ${describeRate(perSession.rate)} per session.`, {
      'Retry-After': String(retryAfter),
    });
  };

  const issue = async (request: IncomingMessage, knownUserId: string | undefined) => {
    if (knownUserId) {
      try {
        const user = { communicationUserId: knownUserId };
        return { user, token: await options.identity.getToken(user, [...TOKEN_SCOPES], { tokenExpiresInMinutes: TOKEN_MINUTES }) };
      } catch (error) {
        // The identity is gone (deleted, or the emulator's data was reset): start afresh, as a new visitor.
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
        limitNewIdentity(request);
      }
    }
    const { user, token, expiresOn } = await options.identity.createUserAndToken([...TOKEN_SCOPES], { tokenExpiresInMinutes: TOKEN_MINUTES });
    return { user, token: { token, expiresOn } };
  };

  return async function handleSession(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const noStore = { 'Cache-Control': 'no-store' };
    try {
      // Refused origins may read the answer too: the page must be able to show the 403's reason.
      // The refusal itself is the boundary; a refused origin never gets a cookie or a token.
      const crossOrigin = letCallerRead(request, response, trustProxy);
      if (request.method === 'OPTIONS' && crossOrigin) {
        answerPreflight(request, response);
        return;
      }
      if (crossOrigin && !options.allowedOrigins.includes(crossOrigin)) {
        throw new HttpError(403, 'ForbiddenOrigin', `Origin ${crossOrigin} is not allowed; list it in ALLOWED_ORIGINS.`);
      }
      if (request.method !== 'POST') throw new HttpError(405, 'MethodNotAllowed', 'Use POST.', { Allow: 'POST' });
      const knownUserId = userFromCookie(request);
      if (knownUserId) limitRefresh(knownUserId);
      else limitNewIdentity(request);
      const input = parseJson(await readBody(request, 4096));
      const { user, token } = await issue(request, knownUserId);
      const displayName = readDisplayName(input.displayName) ?? `Guest ${user.communicationUserId.slice(-4)}`;
      const threadId = await options.joinDemoThread?.(user, displayName);
      const body: SessionBody = {
        token: token.token,
        expiresOn: token.expiresOn.toISOString(),
        userId: user.communicationUserId,
        endpoint: options.endpoint,
        ...(threadId && { threadId }),
        displayName,
        emulator: options.emulator,
      };
      sendJson(response, 200, body, {
        ...noStore,
        'Set-Cookie': `${SESSION_COOKIE}=${cookieFor(user.communicationUserId)}; ${cookieAttributes(request, trustProxy)}`,
      });
    } catch (error) {
      response.setHeader('Cache-Control', 'no-store');
      sendError(response, error);
    }
  };
}

/** A display name is optional; when given it is 1–64 visible characters. */
export function readDisplayName(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, 'InvalidDisplayName', 'displayName must be a string.');
  const name = value.normalize('NFC').trim();
  if (!name || name.length > MAX_DISPLAY_NAME) throw new HttpError(400, 'InvalidDisplayName', `displayName must be 1 to ${MAX_DISPLAY_NAME} characters.`);
  if (FORBIDDEN_IN_NAME.test(name)) throw new HttpError(400, 'InvalidDisplayName', 'displayName must not contain control or invisible formatting characters.');
  return name;
}

/**
 * Over https the cookie must work when the page embedding the element is on another site:
 * `SameSite=None` lets the browser send it on cross-site requests, `Partitioned` (CHIPS) keeps it
 * working where third-party cookies are blocked (it is kept per embedding site). Browsers accept
 * `SameSite=None` only with `Secure`, so plain http keeps `SameSite=Strict`: that still covers local
 * development across ports (http://localhost:3000 → :8080), because a site ignores the port.
 */
function cookieAttributes(request: IncomingMessage, trust: TrustProxy): string {
  return isHttps(request, trust) ? 'Path=/; HttpOnly; SameSite=None; Secure; Partitioned' : 'Path=/; HttpOnly; SameSite=Strict';
}

function sign(secret: string, value: string): Buffer {
  return createHmac('sha256', secret).update(value).digest();
}

function parseCookies(header: string | undefined): Partial<Record<string, string>> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .filter(([name, ...value]) => name && value.length > 0)
      .map(([name, ...rest]) => [name, rest.join('=')]),
  );
}
