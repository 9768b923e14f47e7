import type { CommunicationUserIdentifier } from '@azure/communication-common';
import type { CommunicationIdentityClient } from '@azure/communication-identity';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerPreflight, letCallerRead } from './cors.js';
import { HttpError, parseJson, readBody, sendError, sendJson } from './http.js';

export const SESSION_COOKIE = 'acs_session';
const TOKEN_SCOPES = ['chat', 'voip'] as const;
const TOKEN_MINUTES = 60;
const MAX_DISPLAY_NAME = 64;
// Control characters, bidi overrides and other invisible formatting: never part of a name.
const FORBIDDEN_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

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
  rateLimit?: { requests: number; windowMs: number };
}

/**
 * `POST /api/session`: one ACS identity per browser (kept in a signed, HttpOnly cookie), a fresh
 * 60-minute chat + voip token on every call, and the demo thread joined once.
 */
export function createTokenService(options: TokenServiceOptions) {
  const limiter = rateLimiter(options.rateLimit ?? { requests: 30, windowMs: 60_000 });

  const cookieFor = (userId: string) => `${Buffer.from(userId).toString('base64url')}.${sign(options.cookieSecret, userId)}`;
  const userFromCookie = (request: IncomingMessage): string | undefined => {
    const value = parseCookies(request.headers.cookie)[SESSION_COOKIE];
    const [encoded, signature] = value?.split('.') ?? [];
    if (!encoded || !signature) return undefined;
    const userId = Buffer.from(encoded, 'base64url').toString();
    const expected = Buffer.from(sign(options.cookieSecret, userId));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? userId : undefined;
  };

  const issue = async (knownUserId: string | undefined) => {
    if (knownUserId) {
      try {
        const user = { communicationUserId: knownUserId };
        return { user, token: await options.identity.getToken(user, [...TOKEN_SCOPES], { tokenExpiresInMinutes: TOKEN_MINUTES }) };
      } catch (error) {
        // The identity is gone (deleted, or the emulator's data was reset): start afresh.
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
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
      const crossOrigin = letCallerRead(request, response);
      if (request.method === 'OPTIONS' && crossOrigin) {
        answerPreflight(request, response);
        return;
      }
      if (crossOrigin && !options.allowedOrigins.includes(crossOrigin)) {
        throw new HttpError(403, 'ForbiddenOrigin', `Origin ${crossOrigin} is not allowed; list it in ALLOWED_ORIGINS.`);
      }
      if (request.method !== 'POST') throw new HttpError(405, 'MethodNotAllowed', 'Use POST.', { Allow: 'POST' });
      limiter(request.socket.remoteAddress ?? 'unknown');
      const input = parseJson(await readBody(request, 4096));
      const { user, token } = await issue(userFromCookie(request));
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
      sendJson(response, 200, body, { ...noStore, 'Set-Cookie': `${SESSION_COOKIE}=${cookieFor(user.communicationUserId)}; ${cookieAttributes(request)}` });
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
function cookieAttributes(request: IncomingMessage): string {
  return isHttps(request) ? 'Path=/; HttpOnly; SameSite=None; Secure; Partitioned' : 'Path=/; HttpOnly; SameSite=Strict';
}

/** A fixed-window counter per client address. */
function rateLimiter({ requests, windowMs }: { requests: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return (client: string) => {
    const now = Date.now();
    const window = windows.get(client);
    if (!window || now - window.start >= windowMs) {
      if (windows.size > 10_000) windows.clear();
      windows.set(client, { start: now, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > requests) {
      const retryAfter = Math.ceil((window.start + windowMs - now) / 1000);
      throw new HttpError(429, 'TooManyRequests', 'Too many session requests; try again shortly.', { 'Retry-After': String(retryAfter) });
    }
  };
}

function sign(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
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

function isHttps(request: IncomingMessage): boolean {
  return (request.socket as { encrypted?: boolean }).encrypted === true || request.headers['x-forwarded-proto'] === 'https';
}
