// Locks held until the end of a transaction, so that a count and the row it allows are written as
// one step (a limit checked by counting rows is otherwise passed by concurrent requests that all
// count before any of them creates). On PostgreSQL the UPDATE or upsert takes a row lock that
// later transactions wait for; on SQLite any write takes the database's single writer lock.
import type { DbTx } from './client.ts';

/** Serialises the transactions of one account from here to their commit. */
export async function lockAccountRow(tx: DbTx, accountId: string, now: Date): Promise<void> {
  await tx.account.update({ where: { id: accountId }, data: { updatedAt: now }, select: { id: true } });
}

/**
 * Serialises the transactions that name the same thing (a phone number, a client address) from
 * here to their commit: a Throttle row used as a mutex (an atomic upsert; the first creates it).
 * Take several in one fixed order (account, destination, address) so two transactions never wait
 * on each other.
 */
export async function lockName(tx: DbTx, name: string, now: Date): Promise<void> {
  const key = `lock:${name}`;
  await tx.throttle.upsert({ where: { key }, create: { key, windowStartedAt: now }, update: { windowStartedAt: now }, select: { key: true } });
}
