// Failure counters with lockouts, kept in the database so that every app instance sees the same
// counts. Used for sign-in failures per Apple ID and per client address.
import type { Db } from '../db/client.ts';

export interface ThrottlePolicy {
  /** Failures allowed inside one window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** When the key is locked, until when; null when it may try. */
export async function lockedUntil(db: Db, key: string, now: Date): Promise<Date | null> {
  const row = await db.throttle.findUnique({ where: { key } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts one failure; returns the lock end if this failure locked the key. */
export async function recordFailure(db: Db, key: string, policy: ThrottlePolicy, now: Date): Promise<Date | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.throttle.findUnique({ where: { key } });
    const windowOpen = row && now.getTime() - row.windowStartedAt.getTime() < policy.windowMs && !(row.lockedUntil && row.lockedUntil <= now);
    const failures = windowOpen ? row.failures + 1 : 1;
    const lock = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null;
    await tx.throttle.upsert({
      where: { key },
      create: { key, failures, windowStartedAt: now, lockedUntil: lock },
      update: { failures, windowStartedAt: windowOpen ? row.windowStartedAt : now, lockedUntil: lock },
    });
    return lock;
  });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.throttle.deleteMany({ where: { key } });
}

/** "3 minutes", "1 hour": how long a person has to wait, rounded up to the minute. */
export function waitText(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}
