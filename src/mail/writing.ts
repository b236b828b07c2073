// How an email is written in its reader's language: the sentences of a catalogue namespace
// (messages/<locale>/emails.json for templates.ts), their dates in the reader's zone, named, and
// the lines every email shares (the greeting, the warning under a change, the sign-off). Every
// template module writes through here, so each language greets and signs one way.
import type { TimeZone } from '../format.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import { translator, type Facts } from '../i18n/translate.ts';

/**
 * Who reads an email: every template that writes a date or time takes the account's zone, and the
 * time is written in it, named (src/format.ts; null, none known: UTC, said as "UTC"); every email
 * is written in the account's language (emailReader, recipients.ts).
 */
export interface Zoned {
  timeZone: TimeZone;
  language: Locale;
}

/** The namespace of the sentences every email shares (and of templates.ts's own). */
export const EMAILS_NAMESPACE = 'emails';

/** The product's name under every email: a name, the same in every language. */
export const SIGN_OFF = 'Two-Step';

/** One line of user-supplied text: control characters and line breaks become spaces. */
export function oneLine(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface EmailWriter {
  language: Locale;
  /** A sentence of the writer's namespace: `t('welcome.subject', { appleId })`. */
  t: (key: string, facts?: Facts) => string;
  /** "Dear Jane," (the name on one line), or the greeting for no name. */
  greeting: (name: string) => string;
  /** Under an email about a change: who to tell if the holder did not make it. */
  notYou: () => string;
}

/** The writer of an email to `reader`, from the sentences of `namespace`. */
export function emailWriter(reader: Zoned, namespace: string = EMAILS_NAMESPACE): EmailWriter {
  const translate = translator({ locale: reader.language, timeZone: reader.timeZone });
  const shared = (key: string, facts?: Facts) => translate(`${EMAILS_NAMESPACE}.${key}`, facts);
  return {
    language: reader.language,
    t: (key, facts) => translate(`${namespace}.${key}`, facts),
    greeting: (name) => (oneLine(name) ? shared('greeting', { name: oneLine(name) }) : shared('greetingNoName')),
    notYou: () => shared('notYou'),
  };
}

/** The footer's first line, in `language` (compose.ts puts the contact page under it). */
export function supportFooterLine(language: Locale = DEFAULT_LOCALE): string {
  return translator({ locale: language, timeZone: null })(`${EMAILS_NAMESPACE}.footer`);
}

/** An app's address without the slashes at its end, for links built on it. */
export function baseUrl(appUrl: string): string {
  return oneLine(appUrl).replace(/\/+$/, '');
}
