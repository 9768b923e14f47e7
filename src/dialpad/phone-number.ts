/**
 * Reading, formatting and validating the phone numbers typed or pasted into `<acs-dialpad>`.
 *
 * Uses libphonenumber-js with its `min` metadata (enough to validate and format numbers, not to
 * tell a mobile from a landline), which keeps the dial pad within its size budget.
 * Plain module: no DOM and no work at load.
 */
import {
  AsYouType,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parseDigits,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/core';
// The core API with the "min" metadata passed in: the same code as `libphonenumber-js/min`
// without its wrappers, which the CDN build's ES2015 copy of the library could not call.
import metadata from 'libphonenumber-js/min/metadata';
import { DIAL_KEYS } from './dtmf.js';
import { isE164 } from '../calling/e164.js';

export type { CountryCode };

/** Why a number cannot be dialled (yet). */
export type PhoneNumberProblem = 'empty' | 'too-short' | 'too-long' | 'invalid' | 'invalid-country';

/** What the dial pad knows about the text in its number field. */
export interface PhoneNumberReading {
  /** The number to dial, `+` and digits; only when `problem` is `undefined`. */
  e164: string | undefined;
  /** The input formatted as you type (`(201) 555-0123`, `+44 7400 123456`), letters as digits. */
  formatted: string;
  /** The number's country when known, else the selected one for a national number. */
  country: CountryCode | undefined;
  /** Why `e164` is missing. */
  problem: PhoneNumberProblem | undefined;
}

/** One entry of the country selector. */
export interface CountryOption {
  readonly code: CountryCode;
  /** The region's name in the requested language (`Italia` in `it`). */
  readonly name: string;
  /** The country calling code without `+` (`'39'`). */
  readonly callingCode: string;
}

/** libphonenumber-js's length verdicts, as the dial pad names them. */
const LENGTH_PROBLEMS = {
  TOO_SHORT: 'too-short',
  TOO_LONG: 'too-long',
  INVALID_LENGTH: 'invalid',
  INVALID_COUNTRY: 'invalid-country',
  // Not viable as a number yet (rare once there is a digit): more digits may make it one.
  NOT_A_NUMBER: 'too-short',
} as const satisfies Record<NonNullable<ReturnType<typeof validatePhoneNumberLength>>, PhoneNumberProblem>;

/**
 * Reads what the person typed or pasted. A number starting with `+` (or with the selected
 * country's international prefix, such as `00` in Italy or `011` in the US) is international and
 * the selected `country` does not matter; any other number is national to `country` (an ISO 3166
 * alpha-2 code, any case). Letters count as the keypad digits they are printed on (`1-800-FLOWERS`).
 */
export function readPhoneNumber(input: string, country: string | undefined): PhoneNumberReading {
  const selected = supportedCountry(country);
  const text = cleanPastedNumber(input);
  const international = text.startsWith('+');
  if (!/\d/.test(text)) {
    return { e164: undefined, formatted: text, country: international ? undefined : selected, problem: 'empty' };
  }
  if (/[*#]/.test(text)) {
    // Service codes (`*31#`) are keypad input, not numbers to call.
    return { e164: undefined, formatted: text, country: international ? undefined : selected, problem: 'invalid' };
  }

  const typing = new AsYouType(selected, metadata);
  const formatted = typing.input(text);
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: selected }, metadata);
  const length = validatePhoneNumberLength(text, { defaultCountry: selected }, metadata);
  const problem: PhoneNumberProblem | undefined = length ? LENGTH_PROBLEMS[length] : parsed?.isValid() ? undefined : 'invalid';
  const detected = parsed?.country ?? typing.getCountry();
  const callingCode = typing.getCallingCode();
  const keepsSelected = selected !== undefined && (!typing.isInternational() || callingCode === getCountryCallingCode(selected, metadata));
  return {
    e164: problem ? undefined : parsed?.number,
    formatted,
    country: detected ?? (keepsSelected ? selected : undefined),
    problem,
  };
}

/**
 * The dialable characters of pasted text: digits (any script's, as ASCII), `*`, `#`, and a `+`
 * only at the start; letters become their keypad digits; spaces, dashes, dots, parentheses and
 * anything else go. A leading `tel:` is dropped. `'+1 (425) 555-0100'` → `'+14255550100'`.
 */
