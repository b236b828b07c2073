// Says sentences of src/eligibility/explain.ts on a page, in the page's language: instants in the
// reader's own time zone (LocalTime), operator calendar days as that day everywhere, links as
// links. Each is a tag of the catalogue's sentence, so a translation puts it where its grammar wants.
import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { sentenceGap, type Said, type When } from '@/src/eligibility/explain.ts';
import { formatDay } from '@/src/format.ts';
import { factText } from '@/src/i18n/translate.ts';
import { requestLocale } from '../i18n/locale.ts';
import { dateLocale } from '../i18n/date-locale.ts';
import { LocalTime } from './local-time.tsx';

function moment(w: When, locale: string): ReactNode {
  if ('day' in w) return <time dateTime={w.day.toISOString().slice(0, 10)}>{formatDay(w.day, locale)}</time>;
  return <LocalTime iso={w.at.toISOString()} show={w.show} locale={locale} />;
}

/** One sentence, or several said one after another. `locale`: how dates are written (dateLocale), the page's language by default. */
export async function Explained({ said, locale }: { said: Said | readonly Said[]; locale?: string }) {
  const t = await getTranslations();
  const reader = { locale: await requestLocale(), timeZone: null };
  const dates = locale ?? (await dateLocale());
  const sentences = Array.isArray(said) ? (said as readonly Said[]) : [said as Said];
  return (
    <>
      {sentences.map((s, i) => {
        const values: Record<string, string | number | ((chunks: ReactNode) => ReactNode)> = {};
        for (const [name, fact] of Object.entries(s.facts)) values[name] = factText(fact, reader);
        for (const [tag, when] of Object.entries(s.times ?? {})) values[tag] = () => moment(when, dates);
        for (const [tag, href] of Object.entries(s.links ?? {})) values[tag] = (chunks) => <Link href={href}>{chunks}</Link>;
        return (
          <Fragment key={i}>
            {i > 0 ? sentenceGap(reader.locale) : null}
            {t.rich(s.key, values)}
          </Fragment>
        );
      })}
    </>
  );
}
