// A staff member's second factor (ours: staff see the security state of every account, so a
// password alone must not open the console). After the right password a staff session is in the
// 'second-factor' stage (./staff.ts) and can do one thing: prove the factor, or, when the staff
// member has none yet (the first sign-in after `npm run staff -- add`, or after the operator's
// `reset-factor`), set one up and prove it once. Its kinds are the holders' own, each in its kind's
// folder (src/kinds/<kind>/staff.ts, offering what ./staff-factor-kind.ts says, listed by
// src/kinds/staff-registry.ts).
//
// What every kind shares is here: the guessing limits (counted before the proof is checked), the
// rule that a setup needs the absence of any factor (checked again under a lock when it completes),
// and passing the step, which replaces the session by a new 'console' one.
import type { Db, DbTx } from '../db/client.ts';
import { DAY, MINUTE } from '../clock.ts';
import { lockName } from '../db/row-locks.ts';
import type { Limit, LockPolicy } from '../throttle/throttle.ts';
import { attemptsFailed } from '../throttle/throttle.ts';
import type { RequestContext } from '../security-events/record.ts';
import { failure, type Failure, type Result } from '../result.ts';
import { SUPPORT_ERRORS } from './errors.ts';
import { recordStaffEvent } from './staff-events.ts';
import { createStaffSession, hasStaffFactor, type StaffSession } from './staff.ts';
import { STAFF_RESET_EXTRAS, type StaffFactorKind } from '../kinds/staff-kinds-registry.ts';

// (ours) Stricter than a holder's codes (10 wrong in a row, then a pause of at most an hour): a
// staff factor guards every account. 5 failures lock it for 15 minutes, and 20 in a day for a
// day, so a guesser with the password gets at most 20 of the million codes a day.
export const STAFF_FACTOR_SHORT: LockPolicy = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
export const STAFF_FACTOR_DAILY: LockPolicy = { maxFailures: 20, windowMs: DAY, lockMs: DAY };

/** The limits every proof of a staff member's second factor counts under, whatever its kind. */
export function staffFactorLimits(staffUserId: string): Limit[] {
  return [
    [`staff-second-factor:${staffUserId}`, STAFF_FACTOR_SHORT],
    [`staff-second-factor-day:${staffUserId}`, STAFF_FACTOR_DAILY],
  ];
}

/** A failed proof: counted (it may lock), recorded, and the refusal to show. */
export async function factorFailed<C extends string>(
  db: Db,
  session: StaffSession,
  method: StaffFactorKind,
  reason: string,
  refusal: Failure<C>,
  ctx: RequestContext,
  now: Date,
): Promise<Failure<C | 'STAFF_FACTOR_LOCKED'>> {
  const lock = await attemptsFailed(db, staffFactorLimits(session.staff.id), now);
  await recordStaffEvent(
    db,
    {
      staffUserId: session.staff.id,
      kind: 'staff-factor-failed',
      at: now,
      details: { method, reason, ...(lock ? { lockedUntil: lock.toISOString() } : {}) },
    },
    ctx,
  );
  return lock ? failure(SUPPORT_ERRORS, 'STAFF_FACTOR_LOCKED', lock, now) : refusal;
}

/** Serialises one staff member's factor changes to their commit (a setup, a reset). */
export function lockStaffFactors(tx: DbTx, staffUserId: string, now: Date): Promise<void> {
  return lockName(tx, `staff-user:${staffUserId}`, now);
}

/**
 * Why this session may not set up a factor, or null. Only a 'second-factor' session of a staff
 * member with no factor may: otherwise the password alone would add a factor beside the real one.
 */
export async function setupRefusal(db: DbTx, session: StaffSession): Promise<Failure<'STAFF_FACTOR_EXISTS'> | null> {
  return (await hasStaffFactor(db, session.staff.id)) ? failure(SUPPORT_ERRORS, 'STAFF_FACTOR_EXISTS') : null;
}

/**
 * The step is passed: in `tx`, the 'second-factor' session is replaced by a new 'console' one (a
 * new token: the one that had only the password opens nothing, ever). Null when the session ended
 * meanwhile (timed out, signed out, or passed in another request).
 */
export async function passSecondFactor(
  tx: DbTx,
  session: StaffSession,
  method: StaffFactorKind,
  now: Date,
  ctx: RequestContext,
): Promise<string | null> {
  const { count } = await tx.staffSession.deleteMany({ where: { id: session.id, secondFactor: null } });
  if (count !== 1) return null;
  await recordStaffEvent(tx, { staffUserId: session.staff.id, kind: 'staff-signed-in', at: now, details: { method } }, ctx);
  return createStaffSession(tx, session.staff.id, now, ctx, method);
}

