// A real, freshly migrated database for one test file: a SQLite file by default, or a new
// PostgreSQL database when TEST_DB_ENGINE=postgresql (TEST_POSTGRES_URL names the server). Each is
// a copy of the run's template, migrated once by tests/harness/template-db.ts (vitest's global
// setup); tests/db/test-database.int.test.ts checks that a copy has every migration.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { sqlitePath } from '../../src/db/engine.ts';
import { createPostgresDatabase } from '../../scripts/lib/postgres-database.ts';

export const TEST_ENGINE = process.env.TEST_DB_ENGINE === 'postgresql' ? 'postgresql' : 'sqlite';

export interface TestDb {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const template = inject('testDbTemplate');
  if (TEST_ENGINE === 'postgresql') {
    const server = process.env.TEST_POSTGRES_URL;
    if (!server) throw new Error('TEST_DB_ENGINE=postgresql needs TEST_POSTGRES_URL (see .ci/postgres.sh)');
    const database = await createPostgresDatabase(server, 'two_step_test', new URL(template).pathname.slice(1));
    const db = createDb(database.url);
    return {
      db,
      url: database.url,
      async drop() {
        await db.$disconnect();
        await database.drop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'two-step-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  copyFileSync(sqlitePath(template), sqlitePath(url));
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
