// Scheduled emails: outbox rows (outbox.ts) whose first nextAttemptAt is a due time in the future.
// The outbox worker (outbox-worker.ts) already takes only rows with nextAttemptAt <= now and CLAIMS
// each one with a conditional UPDATE before sending, so a scheduled email is delivered exactly once
// however many app instances run workers, and not before it is due. Nothing else is needed: no
// timer, no second queue.
//
// A scheduled email that is no longer true (the waiting period was extended, two-step was turned on,
// the country was taken off the list) is CANCELLED by deleting its unsent row, in the same
// transaction as the change that made it untrue, unless a worker holds a claim on it right now (it
// is being sent: it was due before the change). The delete and the claim are each one atomic
// statement on the row, so either the worker sends it or it is gone, never both. A row that was due
// but is not sent yet (workers were down) is cancelled too: a late "5 days left" is worse than none.
import type { DbTx } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { enqueueEmail, type OutgoingEmail } from './outbox.ts';

/** Queues `email` (one row per distinct recipient) to be sent at `dueAt`, or at once if that has passed. */
export async function scheduleEmail(tx: DbTx, email: OutgoingEmail, dueAt: Date, clock: Clock): Promise<void> {
  await enqueueEmail(tx, email, clock, dueAt);
}

/**
 * Deletes the unsent, unclaimed emails of these kinds (for this account, when given). Returns how
 * many rows went.
 */
export async function cancelScheduledEmails(tx: DbTx, filter: { kinds: string[]; accountId?: string }, clock: Clock): Promise<number> {
  const { count } = await tx.emailOutbox.deleteMany({
    where: {
      kind: { in: filter.kinds },
      ...(filter.accountId ? { accountId: filter.accountId } : {}),
      sentAt: null,
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: clock.now() } }],
    },
  });
  return count;
}
