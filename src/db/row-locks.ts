// Locks held until the end of a transaction, so that a count and the row it allows are written as
// one step (a limit checked by counting rows is otherwise passed by concurrent requests that all
// count before any of them creates). On PostgreSQL the UPDATE or upsert takes a row lock that
// later transactions wait for; on SQLite any write takes the database's single writer lock.
// Raw SQL (src/db/raw.ts): every code sent takes two or three of these locks.
import type { DbTx } from './client.ts';

/** Serialises the transactions of one account from here to their commit. */
export async function lockAccountRow(tx: DbTx, accountId: string, now: Date): Promise<void> {
  await tx.$executeRaw`UPDATE "Account" SET "updatedAt" = ${now} WHERE "id" = ${accountId}`;
}

/**
 * Serialises the transactions that name the same thing (a phone number, a client address) from
 * here to their commit: a Throttle row used as a mutex (an atomic upsert; the first creates it).
 * Take several in one fixed order (account, destination, address) so two transactions never wait
 * on each other.
 */
export async function lockName(tx: DbTx, name: string, now: Date): Promise<void> {
  const key = `lock:${name}`;
  await tx.$executeRaw`INSERT INTO "Throttle" ("key", "failures", "windowStartedAt") VALUES (${key}, 0, ${now}) ON CONFLICT ("key") DO UPDATE SET "windowStartedAt" = ${now}`;
}
