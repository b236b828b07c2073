// Which language an email to the holder is written in: the one they chose on the account page,
// else the one their browser asked for at the last password sign-in, else English.
import { DEFAULT_LOCALE, offeredLocale, type Locale } from '../i18n/locales.ts';

export function emailLanguage(account: { language: string | null; browserLanguage: string | null }): Locale {
  return offeredLocale(account.language) ?? offeredLocale(account.browserLanguage) ?? DEFAULT_LOCALE;
}
