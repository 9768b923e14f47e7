import { en } from './en.js';
import type { AcsStrings } from './strings.js';

/** By BCP 47 tag; a tag that is not a key has no table (yet). */
export type StringTables = Readonly<Record<string, AcsStrings | undefined>>;

/** What can be spoken, and what is already downloaded. */
export interface Catalog {
  available: readonly string[];
  loaded: StringTables;
}

// English ships in the element's own chunk; every other table is its own small chunk, fetched on first use.
const LOADERS: Record<string, (() => Promise<AcsStrings>) | undefined> = {
  it: () => import('./it.js').then((table) => table.it),
  es: () => import('./es.js').then((table) => table.es),
  fr: () => import('./fr.js').then((table) => table.fr),
  de: () => import('./de.js').then((table) => table.de),
  pt: () => import('./pt.js').then((table) => table.pt),
  ja: () => import('./ja.js').then((table) => table.ja),
  ar: () => import('./ar.js').then((table) => table.ar),
};

const loadedTables: Record<string, AcsStrings | undefined> = { en };
const pendingLoads = new Map<string, Promise<void>>();

/** The languages every element speaks. */
export const SHIPPED_CATALOG: Catalog = { available: ['en', ...Object.keys(LOADERS)], loaded: loadedTables };

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

export interface ResolvedLocale {
  /** The BCP 47 tag the strings are in (`en`, `pt-BR`, …). */
  locale: string;
  dir: 'ltr' | 'rtl';
  /** The locale's strings, or English while they download (see `loadLocale`). */
  strings: AcsStrings;
  /** True while `strings` stands in for a table not yet downloaded. */
  loading: boolean;
}

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's `lang` (across
 * shadow roots), else the browser's languages; the first one available wins, else English.
 */
export function resolveLocale(element: Element, preferred: readonly string[] = navigator.languages, catalog: Catalog = SHIPPED_CATALOG): ResolvedLocale {
  const declared = closestLang(element);
  for (const tag of declared ? [declared, ...preferred] : preferred) {
    const locale = availableTag(tag, catalog.available);
    if (!locale) continue;
    const strings = catalog.loaded[locale];
    return { locale, dir: RTL_LANGUAGES.has(locale.split('-')[0]) ? 'rtl' : 'ltr', strings: strings ?? en, loading: !strings };
  }
  return { locale: 'en', dir: 'ltr', strings: en, loading: false };
}

/** Downloads a shipped table once; a failed download is retried on the next call. */
export function loadLocale(locale: string): Promise<void> {
  const load = LOADERS[locale];
  if (!load || loadedTables[locale]) return Promise.resolve();
  let pending = pendingLoads.get(locale);
  if (!pending) {
    pending = load().then(
      (table) => {
        loadedTables[locale] = table;
      },
      () => {
        pendingLoads.delete(locale);
      },
    );
    pendingLoads.set(locale, pending);
  }
  return pending;
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
