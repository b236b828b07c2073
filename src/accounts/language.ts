// The holder's language (src/i18n/locales.ts): pages and emails are written in it. Chosen on
// Password and Security; "the browser's language" clears it, and pages then follow Accept-Language.
// Not a security setting, so not a significant change.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { parseForm, type FormResult } from '../forms/forms.ts';
import { offeredLocale, type Locale } from '../i18n/locales.ts';

/** The chooser's value for "no choice: follow the browser". */
export const BROWSER_LANGUAGE = 'browser';

export const LANGUAGE_UNKNOWN = 'Choose a language from the list.';

const languageSchema = z.object({
  language: z
    .string({ error: LANGUAGE_UNKNOWN })
    .transform((s, c) =>
      s === BROWSER_LANGUAGE ? null : (offeredLocale(s) ?? (c.addIssue({ code: 'custom', message: LANGUAGE_UNKNOWN }), z.NEVER)),
    ),
});

/** Password and Security: the language the holder chose, or null for the browser's. Anything else is refused, nothing stored. */
export async function chooseLanguage(
  db: Db,
  accountId: string,
  input: unknown,
): Promise<FormResult<{ language: Locale | null }, 'INVALID_FIELDS'>> {
  const parsed = parseForm(languageSchema, input, {});
  if (!parsed.ok) return parsed;
  const { language } = parsed.data;
  await db.account.update({ where: { id: accountId }, data: { language } });
  return { ok: true, language };
}
