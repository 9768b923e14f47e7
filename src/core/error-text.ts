import type { AcsError } from './errors.js';
import { format, type SharedStrings } from './i18n/strings.js';

/**
 * Unicode first-strong isolates: a URL or an English reason inside a right-to-left sentence keeps
 * its own direction instead of scrambling the words around it. Left-to-right text needs none.
 */
const isolated = (text: string) => `\u2068${text}\u2069`;
const asIs = (text: string) => text;

/**
 * The sentence a person reads for an error: the localized text for its code, filled in with the
 * URL and status it concerns, plus a hint about CORS and the service's own reason when they help.
 */
export function errorText(error: AcsError, strings: SharedStrings, dir: 'ltr' | 'rtl'): string {
  const { url = '', status, reason, crossOriginFrom = '' } = error.context;
  const isolate = dir === 'rtl' ? isolated : asIs;
  const values = { url: isolate(url), status: status === undefined ? '' : String(status), origin: isolate(crossOriginFrom) };
  const sentences = [format(strings.errors[error.code], values)];
  if (error.code === 'token-url-unreachable' && crossOriginFrom) sentences.push(format(strings.crossOriginHint, values));
  // A 404's own words only repeat that the path was not found.
  if (reason && error.code !== 'token-url-not-found') sentences.push(format(strings.serviceSaid, { reason: isolate(reason) }));
  return sentences.join(' ');
}
