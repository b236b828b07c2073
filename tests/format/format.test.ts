// The one formatter of dates for pages and emails (src/format.ts): an instant in a zone, the zone
// named, on fixed dates either side of a daylight-saving change; UTC, said as UTC, when no zone is
// known; calendar days with no shift at all.
import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatDay,
  knownTimeZone,
  timeZoneChoices,
  timeZoneLabel,
  zoneName,
} from '../../src/format.ts';

// Los Angeles moves its clocks on 2027-03-14 (PST → PDT) and 2027-11-07 (PDT → PST).
const WINTER = new Date('2027-03-03T17:00:00Z');
const SUMMER = new Date('2027-07-03T17:00:00Z');

describe('formatDateTime: an instant in the holder zone, the zone named', () => {
  it('writes Los Angeles time with its name, standard in winter and daylight in summer', () => {
    expect(formatDateTime(WINTER, 'en-US', 'America/Los_Angeles')).toBe('Wednesday, March 3, 2027 at 9:00 AM Pacific Standard Time');
    expect(formatDateTime(SUMMER, 'en-US', 'America/Los_Angeles')).toBe('Saturday, July 3, 2027 at 10:00 AM Pacific Daylight Time');
  });

  it('names the zone, never an offset, in a locale whose short name is one (en-GB writes PST as GMT-8)', () => {
    const text = formatDateTime(WINTER, 'en-GB', 'America/Los_Angeles');
    expect(text).toBe('Wednesday, 3 March 2027 at 9:00 Pacific Standard Time');
    expect(text).not.toMatch(/GMT|UTC/);
  });

  it('writes the day the zone is in: late in Sydney is the next day', () => {
    expect(formatDateTime(WINTER, 'en-AU', 'Australia/Sydney')).toBe('Thursday 4 March 2027 at 4:00 am Australian Eastern Daylight Time');
  });

  it('writes UTC, said as "UTC", when no zone is known', () => {
    expect(formatDateTime(WINTER)).toBe('Wednesday, March 3, 2027 at 5:00 PM UTC');
    expect(formatDateTime(WINTER, 'en-US', null)).toBe('Wednesday, March 3, 2027 at 5:00 PM UTC');
    expect(formatDateTime(WINTER, 'en-US', 'UTC')).toBe('Wednesday, March 3, 2027 at 5:00 PM UTC');
  });
});

describe('formatDate: the day of an instant in the zone, the zone named', () => {
  it('is the day in Los Angeles, which can be the day before the UTC one', () => {
    const lateUtc = new Date('2027-03-04T03:00:00Z'); // 7 PM on March 3 in Los Angeles
    expect(formatDate(lateUtc, 'en-US', 'America/Los_Angeles')).toBe('March 3, 2027 (Pacific Standard Time)');
    expect(formatDate(lateUtc)).toBe('March 4, 2027 (UTC)');
    expect(formatDate(SUMMER, 'en-GB', 'America/Los_Angeles')).toBe('3 July 2027 (Pacific Daylight Time)');
  });
});

describe('zoneName', () => {
  it("falls back to the zone's generic name, in the locale's words, where the locale data has only an offset", () => {
    // en-US has no name for Antarctica/Troll in July; the formatter would write "GMT+02:00".
    expect(zoneName(SUMMER, 'en-US', 'Antarctica/Troll')).toBe('Troll Station Time');
    expect(zoneName(SUMMER, 'fr', 'Antarctica/Troll')).toBe('heure : Troll');
    expect(formatDateTime(SUMMER, 'en-US', 'Antarctica/Troll')).not.toMatch(/GMT/);
  });

  it('names the zone in the language', () => {
    expect(zoneName(SUMMER, 'de', 'America/Los_Angeles')).toBe('Nordamerikanische Westküsten-Sommerzeit');
    expect(zoneName(SUMMER, 'ja', 'Asia/Tokyo')).toBe('日本標準時');
  });
});

describe('calendar days: the same day in every zone', () => {
  it('an operator day and a birth date are not shifted, and no zone is named', () => {
    expect(formatDay(new Date('2027-03-01T00:00:00Z'))).toBe('March 1, 2027');
    expect(formatCalendarDate('1990-01-31', 'en-GB')).toBe('31 January 1990');
  });
});

describe('knownTimeZone: what may be stored', () => {
  it('takes a zone the runtime knows, in its canonical spelling', () => {
    expect(knownTimeZone('America/Los_Angeles')).toBe('America/Los_Angeles');
    expect(knownTimeZone('america/los_angeles')).toBe('America/Los_Angeles');
    expect(knownTimeZone('Etc/UTC')).toBe('UTC');
  });

  it('refuses anything else: unknown names, offsets-only zones, other types, long or odd text', () => {
    for (const bad of [
      'Mars/Olympus_Mons',
      'Etc/GMT+8',
      'GMT-8',
      '',
      'x'.repeat(65),
      'America/Los Angeles',
      '../etc',
      42,
      null,
      undefined,
    ]) {
      expect(knownTimeZone(bad), String(bad)).toBeNull();
    }
  });

  it('offers UTC first and only zones it would store, each labelled without an offset', () => {
    const choices = timeZoneChoices();
    expect(choices[0]).toBe('UTC');
    expect(choices).toContain('America/Los_Angeles');
    expect(choices.every((z) => knownTimeZone(z) === z)).toBe(true);
    expect(timeZoneLabel('America/Los_Angeles')).toBe('America/Los Angeles (Pacific Time)');
    expect(choices.map((z) => timeZoneLabel(z)).filter((label) => /GMT[+\-−]/.test(label))).toEqual([]);
  });
});
