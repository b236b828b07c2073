// The languages the portal speaks (the rollout countries' languages), and which one a request gets:
// the holder's choice on the account, else the browser's Accept-Language among those offered, else
// English (app/i18n/request.ts puts these together). Negotiation is RFC 9110's, by `negotiator`
// (quality values) and `@formatjs/intl-localematcher` (best fit: "pt" and "pt-PT" find "pt-BR",
// "en-GB" finds "en").
import Negotiator from 'negotiator';
import { match } from '@formatjs/intl-localematcher';

/** The languages offered, each with its own catalogue under messages/<locale>/. English is the source. */
export const LOCALES = ['en', 'fr', 'de', 'es', 'it', 'ja', 'nl', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The pseudo-locale: English with every letter accented and each sentence 40 % longer, made from the
 * English catalogue (./pseudo.ts). Never offered in the language chooser; a test browser asks for it
 * (Accept-Language) to find English left outside the catalogues and text that does not fit.
 */
export const PSEUDO_LOCALE = 'en-XA';
export type AnyLocale = Locale | typeof PSEUDO_LOCALE;

/** Each language's name in itself, for the chooser (a holder who cannot read the current one finds theirs). */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  it: 'Italiano',
  ja: '日本語',
  nl: 'Nederlands',
  'pt-BR': 'Português (Brasil)',
};

/** `input` when it names a language the portal speaks (the pseudo-locale included), else null. */
export function knownLocale(input: unknown): AnyLocale | null {
  if (typeof input !== 'string') return null;
  if (input === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  return (LOCALES as readonly string[]).includes(input) ? (input as Locale) : null;
}

/** A language the holder may choose on the account (the pseudo-locale is not one). */
export function offeredLocale(input: unknown): Locale | null {
  const locale = knownLocale(input);
  return locale === PSEUDO_LOCALE ? null : locale;
}

/** The browser's preferred language among those offered, from its Accept-Language header; English when none fits. */
export function negotiateLocale(acceptLanguage: string | null | undefined): AnyLocale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages();
  if (requested[0] === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  const usable = requested.filter((tag) => tag !== '*' && isWellFormed(tag));
  if (usable.length === 0) return DEFAULT_LOCALE;
  return match(usable, LOCALES, DEFAULT_LOCALE, { algorithm: 'best fit' }) as Locale;
}

function isWellFormed(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
