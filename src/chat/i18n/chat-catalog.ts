import { StringCatalog } from '../../core/i18n/locale.js';
import { en } from './en.js';
import type { ChatTable } from './chat-strings.js';

/** `<acs-chat>`'s strings, in its own chunk for English and one chunk per other language, fetched on first use. */
export const chatCatalog = new StringCatalog<ChatTable>({
  en,
  load: {
    it: () => import('./it.js').then((table) => table.it),
    es: () => import('./es.js').then((table) => table.es),
    fr: () => import('./fr.js').then((table) => table.fr),
    de: () => import('./de.js').then((table) => table.de),
    pt: () => import('./pt.js').then((table) => table.pt),
    ja: () => import('./ja.js').then((table) => table.ja),
    ar: () => import('./ar.js').then((table) => table.ar),
  },
});
