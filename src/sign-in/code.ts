// The second step of signing in with two-step verification on (docs/rules.md#sign-in-and-lockouts):
// after the password, the holder picks one of their trusted devices, receives a code on it and
// enters it. Only then is there a session with access: a new one (new token), since the privilege
// changed.
import type { Clock } from '../clock.ts';
import type { Db, DbTx } from '../db/client.ts';
import { createSession, endSession, resolveSession, sessionIdOf, type ResolvedSession } from '../sessions/sessions.ts';
import { type CodeDeps, type Proof } from '../codes/codes.ts';
import { askForCode, askForSignature, proveSecondStep, type ChosenDeviceSent } from '../proof/second-step.ts';
import { endSendBlocks } from '../codes/limits.ts';
import { listDevices, type TrustedDeviceView } from '../devices/trusted-devices.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import type { CodesError } from '../codes/errors.ts';
import { failure, type Result } from '../result.ts';
import type { SignatureDeps, SignatureError, SignatureOptions } from '../kinds/registry.ts';
import { SIGNATURE_NOUN } from '../kinds/registry.ts';
import { SIGN_IN_ERRORS, type SignInError } from './errors.ts';

export type SignInCodeDeps = CodeDeps & { db: Db; clock: Clock };

/** The password-stage session of this token, or null. */
export async function pendingSignIn(deps: { db: Db; clock: Clock }, token: string): Promise<ResolvedSession | null> {
  const session = await resolveSession(deps.db, token, deps.clock.now());
  return session?.stage === 'password' ? session : null;
}

/**
 * Cancels a sign-in waiting for its code: the password-stage session ends. No activity is recorded,
 * as nobody signed in (the password's success already is). A session past that stage is left alone:
 * signing out is another thing, with its own record.
 */
export async function cancelSignIn(deps: { db: Db; clock: Clock }, token: string): Promise<boolean> {
  if (!(await pendingSignIn(deps, token))) return false;
  await endSession(deps.db, token);
  return true;
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
  return askForCode(deps, { accountId: session.accountId, purpose: 'sign-in' }, input, ctx);
}

/**
 * What either proof (a code, or a signature) does once it is right, in the transaction that accepted
 * it: replaces the password-stage session with a signed-in one. null: finished already in another
 * request. The one place a second step becomes a session.
 */
function finishSignIn(token: string, session: ResolvedSession, now: Date, ctx: RequestContext, using: string) {
  return async (tx: DbTx, proof: Proof): Promise<string | null> => {
    // Raw SQL (src/db/raw.ts): on every sign-in.
    const count = await tx.$executeRaw`DELETE FROM "Session" WHERE "id" = ${sessionIdOf(token)} AND "stage" = 'password'`;
    if (count !== 1) return null;
    const fresh = await createSession(tx, session.accountId, now, ctx, { codeVerifiedAt: now, secondStep: proof.method });
    await endSendBlocks(tx, session.accountId);
    await recordSecurityEvent(tx, { accountId: session.accountId, kind: 'signed-in', at: now, details: { with: using } }, ctx);
    return fresh;
  };
}

type Finished = Result<{ sessionToken: string; accountId: string }, SignInError | CodesError | SignatureError>;

function signedInOr(checked: Result<{ then?: string | null }, CodesError | SignatureError>, accountId: string): Finished {
  if (!checked.ok) return checked;
  return checked.then ? { ok: true, sessionToken: checked.then, accountId } : failure(SIGN_IN_ERRORS, 'SIGN_IN_EXPIRED');
}

/** Checks the code; on success replaces the password-stage session with a signed-in one. */
export async function completeSignIn(deps: SignInCodeDeps, token: string, input: unknown, ctx: RequestContext): Promise<Finished> {
  const session = await pendingSignIn(deps, token);
  if (!session) return failure(SIGN_IN_ERRORS, 'SIGN_IN_EXPIRED');
  // In the transaction that claims the code (which also ended the runs of wrong codes).
  const finish = finishSignIn(token, session, deps.clock.now(), ctx, 'verification code');
  return signedInOr(
    await proveSecondStep(deps, { accountId: session.accountId, purpose: 'sign-in' }, { form: input }, ctx, finish),
    session.accountId,
  );
}

/** The challenge for a device that signs, only after the password (a password-stage session). */
export async function signInSignatureOptions(
  deps: SignatureDeps,
  token: string,
): Promise<Result<{ options: SignatureOptions }, SignInError | SignatureError>> {
  const session = await pendingSignIn(deps, token);
  if (!session) return failure(SIGN_IN_ERRORS, 'SIGN_IN_EXPIRED');
  return askForSignature(deps, { accountId: session.accountId, purpose: 'sign-in' });
}

/** The signed answer; right → the same finish as a code. */
export async function completeSignInWithSignature(
  deps: SignatureDeps,
  token: string,
  response: unknown,
  ctx: RequestContext,
): Promise<Finished> {
  const session = await pendingSignIn(deps, token);
  if (!session) return failure(SIGN_IN_ERRORS, 'SIGN_IN_EXPIRED');
  const finish = finishSignIn(token, session, deps.clock.now(), ctx, SIGNATURE_NOUN);
  return signedInOr(
    await proveSecondStep(deps, { accountId: session.accountId, purpose: 'sign-in' }, { signature: response }, ctx, finish),
    session.accountId,
  );
}
