// Asking for a reset link does the same database work whatever the Apple ID: an account with two-step
// off (a link), one with two-step on (no link), one with no rescue email, and no account at all send
// the same SQL statements in the same order, so the time of the answer does not tell them apart.
// The statements are what the client sends (Prisma's query event), on a real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { accountInput, BROWSER, testDeps } from '../harness/accounts.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { requestPasswordReset, RESET_REQUESTED } from '../../src/password-reset/by-link.ts';

const WITH_LINK = 'link.holder@example.com';
const WITH_TWO_STEP = 'two.step@example.com';
const NO_RESCUE = 'no.rescue@example.com';
const NO_ACCOUNT = 'nobody.here@example.com';

describe(`asking for a reset link: the same statements for every Apple ID (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let recorded: Db;
  let statements: string[] = [];

  beforeAll(async () => {
    t = await createTestDb();
    recorded = createDb(t.url, { onQuery: (sql) => statements.push(sql.replace(/\s+/g, ' ').trim()) });
  });
  afterAll(async () => {
    await recorded?.$disconnect();
    await t?.drop();
  });
  beforeEach(async () => {
    await t.db.account.deleteMany();
    await t.db.throttle.deleteMany();
    const deps = testDeps(t.db);
    for (const [appleId, rescueEmail] of [
      [WITH_LINK, 'rescue.one@example.org'],
      [WITH_TWO_STEP, 'rescue.two@example.org'],
      [NO_RESCUE, undefined],
    ] as const) {
      const created = await createAccount(deps, accountInput({ appleId, rescueEmail }), BROWSER);
      if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    }
    await t.db.account.update({ where: { appleIdKey: WITH_TWO_STEP }, data: { twoStepEnabledAt: new Date() } });
    await t.db.emailOutbox.deleteMany();
    await t.db.securityEvent.deleteMany();
  });

  /** The statements one request for `appleId` sends, each from its own client address. */
  async function statementsOf(appleId: string, i: number): Promise<string[]> {
    statements = [];
    const answer = await requestPasswordReset(testDeps(recorded), { appleId }, { ...BROWSER, clientAddress: `198.51.100.${i}` });
    expect(answer).toEqual({ ok: true, message: RESET_REQUESTED });
    return statements;
  }

  it('an account with two-step off, one with it on, one without a rescue email and no account: one sequence of statements', async () => {
    const link = await statementsOf(WITH_LINK, 1);
    for (const [i, appleId] of [WITH_TWO_STEP, NO_RESCUE, NO_ACCOUNT].entries())
      expect(await statementsOf(appleId, i + 2), appleId).toEqual(link);

    // What they wrote differs: a link for the first and the third, none for the others; emails to the addresses on file.
    const links = await t.db.passwordReset.findMany({ select: { account: { select: { appleIdKey: true } } } });
    expect(links.map((l) => l.account.appleIdKey).sort()).toEqual([WITH_LINK, NO_RESCUE].sort());
    const mails = await t.db.emailOutbox.findMany({ select: { kind: true, toAddress: true } });
    expect(mails.map((m) => `${m.kind} ${m.toAddress}`).sort()).toEqual(
      [
        `password-reset-link ${WITH_LINK}`,
        'password-reset-link rescue.one@example.org',
        `password-reset-recovery-key ${WITH_TWO_STEP}`,
        'password-reset-recovery-key rescue.two@example.org',
        `password-reset-link ${NO_RESCUE}`,
      ].sort(),
    );
    expect(await t.db.securityEvent.count({ where: { kind: 'password-reset-requested' } })).toBe(3);
  });
});
