// Forgot password with two-step ON (Apple's FAQ, docs/rules.md#forgot-password: "you'll need your
// Recovery Key and one of your trusted devices"): the Recovery Key, then a code from a trusted
// device, then a new password. Support cannot do it and there is no other way: no email link, no
// security questions (deleted when two-step was turned on), no birth date.
//
// The reset in progress is a PasswordReset row of method 'recovery-key' keyed by the SHA-256 of a
// random token; the token lives in the reset cookie (app/lib/reset-cookie.ts), never in a URL.
// It lasts 30 minutes and the code step must be passed before the password can be chosen.
//
// The first step never says whether the Apple ID exists or has two-step on: a wrong key, an unknown
// Apple ID and an account without two-step get the same sentence after the same bcrypt work. Wrong
// keys count toward the account's Recovery Key limit shared with sign-in (5 per hour, logged), and
// also per Apple ID and per client address, so unknown Apple IDs are limited too.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { HOUR, MINUTE } from '../clock.ts';
import { newToken, tokenId } from '../tokens.ts';
import { appleIdKey, emailField } from '../accounts/apple-id.ts';
import { hashSecret, verifyAgainstNothing } from '../accounts/passwords.ts';
import { newPasswordErrors } from '../accounts/fields.ts';
import { fieldErrorsOf, invalidFields, parseForm, rawFields, type FormResult } from '../forms/forms.ts';
import { applyPasswordReset, isWellFormedResetToken } from './by-link.ts';
import { type CodeDeps } from '../codes/codes.ts';
import { askForCode, askForSignature, proveSecondStep, type ChosenDeviceSent } from '../proof/second-step.ts';
import type { CodesError } from '../codes/errors.ts';
import { listDevices, type TrustedDeviceView } from '../devices/trusted-devices.ts';
import { verifyRecoveryKey } from '../recovery-key/recovery-key.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { attemptsFailed, attemptsSucceeded, takeAttempts, type LockPolicy, type SlowDownPolicy } from '../throttle/throttle.ts';
import { guessLimits } from '../throttle/known-browsers.ts';
import { lockAccountRow } from '../db/row-locks.ts';
import { failure, type Result } from '../result.ts';
import type { SignatureDeps, SignatureError, SignatureOptions } from '../kinds/registry.ts';
import { PASSWORD_RESET_ERRORS, type PasswordResetError } from './errors.ts';
import { sentenceOf } from '../result.ts';
import { fieldMessage } from '../forms/field-messages.ts';

export type KeyResetDeps = CodeDeps & { db: Db; clock: Clock; bcryptCost: number; appUrl: string };

/** (ours) How long a reset started with the Recovery Key stays open. */
export const KEY_RESET_TTL_MS = 30 * MINUTE;
// (ours) Wrong keys, counted before the key is compared: 5 an hour per Apple ID typed (accounts or
// not) for unknown browsers together, 5 an hour for each browser that signed in to the account
// before, and per client address 20 an hour after which tries are slowed, never locked. Apart from
// the Recovery Key sign-in (which needs the password first): a stranger who knows only the Apple
// ID can use up this budget for strangers, never the holder's own browser or sign-in.
export const KEY_RESET_PER_APPLE_ID: LockPolicy = { maxFailures: 5, windowMs: HOUR, lockMs: HOUR };
export const KEY_RESET_PER_CLIENT_ADDRESS: SlowDownPolicy = {
  maxFailures: 20,
  windowMs: HOUR,
  slowDown: { firstDelayMs: 1000, maxDelayMs: MINUTE },
};

const startSchema = z.object({
  appleId: emailField,
  recoveryKey: z
    .string(fieldMessage('recoveryKey.enter'))
    .trim()
    .min(1, fieldMessage('recoveryKey.enter'))
    .max(64, sentenceOf(PASSWORD_RESET_ERRORS, 'KEY_MISMATCH')),
});

