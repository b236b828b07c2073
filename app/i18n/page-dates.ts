// The locale a page writes dates in: the page's language, and in English the account's country's
// way (en-GB "25 November 2026", en-US "November 25, 2026"), as English pages did before there
// were other languages.
import { requestLocale } from './locale.ts';
import { accountLocale } from '@/src/format.ts';
import { formattingLocale } from '@/src/i18n/translate.ts';

export async function pageDateLocale(countryCode: string): Promise<string> {
  const locale = await requestLocale();
  return locale === 'en' ? accountLocale(countryCode) : formattingLocale(locale);
}
