import { describe, expect, it } from 'vitest';
import { allRegions, isRegionCode, regionName } from '../../src/eligibility/regions.ts';

describe('allRegions', () => {
  const regions = allRegions();
  const codes = regions.map((r) => r.code);

  it('has every ISO 3166-1 country or region, about 249 of them', () => {
    expect(regions.length).toBeGreaterThanOrEqual(245);
    expect(regions.length).toBeLessThanOrEqual(250);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('names them from Intl, with the codes that are easy to get wrong', () => {
    const byCode = new Map(regions.map((r) => [r.code, r.name]));
    expect(byCode.get('US')).toBe('United States');
    expect(byCode.get('GB')).toBe('United Kingdom');
    expect(byCode.get('CN')).toBe('China');
    expect(byCode.get('CD')).toBe('Congo - Kinshasa');
    expect(byCode.get('CG')).toBe('Congo - Brazzaville');
    for (const code of ['HK', 'MO', 'TW', 'PR', 'GU', 'RE', 'AX', 'SS', 'CW', 'SX', 'BQ', 'AQ', 'UM']) expect(byCode.has(code)).toBe(true);
  });

  it('leaves out groupings, pseudo-regions, reserved and deprecated codes', () => {
    for (const code of ['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA', 'XK']) {
      expect(codes, code).not.toContain(code);
    }
    // Deprecated codes that ICU still names as aliases of their successors.
    for (const code of ['UK', 'SU', 'DD', 'YU', 'ZR', 'CS', 'AN', 'BU', 'TP', 'FX', 'VD', 'YD', 'RH', 'HV', 'NH', 'DY']) {
      expect(codes, code).not.toContain(code);
    }
  });

  it('is sorted by name in the locale', () => {
    for (const locale of ['en', 'fr', 'de']) {
      const names = allRegions(locale).map((r) => r.name);
      const sorted = [...names].sort((a, b) => a.localeCompare(b, locale));
      expect(names).toEqual(sorted);
    }
    // Å sorts with A in English, not after Z.
    const en = allRegions('en').map((r) => r.code);
    expect(en.indexOf('AX')).toBeLessThan(en.indexOf('AL'));
  });

  it('names the same codes in other locales', () => {
    const fr = allRegions('fr');
    expect(fr.map((r) => r.code).sort()).toEqual([...codes].sort());
    expect(fr.find((r) => r.code === 'DE')?.name).toBe('Allemagne');
  });

  it('hands out copies, not its cache', () => {
    const first = allRegions();
    first[0].name = 'changed';
    first.pop();
    expect(allRegions()).toEqual(regions);
  });
});

describe('regionName', () => {
  it('names a code in English by default and in other locales', () => {
    expect(regionName('CD')).toBe('Congo - Kinshasa');
    expect(regionName('JP', 'fr')).toBe('Japon');
    expect(regionName('JP', 'ja')).toBe('日本');
  });

  it('falls back to English for a malformed locale', () => {
    expect(regionName('DE', '!!not a locale')).toBe('Germany');
  });

  it('has no name for what is not a region code', () => {
    expect(regionName('EU')).toBeUndefined();
    expect(regionName('UK')).toBeUndefined();
    expect(regionName('XX')).toBeUndefined();
    expect(regionName('usa')).toBeUndefined();
  });
});

describe('isRegionCode', () => {
  it('accepts stored (upper-case) ISO codes only', () => {
    expect(isRegionCode('US')).toBe(true);
    expect(isRegionCode('CD')).toBe(true);
    expect(isRegionCode('us')).toBe(false);
    expect(isRegionCode('UK')).toBe(false);
    expect(isRegionCode('EU')).toBe(false);
    expect(isRegionCode('ZZ')).toBe(false);
    expect(isRegionCode('')).toBe(false);
    expect(isRegionCode('USA')).toBe(false);
  });
});
