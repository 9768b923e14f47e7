import { expect } from '@open-wc/testing';
import type { AcsStrings } from '../../src/core/i18n/strings.js';
import { catalogs, en, tableIn } from './support/strings.js';

const LANGUAGES = ['it', 'es', 'fr', 'de', 'pt', 'ja', 'ar'];
/** Every locale's whole table, put together from the parts each element downloads. */
const translations: Record<string, AcsStrings> = Object.fromEntries(
  await Promise.all(LANGUAGES.map(async (locale): Promise<[string, AcsStrings]> => [locale, await tableIn(locale)])),
);

/** Every string of a table, keyed by its dotted path (`chat.send`, `errors.network`, …). */
function flatten(table: object, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(table as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [nested, leaf] of flatten(value, path)) entries.set(nested, leaf);
    } else {
      entries.set(path, value);
    }
  }
  return entries;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();
}

const english = flatten(en);

describe('locales', () => {
  it('ship a table for every locale besides English, for every element', () => {
    for (const catalog of Object.values(catalogs)) expect(catalog.available).to.have.members(['en', ...LANGUAGES]);
  });

  // A chat page downloads no call or dial pad strings, and the dial pad only the call strings it shows.
  it('give each element only its own groups, in every language', () => {
    const groups = (table: object) => Object.keys(table).filter((key) => typeof (table as Record<string, unknown>)[key] === 'object');
    for (const locale of ['en', ...LANGUAGES]) {
      const [chat, call, dialpad] = [catalogs.chat.loaded[locale]!, catalogs.call.loaded[locale]!, catalogs.dialpad.loaded[locale]!];
      expect(groups(chat), locale).to.have.members(['errors', 'chat']);
      expect(groups(call), locale).to.have.members(['errors', 'call']);
      expect(groups(dialpad), locale).to.have.members(['errors', 'call', 'dialpad']);
      expect(Object.keys(call.call), locale).to.have.members(Object.keys(en.call));
      expect(Object.keys(dialpad.call), locale).to.have.members(['gettingReady', 'duration', ...Object.keys(en.call).filter((key) => /^end[A-Z]/.test(key))]);
    }
  });

  for (const [locale, table] of Object.entries(translations)) {
    describe(locale, () => {
      const strings = flatten(table);

      it('has exactly the keys of the English table, groups included', () => {
        expect([...strings.keys()].sort()).to.deep.equal([...english.keys()].sort());
      });

      it('has no empty strings', () => {
        for (const [path, value] of strings) {
          expect(value, path).to.be.a('string');
          expect((value as string).trim(), path).to.not.equal('');
        }
      });

      it('keeps the placeholders of the English strings, and adds none', () => {
        for (const [path, source] of english) {
          expect(placeholders(strings.get(path) as string), path).to.deep.equal(placeholders(source as string));
        }
      });

      it('is translated, apart from a few single words such as "Chat"', () => {
        // A string of placeholders alone (`{digit} {letters}`) has nothing to translate.
        const translatable = (text: string) => /\p{L}/u.test(text.replace(/\{\w+\}/g, ''));
        const copies = [...english].filter(([path, source]) => strings.get(path) === source && translatable(source as string)).map(([path]) => path);
        expect(copies.length, `identical to English: ${copies.join(', ')}`).to.be.at.most(3);
        for (const path of copies) expect(english.get(path), `copied sentence at ${path}`).to.not.match(/\s/);
      });
    });
  }
});
