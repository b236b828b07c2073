// Fresh authentication for sensitive changes (OWASP ASVS 4.0 3.7.1, 5.0 7.5.1): with two-step on,
// adding or removing a trusted device, replacing the Recovery Key, app-specific passwords, changing
// the password and turning two-step off each need a code from a trusted device entered within the
// last 10 minutes. A borrowed, still signed-in browser is not enough to take the account over.
//
// The code sign-in counts (it sets the session's codeVerifiedAt); later, the holder confirms again
// with a code for the purpose 'confirm-identity'. Each confirmation replaces the session with a new
// one (new token: the privilege changed), which keeps the original start for the 12-hour limit.
//
// With two-step off there is nothing to ask: the security questions guard those pages. A Recovery
// Key session (no trusted device at hand) may add a device, which is what it exists for.
import type { Clock } from '../clock.ts';
import { MINUTE } from '../clock.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../sessions/actor.ts';
import { type CodeDeps, type OnVerified } from '../codes/codes.ts';
import { askForCode, askForSignature, proveSecondStep, type ChosenDeviceSent } from '../proof/second-step.ts';
import type { CodesError } from '../codes/errors.ts';
import { createSession } from '../sessions/sessions.ts';
import { SESSIONS_ERRORS, type SessionsError } from '../sessions/errors.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { failure, type Failure, type Result } from '../result.ts';
import type { SignatureDeps, SignatureError, SignatureOptions } from '../kinds/registry.ts';
import { STEP_UP_ERRORS, type StepUpError } from './errors.ts';

/** (ours, ASVS 3.7.1 leaves the period open) A code entered this recently makes a change possible. */
export const FRESH_CODE_MS = 10 * MINUTE;

type SessionFacts = { stage: string; codeVerifiedAt: Date | null; account: { twoStepEnabledAt: Date | null } };

/** The rule itself, on facts already read. */
export function hasFreshCode(s: SessionFacts, now: Date, opts: { allowRecovery?: boolean } = {}): boolean {
  if (!s.account.twoStepEnabledAt) return true;
  if (s.stage === 'recovery') return Boolean(opts.allowRecovery);
  if (s.stage !== 'full' || !s.codeVerifiedAt) return false;
  const age = now.getTime() - s.codeVerifiedAt.getTime();
  return age >= 0 && age < FRESH_CODE_MS;
}

async function sessionFacts(db: Db, sessionId: string): Promise<SessionFacts | null> {
  return db.session.findUnique({
    where: { id: sessionId },
    select: { stage: true, codeVerifiedAt: true, account: { select: { twoStepEnabledAt: true } } },
  });
}

/** For the domain functions of sensitive changes: null when the change may go ahead, else the refusal to answer with. */
export async function freshCodeRefusal(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  opts: { allowRecovery?: boolean } = {},
): Promise<Failure<StepUpError> | null> {
  const facts = await sessionFacts(deps.db, actor.sessionId);
  return facts && hasFreshCode(facts, deps.clock.now(), opts) ? null : failure(STEP_UP_ERRORS, 'FRESH_CODE_NEEDED');
}

/** For pages: whether to ask for a code before showing the forms of a sensitive change. */
export async function needsFreshCode(deps: { db: Db; clock: Clock }, actor: Actor): Promise<boolean> {
  return (await freshCodeRefusal(deps, actor)) !== null;
}

export async function sendIdentityCode(
  deps: CodeDeps,
  actor: Actor,
  input: unknown,
  ctx: RequestContext,
): Promise<Result<ChosenDeviceSent, CodesError>> {
  return askForCode(deps, { accountId: actor.accountId, purpose: 'confirm-identity' }, input, ctx);
}

/**
 * What either proof (a code, or a signature) does once it is right, in the transaction that accepted
 * it: this session is replaced by one whose code is fresh (a new token), keeping its start, and
 * recording how the step was proven. null: the session ended meanwhile.
 */
function renewSession(actor: Actor, now: Date, ctx: RequestContext): OnVerified<string | null> {
  return async (tx, proof) => {
    const old = await tx.session.findUnique({ where: { id: actor.sessionId } });
    if (!old || old.accountId !== actor.accountId || old.stage !== 'full') return null;
    const { count } = await tx.session.deleteMany({ where: { id: old.id } });
    if (count !== 1) return null;
    const fresh = await createSession(tx, actor.accountId, now, ctx, {
      codeVerifiedAt: now,
      secondStep: proof.method,
      createdAt: old.createdAt,
    });
    await recordSecurityEvent(tx, { accountId: actor.accountId, kind: 'identity-confirmed', at: now }, ctx);
    return fresh;
  };
}

/** Checks the code; right → this session is replaced by one whose code is fresh (a new token). */
export async function confirmIdentity(
  deps: CodeDeps,
  actor: Actor,
  input: unknown,
  ctx: RequestContext,
): Promise<Result<{ sessionToken: string }, CodesError | SessionsError>> {
  const checked = await proveSecondStep(
    deps,
    { accountId: actor.accountId, purpose: 'confirm-identity' },
    { form: input },
    ctx,
    renewSession(actor, deps.clock.now(), ctx),
  );
  if (!checked.ok) return checked;
  return checked.then ? { ok: true, sessionToken: checked.then } : failure(SESSIONS_ERRORS, 'SESSION_ENDED');
}

/** The challenge for a device that signs, for a fresh code. */
export async function identitySignatureOptions(
  deps: SignatureDeps,
  actor: Actor,
): Promise<Result<{ options: SignatureOptions }, SignatureError>> {
  return askForSignature(deps, { accountId: actor.accountId, purpose: 'confirm-identity' });
}

/** The signed answer; right → the same renewed session as a code. */
export async function confirmIdentityWithSignature(
  deps: SignatureDeps,
  actor: Actor,
  response: unknown,
  ctx: RequestContext,
): Promise<Result<{ sessionToken: string }, SignatureError | SessionsError>> {
  const checked = await proveSecondStep(
    deps,
    { accountId: actor.accountId, purpose: 'confirm-identity' },
    { signature: response },
    ctx,
    renewSession(actor, deps.clock.now(), ctx),
  );
  if (!checked.ok) return checked;
  return checked.then ? { ok: true, sessionToken: checked.then } : failure(SESSIONS_ERRORS, 'SESSION_ENDED');
}
