// Ids for rows inserted by raw SQL (src/db/raw.ts), where Prisma's `@default(cuid())` is not
// applied (the client makes those ids, not the database). Same shape as a cuid: 'c', the time in
// base 36, a counter, then random characters. Lists order ties on the same createdAt by id
// ("createdAt", "id"), so ids made by one process must sort in the order they were made: the
// counter restarts each millisecond and the time never goes back.
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/** A new row id, greater than every id this process made before. */
export function newRowId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    counter++;
  }
  // 36^4 = 1.7 million ids in one millisecond before the counter would widen: far beyond any load.
  const count = counter.toString(36).padStart(4, '0');
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(36)
    .padStart(13, '0')
    .slice(0, 12);
  return `c${lastMs.toString(36).padStart(8, '0')}${count}${random}`;
}

/**
 * An id a request names (a trusted device, an app-specific password, an app, a registered device):
 * the characters ids are made of (cuids, hex digests, base64url), at most 100. Anything else names
 * no row and is refused before it reaches a query: PostgreSQL refuses a NUL in text with an error,
 * which would be a 500, where SQLite just finds nothing.
 */
export const REQUEST_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && REQUEST_ID.test(value);
}
