// Bulk inserts for the bench's seed, straight through the driver: Prisma's createMany costs about
// 3 ms a row here (10,000 accounts took half a minute), a prepared statement in a transaction
// (SQLite) or multi-row INSERTs in a transaction (PostgreSQL) take microseconds. Values are
// written as Prisma stores them: on SQLite a DateTime is ISO 8601 text with "+00:00", on
// PostgreSQL a TIMESTAMP(3) in UTC.
import Database from 'better-sqlite3';
import pg from 'pg';
import { engineOf, sqlitePath } from '../../src/db/engine.ts';

export type Value = string | number | Date | null;

export interface Bulk {
  insert(table: string, columns: string[], rows: Value[][]): Promise<void>;
  close(): Promise<void>;
}

const sqliteValue = (v: Value) => (v instanceof Date ? v.toISOString().replace('Z', '+00:00') : v);
const pgValue = (v: Value) => (v instanceof Date ? v.toISOString().replace('T', ' ').replace('Z', '') : v);

export async function openBulk(url: string): Promise<Bulk> {
  if (engineOf(url) === 'sqlite') {
    const db = new Database(sqlitePath(url));
    db.pragma('busy_timeout = 10000');
    return {
      async insert(table, columns, rows) {
        const statement = db.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        db.transaction(() => {
          for (const row of rows) statement.run(row.map(sqliteValue));
        })();
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async insert(table, columns, rows) {
      const perStatement = Math.floor(30_000 / columns.length);
      await client.query('BEGIN');
      try {
        for (let start = 0; start < rows.length; start += perStatement) {
          const chunk = rows.slice(start, start + perStatement);
          const params: Value[] = [];
          const tuples = chunk.map((row) => `(${row.map((v) => (params.push(pgValue(v)), `$${params.length}`)).join(', ')})`);
          await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, params);
        }
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    },
    async close() {
      await client.end();
    },
  };
}
