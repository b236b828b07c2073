// Renders the parts of a sentence from src/eligibility/explain.ts on a page: instants in the
// reader's own time zone (LocalTime), operator calendar days as that day everywhere, links as links.
import Link from 'next/link';
import type { Part } from '@/src/eligibility/explain.ts';
import { formatDay } from '@/src/format.ts';
import { LocalTime } from './local-time.tsx';

export function Explained({ parts, locale }: { parts: readonly Part[]; locale?: string }) {
  return (
    <>
      {parts.map((p, i) => {
        if (typeof p === 'string') return p;
        if ('link' in p) {
          return (
            <Link key={i} href={p.link}>
              {p.text}
            </Link>
          );
        }
        if ('day' in p) {
          return (
            <time key={i} dateTime={p.day.toISOString().slice(0, 10)}>
              {formatDay(p.day, locale)}
            </time>
          );
        }
        return <LocalTime key={i} iso={p.at.toISOString()} show={p.show} locale={locale} />;
      })}
    </>
  );
}
