// One translator for pages and emails alike: a sentence of the catalogue (catalogue.ts) in a
// language, its arguments formatted for that language and the reader's time zone. Dates go through
// src/format.ts (the zone named, as every page and email writes an instant) and durations through
// durations.ts, then into the ICU sentence as text; counts stay numbers, for ICU plurals.
import { createTranslator } from 'use-intl/core';
import { formatDate, formatDateTime, formatDay, type TimeZone } from '../format.ts';
import { messagesFor } from './catalogue.ts';
import { durationIn, waitIn } from './durations.ts';
import { PSEUDO_LOCALE, type AnyLocale } from './locales.ts';

/** An argument of a sentence: text and counts as they are; instants, days and durations formatted for the reader. */
export type Fact = string | number | { dateTime: Date } | { date: Date } | { day: Date } | { duration: number } | { wait: number };

export type Facts = Record<string, Fact>;

/** Who reads: their language and time zone (null: none known, and times are written in UTC, named). */
export interface Reader {
  locale: AnyLocale;
  timeZone: TimeZone;
}

/** The locale dates and numbers are formatted in: the pseudo-locale reads as US English. */
export function formattingLocale(locale: AnyLocale): string {
  return locale === PSEUDO_LOCALE ? 'en-US' : locale === 'en' ? 'en-US' : locale;
}

/** One argument as the reader reads it. */
export function factText(fact: Fact, reader: Reader): string | number {
  const locale = formattingLocale(reader.locale);
  if (typeof fact === 'string' || typeof fact === 'number') return fact;
  if ('dateTime' in fact) return formatDateTime(fact.dateTime, locale, reader.timeZone);
  if ('date' in fact) return formatDate(fact.date, locale, reader.timeZone);
  if ('day' in fact) return formatDay(fact.day, locale);
  if ('duration' in fact) return durationIn(locale, fact.duration);
  return waitIn(locale, fact.wait);
}

export type Translate = (key: string, facts?: Facts) => string;

/** The sentences of `reader`'s language: `t('namespace.key', facts)`. */
export function translator(reader: Reader): Translate {
  const t = createTranslator({ locale: formattingLocale(reader.locale), messages: messagesFor(reader.locale) });
  return (key, facts = {}) => {
    const values = Object.fromEntries(Object.entries(facts).map(([k, f]) => [k, factText(f, reader)]));
    return (t as unknown as (key: string, values: Record<string, string | number>) => string)(key, values);
  };
}
