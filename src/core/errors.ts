/**
 * The stable error codes carried by `acs-error` events and shown, localized, in the elements.
 * Codes are part of the public API: add new ones, never rename or reuse one.
 */
export const ERROR_CODES = [
  /** No `token-url`, `token-provider` or `tokenProvider` was given. */
  'missing-token-source',
  /** The `token-url` answered an error status not covered by a more precise code (e.g. 400, 429). */
  'token-url-failed',
  /** The `token-url` answered 404: the URL is wrong. */
  'token-url-not-found',
  /** The `token-url` answered 401 or 403: the service refused this page or visitor (its reason is shown). */
  'token-url-refused',
  /** The `token-url` answered 5xx: the token service failed; retrying may work. */
  'token-url-server-error',
  /** The `token-url` could not be reached: the server is down, the address is wrong, or the network is off. */
  'token-url-unreachable',
  /** The `token-url` server answers, but not to this page's origin (CORS): a wrong path, or an origin it does not allow. */
  'token-url-blocked',
  /** The `token-url` answered something that is not session JSON. */
  'token-url-invalid-response',
  /** The `token-provider` function named on the page does not exist. */
  'token-provider-not-found',
  /** The token provider threw or rejected. */
  'token-provider-failed',
  /** The token (or session) is not a well-formed ACS user access token. */
  'invalid-token',
  /** The token had already expired when it was received. */
  'token-expired',
  /** The session has no endpoint or user id, and none was given as an attribute. */
  'invalid-session',
  /** An ACS SDK could not be downloaded (offline, blocked CDN); retrying may work. */
  'sdk-load-failed',
  /** A request to ACS failed for network reasons. */
  'network',
  /** The browser denied access to the camera or microphone. */
  'permission-denied',
  /** A phone number could not be parsed or is not valid. */
  'invalid-phone-number',
  /** A phone call needs an `alternate-caller-id` and none (or an invalid one) was given. */
  'missing-caller-id',
  /** An `<acs-call>` has nothing to call: no `group-id`, `meeting-link`, `room-id` or `callee`. */
  'missing-call-target',
  /** No longer raised: each malformed target attribute now has its own code (`invalid-group-id`, …). Kept so pages that check for it still compile. */
  'invalid-call-target',
  /** The call could not be started or joined. */
  'call-failed',
  /** Something that needs a call in progress (e.g. `sendData()`) was asked for with none. */
  'not-in-call',
  /** Anything not covered above. */
  'unknown',
  /** `group-id` is not a GUID, which ACS requires of group calls. */
  'invalid-group-id',
  /** `room-id` is not an ACS room id (the digits the Rooms API returns). */
  'invalid-room-id',
  /** `meeting-link` is not an https link to a Teams meeting. */
  'invalid-meeting-link',
  /** An entry of `callee` is neither an ACS or Teams raw id nor an E.164 phone number. */
  'invalid-callee',
] as const;

export type AcsErrorCode = (typeof ERROR_CODES)[number];

/** Errors of configuration: trying again cannot fix them, so the element offers no retry. */
const CONFIGURATION_ERRORS: ReadonlySet<AcsErrorCode> = new Set([
  'missing-token-source',
  'token-url-not-found',
  'token-url-refused',
  'token-url-blocked',
  'token-url-invalid-response',
  'token-provider-not-found',
  'invalid-token',
  'invalid-session',
  'missing-caller-id',
  'missing-call-target',
  'invalid-call-target',
  'invalid-group-id',
  'invalid-room-id',
  'invalid-meeting-link',
  'invalid-callee',
]);

/** False for a configuration error, which a retry cannot fix. */
export function isRetryable(code: AcsErrorCode): boolean {
  return !CONFIGURATION_ERRORS.has(code);
}

/** What an error knows of the request that failed; all of it is safe to show and to put in an event. */
export interface AcsErrorContext {
  /** The HTTP status the service answered. */
  status?: number;
  /** The URL asked, without its query string or fragment. */
  url?: string;
  /** The service's own explanation of the failure, as it sent it. */
  reason?: string;
  /** This page's origin, when the URL is on another one (CORS is then the likely cause). */
  crossOriginFrom?: string;
}

/**
 * An error with a stable `code`. Its `message` is for developers and never contains a token;
 * the elements show the localized text for the code instead.
 */
export class AcsError extends Error {
  override readonly name = 'AcsError';

  readonly context: AcsErrorContext;

  constructor(
    readonly code: AcsErrorCode,
    message: string,
    options?: { cause?: unknown; context?: AcsErrorContext },
  ) {
    super(message, options);
    this.context = options?.context ?? {};
  }
}

/** True for the `AbortError` raised when an element is disconnected mid-request. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Wraps anything thrown into an `AcsError`, keeping the code of one that already is. */
export function toAcsError(error: unknown, fallback: AcsErrorCode = 'unknown'): AcsError {
  if (error instanceof AcsError) return error;
  if (error instanceof TypeError) return new AcsError('network', 'A network request failed.', { cause: error });
  return new AcsError(fallback, 'An unexpected error occurred.', { cause: error });
}

/** Anything shaped like a JWT: an error's text must never carry an access token further. */
const JWT_LIKE = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;

/** The message of what caused `error` (an SDK's, a network failure's), for developers; undefined when there is none. */
export function causeMessage(error: AcsError): string | undefined {
  const { cause } = error;
  const text = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : undefined;
  return text?.trim() ? text.replace(JWT_LIKE, '[token]') : undefined;
}
