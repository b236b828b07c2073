// next-intl's request configuration (next.config.js names this file): the language of this request
// (./locale.ts) and its catalogue (src/i18n/catalogue.ts). No locale in the URL: a page's address
// is the same in every language.
import { getRequestConfig } from 'next-intl/server';
import { requestLocale } from './locale.ts';
import { messagesFor } from '@/src/i18n/catalogue.ts';
import { formattingLocale } from '@/src/i18n/translate.ts';

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale: formattingLocale(locale), messages: messagesFor(locale) };
});
