// Raw rows as each engine gives them, mapped in one place (src/db/raw.ts).
import { describe, expect, it } from 'vitest';
import { rawBool, rawCount, rawDate, rawDateOrNull, rawTextOrNull } from '../../src/db/raw.ts';

describe('raw row values', () => {
  const at = new Date('2026-11-30T10:11:12.345Z');
  it('reads a date from a Date (PostgreSQL), ISO text or epoch milliseconds (SQLite)', () => {
    expect(rawDate(at)).toBe(at);
    expect(rawDate('2026-11-30T10:11:12.345Z')).toEqual(at);
    expect(rawDate('2026-11-30T10:11:12.345+00:00')).toEqual(at);
    expect(rawDate(at.getTime())).toEqual(at);
    expect(rawDate(BigInt(at.getTime()))).toEqual(at);
  });
  it('reads zone-less text as UTC, not the server time zone', () => {
    expect(rawDate('2026-11-30 10:11:12')).toEqual(new Date('2026-11-30T10:11:12Z'));
  });
  it('refuses what is no date', () => {
    expect(() => rawDate({})).toThrow(TypeError);
  });
  it('keeps nulls', () => {
    expect(rawDateOrNull(null)).toBeNull();
    expect(rawTextOrNull(null)).toBeNull();
    expect(rawTextOrNull('x')).toBe('x');
  });
  it('reads booleans and counts of either engine', () => {
    expect([rawBool(1), rawBool(true), rawBool(0), rawBool(false), rawBool(null)]).toEqual([true, true, false, false, false]);
    expect([rawCount(3n), rawCount(3), rawCount(null)]).toEqual([3, 3, 0]);
  });
});