export function cleanPastedNumber(text: string): string {
  let clean = '';
  for (const char of text.trim().replace(/^tel:/i, '')) {
    if (char === '*' || char === '#') clean += char;
    else if (char === '+' || char === '\uFF0B') clean += clean === '' ? '+' : '';
    else if (/^[a-z]$/i.test(char)) clean += keypadDigit(char.toUpperCase());
    else clean += parseDigits(char);
  }
  return clean;
}

/**
 * `text` (dialable characters) with a leading `00` or `011`, the exit codes of most countries and
 * of North America, as `+` when that makes it a valid number and it is none of `country`'s own as
 * typed: `0044 20 7946 0958` dialled from the US is London, while the UK's own `0113 496 0000`
 * stays national there. The selected country's other exit codes (`0011` in Australia) are read by
 * libphonenumber-js as they are.
 */
export function withExitCodeAsPlus(text: string, country: string | undefined): string {
  const exitCode = /^(?:00|011)/.exec(text)?.[0];
  if (!exitCode) return text;
  const selected = supportedCountry(country);
  const asTyped = parsePhoneNumberFromString(text, { defaultCountry: selected }, metadata);
  if (asTyped?.isValid() && selected && asTyped.countryCallingCode === getCountryCallingCode(selected, metadata)) return text;
  const international = `+${text.slice(exitCode.length)}`;
  return parsePhoneNumberFromString(international, metadata)?.isValid() ? international : text;
}

function keypadDigit(letter: string): string {
  return DIAL_KEYS.find(({ key, letters }) => key !== '0' && letters.includes(letter))?.key ?? '';
}

const countryOptionsByLocale = new Map<string, readonly CountryOption[]>();

/**
 * Every country libphonenumber-js knows, named in `locale` (`Intl.DisplayNames`) and sorted by
 * that name in that locale's order. Computed on first use per locale, then cached: do not mutate.
 * A malformed `locale` falls back to the browser's.
 */
export function countryOptions(locale: string): readonly CountryOption[] {
  let options = countryOptionsByLocale.get(locale);
  if (!options) {
    const language = wellFormedLanguage(locale);
    const names = regionNames(language);
    const collator = new Intl.Collator(language);
    options = getCountries(metadata)
      .map((code) => countryOptionOf(code, names))
      .sort((a, b) => collator.compare(a.name, b.name));
    countryOptionsByLocale.set(locale, options);
  }
  return options;
}

/** The entry of `code` alone, named in `locale`: what the selector holds until the whole list is needed (naming and sorting every country takes tens of ms). */
export function countryOption(country: string, locale: string): CountryOption | undefined {
  const code = supportedCountry(country);
  return code && countryOptionOf(code, regionNames(wellFormedLanguage(locale)));
}

function countryOptionOf(code: CountryCode, names: Intl.DisplayNames): CountryOption {
  return { code, name: names.of(code) ?? code, callingCode: getCountryCallingCode(code, metadata) };
}

function regionNames(language: string | undefined): Intl.DisplayNames {
  return new Intl.DisplayNames(language, { type: 'region', fallback: 'code' });
}

/**
 * True when `value` can be an `alternate-caller-id`: written in E.164 (`+` then 8 to 15 digits,
 * no spaces) and a valid number per libphonenumber-js.
 */
export function isValidCallerId(value: string | undefined): value is `+${string}` {
  // Parsed rather than `isValidPhoneNumber()`: the parser is here anyway, and that wrapper is not (112 bytes gzip).
  return isE164(value) && parsePhoneNumberFromString(value, metadata)?.isValid() === true;
}

/** `country` as a code libphonenumber knows (any case, e.g. `us` → `US`), else undefined. */
export function supportedCountry(country: string | undefined): CountryCode | undefined {
  const code = country?.trim().toUpperCase();
  // The core API types this argument as a known code; asking is what tells us whether it is one.
  return code && isSupportedCountry(code as CountryCode, metadata) ? (code as CountryCode) : undefined;
}

/** `locale` when it is a well-formed tag, else undefined (the browser's language). */
function wellFormedLanguage(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale).length > 0 ? locale : undefined;
  } catch {
    return undefined;
  }
}
