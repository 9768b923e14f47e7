/**
 * Picks the phone number out of pasted text that is more than a number: a sentence around it
 * ("Call me: +1 (425) 555-0199!"), an extension ("ext. 45", "x45", ";ext=45", ",45"), or a vanity
 * number ("1-800-FLOWERS").
 *
 * Its own chunk, imported on the first such paste: libphonenumber-js's text matcher is several KB
 * gzip that a dial pad used by typing never needs. It shares the metadata the pad already has.
 */
import { findPhoneNumbersInText, getCountryCallingCode, type CountryCode, type NumberFound } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';

/** What a paste holds: a number (and its extension), keypad text to read as typed, or nothing to dial. */
export type PastedNumber =
  | { readonly kind: 'number'; readonly text: string; readonly extension: string | undefined }
  | { readonly kind: 'keypad'; readonly text: string }
  | { readonly kind: 'none' };

/**
 * `00` and `011` opening a group of digits: the exit codes of most of the world and of North
 * America, tried as `+` only when the text reads as no number in the selected country (so the UK's
 * own `0117 496 0123` stays national there).
 */
const EXIT_CODE = /(^|[^\d+])(?:00|011)(?=[\s.-]*[1-9])/g;

/** Only digits, keypad letters, spaces and the usual separators, starting with a digit: `1-800-FLOWERS`. */
const VANITY = /^\+?\d[\d\s().-]*[a-z][\da-z\s().-]*$/i;

/**
 * The number in `text`, read in `country` (an ISO code libphonenumber knows) as the pad would:
 * written as pasted when it is national to that country (`(425) 555-0199`), else in E.164.
 */
export function findPastedNumber(text: string, country: CountryCode | undefined): PastedNumber {
  const options = { defaultCountry: country };
  const found: NumberFound | undefined =
    findPhoneNumbersInText(text, options, metadata).at(0) ?? findPhoneNumbersInText(text.replace(EXIT_CODE, '$1+'), options, metadata).at(0);
  if (found) {
    const { number } = found;
    // By calling code, not country: Rome's 06 6988 numbers are the Vatican's, under Italy's +39.
    const national =
      country !== undefined && number.countryCallingCode === getCountryCallingCode(country, metadata) && !text.slice(found.startsAt).startsWith('+');
    return { kind: 'number', text: national ? number.format('NATIONAL', { formatExtension: (formatted) => formatted }) : number.number, extension: number.ext };
  }
  const trimmed = text.trim();
  const keys = trimmed.replace(/[^\da-z]/gi, '');
  return VANITY.test(trimmed) && keys.length >= 7 && keys.length <= 15 ? { kind: 'keypad', text: trimmed } : { kind: 'none' };
}
