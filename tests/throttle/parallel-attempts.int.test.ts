// Limits that hold under parallel requests (docs/rules.md#sign-in-and-lockouts). 100 attempts at
// once, as from two app instances (tests/harness/two-instances.ts): at most the limit reach the
// check of the secret, and the rest are refused without one. A check that happened is seen from
// outside (a wrong password writes a 'sign-in-failed' event, a wrong Recovery Key a
// 'recovery-key-failed' event) or counted at the bcrypt compare.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_ENGINE, createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, freshAccount, markTwoStepOn, testDeps } from '../harness/accounts.ts';
import { twoInstances } from '../harness/two-instances.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { PER_APPLE_ID } from '../../src/accounts/password-guesses.ts';
import { takeAttempt, type LockPolicy } from '../../src/throttle/throttle.ts';
import { generateRecoveryKey, hashRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import { KEY_RESET_PER_APPLE_ID, startKeyReset } from '../../src/password-reset/by-recovery-key.ts';
import { REQUESTS_PER_APPLE_ID, requestPasswordReset } from '../../src/password-reset/by-link.ts';
import { MINUTE } from '../../src/clock.ts';
import { withTwoStepAccount } from '../two-step/helpers.ts';
import { newAccount, PHONE, smsDevice } from '../codes/helpers.ts';
import { sendCode } from '../../src/codes/codes.ts';
import { SENDS_PER_DESTINATION } from '../../src/codes/limits.ts';
import { MAX_TRUSTED_DEVICES } from '../../src/devices/trusted-devices.ts';
import { addPushDevice, registerDevice } from '../../src/kinds/push/add.ts';
import { MAX_REGISTERED_DEVICES } from '../../src/kinds/push/registered.ts';
import { checkAnswers, QUESTION_LOCK } from '../../src/accounts/question-check.ts';
import { hashSecret } from '../../src/accounts/passwords.ts';
import { addStaffUser, staffSignIn } from '../../src/support/staff.ts';
import { createHashingLine, HASHES_IN_FLIGHT } from '../../src/accounts/hashing-line.ts';

// Every bcrypt compare the code under test makes, counted (the real compare still runs): for the
// checks that leave no event behind (security answers).
const compares = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/accounts/passwords.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/accounts/passwords.ts')>();
  return { ...real, verifySecret: (...args: Parameters<typeof real.verifySecret>) => (compares.count++, real.verifySecret(...args)) };
});

const PARALLEL = 100;
const SHARED_NUMBER_ACCOUNTS = 15;
const STAFF_PASSWORD = 'a long staff passphrase 2026';

