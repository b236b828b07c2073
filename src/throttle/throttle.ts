// Attempt counters with lockouts, kept in the database so that every app instance sees the same
// counts. Every secret that can be guessed (passwords, Recovery Keys, security answers, staff
// passwords and second factors) and every request that costs the holder something (reset emails)
// goes through here.
//
// An attempt is counted BEFORE the secret is checked, in one atomic statement (an upsert with an
// increment, which both engines run as INSERT ... ON CONFLICT DO UPDATE ... RETURNING): of 100
// parallel attempts under a limit of 5, exactly 5 get a number from 1 to 5 and go on to the check;
// the other 95 are refused without one. A right secret gives its attempt back (clearFailures or
// refundAttempt), so the holder's own sign-ins do not use up the budget.
import type { DbTx } from '../db/client.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { rawDate, rawDateOrNull } from '../db/raw.ts';
import { countLockout } from '../security-events/signals.ts';

/** Past the budget, every attempt is refused until the lock ends (for one Apple ID, one browser). */
export interface LockPolicy {
  /** Attempts allowed inside one window; the one that fails last of them locks the key. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/**
 * Past the budget, attempts are slowed, not stopped: one attempt per delay, the delay doubling
 * from firstDelayMs up to maxDelayMs. For keys many people share (a client address: an office, a
 * mobile carrier's NAT), where a lock would shut out everyone behind it.
 */
export interface SlowDownPolicy {
  maxFailures: number;
  windowMs: number;
  slowDown: { firstDelayMs: number; maxDelayMs: number };
}

export type ThrottlePolicy = LockPolicy | SlowDownPolicy;

/** A key and the policy it is counted under. */
export type Limit = readonly [key: string, policy: ThrottlePolicy];

const isSlowDown = (p: ThrottlePolicy): p is SlowDownPolicy => 'slowDown' in p;

/** The delay before the next attempt once `attempts` exceed the budget of a slow-down policy. */
export function slowDownDelayMs(policy: SlowDownPolicy, attempts: number): number {
  const over = Math.min(Math.max(attempts - policy.maxFailures - 1, 0), 30); // 2^30 × any delay is far past the cap
  return Math.min(policy.slowDown.firstDelayMs * 2 ** over, policy.slowDown.maxDelayMs);
}

/** A row left from a window that ended (or a lock that ended) counts for nothing. */
function staleAt(row: { windowStartedAt: Date; lockedUntil: Date | null }, policy: ThrottlePolicy, now: Date): boolean {
  if (!isSlowDown(policy) && row.lockedUntil) return row.lockedUntil <= now;
  return now.getTime() - row.windowStartedAt.getTime() >= policy.windowMs && !(row.lockedUntil && row.lockedUntil > now);
}

/**
 * The atomic count: one INSERT ... ON CONFLICT DO UPDATE ... RETURNING on both engines. Raw SQL
 * (src/db/raw.ts): every sign-in counts one or two attempts, a model upsert costs five times the CPU.
 */
async function countAttempt(
  db: DbTx,
  key: string,
  now: Date,
): Promise<{ failures: number; windowStartedAt: Date; lockedUntil: Date | null }> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    INSERT INTO "Throttle" ("key", "failures", "windowStartedAt") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET "failures" = "Throttle"."failures" + 1
    RETURNING "failures", "windowStartedAt", "lockedUntil"`;
  const r = rows[0]!;
  return { failures: Number(r.failures), windowStartedAt: rawDate(r.windowStartedAt), lockedUntil: rawDateOrNull(r.lockedUntil) };
}

/**
 * Takes one attempt for `key`, before the secret is checked. Returns null when the attempt may go
 * ahead (it is counted), or when the key may be tried again (the attempt is refused: check
 * nothing). Run it outside a transaction, so that the count is seen by every request at once.
 */
export async function takeAttempt(db: DbTx, key: string, policy: ThrottlePolicy, now: Date): Promise<Date | null> {
  for (;;) {
    let row;
    try {
      row = await countAttempt(db, key, now);
    } catch (e) {
      if (isUniqueViolation(e)) continue; // two first attempts created the row at once: count again
      throw e;
    }
    if (staleAt(row, policy, now)) {
      // The window ended: exactly one request starts the new one (compare-and-set on the window's
      // start); the others count again in it.
      const { count } = await db.throttle.updateMany({
        where: { key, windowStartedAt: row.windowStartedAt },
        data: { failures: 1, windowStartedAt: now, lockedUntil: null },
      });
      if (count === 1) return null;
      continue;
    }
    if (!isSlowDown(policy)) {
      if (row.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
      if (row.failures <= policy.maxFailures) return null;
      // Over the budget, and the attempts that used it are still being checked: refused until the
      // window ends (their failures will set the lock).
      return new Date(row.windowStartedAt.getTime() + policy.windowMs);
    }
    if (row.failures <= policy.maxFailures) return null;
    // One attempt per delay: exactly one request takes the slot that opens when the last delay ends.
    const next = new Date(now.getTime() + slowDownDelayMs(policy, row.failures));
    const { count } = await db.throttle.updateMany({
      where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { lockedUntil: next },
    });
    if (count === 1) return null;
    return row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : next;
  }
}

/**
 * The attempt taken for `key` failed. Under a lock policy, a failure that used the last of the
 * budget locks the key (never shortening a lock); returns the lock's end, or null.
 */
export async function attemptFailed(db: DbTx, key: string, policy: ThrottlePolicy, now: Date): Promise<Date | null> {
  if (isSlowDown(policy)) return null;
  const row = await db.throttle.findUnique({ where: { key }, select: { failures: true } });
  if (!row || row.failures < policy.maxFailures) return null;
  const until = new Date(now.getTime() + policy.lockMs);
  await db.throttle.updateMany({
    where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lt: until } }] },
    data: { lockedUntil: until },
  });
  countLockout(key, until); // the lockouts metric and a log line (src/security-events/signals.ts)
  return until;
}

/**
 * Takes an attempt under every limit, in order. The first refusal ends it: the attempts already
 * taken under the earlier limits are given back, so a refused attempt counts nowhere.
 */
export async function takeAttempts(db: DbTx, limits: readonly Limit[], now: Date): Promise<Date | null> {
  for (const [i, [key, policy]] of limits.entries()) {
    const until = await takeAttempt(db, key, policy, now);
    if (until) {
      for (const [taken] of limits.slice(0, i)) await refundAttempt(db, taken);
      return until;
    }
  }
  return null;
}

/** The attempt failed under every limit; returns the lock it caused, if any. */
export async function attemptsFailed(db: DbTx, limits: readonly Limit[], now: Date): Promise<Date | null> {
  let lock: Date | null = null;
  for (const [key, policy] of limits) lock = (await attemptFailed(db, key, policy, now)) ?? lock;
  return lock;
}

/** The secret was right: a person's own keys start afresh, a shared key gets its attempt back. */
export async function attemptsSucceeded(db: DbTx, limits: readonly Limit[]): Promise<void> {
  for (const [key, policy] of limits) await (isSlowDown(policy) ? refundAttempt(db, key) : clearFailures(db, key));
}

/** The secret was right: the key starts afresh (a person's own key: one Apple ID, one browser). */
export async function clearFailures(db: DbTx, key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "Throttle" WHERE "key" = ${key}`; // raw: on every right password
}

