// The locale a page writes dates in: the page's language, and in English the way the account's
// country writes dates (en-GB "25 November 2026", en-US "November 25, 2026"), as pages did before
// they spoke other languages. Emails write English dates the US way (src/i18n/translate.ts).
import { requestLocale } from './locale.ts';
import { accountLocale } from '@/src/format.ts';
import { formattingLocale } from '@/src/i18n/translate.ts';

export async function dateLocale(countryCode?: string | null): Promise<string> {
  const locale = await requestLocale();
  return locale === 'en' && countryCode ? accountLocale(countryCode) : formattingLocale(locale);
}
