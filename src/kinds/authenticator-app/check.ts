// Checking a code an authenticator app made (RFC 6238). Nothing was sent and nothing is stored per
// code: the app's secret (sealed in TrustedDevice, ./secret-box.ts) says which time step a code
// belongs to, and a code is accepted at most once per step. What a right or wrong code then does to
// the account is the same as for a code we send (src/codes/outcomes.ts, by way of src/codes/codes.ts).
import { checkSealedTotp } from './sealed-totp.ts';
import { logger } from '../../observability/log.ts';
import { rawTextOrNull } from '../../db/raw.ts';
import type { OwnCodeCheck, OwnCodeVerdict } from '../kind.ts';

/** What the secret is sealed to: its account and its device row, so a copied value opens nowhere else. */
export const totpSecretBinding = (accountId: string, trustedDeviceId: string) => `${accountId}:${trustedDeviceId}`;

/**
 * Checks an app's code at `now`. Right: the step is claimed by one conditional UPDATE (of
 * concurrent requests with one code exactly one wins, and a code of a step at or before the last
 * accepted one is refused as used).
 */
export async function checkAppCode(c: OwnCodeCheck): Promise<OwnCodeVerdict> {
  // The app's sealed secret and last accepted step: raw SQL (src/db/raw.ts), on every check of its codes.
  const rows = await c.db.$queryRaw<Record<string, unknown>[]>`
    SELECT "totpSecret", "totpLastStep" FROM "TrustedDevice" WHERE "id" = ${c.trustedDeviceId} AND "accountId" = ${c.accountId}`;
  const row = rows[0];
  const lastStep = row?.totpLastStep === null || row?.totpLastStep === undefined ? null : Number(row.totpLastStep);
  const checked = checkSealedTotp(
    c.deps.totpKey,
    { sealed: rawTextOrNull(row?.totpSecret), boundTo: totpSecretBinding(c.accountId, c.trustedDeviceId), lastStep },
    c.code,
    c.now,
  );
  if (!checked.ok && checked.reason === 'unreadable') {
    // A changed TOTP_ENCRYPTION_KEY or an altered row: the operator's problem, not a wrong code.
    logger().error(
      { event: 'totp-secret-unreadable', trustedDeviceId: c.trustedDeviceId },
      'codes: an authenticator app secret does not open with TOTP_ENCRYPTION_KEY',
    );
    return { ok: false, reason: 'unreadable' };
  }
  if (!checked.ok) return { ok: false, reason: checked.reason };
  const claimed = await c.db.$executeRaw`
    UPDATE "TrustedDevice" SET "totpLastStep" = ${checked.step}
    WHERE "id" = ${c.trustedDeviceId} AND "accountId" = ${c.accountId} AND ("totpLastStep" IS NULL OR "totpLastStep" < ${checked.step})`;
  // Another request took this step (or a later one) first.
  return claimed === 1 ? { ok: true } : { ok: false, reason: 'used' };
}
