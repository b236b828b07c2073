import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AVAILABILITY_SEED, availableFromDate } from '../../src/eligibility/countries.ts';
import { isRegionCode, regionName } from '../../src/eligibility/regions.ts';

// Apple's FAQ lists the countries and regions where two-step verification is offered
// (docs/rules.md#country-or-region). A copy of the FAQ lives beside this test, so the list is
// checked against Apple's words rather than against itself.
const appleFaq = readFileSync(fileURLToPath(new URL('./fixtures/apple-two-step-faq.txt', import.meta.url)), 'utf8');

/** The bullet entries under "Which countries or regions ...", without the FaceTime footnote. */
function seedCountryNames(): string[] {
  const start = appleFaq.indexOf('Which countries or regions');
  expect(start).toBeGreaterThan(0);
  return appleFaq
    .slice(start)
    .split(/\r?\n/)
    .filter((line) => line.startsWith('- ') && !line.includes('FaceTime'))
    .map((line) => line.slice(2).trim());
}

describe('AVAILABILITY_SEED', () => {
  const seedNames = seedCountryNames();

  it("has one entry per country or region of Apple's list", () => {
    expect(seedNames.length).toBeGreaterThan(140); // the parse found the list
    expect(AVAILABILITY_SEED.length).toBe(seedNames.length);
    expect(new Set(AVAILABILITY_SEED.map((e) => e.seedName))).toEqual(new Set(seedNames));
  });

  it('has unique, valid ISO 3166-1 alpha-2 codes', () => {
    const codes = AVAILABILITY_SEED.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(isRegionCode(code), code).toBe(true);
  });

  it("names each code as Apple's list does, allowing for names that changed or are spelt differently", () => {
    // Where the seed's name and the platform's English short name differ beyond punctuation/accents.
    const renamed: Record<string, string> = {
      'China mainland': 'China',
      'Congo, Democratic Republic': 'Congo - Kinshasa',
      'Congo, Republic': 'Congo - Brazzaville',
      'Czech Republic': 'Czechia',
      'Hong Kong': 'Hong Kong SAR China',
      Macau: 'Macao SAR China',
      Macedonia: 'North Macedonia',
      Swaziland: 'Eswatini',
      Turkey: 'Türkiye',
    };
    const fold = (s: string) =>
      s
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/&/g, 'and')
        .replace(/\bSt\./g, 'Saint')
        .replace(/[’']/g, "'")
        .toLowerCase();
    for (const e of AVAILABILITY_SEED) {
      expect(fold(regionName(e.code) ?? ''), `${e.seedName} → ${e.code}`).toBe(fold(renamed[e.seedName] ?? e.seedName));
    }
  });

  it('maps the names that are easy to get wrong', () => {
    const code = (name: string) => AVAILABILITY_SEED.find((e) => e.seedName === name)?.code;
    expect(code('China mainland')).toBe('CN');
    expect(code('Congo, Democratic Republic')).toBe('CD');
    expect(code('Congo, Republic')).toBe('CG');
    expect(code("Cote d'Ivoire")).toBe('CI');
    expect(code('Guinea')).toBe('GN');
    expect(code('Niger')).toBe('NE');
    expect(code('Nigeria')).toBe('NG');
    expect(code('Dominica')).toBe('DM');
    expect(code('Dominican Republic')).toBe('DO');
    expect(code('British Virgin Islands')).toBe('VG');
    expect(code('United Kingdom')).toBe('GB');
    expect(code('Swaziland')).toBe('SZ');
    expect(code('Macau')).toBe('MO');
  });

  it('dates the 2013 waves from the rollout reports, Canada in May (docs/rules.md#country-or-region)', () => {
    const wave = (day: string) =>
      AVAILABILITY_SEED.filter((e) => e.availableFrom === day)
        .map((e) => e.code)
        .sort();
    expect(wave('2013-03-21')).toEqual(['AU', 'GB', 'IE', 'NZ', 'US']);
    expect(wave('2013-05-22')).toEqual(['AR', 'AT', 'BE', 'BR', 'CA', 'MX', 'NL', 'PK', 'PL', 'RU']);
    expect(wave('2013-06-27')).toEqual(['DE', 'ES', 'FR', 'IT', 'JP']);
    expect(wave('2014-01-01')).toHaveLength(AVAILABILITY_SEED.length - 20);
  });

  it('lists the earliest waves first, with real dates before today', () => {
    const days = AVAILABILITY_SEED.map((e) => e.availableFrom);
    expect(days).toEqual([...days].sort());
    for (const day of days) {
      expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(availableFromDate(day).toISOString()).toBe(`${day}T00:00:00.000Z`);
      expect(availableFromDate(day).getTime()).toBeLessThan(Date.now());
    }
  });

  it("leaves out countries that Apple's list leaves out", () => {
    const codes = new Set(AVAILABILITY_SEED.map((e) => e.code));
    for (const code of ['NP', 'MM', 'KP', 'IR', 'CU', 'BY', 'GQ']) expect(codes.has(code), code).toBe(false);
  });
});
