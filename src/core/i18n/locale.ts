import { en } from './en.js';
import type { AcsStrings } from './strings.js';

export type StringTables = Readonly<Record<string, AcsStrings>>;

/** The string tables shipped so far; other locales arrive with the elements' own issues. */
const SHIPPED_TABLES: StringTables = { en };

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

export interface ResolvedLocale {
  /** The BCP 47 tag the strings are in (`en`, `pt-BR`, …). */
  locale: string;
  dir: 'ltr' | 'rtl';
  strings: AcsStrings;
}

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's `lang` (across
 * shadow roots), else the browser's languages; the first one with a table wins, else English.
 */
export function resolveLocale(
  element: Element,
  preferred: readonly string[] = navigator.languages,
  tables: StringTables = SHIPPED_TABLES,
): ResolvedLocale {
  const declared = closestLang(element);
  for (const tag of declared ? [declared, ...preferred] : preferred) {
    const table = tableFor(tag, tables);
    if (table) return table;
  }
  return { locale: 'en', dir: 'ltr', strings: en };
}

function tableFor(tag: string, tables: StringTables): ResolvedLocale | undefined {
  const normalized = tag.trim();
  const language = normalized.split('-')[0]!.toLowerCase();
  const strings = tables[normalized] ?? tables[language];
  if (!strings) return undefined;
  return { locale: tables[normalized] ? normalized : language, dir: RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr', strings };
}

function closestLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
  }
  return undefined;
}
