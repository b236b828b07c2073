// The holder's time zone, which emails write times in (src/format.ts). It is what the holder's
// browser reported at the last password sign-in, or what they chose on Password and Security:
// whichever came last. It is not a security setting (an email names the zone it writes, so a time
// is never misread, only written in another zone), so neither is a significant change.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { knownTimeZone, timeZoneLabel } from '../format.ts';
import { parseForm, type FormResult } from '../forms/forms.ts';

export const TIME_ZONE_UNKNOWN = 'Choose a time zone from the list.';

const timeZoneSchema = z.object({
  timeZone: z
    .string({ error: TIME_ZONE_UNKNOWN })
    .transform((s, c) => knownTimeZone(s) ?? (c.addIssue({ code: 'custom', message: TIME_ZONE_UNKNOWN }), z.NEVER)),
});

/**
 * At sign-in: the zone the browser reported in the sign-in form's hidden field. Nothing is stored
 * when it is missing (scripts off: the last known zone stays) or not a zone the formatter knows.
 */
export async function rememberBrowserTimeZone(db: Db, accountId: string, reported: unknown): Promise<void> {
  const zone = knownTimeZone(reported);
  if (zone) {
    // Written only when it changed (a sign-in need not rewrite the row); NULL compares unknown in SQL, hence both.
    await db.account.updateMany({
      where: { id: accountId, OR: [{ timeZone: null }, { timeZone: { not: zone } }] },
      data: { timeZone: zone },
    });
  }
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
  return { ok: true, timeZone, message: `Your emails now give times in ${timeZoneLabel(timeZone)}.` };
}
