// Applies the committed SQL migrations (prisma/migrations/<engine>/<NNNN_name>/migration.sql)
// with umzug. `prisma migrate deploy` is not used: it does not work through driver adapters.
// Works on a fresh or partly migrated database, and on PostgreSQL several app instances may
// start at once (an advisory lock serialises them).
import { existsSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Umzug, type UmzugStorage } from 'umzug';
import Database from 'better-sqlite3';
import pg from 'pg';
import { engineOf, sqlitePath } from './engine.ts';

/** One row per applied migration (its folder name); /readyz compares it with shippedMigrations. */
export const MIGRATIONS_TABLE = '_two_step_migrations';
const PG_LOCK_KEY = 738_201_3; // any constant: one advisory lock for "migrating"

interface SqlRunner {
  exec(sql: string): Promise<void>;
  appliedNames(): Promise<string[]>;
  close(): Promise<void>;
}

async function sqliteRunner(url: string): Promise<SqlRunner> {
  const file = sqlitePath(url);
  mkdirSync(dirname(resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  return {
    async exec(sql) {
      db.exec(sql);
    },
    async appliedNames() {
      return db
        .prepare(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY name`)
        .all()
        .map((r) => (r as { name: string }).name);
    },
    async close() {
      db.close();
    },
  };
}

async function postgresRunner(url: string): Promise<SqlRunner> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [PG_LOCK_KEY]);
  return {
    async exec(sql) {
      await client.query(sql);
    },
    async appliedNames() {
      const { rows } = await client.query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY name`);
      return rows.map((r: { name: string }) => r.name);
    },
    async close() {
      await client.query('SELECT pg_advisory_unlock($1)', [PG_LOCK_KEY]);
      await client.end();
    },
  };
}

export function migrationsDir(url: string, root = process.cwd()): string {
  return join(root, 'prisma', 'migrations', engineOf(url));
}

/** The migrations this build ships for the engine of `url` (folder names, in order). */
export function shippedMigrations(url: string, root = process.cwd()): string[] {
  const dir = migrationsDir(url, root);
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'migration.sql')))
    .sort();
}

/** Applies every pending migration; returns the names applied now. */
export async function migrate(url: string, options: { root?: string; log?: (line: string) => void } = {}): Promise<string[]> {
  const runner = engineOf(url) === 'postgresql' ? await postgresRunner(url) : await sqliteRunner(url);
  try {
    await runner.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
    const storage: UmzugStorage = {
      // The record is written by `up` itself, in the migration's own transaction (see below).
      async logMigration() {},
      async unlogMigration() {
        throw new Error('Migrations only go forward: write a new migration instead of reverting one.');
      },
      executed: () => runner.appliedNames(),
    };
    const umzug = new Umzug({
      migrations: {
        glob: ['*/migration.sql', { cwd: migrationsDir(url, options.root) }],
        resolve: ({ name, path }) => ({
          name: path!.split(/[\\/]/).at(-2)!, // the folder (NNNN_name): every file is migration.sql
          // A migration and its record commit together, so a failed one leaves no trace and is
          // retried at the next start. Both engines run DDL inside transactions.
          up: async () => {
            const migrationName = path!.split(/[\\/]/).at(-2)!;
            const sql = readFileSync(path!, 'utf8');
            const record = `INSERT INTO ${MIGRATIONS_TABLE} (name, applied_at) VALUES ('${migrationName}', '${new Date().toISOString()}')`;
            await runner.exec(`BEGIN;\n${sql}\n;${record};\nCOMMIT;`);
          },
        }),
      },
      storage,
      logger: undefined,
    });
    const applied = await umzug.up();
    for (const m of applied) options.log?.(`applied migration ${m.name}`);
    return applied.map((m) => m.name);
  } finally {
    await runner.close();
  }
}
