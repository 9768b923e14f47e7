import type { AcsError } from './errors.js';
import { format, type AcsStrings } from './i18n/strings.js';

/**
 * The sentence a person reads for an error: the localized text for its code, filled in with the
 * URL and status it concerns, plus a hint about CORS and the service's own reason when known.
 */
export function errorText(error: AcsError, strings: AcsStrings): string {
  const { url = '', status, reason, crossOriginFrom } = error.context;
  const sentences = [format(strings.errors[error.code], { url, status: status === undefined ? '' : String(status), origin: crossOriginFrom ?? '' })];
  if (error.code === 'token-url-unreachable' && crossOriginFrom) sentences.push(format(strings.crossOriginHint, { origin: crossOriginFrom }));
  if (reason) sentences.push(format(strings.serviceSaid, { reason }));
  return sentences.join(' ');
}
