// Rows of the newer kinds of trusted device (an authenticator app, a passkey) made directly in the
// database, as their own flows leave them: for the tests of what lists, names, tells and counts
// them (pages, emails, events, the support console, the SMS-number rules).
import type { Db } from '../../src/db/client.ts';

/** The secret and credential values a test can look for, to prove they never leave the database. */
export const KIND_SECRETS = {
  totpSecret: 'v1.sealed-totp-secret-e2VyeS1zZWNyZXQ',
  credentialId: 'cred-id-Zm9vYmFyYmF6cXV4',
  publicKey: 'pQECAyYgASFYIPublicKeyBytesXyZ123',
  signCount: 40417,
  totpLastStep: 59_876_543,
};

type Dates = { createdAt: Date; verifiedAt?: Date | null; lastUsedAt?: Date | null };

export async function appDevice(db: Db, accountId: string, name: string | null, d: Dates): Promise<string> {
  const row = await db.trustedDevice.create({
    data: {
      accountId,
      kind: 'totp',
      name,
      totpSecret: KIND_SECRETS.totpSecret,
      totpLastStep: KIND_SECRETS.totpLastStep,
      verifiedAt: null,
      ...d,
    },
  });
  return row.id;
}

export async function passkeyDevice(
  db: Db,
  accountId: string,
  name: string | null,
  d: Dates,
  credentialId = KIND_SECRETS.credentialId,
): Promise<string> {
  const row = await db.trustedDevice.create({
    data: {
      accountId,
      kind: 'passkey',
      name,
      credentialId,
      publicKey: KIND_SECRETS.publicKey,
      signCount: KIND_SECRETS.signCount,
      transports: '["usb","nfc"]',
      verifiedAt: d.createdAt,
      ...d,
    },
  });
  return row.id;
}
