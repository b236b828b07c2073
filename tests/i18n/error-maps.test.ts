// The error maps (src/**/errors.ts) and the catalogue's `errors` namespace are one list: every code
// has a sentence in English, every sentence of the namespace is a code's, and the facts each code
// takes fill every argument of its sentence in every language (no "{" left, no formatting error).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten, readCatalogue } from '@/src/i18n/catalogue.ts';
import { DEFAULT_LOCALE, LOCALES } from '@/src/i18n/locales.ts';
import { sayTo } from '@/src/i18n/said.ts';
import { saidOf, type Sentence } from '@/src/result.ts';
import { sampleFacts } from '../harness/refusal-samples.ts';

const isSentence = (v: unknown): v is Sentence =>
  typeof v === 'object' && v !== null && typeof (v as Sentence).key === 'string' && (v as Sentence).key.startsWith('errors.');

/** Every map exported by a file of src/ named errors.ts or *-errors.ts: objects whose values are all sentences. */
async function errorMaps(): Promise<Map<string, Record<string, Sentence>>> {
  const files = (readdirSync('src', { recursive: true }) as string[]).filter(
    (f) => /(^|[/-])errors\.ts$/.test(path.basename(f)) || f.endsWith('errors.ts'),
  );
  const maps = new Map<string, Record<string, Sentence>>();
  for (const file of files) {
    const exports = (await import(path.resolve('src', file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'object' || value === null) continue;
      const entries = Object.values(value);
      if (entries.length > 0 && entries.every(isSentence)) maps.set(`${file} ${name}`, value as Record<string, Sentence>);
    }
  }
  return maps;
}

const englishErrors = [...flatten(readCatalogue(DEFAULT_LOCALE)).keys()].filter((k) => k.startsWith('errors.'));

describe('the error maps and the errors catalogue', () => {
  it('finds the maps', async () => {
    const maps = await errorMaps();
    expect(maps.size).toBeGreaterThan(20);
    expect([...maps.keys()]).toContain('codes/errors.ts CODES_ERRORS');
  });

  it('has an English sentence for every code of every map', async () => {
    const missing = [...(await errorMaps()).values()]
      .flatMap((m) => Object.values(m).map((s) => s.key))
      .filter((k) => !englishErrors.includes(k));
    expect(missing).toEqual([]);
  });

  it('has no sentence in the errors namespace that is no code of a map', async () => {
    const keys = new Set([...(await errorMaps()).values()].flatMap((m) => Object.values(m).map((s) => s.key)));
    expect(englishErrors.filter((k) => !keys.has(k))).toEqual([]);
  });

  it("fills every argument of each code's sentence with the facts the code takes, in every language", async () => {
    const maps = await errorMaps();
    const broken: string[] = [];
    for (const locale of LOCALES) {
      for (const map of maps.values()) {
        for (const code of Object.keys(map)) {
          const said = saidOf(map, code, ...(sampleFacts(map[code]!) as []));
          const text = sayTo({ locale, timeZone: 'Europe/Paris' }, said);
          if (text.includes('{') || text.includes('FORMATTING_ERROR') || text === said.key || text.trim() === '')
            broken.push(`${locale} ${said.key}: ${text}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('finds a code without a sentence, and a fact missing from a sentence (the checks can fail)', () => {
    const noSentence = { key: 'errors.codes.NO_SUCH_CODE' };
    expect(englishErrors).not.toContain(noSentence.key);
    const unfilled = sayTo({ locale: 'en', timeZone: null }, { key: 'errors.codes.CODE_WRONG', facts: {} });
    expect(unfilled.includes('{') || unfilled.includes('FORMATTING_ERROR') || unfilled === 'errors.codes.CODE_WRONG').toBe(true);
  });
});
