// "Can't use any of your devices?": password + Recovery Key give a session that can only verify a
// new trusted device; verifying one completes the sign-in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import { newAccount, smsDevice, START, type TestClock } from '../codes/helpers.ts';
import { fixedClock, MINUTE } from '../../src/clock.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { resolveSession } from '../../src/sessions/sessions.ts';
import { generateRecoveryKey, formatRecoveryKey, hashRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import { finishRecovery, signInWithRecoveryKey } from '../../src/sign-in/recovery-key.ts';

describe('signing in with the Recovery Key', () => {
  let t: TestDb;
  let clock: TestClock;
  let accountId: string;
  let key: string;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.db.account.deleteMany();
    await t.db.throttle.deleteMany();
    clock = fixedClock(START);
    accountId = await newAccount(t.db, clock);
    key = generateRecoveryKey();
    await t.db.account.update({
      where: { id: accountId },
      data: {
        twoStepEnabledAt: clock.now(),
        recoveryKeyHash: await hashRecoveryKey(key, 4),
        recoveryKeyCreatedAt: clock.now(),
        recoveryKeyConfirmedAt: clock.now(),
      },
    });
    await t.db.session.deleteMany();
  });

  const deps = () => ({ db: t.db, clock, bcryptCost: 4 });
  async function passwordStep() {
    const result = await signIn(deps(), { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER);
    if (!result.ok) throw new Error(result.error);
    return result.sessionToken;
  }

  it('password + Recovery Key (as printed, any case) give a recovery session, not a signed-in one', async () => {
    const token = await passwordStep();
    const result = await signInWithRecoveryKey(deps(), token, { recoveryKey: formatRecoveryKey(key).toLowerCase() }, BROWSER);
    if (!result.ok) throw new Error(result.error);
    expect((await resolveSession(t.db, result.sessionToken, clock.now()))?.stage).toBe('recovery');
    expect(await resolveSession(t.db, token, clock.now())).toBeNull();
    expect(await t.db.securityEvent.count({ where: { kind: 'recovery-key-used' } })).toBe(1);
  });

  it('the recovery session becomes a signed-in one only once a new trusted device is verified', async () => {
    const token = await passwordStep();
    const recovery = await signInWithRecoveryKey(deps(), token, { recoveryKey: key }, BROWSER);
    if (!recovery.ok) throw new Error(recovery.error);
    expect(await finishRecovery(deps(), recovery.sessionToken, BROWSER)).toBeNull(); // no trusted device yet
    await smsDevice(t.db, accountId, '+15550106655', { verified: false });
    expect(await finishRecovery(deps(), recovery.sessionToken, BROWSER)).toBeNull(); // pending is not enough
    await t.db.trustedDevice.updateMany({ data: { verifiedAt: clock.now() } });
    const signedIn = await finishRecovery(deps(), recovery.sessionToken, BROWSER);
    expect(signedIn).toBeTruthy();
    expect((await resolveSession(t.db, signedIn!, clock.now()))?.stage).toBe('full');
    expect(await resolveSession(t.db, recovery.sessionToken, clock.now())).toBeNull();
  });

  it('a wrong key is refused and logged; 5 wrong keys in an hour lock the key for an hour', async () => {
    const token = await passwordStep();
    const wrong = generateRecoveryKey();
    for (let i = 0; i < 4; i++)
      expect(await signInWithRecoveryKey(deps(), token, { recoveryKey: wrong }, BROWSER)).toMatchObject({
        ok: false,
        code: 'WRONG_RECOVERY_KEY',
      });
    expect(await signInWithRecoveryKey(deps(), token, { recoveryKey: wrong }, BROWSER)).toEqual({
      ok: false,
      code: 'RECOVERY_KEY_LOCKED',
      error: 'Too many wrong Recovery Keys. Try again in 1 hour.',
    });
    expect(await signInWithRecoveryKey(deps(), token, { recoveryKey: key }, BROWSER)).toMatchObject({
      ok: false,
      code: 'RECOVERY_KEY_LOCKED',
    });
    expect(await t.db.securityEvent.count({ where: { kind: 'recovery-key-failed' } })).toBe(5);
  });

  it('the key alone, without the password step, opens nothing', async () => {
    expect(await signInWithRecoveryKey(deps(), 'no-password-step', { recoveryKey: key }, BROWSER)).toMatchObject({
      ok: false,
      code: 'SIGN_IN_EXPIRED',
    });
  });

  it('a recovery session ends after 30 minutes', async () => {
    const token = await passwordStep();
    const recovery = await signInWithRecoveryKey(deps(), token, { recoveryKey: key }, BROWSER);
    if (!recovery.ok) throw new Error(recovery.error);
    await smsDevice(t.db, accountId, '+15550106656');
    for (let i = 0; i < 3; i++) {
      clock.advance(10 * MINUTE);
      await resolveSession(t.db, recovery.sessionToken, clock.now());
    }
    clock.advance(1000);
    expect(await finishRecovery(deps(), recovery.sessionToken, BROWSER)).toBeNull();
  });
});
