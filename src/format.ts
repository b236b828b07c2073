// Dates as people read them, in pages and emails: ONE formatter for both, so an email and a page
// write the same instant the same way. An instant is written in a time zone and NAMES it ("Pacific
// Standard Time"), never as an offset ("GMT-8"), which few people can read: emails in the zone
// stored on the account (src/accounts/time-zone.ts), pages in the browser's own
// (app/components/local-time.tsx). When no zone is known (null) it is UTC, said as "UTC".
// Calendar dates (birth dates, an operator's day) are the same day everywhere: no zone, no shift.

/** An IANA time zone name ("America/Los_Angeles"), or null when none is known. */
export type TimeZone = string | null;

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
/** Date and time; the zone's name is added by zoneName (dateStyle cannot be combined with timeZoneName). */
const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: 'long', ...DATE, hour: 'numeric', minute: '2-digit' };

// Formatters made once per locale, zone and style (an activity page writes 20 times).
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS_KEPT = 256; // locales come from accounts' countries, zones from a fixed list: bounded all the same

function formatter(locale: string, timeZone: string, style: 'date' | 'dateTime' | 'zone' | 'genericZone'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const options =
      style === 'date'
        ? DATE
        : style === 'dateTime'
          ? DATE_TIME
          : { ...DATE, timeZoneName: style === 'zone' ? ('long' as const) : ('longGeneric' as const) };
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    if (formatters.size < MAX_FORMATTERS_KEPT) formatters.set(key, f);
  }
  return f;
}

/**
 * The zone's name at that instant, as a person says it in `locale`: "Pacific Standard Time" (or
 * "... Daylight Time" in summer), "heure normale du Pacifique nord-américain". Where the locale data
 * has no name but an offset ("GMT+02:00"), its generic name, which names the place in the locale's
 * words ("Troll Station Time", "heure : Troll"); only where even that is an offset, the zone's city.
 * No zone known: "UTC".
 */
export function zoneName(d: Date, locale = 'en-US', timeZone: TimeZone = null): string {
  if (!timeZone || timeZone === 'UTC') return 'UTC';
  const named = (style: 'zone' | 'genericZone') =>
    formatter(locale, timeZone, style)
      .formatToParts(d)
      .find((p) => p.type === 'timeZoneName')?.value;
  const isOffset = (name: string | undefined) => !name || /^(GMT|UTC)([+\-−]|$)/.test(name);
  const name = named('zone');
  if (!isOffset(name)) return name!;
  const generic = named('genericZone');
  if (!isOffset(generic)) return generic!;
  const city = timeZone.includes('/') && !timeZone.startsWith('Etc/') ? timeZone.split('/').at(-1)!.replace(/_/g, ' ') : null;
  return city ?? name ?? timeZone;
}

/** An instant's day in the zone, the zone named: "March 3, 2027 (Pacific Standard Time)". */
export function formatDate(d: Date, locale = 'en-US', timeZone: TimeZone = null): string {
  return `${formatter(locale, timeZone ?? 'UTC', 'date').format(d)} (${zoneName(d, locale, timeZone)})`;
}

/** An instant in the zone, the zone named: "Wednesday, March 3, 2027 at 9:00 AM Pacific Standard Time". */
export function formatDateTime(d: Date, locale = 'en-US', timeZone: TimeZone = null): string {
  return `${formatter(locale, timeZone ?? 'UTC', 'dateTime').format(d)} ${zoneName(d, locale, timeZone)}`;
}

/** A calendar day kept as 00:00 UTC (an operator's date): the same day in every zone, no zone named. */
export function formatDay(day: Date, locale = 'en-US'): string {
  return formatter(locale, 'UTC', 'date').format(day);
}

/** A calendar date kept as YYYY-MM-DD (a birth date). */
export function formatCalendarDate(isoDate: string, locale = 'en-US'): string {
  return formatDay(new Date(`${isoDate}T00:00:00Z`), locale);
}

/**
 * The canonical name of a time zone the runtime knows ("america/los_angeles" → "America/Los_Angeles",
 * "Etc/UTC" → "UTC"), or null for anything else: a zone is stored only once it is known to format.
 * The Etc/GMT±N zones are refused too: they have no name but an offset, which is what pages and
 * emails never write.
 */
export function knownTimeZone(input: unknown): string | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(input)) return null;
  try {
    const zone = new Intl.DateTimeFormat('en-US', { timeZone: input }).resolvedOptions().timeZone;
    return zone.startsWith('Etc/') ? null : zone;
  } catch {
    return null;
  }
}

/**
 * A zone as a list of choices names it, without a date: its place and its generic name,
 * "America/Los Angeles (Pacific Time)"; the place alone where the locale data has only an offset.
 */
export function timeZoneLabel(timeZone: string, locale = 'en-US'): string {
  const place = timeZone.replace(/_/g, ' ');
  if (timeZone === 'UTC') return 'UTC';
  const generic = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(0)
    .find((p) => p.type === 'timeZoneName')?.value;
  return generic && !/^(GMT|UTC)([+\-−]|$)/.test(generic) ? `${place} (${generic})` : place;
}

/** The zones a holder can choose from: the runtime's list, UTC first (the list may leave it out). */
export function timeZoneChoices(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC' && knownTimeZone(z) === z)];
}

/** The account's locale for dates: English (the portal's language) as the account's country writes it. */
export function accountLocale(countryCode: string): string {
  try {
    return Intl.getCanonicalLocales(`en-${countryCode}`)[0];
  } catch {
    return 'en-US';
  }
}

/** A code's length before its noun, with its article: "a 4-digit", "an 8-digit" (CODE_DIGITS is 4 to 8). */
export function aDigits(digits: number): string {
  return `${/^(8|11|18)\b/.test(String(digits)) ? 'an' : 'a'} ${digits}-digit`;
}
