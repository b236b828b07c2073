// Dates as people read them. Calendar dates (birth dates) are kept as YYYY-MM-DD and shown
// without a time zone shift.
export function formatDate(d: Date, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

export function formatCalendarDate(isoDate: string, locale = 'en-US'): string {
  return formatDate(new Date(`${isoDate}T00:00:00Z`), locale);
}
