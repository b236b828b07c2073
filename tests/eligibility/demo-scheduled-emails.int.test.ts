// The demo accounts' stories happen in the past (dev/seed/demo-accounts.ts): the emails they
// schedule for moments already gone must not go out weeks late when the app starts; those still
// ahead (robin's end of wait) stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { testDeps } from '../harness/accounts.ts';
import { DAY } from '../../src/clock.ts';
import { seedCountryAvailability } from '../../src/eligibility/countries.ts';
import { seedDemoAccounts } from '../../dev/seed/demo-accounts.ts';

const NOW = '2026-11-23T10:00:00.000Z';

describe('demo accounts and scheduled emails', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedCountryAvailability(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('no scheduled email is due in the past; robin gets hers when the wait ends', async () => {
    await seedDemoAccounts(testDeps(t.db, NOW));
    const scheduled = await t.db.emailOutbox.findMany({
      where: { kind: { in: ['waiting-period-ended', 'setup-window-closing'] }, sentAt: null },
    });
    for (const row of scheduled) expect(row.nextAttemptAt.getTime()).toBeGreaterThan(new Date(NOW).getTime());
    const robin = await t.db.account.findFirstOrThrow({ where: { appleId: 'robin@two-step.test' } });
    const ended = scheduled.filter((r) => r.accountId === robin.id && r.kind === 'waiting-period-ended');
    expect(ended.map((r) => r.toAddress).sort()).toEqual(['rescue.robin@two-step.test', 'robin@two-step.test']);
    expect(ended[0]!.nextAttemptAt).toEqual(new Date(new Date(NOW).getTime() + 2 * DAY));
  });
});
