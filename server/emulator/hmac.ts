import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http.js';

const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

function denied(message: string): HttpError {
  return new HttpError(401, 'Denied', message);
}

/**
 * Verifies ACS's HMAC-SHA256 access-key signature, as @azure/communication-common computes it:
 * `METHOD\npathAndQuery\ndate;host;contentHash`, keyed by the base64-decoded access key.
 */
export function verifyHmac(request: IncomingMessage, url: URL, body: Buffer, accessKey: string, now = Date.now()): void {
  const date = request.headers['x-ms-date'];
  const contentHash = request.headers['x-ms-content-sha256'];
  const host = request.headers.host;
  const authorization = request.headers.authorization;
  if (typeof date !== 'string' || typeof contentHash !== 'string' || !host || !authorization) {
    throw denied('The request is missing x-ms-date, x-ms-content-sha256, host or Authorization.');
  }
  const signedAt = Date.parse(date);
  if (Number.isNaN(signedAt) || Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) {
    throw denied('x-ms-date is missing or more than 15 minutes from the server time.');
  }
  if (createHash('sha256').update(body).digest('base64') !== contentHash) {
    throw denied('x-ms-content-sha256 does not match the request body.');
  }
  const match = /^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=(.+)$/.exec(authorization);
  if (!match) throw denied('The Authorization header is not an ACS HMAC-SHA256 signature.');
  const query = url.searchParams.toString();
  const stringToSign = `${request.method}\n${url.pathname}${query ? `?${query}` : ''}\n${date};${host};${contentHash}`;
  const expected = createHmac('sha256', Buffer.from(accessKey, 'base64')).update(stringToSign).digest();
  const given = Buffer.from(match[1], 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw denied('The request signature is not valid for this access key.');
  }
}