/** Thrown inside a setup's transaction when the session ended, so that nothing of it is kept. */
class SessionGone extends Error {}

/**
 * A new factor proved itself at setup. In one transaction, under the staff member's lock: it
 * becomes theirs (`add`) unless another setup completed first, factors still pending are dropped,
 * and the step is passed. A session that ended meanwhile adds nothing: STAFF_SIGN_IN_AGAIN.
 */
export async function completeSetup<C extends string>(
  db: Db,
  session: StaffSession,
  kind: StaffFactorKind,
  /**
   * Makes the factor theirs; or, when it is gone (a pending factor whose setup was started again
   * meanwhile), the kind's refusal, and nothing is kept.
   */
  add: (tx: DbTx) => Promise<Failure<C> | null>,
  now: Date,
  ctx: RequestContext,
): Promise<{ ok: true; token: string } | Failure<C | 'STAFF_FACTOR_EXISTS' | 'STAFF_SIGN_IN_AGAIN'>> {
  try {
    return await db.$transaction(async (tx): Promise<{ ok: true; token: string } | Failure<C | 'STAFF_FACTOR_EXISTS'>> => {
      await lockStaffFactors(tx, session.staff.id, now);
      const refused = await setupRefusal(tx, session);
      if (refused) return refused;
      const gone = await add(tx);
      if (gone) return gone;
      await tx.staffFactor.deleteMany({ where: { staffUserId: session.staff.id, verifiedAt: null } });
      await recordStaffEvent(tx, { staffUserId: session.staff.id, kind: 'staff-factor-added', at: now, details: { factor: kind } }, ctx);
      const token = await passSecondFactor(tx, session, kind, now, ctx);
      if (!token) throw new SessionGone();
      return { ok: true as const, token };
    });
  } catch (e) {
    if (e instanceof SessionGone) return failure(SUPPORT_ERRORS, 'STAFF_SIGN_IN_AGAIN');
    throw e;
  }
}

// ---- What each staff member has; the operator's reset (staff-admin.ts) ----------------------------

/** The kinds of factor each staff member has (proven ones only), or only `staffUserId`'s. */
export async function factorKindsByStaff(db: Db, staffUserId?: string): Promise<Map<string, StaffFactorKind[]>> {
  const rows = await db.staffFactor.findMany({
    where: { staffUserId, verifiedAt: { not: null } },
    select: { staffUserId: true, kind: true },
    orderBy: { createdAt: 'asc' },
  });
  const out = new Map<string, StaffFactorKind[]>();
  for (const r of rows) out.set(r.staffUserId, [...new Set([...(out.get(r.staffUserId) ?? []), r.kind as StaffFactorKind])]);
  return out;
}

/** The kinds of factor the staff member can sign in with (the second factor page offers each). */
export async function staffFactorKinds(db: Db, staffUserId: string): Promise<StaffFactorKind[]> {
  return (await factorKindsByStaff(db, staffUserId)).get(staffUserId) ?? [];
}

/**
 * The operator removes every factor of a staff member who lost theirs: their sessions end too (one
 * may have been opened with the lost factor), and so does what a kind keeps beside its factors
 * (STAFF_RESET_EXTRAS); the next sign-in sets up a new one. `email` is
 * what the operator typed (the refusal names it), `emailKey` its lookup key.
 */
export async function resetStaffFactors(
  db: Db,
  staffUser: { email: string; emailKey: string },
  now: Date,
  ctx: RequestContext,
): Promise<Result<{ removed: number }, 'NO_SUCH_STAFF_USER'>> {
  const staff = await db.staffUser.findUnique({ where: { emailKey: staffUser.emailKey }, select: { id: true } });
  if (!staff) return failure(SUPPORT_ERRORS, 'NO_SUCH_STAFF_USER', staffUser.email);
  return db.$transaction(async (tx): Promise<Result<{ removed: number }, 'NO_SUCH_STAFF_USER'>> => {
    await lockStaffFactors(tx, staff.id, now);
    const { count } = await tx.staffFactor.deleteMany({ where: { staffUserId: staff.id, verifiedAt: { not: null } } });
    await tx.staffFactor.deleteMany({ where: { staffUserId: staff.id } });
    await tx.staffSession.deleteMany({ where: { staffUserId: staff.id } });
    for (const forget of STAFF_RESET_EXTRAS) await forget(tx, staff.id);
    await recordStaffEvent(tx, { staffUserId: staff.id, kind: 'staff-factors-reset', at: now, details: { removed: count } }, ctx);
    return { ok: true, removed: count };
  });
}
