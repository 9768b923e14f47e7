import { callCatalog } from '../../../src/call/i18n/call-catalog.js';
import { chatCatalog } from '../../../src/chat/i18n/chat-catalog.js';
import { dialpadCatalog } from '../../../src/dialpad/i18n/dialpad-catalog.js';
import { mergeTables, type AcsStrings } from '../../../src/core/i18n/strings.js';

/** Each element's catalog: together they hold every string, each element only its own. */
export const catalogs = { chat: chatCatalog, call: callCatalog, dialpad: dialpadCatalog };

/** Every string of the three elements in `locale`, as one table (downloading what it needs). */
export async function tableIn(locale: string): Promise<AcsStrings> {
  const all = Object.values(catalogs);
  await Promise.all(all.map((catalog) => catalog.load(locale)));
  return all.map((catalog): object => catalog.loaded[locale]!).reduce(mergeTables) as AcsStrings;
}

export const [en, ar, ja] = await Promise.all(['en', 'ar', 'ja'].map(tableIn));
