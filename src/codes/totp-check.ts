// Checking a code an authenticator app made (RFC 6238), the TOTP branch of verifyCode (codes.ts).
// Nothing was sent and nothing is stored per code: the app's secret (sealed in TrustedDevice,
// src/authenticators/secret-box.ts) says which time step a code belongs to, and a code is accepted
// at most once per step. The account's limits are the sent codes' ones (./outcomes.ts): a wrong
// app code counts in the same wrong codes in a row, and the pause stops both.
import type { Db } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { checkSealedTotp } from '../authenticators/sealed-totp.ts';
import { KIND_METHODS } from '../authenticators/kinds.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { logger } from '../observability/log.ts';
import { failure, type Result } from '../result.ts';
import { CODES_ERRORS, type CodesError } from './errors.ts';
import { codeAccepted, wrongCodeCounted, type OnVerified } from './outcomes.ts';

export interface TotpCheckDeps {
  db: Db;
  clock: Clock;
  /** TOTP_ENCRYPTION_KEY: opens the app's sealed secret. */
  totpKey: Buffer;
}

export interface TotpDevice {
  /** The sealed secret (never the secret itself). */
  totpSecret: string | null;
  /** The last time step whose code was accepted. */
  totpLastStep: number | null;
}

interface TotpAttempt {
  accountId: string;
  trustedDeviceId: string;
  purpose: string;
  /** Exactly TOTP_DIGITS digits (verifyCode refused anything else without counting it). */
  code: string;
}

/** What the secret is sealed to: its account and its device row, so a copied value opens nowhere else. */
export const totpSecretBinding = (accountId: string, trustedDeviceId: string) => `${accountId}:${trustedDeviceId}`;

/**
 * Checks an app's code at the clock's time. Right: the step is claimed by one conditional UPDATE
 * (of concurrent requests with one code exactly one wins, and a code of a step at or before the
 * last accepted one is refused), then `onVerified` runs with the account's bookkeeping in one
 * transaction. Wrong: one wrong code for the account.
 */
export async function checkTotpCode<T>(deps: TotpCheckDeps, a: TotpAttempt, device: TotpDevice, ctx: RequestContext, onVerified?: OnVerified<T>): Promise<Result<{ then?: T }, CodesError>> {
  const now = deps.clock.now();
  const checked = checkSealedTotp(deps.totpKey, { sealed: device.totpSecret, boundTo: totpSecretBinding(a.accountId, a.trustedDeviceId), lastStep: device.totpLastStep }, a.code, now);
  if (!checked.ok && checked.reason === 'unreadable') {
    // A changed TOTP_ENCRYPTION_KEY or an altered row: the operator's problem, not a wrong code.
    logger().error({ event: 'totp-secret-unreadable', trustedDeviceId: a.trustedDeviceId }, 'codes: an authenticator app secret does not open with TOTP_ENCRYPTION_KEY');
    return failure(CODES_ERRORS, 'TOTP_UNREADABLE');
  }
  if (!checked.ok) return checked.reason === 'wrong' ? wrongAppCode(deps, a, now, ctx) : replayed(deps.db, a, now, ctx);
  const { step } = checked;

  const claimed = await deps.db.$executeRaw`
    UPDATE "TrustedDevice" SET "totpLastStep" = ${step}
    WHERE "id" = ${a.trustedDeviceId} AND "accountId" = ${a.accountId} AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
  if (claimed !== 1) return replayed(deps.db, a, now, ctx); // another request took this step (or a later one) first
  const then = await deps.db.$transaction(async (tx) => {
    await codeAccepted(tx, a, now, ctx);
    return onVerified ? await onVerified(tx, { trustedDeviceId: a.trustedDeviceId, method: KIND_METHODS.totp }) : undefined;
  });
  return { ok: true, then };
}

/** A code of a step already used: recorded as a reuse, not counted as a wrong code (it was right once). */
async function replayed(db: Db, a: TotpAttempt, now: Date, ctx: RequestContext): Promise<Result<never, CodesError>> {
  await recordSecurityEvent(db, { accountId: a.accountId, kind: 'code-reused', at: now, details: { purpose: a.purpose, trustedDeviceId: a.trustedDeviceId } }, ctx);
  return failure(CODES_ERRORS, 'TOTP_USED');
}

async function wrongAppCode(deps: TotpCheckDeps, a: TotpAttempt, now: Date, ctx: RequestContext): Promise<Result<never, CodesError>> {
  const run = await deps.db.$transaction((tx) => wrongCodeCounted(tx, deps.clock, { accountId: a.accountId, trustedDeviceId: a.trustedDeviceId, purpose: a.purpose }, now, ctx));
  if (run.pausedUntil) return failure(CODES_ERRORS, 'CODES_PAUSED', run.pausedUntil, now);
  return failure(CODES_ERRORS, 'TOTP_WRONG');
}
