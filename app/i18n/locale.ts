// Which language this request's page is written in: the signed-in holder's choice on the account,
// else the language chosen on a signed-out page (the LANGUAGE_COOKIE, set by proxy.ts from the
// footer's links), else the browser's Accept-Language among those offered, else English.
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { currentAccount } from '../lib/session.ts';
import { knownLocale, negotiateLocale, type AnyLocale } from '@/src/i18n/locales.ts';
import { LANGUAGE_COOKIE } from '@/src/i18n/language-cookie.ts';

export const requestLocale = cache(async (): Promise<AnyLocale> => {
  const current = await currentAccount({ allowRecovery: true });
  const chosen = knownLocale(current?.account.language);
  if (chosen) return chosen;
  const cookie = knownLocale((await cookies()).get(LANGUAGE_COOKIE.name)?.value);
  if (cookie) return cookie;
  return negotiateLocale((await headers()).get('accept-language'));
});
