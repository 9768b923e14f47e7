import { AcsError, isAbortError, type AcsErrorCode, type AcsErrorContext } from './errors.js';

/** The longest part of a service's error answer shown to people; enough for a sentence. */
const MAX_REASON_LENGTH = 240;

/**
 * POSTs to a token service and returns its JSON, or throws an `AcsError` that says what to fix:
 * a wrong URL, a refusal (with the service's own reason), a server failure, a server that is down,
 * a cross-origin request the service does not allow, or an answer that is not JSON.
 */
export async function postForSession(url: URL, body: string, signal: AbortSignal): Promise<unknown> {
  const crossOrigin = url.origin !== location.origin;
  const context: AcsErrorContext = { url: withoutQuery(url), ...(crossOrigin && { crossOriginFrom: location.origin }) };
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      // The token service knows its visitor by a cookie; on another origin the browser only keeps
      // and sends it when asked to (and the service allows credentials for this origin).
      credentials: crossOrigin ? 'include' : 'same-origin',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
      signal,
    });
  } catch (cause) {
    if (isAbortError(cause)) throw cause;
    const code = crossOrigin && (await answersWithoutCors(url, signal)) ? 'token-url-blocked' : 'token-url-unreachable';
    throw new AcsError(code, `The token service at ${context.url} could not be reached${code === 'token-url-blocked' ? ' from this origin (CORS)' : ''}.`, {
      cause,
      context,
    });
  }
  if (!response.ok) {
    const reason = await readReason(response);
    const failure = { ...context, status: response.status, ...(reason && { reason }) };
    throw new AcsError(codeForStatus(response.status), `The token service at ${context.url} answered ${response.status}.`, { context: failure });
  }
  try {
    return await response.json();
  } catch (cause) {
    if (isAbortError(cause)) throw cause;
    throw new AcsError('token-url-invalid-response', `The token service at ${context.url} did not answer with JSON.`, { cause, context });
  }
}

function codeForStatus(status: number): AcsErrorCode {
  if (status === 404 || status === 410) return 'token-url-not-found';
  if (status === 401 || status === 403) return 'token-url-refused';
  if (status >= 500) return 'token-url-server-error';
  return 'token-url-failed';
}

/**
 * A fetch that fails with a TypeError cannot tell a server that is down from one that refuses
 * this origin (CORS). An opaque `no-cors` request can: it succeeds whenever the server answers.
 */
async function answersWithoutCors(url: URL, signal: AbortSignal): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal });
    return true;
  } catch {
    return false;
  }
}

/** The service's explanation: ACS's `{ error: { message } }`, a `{ message }`, or a short plain text. */
async function readReason(response: Response): Promise<string | undefined> {
  let text: string;
  try {
    text = (await response.text()).trim();
  } catch {
    return undefined;
  }
  let reason: unknown = text;
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      const json = JSON.parse(text) as { error?: { message?: unknown } | string | null; message?: unknown };
      reason = typeof json.error === 'object' ? json.error?.message : (json.error ?? json.message);
    } catch {
      return undefined;
    }
  } else if (/^\s*</.test(text)) {
    // An HTML error page says nothing a person in the element could use.
    return undefined;
  }
  if (typeof reason !== 'string' || !reason.trim()) return undefined;
  const oneLine = reason.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_REASON_LENGTH ? `${oneLine.slice(0, MAX_REASON_LENGTH - 1)}…` : oneLine;
}

/** The URL as it may be shown and reported: a query string may carry secrets. */
export function withoutQuery(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
