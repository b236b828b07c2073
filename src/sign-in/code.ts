// The second step of signing in with two-step verification on (seed 001): after the password,
// the holder picks one of their trusted devices, receives a code on it and enters it. Only then
// is there a session with access: a new one (new token), since the privilege changed.
import type { Clock } from '../clock.ts';
import type { Db, DbTx } from '../db/client.ts';
import { createSession, resolveSession, sessionIdOf, type ResolvedSession } from '../sessions/sessions.ts';
import { type CodeDeps } from '../codes/codes.ts';
import { checkEnteredCode, sendCodeToChosenDevice, type ChosenDeviceSent } from '../codes/chosen-device.ts';
import { endSendBlocks } from '../codes/limits.ts';
import { listDevices, type TrustedDeviceView } from '../devices/trusted-devices.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import type { CodesError } from '../codes/errors.ts';
import { failure, type Result } from '../result.ts';
import { SIGN_IN_ERRORS, type SignInError } from './errors.ts';

export type SignInCodeDeps = CodeDeps & { db: Db; clock: Clock };

/** The password-stage session of this token, or null. */
export async function pendingSignIn(deps: { db: Db; clock: Clock }, token: string): Promise<ResolvedSession | null> {
  const session = await resolveSession(deps.db, token, deps.clock.now());
  return session?.stage === 'password' ? session : null;
}

/** The trusted devices the holder can pick from (numbers masked to the last two digits). */
export async function signInDevices(db: Db, accountId: string): Promise<TrustedDeviceView[]> {
  return (await listDevices(db, accountId)).trusted;
}

export async function sendSignInCode(
  deps: SignInCodeDeps,
  token: string,
  input: unknown,
  ctx: RequestContext,
): Promise<Result<ChosenDeviceSent, SignInError | CodesError>> {
  const session = await pendingSignIn(deps, token);
  if (!session) return failure(SIGN_IN_ERRORS, 'SIGN_IN_EXPIRED');
  return sendCodeToChosenDevice(deps, session.accountId, 'sign-in', input, ctx);
}

/** Checks the code; on success replaces the password-stage session with a signed-in one. */
export async function completeSignIn(
  deps: SignInCodeDeps,
  token: string,
  input: unknown,
  ctx: RequestContext,
): Promise<Result<{ sessionToken: string; accountId: string }, SignInError | CodesError>> {
  const session = await pendingSignIn(deps, token);
  if (!session) return failure(SIGN_IN_ERRORS, 'SIGN_IN_EXPIRED');
  const now = deps.clock.now();
  // In the transaction that claims the code (which also ended the runs of wrong codes).
  const finish = async (tx: DbTx) => {
    // Raw SQL (src/db/raw.ts): on every sign-in.
    const count = await tx.$executeRaw`DELETE FROM "Session" WHERE "id" = ${sessionIdOf(token)} AND "stage" = 'password'`;
    if (count !== 1) return null; // finished already in another request
    const fresh = await createSession(tx, session.accountId, now, ctx, { codeVerifiedAt: now });
    await endSendBlocks(tx, session.accountId);
    await recordSecurityEvent(tx, { accountId: session.accountId, kind: 'signed-in', at: now, details: { with: 'verification code' } }, ctx);
    return fresh;
  };
  const checked = await checkEnteredCode(deps, session.accountId, 'sign-in', input, ctx, finish);
  if (!checked.ok) return checked;
  return checked.then ? { ok: true, sessionToken: checked.then, accountId: session.accountId } : failure(SIGN_IN_ERRORS, 'SIGN_IN_EXPIRED');
}
