// "Can't use any of your devices?" (Apple's FAQ: "If you can't access any of your trusted devices,
// you can still access your account using your password and Recovery Key. You should then verify
// a new trusted device as soon as possible."). After the password, the Recovery Key gives a
// session that can do one thing: verify a new trusted device. Verifying one finishes the sign-in.
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { HOUR } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { createSession, resolveSession, sessionIdOf } from '../sessions/sessions.ts';
import { verifyRecoveryKey } from '../recovery-key/recovery-key.ts';
import { attemptsFailed, attemptsSucceeded, takeAttempts, type LockPolicy } from '../throttle/throttle.ts';
import { guessLimits } from '../throttle/known-browsers.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { pendingSignIn } from './code.ts';
import { failure, type Result } from '../result.ts';
import { SIGN_IN_ERRORS, type SignInError } from './errors.ts';
import { endCodeBlocks } from '../codes/limits.ts';
import { confirmDevice, type DeviceDeps } from '../devices/trusted-devices.ts';
import { stagePolicy } from '../sessions/stage-policy.ts';
import type { Actor } from '../sessions/actor.ts';

// Wrong Recovery Key tries are limited (docs/rules.md#sign-in-and-lockouts), counted before the key
// is compared, and logged: 5 per hour per account for unknown browsers together, 5 per hour for
// each known browser. Only a session that gave the password gets here, and the Recovery Key reset
// counts apart, so a stranger with the Apple ID alone cannot use this budget up.
export const RECOVERY_KEY_TRIES: LockPolicy = { maxFailures: 5, windowMs: HOUR, lockMs: HOUR };
const recoveryKeyLimits = (accountId: string, ctx: RequestContext) =>
  guessLimits('recovery-key', accountId, accountId, ctx, { perIdentity: RECOVERY_KEY_TRIES });

type Deps = { db: Db; clock: Clock };

// Empty: ENTER_RECOVERY_KEY. Longer than any key with separators: WRONG_RECOVERY_KEY, without a try.
const keySchema = z.object({ recoveryKey: z.string().trim().min(1).max(64) });

/** Password stage + Recovery Key -> a 'recovery' session (a new token). */
export async function signInWithRecoveryKey(
  deps: Deps,
  token: string,
  input: unknown,
  ctx: RequestContext,
): Promise<Result<{ sessionToken: string }, SignInError>> {
  const session = await pendingSignIn(deps, token);
  if (!session) return failure(SIGN_IN_ERRORS, 'SIGN_IN_EXPIRED');
  const parsed = keySchema.safeParse(input);
  if (!parsed.success)
    return failure(SIGN_IN_ERRORS, parsed.error.issues[0].code === 'too_big' ? 'WRONG_RECOVERY_KEY' : 'ENTER_RECOVERY_KEY');
  const now = deps.clock.now();
  const account = await deps.db.account.findUnique({ where: { id: session.accountId } });
  if (!account) return failure(SIGN_IN_ERRORS, 'SIGN_IN_EXPIRED');
  if (!account.recoveryKeyHash) return failure(SIGN_IN_ERRORS, 'NO_RECOVERY_KEY');
  const limits = recoveryKeyLimits(account.id, ctx);
  const locked = await takeAttempts(deps.db, limits, now);
  if (locked) return failure(SIGN_IN_ERRORS, 'RECOVERY_KEY_LOCKED', locked, now);
  if (!(await verifyRecoveryKey(parsed.data.recoveryKey, account.recoveryKeyHash))) {
    const lock = await attemptsFailed(deps.db, limits, now);
    await recordSecurityEvent(deps.db, { accountId: account.id, kind: 'recovery-key-failed', at: now }, ctx);
    return lock ? failure(SIGN_IN_ERRORS, 'RECOVERY_KEY_LOCKED', lock, now) : failure(SIGN_IN_ERRORS, 'WRONG_RECOVERY_KEY');
  }
  await attemptsSucceeded(deps.db, limits);
  const sessionToken = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: sessionIdOf(token), stage: 'password' } });
    if (count !== 1) return null;
    const fresh = await createSession(tx, account.id, now, ctx, { stage: 'recovery' });
    await recordSecurityEvent(tx, { accountId: account.id, kind: 'recovery-key-used', at: now }, ctx);
    return fresh;
  });
  return sessionToken ? { ok: true, sessionToken } : failure(SIGN_IN_ERRORS, 'SIGN_IN_EXPIRED');
}

/**
 * After a new trusted device was verified in a 'recovery' session: the sign-in is complete. The
 * session is replaced by a signed-in one (new token: the privilege changed). Returns null when the
 * session is not a recovery session or the account still has no verified device.
 */
export async function finishRecovery(deps: Deps, token: string, ctx: RequestContext): Promise<string | null> {
  const now = deps.clock.now();
  const session = await resolveSession(deps.db, token, now);
  if (!session || !stagePolicy(session.stage).finishesWithNewDevice) return null;
  if ((await deps.db.trustedDevice.count({ where: { accountId: session.accountId, verifiedAt: { not: null } } })) === 0) return null;
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: session.id, stage: 'recovery' } });
    if (count !== 1) return null;
    const fresh = await createSession(tx, session.accountId, now, ctx, { codeVerifiedAt: now });
    await endCodeBlocks(tx, session.accountId);
    await recordSecurityEvent(
      tx,
      { accountId: session.accountId, kind: 'signed-in', at: now, details: { with: 'Recovery Key and a new trusted device' } },
      ctx,
    );
    return fresh;
  });
}

/**
 * Verify on the Trusted Devices page: the code makes the pending device trusted (confirmDevice),
 * and in a Recovery Key session that new trusted device also finishes the sign-in. `signedIn` is
 * then the token of the new, signed-in session; null when the session stays as it was.
 */
export async function confirmDeviceInSession(
  deps: DeviceDeps,
  actor: Actor,
  token: string | undefined,
  input: unknown,
  ctx: RequestContext,
) {
  const confirmed = await confirmDevice(deps, actor, input, ctx);
  if (!confirmed.ok) return confirmed;
  const signedIn = token ? await finishRecovery(deps, token, ctx) : null;
  return { ...confirmed, signedIn };
}

/**
 * A device added on the Trusted Devices page and trusted at once (a device that signs: its
 * ceremony is the proof), as confirmDeviceInSession: in a Recovery Key session it also finishes
 * the sign-in. Given the adding's answer, so the kind's adding stays in its folder.
 */
export async function addedInSession<R extends { ok: boolean }>(
  deps: Deps,
  token: string | undefined,
  added: R,
  ctx: RequestContext,
): Promise<Exclude<R, { ok: true }> | (Extract<R, { ok: true }> & { signedIn: string | null })> {
  if (!added.ok) return added as Exclude<R, { ok: true }>;
  const signedIn = token ? await finishRecovery(deps, token, ctx) : null;
  return { ...(added as Extract<R, { ok: true }>), signedIn };
}
