// The database client. One Prisma datamodel, two generated clients (one per engine); the rest of
// the code sees one type, `Db`, whichever engine runs underneath.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.ts';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client.ts';
import { engineOf, sqlitePath } from './engine.ts';

export type Db = SqliteClient;
/** A client or an interactive transaction: what domain functions write through. */
export type DbTx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/**
 * How long an interactive transaction may wait for a connection of the pool (`maxWait`) and then
 * run, waiting for row locks included (`timeout`). Prisma's defaults (2 s and 5 s) turn a burst,
 * such as a hundred requests at once on one account or a busy machine, into errors: the holder
 * would get a 500 where a wait is right. Requests queue instead; what any one client can ask for is
 * bounded by the limits and the hashing line, not by this.
 */
export const TRANSACTION_WAIT = { maxWait: 20_000, timeout: 20_000 } as const;

/** `onQuery`: called with the text of every SQL statement the client sends (Prisma's query event), to count or compare them. */
export function createDb(url: string, opts: { onQuery?: (sql: string) => void } = {}): Db {
  const log = opts.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
  // The two generated clients have the same API; only the SQL they compile to differs.
  const db =
    engineOf(url) === 'postgresql'
      ? (new PostgresClient({
          adapter: new PrismaPg({ connectionString: url }),
          log,
          transactionOptions: TRANSACTION_WAIT,
        }) as unknown as Db)
      : new SqliteClient({
          adapter: new PrismaBetterSQLite3({ url: `file:${sqlitePath(url)}` }),
          log,
          transactionOptions: TRANSACTION_WAIT,
        });
  const onQuery = opts.onQuery;
  if (onQuery) (db as unknown as { $on(e: 'query', fn: (e: { query: string }) => void): void }).$on('query', (e) => onQuery(e.query));
  return db;
}