describe(`limits under ${PARALLEL} parallel requests (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let accountId: string;
  /** A different client address for every request: the per-Apple-ID limit is the one under test. */
  const from = (i: number) => ({ ...BROWSER, clientAddress: `198.51.100.${i % 250}` });

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  const instance = twoInstances(() => t); // after the hook that makes t
  const via = (i: number) => instance(deps, i);
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
    // A hashing line with a place for every request, shared by no rule: the count is under test
    // here; the line's shares, which let fewer through, are tests/sign-in/server-busy.int.test.ts's.
    const roomy = createHashingLine(HASHES_IN_FLIGHT, PARALLEL, {
      shares: { perClient: PARALLEL, perAppleId: PARALLEL, keptForKnownBrowsers: 0 },
    });
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        signIn({ ...via(i), hashingLine: roomy }, { appleId: 'jane.holder@example.com', password: `wrong guess ${i}` }, from(i)),
      ),
    );
    const compared = await t.db.securityEvent.count({ where: { accountId, kind: 'sign-in-failed' } });
    expect(compared).toBe(PER_APPLE_ID.maxFailures);
    expect(results.filter((r) => !r.ok && r.code === 'WRONG_CREDENTIALS').length).toBeLessThanOrEqual(PER_APPLE_ID.maxFailures);
    expect(results.every((r) => !r.ok)).toBe(true);
    const right = await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, from(7));
    expect(right).toMatchObject({ ok: false, code: 'PASSWORD_LOCKED_OUT', error: expect.stringContaining('15 minutes') });
  });

  it(`wrong Recovery Keys at the reset: at most ${KEY_RESET_PER_APPLE_ID.maxFailures} reach a compare`, async () => {
    await t.db.account.update({
      where: { id: accountId },
      data: { recoveryKeyHash: await hashRecoveryKey(generateRecoveryKey(), 4), recoveryKeyCreatedAt: deps.clock.now() },
    });
    await markTwoStepOn(t.db, accountId, deps.clock.now());
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        startKeyReset(via(i), { appleId: 'jane.holder@example.com', recoveryKey: generateRecoveryKey() }, from(i)),
      ),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await t.db.securityEvent.count({ where: { accountId, kind: 'recovery-key-failed' } })).toBe(KEY_RESET_PER_APPLE_ID.maxFailures);
  });

  it(`reset-link requests: ${REQUESTS_PER_APPLE_ID.maxFailures} links at most, the rest answered alike and sending nothing`, async () => {
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => requestPasswordReset(via(i), { appleId: 'jane.holder@example.com' }, from(i))),
    );
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await t.db.passwordReset.count({ where: { accountId } })).toBe(REQUESTS_PER_APPLE_ID.maxFailures);
    expect(await t.db.emailOutbox.count({ where: { kind: 'password-reset-link', toAddress: 'jane.rescue@example.org' } })).toBe(
      REQUESTS_PER_APPLE_ID.maxFailures,
    );
    // The newest link still works: the requests past the budget ended none.
    expect(await t.db.passwordReset.count({ where: { accountId, usedAt: null, expiresAt: { gt: deps.clock.now() } } })).toBe(1);
  });
});

describe(`counted limits under ${PARALLEL} parallel requests (${TEST_ENGINE})`, () => {
  const s = withTwoStepAccount();
  const instance = twoInstances(() => s.t);
  const via = (i: number) => instance(s.a.deps, i);
  const from = (i: number) => ({ ...BROWSER, clientAddress: `198.51.100.${i % 250}` });

  it(`codes to one number from ${SHARED_NUMBER_ACCOUNTS} accounts at once: at most ${SENDS_PER_DESTINATION.max} are sent`, async () => {
    const devices = [{ accountId: s.a.accountId, id: s.a.phoneId }];
    for (let i = 1; i < SHARED_NUMBER_ACCOUNTS; i++) {
      const accountId = await newAccount(s.t.db, s.a.clock, `holder${i}@example.com`);
      devices.push({ accountId, id: await smsDevice(s.t.db, accountId, PHONE) });
    }
    const results = await Promise.all(
      devices.map((d, i) => sendCode(via(i), { accountId: d.accountId, trustedDeviceId: d.id, purpose: 'sign-in' }, from(i))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(SENDS_PER_DESTINATION.max);
    expect(s.a.sms.sent.filter((m) => m.to === PHONE)).toHaveLength(SENDS_PER_DESTINATION.max);
  });

  it(`registering and adding devices at once: never more than ${MAX_REGISTERED_DEVICES} registered and ${MAX_TRUSTED_DEVICES} trusted or pending`, async () => {
    const registered = await Promise.all(
      Array.from({ length: 30 }, (_, i) => registerDevice(via(i), s.a.actor, { name: `iPad ${i}` }, BROWSER)),
    );
    expect(registered.filter((r) => r.ok)).toHaveLength(MAX_REGISTERED_DEVICES);
    const ids = (await s.t.db.registeredDevice.findMany({ where: { accountId: s.a.accountId } })).map((r) => r.id);
    await Promise.all(ids.map((id, i) => addPushDevice(via(i), s.a.actor, id, BROWSER)));
    expect(await s.t.db.registeredDevice.count({ where: { accountId: s.a.accountId } })).toBe(MAX_REGISTERED_DEVICES);
    expect(await s.t.db.trustedDevice.count({ where: { accountId: s.a.accountId } })).toBe(MAX_TRUSTED_DEVICES);
  });

  it(`security answers: of ${PARALLEL} wrong pairs at once, at most ${QUESTION_LOCK.maxFailures} are compared`, async () => {
    const answerHash = await hashSecret('the right answer', 4);
    await s.t.db.securityQuestion.createMany({
      data: [1, 2, 3].map((position) => ({ accountId: s.a.accountId, position, questionId: `q${position}`, answerHash })),
    });
    compares.count = 0;
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => checkAnswers(via(i).db, s.a.accountId, [1, 2], ['a', 'b'], s.a.clock.now())),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(compares.count).toBe(QUESTION_LOCK.maxFailures * 2); // two answers a pair
  });

  it(`staff sign-in: at most ${PER_APPLE_ID.maxFailures} wrong passwords are compared`, async () => {
    await addStaffUser(s.a.deps, { email: 'sam@example.com', displayName: 'Sam Staff', password: STAFF_PASSWORD });
    compares.count = 0;
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        staffSignIn(via(i), { email: 'sam@example.com', password: `wrong staff password ${i}` }, from(i)),
      ),
    );
    expect(compares.count).toBe(PER_APPLE_ID.maxFailures);
    expect(results.filter((r) => !r.ok && r.code === 'STAFF_WRONG_CREDENTIALS').length).toBeLessThanOrEqual(PER_APPLE_ID.maxFailures);
    expect((await staffSignIn(s.a.deps, { email: 'sam@example.com', password: STAFF_PASSWORD }, from(3))).ok).toBe(false);
  });
});
