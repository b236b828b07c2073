// Vitest's global setup: migrates one template database for the run, which every test file's own
// database is copied from (tests/harness/db.ts). Copying a migrated database takes a fraction of
// what migrating a new one does, and the tests make one for each file (twice in `npm test`).
// Built afresh at each run, so it always has the working tree's migrations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrate.ts';
import { createPostgresDatabase } from '../../scripts/lib/postgres-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The template's URL: a SQLite file, or a PostgreSQL database (by name, on TEST_POSTGRES_URL). */
    testDbTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TEST_DB_ENGINE === 'postgresql') {
    const server = process.env.TEST_POSTGRES_URL;
    if (!server) throw new Error('TEST_DB_ENGINE=postgresql needs TEST_POSTGRES_URL (see .ci/postgres.sh)');
    const template = await createPostgresDatabase(server, 'two_step_template');
    await migrate(template.url);
    project.provide('testDbTemplate', template.url);
    return () => template.drop();
  }
  const dir = mkdtempSync(join(tmpdir(), 'two-step-template-'));
  const url = `file:${join(dir, 'template.db')}`;
  await migrate(url); // closes the file when done: its write-ahead log is folded into it
  project.provide('testDbTemplate', url);
  return async () => rmSync(dir, { recursive: true, force: true });
}
