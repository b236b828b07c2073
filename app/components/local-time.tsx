'use client';
// An instant shown in the reader's own time zone, named ("Pacific Standard Time", never "GMT-8"),
// written in the page's language (app/i18n/date-locale.ts), and in English the way the account's
// country writes dates: en-GB "25 November 2026", en-US "November 25, 2026", de "25. November
// 2026". The words come from src/format.ts, the formatter emails use too, so a page and an email
// write the same instant alike. The server does not know the browser's zone: it renders UTC (said
// as "UTC"); the browser replaces it once running.
import { useEffect, useState } from 'react';
import { formatDate, formatDateTime, knownTimeZone } from '@/src/format.ts';

function format(iso: string, show: 'date' | 'dateTime', locale: string, timeZone: string | null): string {
  return (show === 'date' ? formatDate : formatDateTime)(new Date(iso), locale, timeZone);
}

/** The zone the browser reports (canonical); null when it reports none or one the formatter cannot name. */
export function browserTimeZone(): string | null {
  return knownTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

export function LocalTime({ iso, show = 'dateTime', locale = 'en-US' }: { iso: string; show?: 'date' | 'dateTime'; locale?: string }) {
  const [text, setText] = useState(() => format(iso, show, locale, null));
  useEffect(() => {
    setText(format(iso, show, locale, browserTimeZone()));
  }, [iso, show, locale]);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
