import type { IncomingMessage, ServerResponse } from 'node:http';
import { ownOrigin, type TrustProxy } from './client-address.js';

/**
 * The caller's origin when it is not the server's own (a CORS request), else undefined. Scheme,
 * host and port all count: an `https://` page on this host is another origin than this `http://`
 * server (and an opaque origin, "null" from sandboxed frames and file: pages, is never its own).
 */
export function crossOriginCaller(request: IncomingMessage, trust: TrustProxy): string | undefined {
  const origin = request.headers.origin;
  if (!origin) return undefined;
  return origin === ownOrigin(request, trust) ? undefined : origin;
}

/**
 * Lets a page on another origin read this answer, sent with its cookies. For answers that must
 * explain themselves to an embedding page (a refusal, a wrong URL); whether the caller gets
 * anything more than an explanation is the handler's decision. Returns the caller's origin.
 */
export function letCallerRead(request: IncomingMessage, response: ServerResponse, trust: TrustProxy): string | undefined {
  // The answer depends on the Origin header, so shared caches must key on it.
  response.setHeader('Vary', 'Origin');
  const origin = crossOriginCaller(request, trust);
  if (origin) {
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    // A page on another origin must see how long a 429 asks it to wait.
    response.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  }
  return origin;
}

/** Answers a CORS preflight for a JSON POST (call `letCallerRead` first). */
export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(204, {
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': 'Content-Type, Accept',
    'Access-Control-Max-Age': '600',
    // Chromium's Private Network Access: a public page asking a token service on a private address.
    ...(request.headers['access-control-request-private-network'] === 'true' && { 'Access-Control-Allow-Private-Network': 'true' }),
  });
  response.end();
}