/** The secret was right: its attempt is given back (a shared key: a client address). */
export async function refundAttempt(db: DbTx, key: string): Promise<void> {
  await db.$executeRaw`UPDATE "Throttle" SET "failures" = "failures" - 1 WHERE "key" = ${key} AND "failures" > 0`; // raw: on every right password
}

/** When the key is locked or slowed, until when; null when it may be tried now. Reads only. */
export async function lockedUntil(db: DbTx, key: string, policy: ThrottlePolicy, now: Date): Promise<Date | null> {
  const row = await db.throttle.findUnique({ where: { key } });
  if (!row || staleAt(row, policy, now)) return null;
  if (row.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
  return !isSlowDown(policy) && row.failures > policy.maxFailures ? new Date(row.windowStartedAt.getTime() + policy.windowMs) : null;
}

/**
 * Until when takeAttempts would refuse the next attempt under `limits` (the first limit that
 * would, in order), or null when it would count it. Reads only, one raw read per key (it runs on
 * every password attempt): the check a guess passes before it takes anything scarce, such as a
 * place in the hashing line (src/accounts/hashing-line.ts), so that a locked-out guess costs no
 * one a place. takeAttempts still counts atomically after it: two requests may both pass here.
 */
export async function refusedUntil(db: DbTx, limits: readonly Limit[], now: Date): Promise<Date | null> {
  for (const [key, policy] of limits) {
    const rows = await db.$queryRaw<
      Record<string, unknown>[]
    >`SELECT "failures", "windowStartedAt", "lockedUntil" FROM "Throttle" WHERE "key" = ${key}`;
    const r = rows[0];
    if (!r) continue;
    const row = { failures: Number(r.failures), windowStartedAt: rawDate(r.windowStartedAt), lockedUntil: rawDateOrNull(r.lockedUntil) };
    if (staleAt(row, policy, now)) continue;
    if (row.lockedUntil && row.lockedUntil > now) return row.lockedUntil; // locked, or (slowed down) the next slot is taken
    // The next count would pass the budget while the attempts that used it are checked (takeAttempt).
    if (!isSlowDown(policy) && row.failures >= policy.maxFailures) return new Date(row.windowStartedAt.getTime() + policy.windowMs);
  }
  return null;
}

/** The words of a wait (src/throttle/wait-text.ts), where every refusal that says one takes them from. */
export { waitText } from './wait-text.ts';
