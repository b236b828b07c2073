// The catalogues (messages/<locale>/<namespace>.json): every language has every key English has and
// no other, and each sentence takes the same arguments as English's (a translation that drops
// {date} or renames {count} would show a hole or a raw brace), parsed as ICU MessageFormat.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { flatten, MESSAGES_DIR, readCatalogue } from '@/src/i18n/catalogue.ts';
import { DEFAULT_LOCALE, LOCALES } from '@/src/i18n/locales.ts';
import { pseudoMessages } from '@/src/i18n/pseudo.ts';

/** A sentence's arguments and how each is used ("count:plural", "date:argument"), sorted. */
function argumentsOf(sentence: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
      if (e.type === TYPE.tag) {
        found.add(`<${e.value}>`);
        walk(e.children);
        continue;
      }
      found.add(`${e.value}:${TYPE[e.type]}`);
      if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) walk(option.value);
    }
  };
  walk(parse(sentence, { ignoreTag: false }));
  return [...found].sort();
}

const english = flatten(readCatalogue(DEFAULT_LOCALE));

describe('the catalogues', () => {
  it('has a folder for every language offered, and none other', () => {
    expect(readdirSync(MESSAGES_DIR).sort()).toEqual([...LOCALES].sort());
  });

  it('has English sentences to translate', () => {
    expect(english.size).toBeGreaterThan(10);
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      const catalogue = flatten(readCatalogue(locale));

      it('has the namespace files English has', () => {
        const files = (l: string) => readdirSync(path.join(MESSAGES_DIR, l)).sort();
        expect(files(locale)).toEqual(files(DEFAULT_LOCALE));
      });

      it('has every key English has, and no other', () => {
        expect([...catalogue.keys()].sort()).toEqual([...english.keys()].sort());
      });

      it("gives each sentence English's arguments", () => {
        const differing = [...english].filter(([key, en]) => {
          const translated = catalogue.get(key);
          return translated !== undefined && argumentsOf(translated).join() !== argumentsOf(en).join();
        });
        expect(differing.map(([key]) => key)).toEqual([]);
      });

      it('has no empty sentence', () => {
        expect([...catalogue].filter(([, s]) => s.trim() === '').map(([k]) => k)).toEqual([]);
      });
    });
  }

  it('keeps every argument in the pseudo-locale', () => {
    const pseudo = flatten(pseudoMessages(readCatalogue(DEFAULT_LOCALE)));
    const differing = [...english].filter(([key, en]) => argumentsOf(pseudo.get(key)!).join() !== argumentsOf(en).join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('finds a dropped or renamed argument (the check can fail)', () => {
    expect(argumentsOf('Wait {wait} before asking again.')).not.toEqual(argumentsOf('Attendez avant de redemander.'));
    expect(argumentsOf('{n, plural, one {# try} other {# tries}}')).not.toEqual(argumentsOf('{count, plural, other {# essais}}'));
  });
});
