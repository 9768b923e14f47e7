import type { SharedStrings } from './strings.js';

/**
 * An element's strings in every shipped language: English in hand (it ships in the element's own
 * code, for its first paint), every other language a download of its own, fetched on first use.
 * That download is the element's own strings, which import those it shares with other elements
 * (core's, and the calling ones of call and dial pad) from chunks of their own: a page downloads
 * shared strings once, and an element's first paint carries one loader per language (one per part
 * and language, fetched side by side, cost the dial pad's first paint ~270 B gzip more).
 */
export interface StringSource<T> {
  readonly en: T;
  /** By BCP 47 tag, English excluded. */
  readonly load: Readonly<Record<string, (() => Promise<T>) | undefined>>;
}

/** What can be spoken, and what is already downloaded (English always is). */
export interface Catalog<T extends SharedStrings> {
  available: readonly string[];
  loaded: Readonly<Record<string, T | undefined>> & { readonly en: T };
}

/** An element's strings in every shipped language: each downloaded once, on first use. */
export class StringCatalog<T extends SharedStrings> implements Catalog<T> {
  readonly available: readonly string[];
  readonly loaded: Record<string, T | undefined> & { en: T };
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly source: StringSource<T>) {
    this.available = ['en', ...Object.keys(source.load)];
    this.loaded = { en: source.en };
  }

  /** Downloads a shipped table once; a failed download is retried on the next call. */
  load(locale: string): Promise<void> {
    const load = this.source.load[locale];
    if (!load || this.loaded[locale]) return Promise.resolve();
    let pending = this.pending.get(locale);
    if (!pending) {
      pending = load().then(
        (table) => {
          this.loaded[locale] = table;
        },
        () => {
          this.pending.delete(locale);
        },
      );
      this.pending.set(locale, pending);
    }
    return pending;
  }
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

export interface ResolvedLocale<T extends SharedStrings> {
  /** The BCP 47 tag the strings are in (`en`, `pt-BR`, …). */
  locale: string;
  dir: 'ltr' | 'rtl';
  /** The locale's strings, or English while they download (see `StringCatalog.load`). */
  strings: T;
  /** True while `strings` stands in for a table not yet downloaded. */
  loading: boolean;
}

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's `lang` (across
 * shadow roots), else the browser's languages; the first one available wins, else English.
 */
export function resolveLocale<T extends SharedStrings>(element: Element, preferred: readonly string[], catalog: Catalog<T>): ResolvedLocale<T> {
  const declared = closestLang(element);
  const { en } = catalog.loaded;
  for (const tag of declared ? [declared, ...preferred] : preferred) {
    const locale = availableTag(tag, catalog.available);
    if (!locale) continue;
    const strings = catalog.loaded[locale];
    return { locale, dir: RTL_LANGUAGES.has(locale.split('-')[0]) ? 'rtl' : 'ltr', strings: strings ?? en, loading: !strings };
  }
  return { locale: 'en', dir: 'ltr', strings: en, loading: false };
}

function availableTag(tag: string, available: readonly string[]): string | undefined {
  const normalized = tag.trim();
  if (available.includes(normalized)) return normalized;
  const language = normalized.split('-')[0].toLowerCase();
  return available.includes(language) ? language : undefined;
}

function closestLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    // The root is a shadow root (with a host) or the document (without one).
    node = node.parentElement ?? (node.getRootNode() as Partial<ShadowRoot>).host ?? null;
  }
  return undefined;
}
