// The kinds' words of this request's page (./wording.ts): the `kinds` catalogue of the page's
// language and the locale its lists are joined in.
import { getTranslations } from 'next-intl/server';
import { requestLocale } from '../i18n/locale.ts';
import { formattingLocale } from '@/src/i18n/translate.ts';
import type { KindWords } from './wording.ts';

export async function kindWords(): Promise<KindWords> {
  return { t: await getTranslations('kinds'), locale: formattingLocale(await requestLocale()) };
}
