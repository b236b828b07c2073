// Who signed in, as an app sees it: the `sub` claim. Pairwise (OIDC Core 8.1): each app gets its own
// identifier for a person, stable for ever, so two apps cannot match their users up by it, and it
// says nothing of the Apple ID or the account's row. sub = base64url(HMAC-SHA-256(salt, client id
// ‖ account id)): per app (its client id, not only its host, so two apps on one host differ too).
//
// The salt is made once, at random, by the first instance, and kept sealed in OidcSetting: every
// instance and every restart must compute the same sub, so it is never a setting an operator could
// change by accident.
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { open, seal } from '../secret-box.ts';

const SALT = 'pairwise-salt';

/** The salt, made on first use (of instances starting at once, the first write wins and all read it). */
export async function pairwiseSalt(db: Db, encryptionKey: Buffer, now: Date): Promise<Buffer> {
  const made = seal(encryptionKey, randomBytes(32).toString('base64url'), SALT);
  await db.$executeRaw`INSERT INTO "OidcSetting" ("name", "sealedValue", "createdAt") VALUES (${SALT}, ${made}, ${now}) ON CONFLICT ("name") DO NOTHING`;
  const row = await db.oidcSetting.findUniqueOrThrow({ where: { name: SALT } });
  const value = open(encryptionKey, row.sealedValue, SALT);
  if (value === null)
    throw new Error(
      'The salt of the apps\u2019 subject identifiers does not open with OIDC_KEY_ENCRYPTION_KEY: the key changed. Restore it (every instance needs the same one).',
    );
  return Buffer.from(value, 'base64url');
}

export function pairwiseSubject(salt: Buffer, clientId: string, accountId: string): string {
  return createHmac('sha256', salt).update(`${clientId}\u0000${accountId}`).digest('base64url');
}
