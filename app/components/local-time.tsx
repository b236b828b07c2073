'use client';
// An instant shown in the reader's own time zone, written the way the account's country writes
// dates in English (the page's language): en-GB "25 November 2026", en-US "November 25, 2026".
// The server renders UTC (labelled); the browser replaces it with local time once running.
import { useEffect, useState } from 'react';
import { DATE_TIME } from '@/src/format.ts';

const OPTIONS: Record<'date' | 'dateTime', Intl.DateTimeFormatOptions> = { date: { dateStyle: 'long' }, dateTime: DATE_TIME };

// The server's UTC formatters, made once per locale and style (an activity page shows 20 times).
const utcFormatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS_KEPT = 64; // locales come from accounts' countries: bounded all the same

function utcFormatter(locale: string, show: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${locale}|${show}`;
  let f = utcFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...OPTIONS[show], timeZone: 'UTC' });
    if (utcFormatters.size < MAX_FORMATTERS_KEPT) utcFormatters.set(key, f);
  }
  return f;
}

export function LocalTime({ iso, show = 'dateTime', locale = 'en-US' }: { iso: string; show?: 'date' | 'dateTime'; locale?: string }) {
  const utc = utcFormatter(locale, show).format(new Date(iso));
  const [text, setText] = useState(utc);
  useEffect(() => {
    setText(new Intl.DateTimeFormat(locale, OPTIONS[show]).format(new Date(iso)));
  }, [iso, show, locale]);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
