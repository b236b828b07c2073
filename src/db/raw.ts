// Raw SQL for the hottest reads and writes. Prisma 6's client engine compiles every model query
// again on each call (its wasm query compiler keeps no plan cache): about 0.7 ms of CPU for a
// findUnique, against about 0.14 ms for a `$queryRaw`. Write the SQL as a tagged template
// (`db.$queryRaw\`...\``): Prisma puts the right placeholders in for each engine and passes every
// value as a parameter.
//
// The SQL must be the same on both engines: quote every table and column name ("Session"."lastSeenAt":
// the names are camelCase, PostgreSQL folds unquoted ones to lower case). Compare dates only as a
// column against a Date parameter (SQLite stores them as text: the adapter binds the parameter in
// the format it writes, so the comparison is the one a model query makes), never with SQL date
// functions. A raw INSERT gives the ids Prisma's `@default(cuid())` would give: newRowId
// (src/db/row-id.ts). Raw rows come back as each engine gives them: dates as Date objects on
// PostgreSQL and as stored text on SQLite, booleans as 0/1 on SQLite. Map every raw row through
// the helpers below, in the one function that reads it.
import { Prisma } from '../generated/sqlite/client.ts';

/** A DateTime column of a raw row as a Date. */
export function rawDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value)); // SQLite 'unixepoch-ms'
  if (typeof value === 'string') {
    // The adapter writes ISO 8601 with a zone; a zone-less "YYYY-MM-DD HH:MM:SS" (SQLite's own
    // CURRENT_TIMESTAMP) is UTC, not the server's local time.
    return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
  }
  throw new TypeError(`not a stored date: ${typeof value}`);
}

/** A nullable DateTime column of a raw row. */
export function rawDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : rawDate(value);
}

/** A nullable text column of a raw row. */
export function rawTextOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A Boolean column or expression of a raw row (SQLite: 0/1; PostgreSQL: a boolean). */
export function rawBool(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === '1' || value === 't';
}

/** A COUNT(*) of a raw row (PostgreSQL returns a bigint). */
export function rawCount(value: unknown): number {
  return Number(value ?? 0);
}

/**
 * Values for `IN (${valueList(values)})` in a raw tagged template, each one a parameter (both
 * engines' clients share the runtime whose join this is). `values` must not be empty: `IN ()` is
 * not SQL.
 */
export function valueList(values: readonly string[]) {
  if (values.length === 0) throw new RangeError('valueList: no values');
  return Prisma.join(values);
}
