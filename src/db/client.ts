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

/** `onQuery`: called with the text of every SQL statement the client sends (Prisma's query event), to count or compare them. */
export function createDb(url: string, opts: { onQuery?: (sql: string) => void } = {}): Db {
  const log = opts.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
  // The two generated clients have the same API; only the SQL they compile to differs.
  const db =
    engineOf(url) === 'postgresql'
      ? (new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), log }) as unknown as Db)
      : new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: `file:${sqlitePath(url)}` }), log });
  const onQuery = opts.onQuery;
  if (onQuery) (db as unknown as { $on(e: 'query', fn: (e: { query: string }) => void): void }).$on('query', (e) => onQuery(e.query));
  return db;
}
