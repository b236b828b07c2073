// Limits that hold under parallel requests (issue 11, part 1). 100 attempts at once; on PostgreSQL
// split over two database clients (two connection pools) as two app instances would send them, on
// SQLite (one app instance: one connection, which its process serialises) through one: at most the
// limit reach the check of the secret, and the rest are refused without one. A check that happened is seen from outside: a wrong password
// writes a 'sign-in-failed' event, a wrong Recovery Key a 'recovery-key-failed' event.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENGINE, createTestDb, type TestDb } from '../support/db.ts';
import { BROWSER, GOOD_PASSWORD, freshAccount, markTwoStepOn, testDeps } from '../support/accounts.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { PER_APPLE_ID, signIn, WRONG_CREDENTIALS } from '../../src/accounts/sign-in.ts';
import { takeAttempt, type LockPolicy } from '../../src/throttle/throttle.ts';
import { generateRecoveryKey, hashRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import { KEY_RESET_PER_APPLE_ID, startKeyReset } from '../../src/two-step/recovery-key-reset.ts';
import { REQUESTS_PER_APPLE_ID, requestPasswordReset } from '../../src/accounts/password-reset.ts';
import { MINUTE } from '../../src/clock.ts';

const PARALLEL = 100;

describe(`limits under ${PARALLEL} parallel requests (${TEST_ENGINE}${TEST_ENGINE === 'postgresql' ? ', two clients' : ''})`, () => {
  let t: TestDb;
  let second: Db;
  let deps: ReturnType<typeof testDeps>;
  let accountId: string;
  /** The i-th request's dependencies: even ones through the first client, odd through the second. */
  const via = (i: number) => ({ ...deps, db: i % 2 === 0 ? t.db : second });
  /** A different client address for every request: the per-Apple-ID limit is the one under test. */
  const from = (i: number) => ({ ...BROWSER, clientAddress: `198.51.100.${i % 250}` });

  beforeAll(async () => {
    t = await createTestDb();
    second = TEST_ENGINE === 'postgresql' ? createDb(t.url) : t.db;
  });
  afterAll(async () => {
    if (second !== t.db) await second.$disconnect();
    await t.drop();
  });
  beforeEach(async () => {
    ({ deps, accountId } = await freshAccount(t.db));
  });

  it('one attempt counter: of 100 attempts at once under a limit of 5, exactly 5 go ahead', async () => {
    const policy: LockPolicy = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
    const now = deps.clock.now();
    const refusals = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => takeAttempt(via(i).db, 'test:one-key', policy, now)));
    expect(refusals.filter((r) => r === null)).toHaveLength(5);
  });

  it(`wrong passwords: at most ${PER_APPLE_ID.maxFailures} reach a password compare, and the right password sent last is refused`, async () => {
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => signIn(via(i), { appleId: 'jane.holder@example.com', password: `wrong guess ${i}` }, from(i))),
    );
    const compared = await t.db.securityEvent.count({ where: { accountId, kind: 'sign-in-failed' } });
    expect(compared).toBe(PER_APPLE_ID.maxFailures);
    expect(results.filter((r) => !r.ok && r.error === WRONG_CREDENTIALS).length).toBeLessThanOrEqual(PER_APPLE_ID.maxFailures);
    expect(results.every((r) => !r.ok)).toBe(true);
    const right = await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, from(7));
    expect(right).toEqual({ ok: false, error: expect.stringMatching(/^Too many unsuccessful sign-in attempts\. For your security, try again in 15 minutes\.$/) });
  });

  it(`wrong Recovery Keys at the reset: at most ${KEY_RESET_PER_APPLE_ID.maxFailures} reach a compare`, async () => {
    await t.db.account.update({ where: { id: accountId }, data: { recoveryKeyHash: await hashRecoveryKey(generateRecoveryKey(), 4), recoveryKeyCreatedAt: deps.clock.now() } });
    await markTwoStepOn(t.db, accountId, deps.clock.now());
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => startKeyReset(via(i), { appleId: 'jane.holder@example.com', recoveryKey: generateRecoveryKey() }, from(i))),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await t.db.securityEvent.count({ where: { accountId, kind: 'recovery-key-failed' } })).toBe(KEY_RESET_PER_APPLE_ID.maxFailures);
  });

  it(`reset-link requests: ${REQUESTS_PER_APPLE_ID.maxFailures} links at most, the rest answered alike and sending nothing`, async () => {
    const results = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => requestPasswordReset(via(i), { appleId: 'jane.holder@example.com' }, from(i))));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await t.db.passwordReset.count({ where: { accountId } })).toBe(REQUESTS_PER_APPLE_ID.maxFailures);
    expect(await t.db.emailOutbox.count({ where: { kind: 'password-reset-link', toAddress: 'jane.rescue@example.org' } })).toBe(REQUESTS_PER_APPLE_ID.maxFailures);
    // The newest link still works: the requests past the budget ended none.
    expect(await t.db.passwordReset.count({ where: { accountId, usedAt: null, expiresAt: { gt: deps.clock.now() } } })).toBe(1);
  });
});
