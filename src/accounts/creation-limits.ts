// The limits on asking for a new Apple ID (issue 11, §6): per client address, so that nobody can
// make accounts (or send activation emails) in bulk, and per Apple ID, so that nobody can fill an
// inbox with "activate your Apple ID" or "someone tried to create an Apple ID" emails.
//
// A fixed-window counter in the Throttle table: the window's start is part of the row's key, and
// each attempt is ONE atomic statement, an upsert with an increment (both engines run it as
// INSERT ... ON CONFLICT DO UPDATE ... RETURNING, row-locked), so parallel requests each get their
// own number and exactly `max` of them go ahead. (Kept here, apart from src/throttle/throttle.ts,
// which counts failures with lockouts; this counts every request and never locks past the window.)
import type { DbTx } from '../db/client.ts';
import { HOUR } from '../clock.ts';

export interface WindowLimit {
  /** Requests allowed in one window. */
  max: number;
  windowMs: number;
}

// (ours) Ten new Apple IDs an hour from one address: more than a family or a classroom makes at
// once, few enough that the form is no tool for bulk sign-ups or mailing.
export const CREATIONS_PER_CLIENT_ADDRESS: WindowLimit = { max: 10, windowMs: HOUR };
// (ours) Three emails an hour to one address, whichever of the two emails it is: enough to ask
// again when the first one is slow, not enough to flood an inbox.
export const EMAILS_PER_APPLE_ID: WindowLimit = { max: 3, windowMs: HOUR };

export const addressCreationKey = (address: string) => `create-account:address:${address}`;
export const appleIdCreationKey = (appleIdKey: string) => `create-account:apple-id:${appleIdKey}`;

const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === 'P2002';

/**
 * Counts one request under `key` in the current window. Returns null when it may go ahead, or the
 * end of the window when the limit is reached (the request was counted all the same, which does
 * not matter: the count only decides until the window ends).
 */
export async function countRequest(db: DbTx, key: string, limit: WindowLimit, now: Date): Promise<Date | null> {
  const start = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
  const rowKey = `${key}@${start}`;
  let count: number | undefined;
  for (let attempt = 0; count === undefined; attempt++) {
    try {
      const row = await db.throttle.upsert({
        where: { key: rowKey },
        create: { key: rowKey, failures: 1, windowStartedAt: new Date(start) },
        update: { failures: { increment: 1 } },
        select: { failures: true },
      });
      count = row.failures;
    } catch (e) {
      // Two first requests of a window at once, if the engine ran the upsert as select-then-insert:
      // the row exists now, and the next try increments it.
      if (!isUniqueViolation(e) || attempt >= 2) throw e;
    }
  }
  if (count === 1) {
    // The first request of a window clears the rows of earlier windows of the same key.
    await db.throttle.deleteMany({ where: { key: { startsWith: `${key}@` }, windowStartedAt: { lt: new Date(start) } } });
  }
  return count <= limit.max ? null : new Date(start + limit.windowMs);
}
