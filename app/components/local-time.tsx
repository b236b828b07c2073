'use client';
// An instant shown in the reader's own time zone, written the way the account's country writes
// dates in English (the page's language): en-GB "25 November 2026", en-US "November 25, 2026".
// The server renders UTC (labelled); the browser replaces it with local time once running.
import { useEffect, useState } from 'react';
import { DATE_TIME } from '@/src/format.ts';

const OPTIONS: Record<'date' | 'dateTime', Intl.DateTimeFormatOptions> = { date: { dateStyle: 'long' }, dateTime: DATE_TIME };

export function LocalTime({ iso, show = 'dateTime', locale = 'en-US' }: { iso: string; show?: 'date' | 'dateTime'; locale?: string }) {
  const utc = new Intl.DateTimeFormat(locale, { ...OPTIONS[show], timeZone: 'UTC' }).format(new Date(iso));
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
