import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { MIGRATIONS_TABLE, shippedMigrations } from '../../src/db/migrate.ts';

// Each test file's database is a copy of one template migrated for the run (tests/harness/):
// it must be as migrate() leaves a new database, and a database of its own.
describe(`a test database (${TEST_ENGINE})`, () => {
  let a: TestDb;
  let b: TestDb;
  beforeAll(async () => {
    a = await createTestDb();
    b = await createTestDb();
  });
  afterAll(async () => {
    await a.drop();
    await b.drop();
  });

  it('has every migration this tree ships, recorded as applied', async () => {
    const rows = await a.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual(shippedMigrations(a.url));
    expect(shippedMigrations(a.url).length).toBeGreaterThan(0);
  });

  it('is its own: what one test file writes, another does not see', async () => {
    expect(a.url).not.toBe(b.url);
    await a.db.countryAvailability.create({ data: { countryCode: 'FR', availableFrom: new Date('2013-05-22T00:00:00Z') } });
    expect(await a.db.countryAvailability.count()).toBe(1);
    expect(await b.db.countryAvailability.count()).toBe(0);
    const c = await createTestDb(); // a copy made after the write: the template did not change either
    try {
      expect(await c.db.countryAvailability.count()).toBe(0);
    } finally {
      await c.drop();
    }
  });
});
