import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { AVAILABILITY_SEED, seedCountryAvailability } from '../../src/eligibility/countries.ts';

describe('seedCountryAvailability', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  it('fills an empty table with every seed entry', async () => {
    expect(await seedCountryAvailability(t.db)).toBe(AVAILABILITY_SEED.length);
    expect(await t.db.countryAvailability.count()).toBe(AVAILABILITY_SEED.length);
    expect(await t.db.countryAvailability.findUnique({ where: { countryCode: 'CA' } })).toEqual({
      countryCode: 'CA',
      availableFrom: new Date('2013-05-22T00:00:00.000Z'),
    });
  });

  it('inserts nothing the second time', async () => {
    expect(await seedCountryAvailability(t.db)).toBe(0);
    expect(await t.db.countryAvailability.count()).toBe(AVAILABILITY_SEED.length);
  });

  it('never overwrites a row an operator changed, and puts back only what is missing', async () => {
    const moved = new Date('2030-01-01T00:00:00.000Z');
    await t.db.countryAvailability.update({ where: { countryCode: 'US' }, data: { availableFrom: moved } });
    await t.db.countryAvailability.delete({ where: { countryCode: 'JP' } });
    await t.db.countryAvailability.create({ data: { countryCode: 'NP', availableFrom: new Date('2031-01-01T00:00:00.000Z') } });

    expect(await seedCountryAvailability(t.db)).toBe(1);
    expect((await t.db.countryAvailability.findUnique({ where: { countryCode: 'US' } }))?.availableFrom).toEqual(moved);
    expect((await t.db.countryAvailability.findUnique({ where: { countryCode: 'JP' } }))?.availableFrom).toEqual(
      new Date('2013-06-27T00:00:00.000Z'),
    );
    expect(await t.db.countryAvailability.findUnique({ where: { countryCode: 'NP' } })).not.toBeNull();
    expect(await t.db.countryAvailability.count()).toBe(AVAILABILITY_SEED.length + 1);
  });
});
