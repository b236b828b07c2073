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

export function createDb(url: string): Db {
  if (engineOf(url) === 'postgresql') {
    // The two generated clients have the same API; only the SQL they compile to differs.
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: `file:${sqlitePath(url)}` }) });
}
