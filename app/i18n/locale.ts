// Which language this request's page is written in: the signed-in holder's choice on the account,
// else the language chosen on a signed-out page (the LANGUAGE_COOKIE, set by proxy.ts from the
// footer's links), else the browser's Accept-Language among those offered, else English.
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { currentAccount } from '../lib/session.ts';
import { knownLocale, negotiateLocale, type AnyLocale } from '@/src/i18n/locales.ts';
import { LANGUAGE_COOKIE } from '@/src/i18n/language-cookie.ts';

/** The browser's language: the one chosen from a signed-out page's footer, else its Accept-Language's. */
export async function browserLocale(): Promise<AnyLocale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return knownLocale(cookieStore.get(LANGUAGE_COOKIE.name)?.value) ?? negotiateLocale(headerList.get('accept-language'));
}

export const requestLocale = cache(async (): Promise<AnyLocale> => {
  // The request first: a page Next.js tries to render at build (not-found) stops here as dynamic,
  // before the account's lookup asks for the server's secrets.
  const browser = await browserLocale();
  const current = await currentAccount({ allowRecovery: true });
  return knownLocale(current?.account.language) ?? browser;
});
