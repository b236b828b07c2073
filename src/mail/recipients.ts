// Who a security email goes to. Notices about an account go to every address on file, so that a
// holder whose Apple ID mailbox was taken over still hears of it at the rescue address
// (docs/rules.md#waiting-period).
import { DEFAULT_LOCALE, offeredLocale } from '../i18n/locales.ts';
import type { Zoned } from './templates.ts';

/** Every address on file: the Apple ID and the rescue email, plus any extra (an old rescue email). */
export function addressesOnFile(account: { appleId: string; rescueEmail: string | null }, ...extra: Array<string | null>): string[] {
  return [account.appleId, account.rescueEmail, ...extra].filter((a): a is string => Boolean(a));
}

/**
 * How an email to the holder is written (Zoned): in their zone, and in the language they chose on
 * the account page, else the one their browser asked for at the last password sign-in, else English.
 */
export function emailReader(account: { timeZone: string | null; language: string | null; browserLanguage: string | null }): Zoned {
  return {
    timeZone: account.timeZone,
    language: offeredLocale(account.language) ?? offeredLocale(account.browserLanguage) ?? DEFAULT_LOCALE,
  };
}
