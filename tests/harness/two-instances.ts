// Parallel requests as two app instances on one database send them. For a describe block: on
// PostgreSQL the even requests go through the test's client and the odd ones through a second
// client (a connection pool of its own, as a second instance has); on SQLite (one app instance,
// whose one connection its process serialises) all go through the one client.
import { afterAll, beforeAll } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { TEST_ENGINE, type TestDb } from './db.ts';

export function twoInstances(testDb: () => TestDb): <D extends { db: Db }>(deps: D, i: number) => D {
  let second: Db | null = null;
  beforeAll(() => {
    if (TEST_ENGINE === 'postgresql') second = createDb(testDb().url);
  });
  afterAll(async () => {
    await second?.$disconnect();
  });
  return (deps, i) => (i % 2 === 1 && second ? { ...deps, db: second } : deps);
}
