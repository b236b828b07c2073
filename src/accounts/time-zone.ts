// The holder's time zone, which emails write times in (src/format.ts): what the holder's browser
// reported at the last password sign-in, or what they chose on Password and Security, whichever
// came last. The browser's language is kept at the same sign-in, for emails when the holder chose
// none (src/accounts/language.ts). Neither is a security setting (an email names the zone it
// writes, so a time is never misread, only written in another zone): no significant change.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { knownTimeZone, timeZoneLabel } from '../format.ts';
import { parseForm, type FormResult } from '../forms/forms.ts';
import { offeredLocale } from '../i18n/locales.ts';
import { noticeText } from '../i18n/said.ts';

export const TIME_ZONE_UNKNOWN = 'Choose a time zone from the list.';

const timeZoneSchema = z.object({
  timeZone: z
    .string({ error: TIME_ZONE_UNKNOWN })
    .transform((s, c) => knownTimeZone(s) ?? (c.addIssue({ code: 'custom', message: TIME_ZONE_UNKNOWN }), z.NEVER)),
});

/**
 * At a password sign-in: what the browser reported, its zone (the sign-in form's hidden field) and
 * its language (Accept-Language, negotiated), kept for the emails that follow. Nothing is stored of
 * what is missing (scripts off: the last known zone stays) or unknown. One write, and only when
 * something changed: a sign-in need not rewrite the row.
 */
export async function rememberBrowserSettings(
  db: Db,
  accountId: string,
  reported: { timeZone: unknown; language: unknown },
): Promise<void> {
  const timeZone = knownTimeZone(reported.timeZone);
  const language = offeredLocale(reported.language);
  // NULL compares unknown in SQL, hence both conditions for each column.
  const changed = [
    ...(timeZone ? [{ timeZone: null }, { timeZone: { not: timeZone } }] : []),
    ...(language ? [{ browserLanguage: null }, { browserLanguage: { not: language } }] : []),
  ];
  if (changed.length === 0) return;
  await db.account.updateMany({
    where: { id: accountId, OR: changed },
    data: { ...(timeZone ? { timeZone } : {}), ...(language ? { browserLanguage: language } : {}) },
  });
}

/** Password and Security: the zone the holder chose. An unknown zone is refused and nothing is stored. */
export async function chooseTimeZone(
  db: Db,
  accountId: string,
  input: unknown,
): Promise<FormResult<{ message: string; timeZone: string }, 'INVALID_FIELDS'>> {
  const parsed = parseForm(timeZoneSchema, input, {});
  if (!parsed.ok) return parsed;
  const { timeZone } = parsed.data;
  await db.account.update({ where: { id: accountId }, data: { timeZone } });
  return { ok: true, timeZone, message: noticeText('timeZoneSaved', { zone: timeZoneLabel(timeZone) }) };
}
