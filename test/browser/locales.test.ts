import { expect } from '@open-wc/testing';
import { ar } from '../../src/core/i18n/ar.js';
import { de } from '../../src/core/i18n/de.js';
import { en } from '../../src/core/i18n/en.js';
import { es } from '../../src/core/i18n/es.js';
import { fr } from '../../src/core/i18n/fr.js';
import { it as italian } from '../../src/core/i18n/it.js';
import { ja } from '../../src/core/i18n/ja.js';
import { pt } from '../../src/core/i18n/pt.js';
import type { AcsStrings } from '../../src/core/i18n/strings.js';

// `it` is also mocha's test function, hence the alias.
const translations: Record<string, AcsStrings> = { it: italian, es, fr, de, pt, ja, ar };

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
  it('ship a table for every locale besides English', () => {
    expect(Object.keys(translations)).to.have.members(['it', 'es', 'fr', 'de', 'pt', 'ja', 'ar']);
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