/** Step 1: Apple ID + Recovery Key → a reset token (for the reset cookie). */
export async function startKeyReset(
  deps: Pick<KeyResetDeps, 'db' | 'clock' | 'bcryptCost'>,
  input: unknown,
  ctx: RequestContext,
): Promise<FormResult<{ token: string }, PasswordResetError | 'INVALID_FIELDS'>> {
  const parsed = startSchema.safeParse(input);
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error));
  const { db, clock } = deps;
  const now = clock.now();
  const account = await db.account.findUnique({ where: { appleIdKey: appleIdKey(parsed.data.appleId) } });
  const limits = guessLimits('key-reset', `apple-id:${appleIdKey(parsed.data.appleId)}`, account?.id ?? null, ctx, {
    perIdentity: KEY_RESET_PER_APPLE_ID,
    perAddress: KEY_RESET_PER_CLIENT_ADDRESS,
  });
  const refusedUntil = await takeAttempts(db, limits, now);
  if (refusedUntil) return failure(PASSWORD_RESET_ERRORS, 'KEY_RESET_LOCKED', refusedUntil, now);
  const hash = account?.twoStepEnabledAt ? account.recoveryKeyHash : null;
  const right = hash
    ? await verifyRecoveryKey(parsed.data.recoveryKey, hash)
    : await verifyAgainstNothing(parsed.data.recoveryKey, deps.bcryptCost);
  if (!right || !account) {
    const lock = await attemptsFailed(db, limits, now);
    if (account)
      await recordSecurityEvent(
        db,
        { accountId: account.id, kind: 'recovery-key-failed', at: now, details: { during: 'password reset' } },
        ctx,
      );
    return lock ? failure(PASSWORD_RESET_ERRORS, 'KEY_RESET_LOCKED', lock, now) : failure(PASSWORD_RESET_ERRORS, 'KEY_MISMATCH');
  }
  await attemptsSucceeded(db, limits);
  const token = newToken();
  await db.$transaction(async (tx) => {
    // One reset at a time: a newer one ends the older ones (links included), under the account's row lock.
    await lockAccountRow(tx, account.id, now);
    await tx.passwordReset.updateMany({ where: { accountId: account.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await tx.passwordReset.create({
      data: {
        id: tokenId(token),
        accountId: account.id,
        method: 'recovery-key',
        questionPair: '',
        createdAt: now,
        expiresAt: new Date(now.getTime() + KEY_RESET_TTL_MS),
      },
    });
    await recordSecurityEvent(tx, { accountId: account.id, kind: 'password-reset-key-accepted', at: now }, ctx);
  });
  return { ok: true, token };
}

/** The reset in progress for a token: its account, and whether the code step was passed. */
async function liveKeyReset(db: Db, token: unknown, now: Date) {
  if (!isWellFormedResetToken(token)) return null;
  const row = await db.passwordReset.findUnique({ where: { id: tokenId(token) }, include: { account: true } });
  if (!row || row.method !== 'recovery-key' || row.usedAt || row.expiresAt <= now || !row.account.twoStepEnabledAt) return null;
  return row;
}

export type KeyResetState = { step: 'code'; devices: TrustedDeviceView[] } | { step: 'password'; appleId: string } | { step: 'expired' };

/** What the reset page shows for this token. */
export async function keyResetState(deps: { db: Db; clock: Clock }, token: string | undefined): Promise<KeyResetState> {
  const row = await liveKeyReset(deps.db, token, deps.clock.now());
  if (!row) return { step: 'expired' };
  if (row.codeVerifiedAt) return { step: 'password', appleId: row.account.appleId };
  return { step: 'code', devices: (await listDevices(deps.db, row.accountId)).trusted };
}

/** Step 2a: a code to the trusted device the holder picks. */
export async function sendKeyResetCode(
  deps: KeyResetDeps,
  token: string | undefined,
  input: unknown,
  ctx: RequestContext,
): Promise<Result<ChosenDeviceSent, PasswordResetError | CodesError>> {
  const row = await liveKeyReset(deps.db, token, deps.clock.now());
  if (!row) return failure(PASSWORD_RESET_ERRORS, 'KEY_RESET_EXPIRED');
  return askForCode(deps, { accountId: row.accountId, purpose: 'reset-password' }, input, ctx);
}

/** What either proof (a code, or a signature) does once it is right: the reset may choose a new password. */
async function passCodeStep(db: Db, resetId: string, now: Date): Promise<void> {
  await db.passwordReset.updateMany({ where: { id: resetId, usedAt: null }, data: { codeVerifiedAt: now } });
}

/** Step 2b: the code. Right → the reset may choose a new password. */
export async function verifyKeyResetCode(
  deps: KeyResetDeps,
  token: string | undefined,
  input: unknown,
  ctx: RequestContext,
): Promise<Result<object, PasswordResetError | CodesError>> {
  const row = await liveKeyReset(deps.db, token, deps.clock.now());
  if (!row) return failure(PASSWORD_RESET_ERRORS, 'KEY_RESET_EXPIRED');
  const checked = await proveSecondStep(deps, { accountId: row.accountId, purpose: 'reset-password' }, { form: input }, ctx);
  if (!checked.ok) return checked;
  await passCodeStep(deps.db, row.id, deps.clock.now());
  return { ok: true };
}

/** Step 2, with a device that signs (it counts as the trusted device): the challenge. */
export async function keyResetSignatureOptions(
  deps: SignatureDeps,
  token: string | undefined,
): Promise<Result<{ options: SignatureOptions }, PasswordResetError | SignatureError>> {
  const row = await liveKeyReset(deps.db, token, deps.clock.now());
  if (!row) return failure(PASSWORD_RESET_ERRORS, 'KEY_RESET_EXPIRED');
  return askForSignature(deps, { accountId: row.accountId, purpose: 'reset-password' });
}

/** Step 2, with a device that signs: its answer. Right → the same as a right code. */
export async function verifyKeyResetSignature(
  deps: SignatureDeps,
  token: string | undefined,
  response: unknown,
  ctx: RequestContext,
): Promise<Result<object, PasswordResetError | SignatureError>> {
  const row = await liveKeyReset(deps.db, token, deps.clock.now());
  if (!row) return failure(PASSWORD_RESET_ERRORS, 'KEY_RESET_EXPIRED');
  const checked = await proveSecondStep(deps, { accountId: row.accountId, purpose: 'reset-password' }, { signature: response }, ctx);
  if (!checked.ok) return checked;
  await passCodeStep(deps.db, row.id, deps.clock.now());
  return { ok: true };
}

const passwordSchema = z.object({ password: z.string(), confirmPassword: z.string() });

class ResetGone extends Error {}

/** Step 3: the new password, with everything a reset does (applyPasswordReset). Once. */
export async function completeKeyReset(
  deps: KeyResetDeps,
  token: string | undefined,
  input: unknown,
  ctx: RequestContext,
): Promise<FormResult<object, PasswordResetError | 'INVALID_FIELDS'>> {
  const now = deps.clock.now();
  const row = await liveKeyReset(deps.db, token, now);
  if (!row) return failure(PASSWORD_RESET_ERRORS, 'KEY_RESET_EXPIRED');
  if (!row.codeVerifiedAt) return failure(PASSWORD_RESET_ERRORS, 'CODE_FIRST');
  const text = rawFields(input);
  const parsed = parseForm(
    passwordSchema,
    { password: text('password'), confirmPassword: text('confirmPassword') },
    newPasswordErrors(text, row.account.appleId),
  );
  if (!parsed.ok) return parsed;
  const passwordHash = await hashSecret(parsed.data.password, deps.bcryptCost);
  try {
    await deps.db.$transaction(async (tx) => {
      const claim = await tx.passwordReset.updateMany({
        where: { id: row.id, usedAt: null, codeVerifiedAt: { not: null }, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claim.count !== 1) throw new ResetGone();
      await applyPasswordReset(tx, deps, row.account, passwordHash, ctx);
    });
  } catch (e) {
    if (e instanceof ResetGone) return failure(PASSWORD_RESET_ERRORS, 'KEY_RESET_EXPIRED');
    throw e;
  }
  return { ok: true };
}
