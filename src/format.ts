// Dates as people read them, in pages and emails. Instants are shown in UTC, labelled, unless a
// time zone is given (pages show the browser's own through app/components/local-time.tsx).
// Calendar dates (birth dates) are kept as YYYY-MM-DD and shown without a time zone shift.
export function formatDate(d: Date, locale = 'en-US', timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(d);
}

/** Date and time with the zone named (dateStyle cannot be combined with timeZoneName). */
export const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

export function formatDateTime(d: Date, locale = 'en-US', timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, { ...DATE_TIME, timeZone }).format(d);
}

export function formatCalendarDate(isoDate: string, locale = 'en-US'): string {
  return formatDate(new Date(`${isoDate}T00:00:00Z`), locale);
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
