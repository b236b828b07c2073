// Dates as people read them, in pages and emails. Instants are shown in UTC, labelled, unless a
// time zone is given (pages show the browser's own through app/components/local-time.tsx).
// Calendar dates (birth dates) are kept as YYYY-MM-DD and shown without a time zone shift.
export function formatDate(d: Date, locale = 'en-US', timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(d);
}

export function formatDateTime(d: Date, locale = 'en-US', timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone, timeZoneName: 'short' }).format(d);
}

export function formatCalendarDate(isoDate: string, locale = 'en-US'): string {
  return formatDate(new Date(`${isoDate}T00:00:00Z`), locale);
}
