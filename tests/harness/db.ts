// A real, freshly migrated database for one test file: a SQLite file by default, or a new
// PostgreSQL database when TEST_DB_ENGINE=postgresql (TEST_POSTGRES_URL names the server).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';

export const TEST_ENGINE = process.env.TEST_DB_ENGINE === 'postgresql' ? 'postgresql' : 'sqlite';

export interface TestDb {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  if (TEST_ENGINE === 'postgresql') {
    const server = process.env.TEST_POSTGRES_URL;
    if (!server) throw new Error('TEST_DB_ENGINE=postgresql needs TEST_POSTGRES_URL (see .ci/postgres.sh)');
    const name = `two_step_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    const db = createDb(url.toString());
    return {
      db,
      url: url.toString(),
      async drop() {
        await db.$disconnect();
        const a = new pg.Client({ connectionString: server });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'two-step-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  await migrate(url);
  const db = createDb(url);
  return {
    db,
    url,
    async drop() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
