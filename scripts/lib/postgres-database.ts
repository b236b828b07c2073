// A throwaway PostgreSQL database on a server the tests, the bench and the attack script are
// given (TEST_POSTGRES_URL): created with a random name, dropped (connections and all) at the end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ThrowawayPostgres {
  /** The new database's URL: the server's, with its name as the path. */
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates `<prefix>_<random hex>` on the server at `serverUrl`: empty, or a copy of the database
 * named `template` (which nobody may be connected to meanwhile). Copying a migrated database is
 * several times quicker than migrating a new one (the tests make one per file: tests/harness/).
 */
export async function createPostgresDatabase(serverUrl: string, prefix: string, template?: string): Promise<ThrowawayPostgres> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
