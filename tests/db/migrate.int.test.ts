import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { migrate } from '../../src/db/migrate.ts';

describe('migrations', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  it('leaves a database that the client can write and read', async () => {
    const row = await t.db.countryAvailability.create({ data: { countryCode: 'US', availableFrom: new Date('2013-03-21T00:00:00Z') } });
    expect(await t.db.countryAvailability.findUnique({ where: { countryCode: 'US' } })).toEqual(row);
  });

  it('applies nothing the second time', async () => {
    expect(await migrate(t.url)).toEqual([]);
  });
});
