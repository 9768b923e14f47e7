import type { AcsErrorCode } from '../errors.js';

/** The strings every element shows: signing in, errors, retrying. */
export interface SharedStrings {
  /** Shown while the element signs in and loads its SDK. */
  connecting: string;
  /** The button that retries after an error. */
  retry: string;
  /** Heading of the error panel. */
  errorTitle: string;
  /** Follows an error that the service explained; `{reason}` is its own words. */
  serviceSaid: string;
  /** Follows an unreachable `token-url` on another origin; `{origin}` is this page's. */
  crossOriginHint: string;
  /** One readable sentence per error code; `token-url` errors may use `{url}`, `{status}` and `{origin}`. */
  errors: Record<AcsErrorCode, string>;
}

/**
 * Every visible string and accessible name of the elements; the `strings` property of an element
 * overrides any subset. Each feature adds its own group (`chat`, `call`, `dialpad`) from its
 * `i18n/` folder, so core knows none of them and each element ships only its own tables.
 */
export interface AcsStrings extends SharedStrings {}

/** A partial table: single strings, or some strings of a group. */
type StringOverrides<T> = { [K in keyof T]?: T[K] extends string ? T[K] : Partial<T[K]> };

/** A partial table, for the `strings` property. */
export type AcsStringOverrides = StringOverrides<AcsStrings>;

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a typo shows. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

type Table = Record<string, unknown>;
const isGroup = (value: unknown): value is Table => typeof value === 'object' && value !== null;

/** `base` with `extra` on top, one level deep for the groups (`errors`, `call`, …). */
export function mergeTables<A extends object, B extends object>(base: A, extra: B): A & B {
  const merged = { ...base } as Table;
  for (const [key, value] of Object.entries(extra)) {
    const own = merged[key];
    merged[key] = isGroup(own) && isGroup(value) ? { ...own, ...value } : value;
  }
  return merged as A & B;
}

/**
 * Applies `overrides` on top of `base`. Groups of another element (`call` given to a chat) are
 * ignored: the page may hand every element the same overrides.
 */
export function withOverrides<T extends SharedStrings>(base: T, overrides: AcsStringOverrides | undefined): T {
  if (!overrides) return base;
  const known = Object.entries(overrides).filter(([key]) => key in base);
  return mergeTables(base, Object.fromEntries(known));
}
