// Signing in with two-step on: the password alone gives a session that can only finish signing
// in; a code from a trusted device (sent through the real Twilio SDK to the stand-in) turns it
// into a new, signed-in session.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import { CODE_KEY, codeIn, newAccount, otherCode, smsDevice, START, type TestClock } from '../codes/helpers.ts';
import { fixedClock, MINUTE } from '../../src/clock.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { resolveSession } from '../../src/sessions/sessions.ts';
import { cancelSignIn, completeSignIn, sendSignInCode, signInDevices, type SignInCodeDeps } from '../../src/sign-in/code.ts';
import { startStandins, type Standins } from '../../dev/standins/server.ts';
import { STANDIN_TWILIO } from '../../dev/standins/local-env.ts';
import { createTwilioSms } from '../../src/kinds/sms/twilio-sms.ts';
import { createHttpPushSender } from '../../src/kinds/push/push-sender.ts';

const PHONE = '+15550107788';

describe('signing in with a code from a trusted device', () => {
  let t: TestDb;
  let standins: Standins;
  let clock: TestClock;
  let deps: SignInCodeDeps & { bcryptCost: number };
  let accountId: string;
  let deviceId: string;

  beforeAll(async () => {
    t = await createTestDb();
    standins = await startStandins();
  });
  afterAll(async () => {
    await standins.stop();
    await t.drop();
  });
  beforeEach(async () => {
    await t.db.account.deleteMany();
    await t.db.throttle.deleteMany();
    standins.twilio.reset();
    clock = fixedClock(START);
    deps = {
      db: t.db,
      clock,
      bcryptCost: 4,
      codeKey: CODE_KEY,
      codeDigits: 4,
      totpKey: Buffer.alloc(32, 7),
      sms: createTwilioSms({ ...STANDIN_TWILIO, apiBaseUrl: standins.httpUrl, lookupsBaseUrl: standins.httpUrl }),
      push: createHttpPushSender(standins.httpUrl),
    };
    accountId = await newAccount(t.db, clock);
    deviceId = await smsDevice(t.db, accountId, PHONE);
    await t.db.account.update({ where: { id: accountId }, data: { twoStepEnabledAt: clock.now() } });
    await t.db.session.deleteMany();
  });

  async function passwordStep() {
    const result = await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER);
    if (!result.ok) throw new Error(result.error);
    expect(result.needsCode).toBe(true);
    return result.sessionToken;
  }
  const lastCode = () => codeIn(standins.twilio.messages().find((m) => m.to === PHONE)?.body);

  it('the password alone gives no signed-in session', async () => {
    const token = await passwordStep();
    expect((await resolveSession(t.db, token, clock.now()))?.stage).toBe('password');
    expect(await t.db.securityEvent.count({ where: { kind: 'signed-in' } })).toBe(0);
  });

  it('a sign-in waiting for its code can be cancelled: its session ends, nothing is recorded, and a signed-in session is never ended this way', async () => {
    const token = await passwordStep();
    const events = await t.db.securityEvent.count();
    expect(await cancelSignIn(deps, token)).toBe(true);
    expect(await resolveSession(t.db, token, clock.now())).toBeNull();
    expect(await t.db.securityEvent.count()).toBe(events);
    expect(await cancelSignIn(deps, token)).toBe(false);

    const again = await passwordStep();
    await sendSignInCode(deps, again, { trustedDeviceId: deviceId }, BROWSER);
    const done = await completeSignIn(deps, again, { trustedDeviceId: deviceId, code: lastCode() }, BROWSER);
    if (!done.ok) throw new Error(done.error);
    expect(await cancelSignIn(deps, done.sessionToken)).toBe(false);
    expect((await resolveSession(t.db, done.sessionToken, clock.now()))?.stage).not.toBe('password');
    expect(await resolveSession(t.db, done.sessionToken, clock.now())).not.toBeNull();
  });

  it('the holder picks a trusted device, gets a 4-digit code by SMS, and the code signs in with a new session', async () => {
    const token = await passwordStep();
    expect((await signInDevices(t.db, accountId)).map((d) => d.label)).toEqual(['+1 ••• ••• ••88']);
    expect(await sendSignInCode(deps, token, { trustedDeviceId: deviceId }, BROWSER)).toEqual({
      ok: true,
      trustedDeviceId: deviceId,
      sent: true,
      message: 'We sent a code. Enter it below.',
    });
    expect(lastCode()).toMatch(/^\d{4}$/);
    const done = await completeSignIn(deps, token, { trustedDeviceId: deviceId, code: lastCode() }, BROWSER);
    if (!done.ok) throw new Error(done.error);
    expect(done.sessionToken).not.toBe(token);
    const session = await resolveSession(t.db, done.sessionToken, clock.now());
    expect(session).toMatchObject({ stage: 'full', codeVerifiedAt: clock.now() });
    expect(await resolveSession(t.db, token, clock.now())).toBeNull(); // the password-stage session is gone
    expect(await t.db.securityEvent.count({ where: { kind: 'signed-in' } })).toBe(1);
  });

  it('a wrong code does not sign in, and the same code cannot sign in twice', async () => {
    const token = await passwordStep();
    await sendSignInCode(deps, token, { trustedDeviceId: deviceId }, BROWSER);
    expect(await completeSignIn(deps, token, { trustedDeviceId: deviceId, code: otherCode(lastCode()) }, BROWSER)).toMatchObject({
      ok: false,
      code: 'CODE_WRONG',
    });
    expect((await resolveSession(t.db, token, clock.now()))?.stage).toBe('password');
    expect((await completeSignIn(deps, token, { trustedDeviceId: deviceId, code: lastCode() }, BROWSER)).ok).toBe(true);
    expect(await completeSignIn(deps, token, { trustedDeviceId: deviceId, code: lastCode() }, BROWSER)).toMatchObject({
      ok: false,
      code: 'SIGN_IN_EXPIRED',
    });
  });

  it('the password step lasts 10 minutes', async () => {
    const token = await passwordStep();
    await sendSignInCode(deps, token, { trustedDeviceId: deviceId }, BROWSER);
    clock.advance(10 * MINUTE + 1);
    expect(await completeSignIn(deps, token, { trustedDeviceId: deviceId, code: lastCode() }, BROWSER)).toMatchObject({
      ok: false,
      code: 'SIGN_IN_EXPIRED',
    });
  });

  it("a removed device's code no longer signs in, and another account's device is refused", async () => {
    const token = await passwordStep();
    await sendSignInCode(deps, token, { trustedDeviceId: deviceId }, BROWSER);
    const code = lastCode();
    await t.db.trustedDevice.delete({ where: { id: deviceId } });
    expect(await completeSignIn(deps, token, { trustedDeviceId: deviceId, code }, BROWSER)).toMatchObject({
      ok: false,
      code: 'DEVICE_UNKNOWN',
    });

    const otherAccount = await newAccount(t.db, clock, 'someone.else@example.com', null);
    const otherDevice = await smsDevice(t.db, otherAccount, '+15550107799');
    expect(await sendSignInCode(deps, token, { trustedDeviceId: otherDevice }, BROWSER)).toMatchObject({
      ok: false,
      code: 'DEVICE_UNKNOWN',
    });
    expect(standins.twilio.messages().filter((m) => m.to === '+15550107799')).toEqual([]);
  });

  it('a session that already finished cannot ask for codes', async () => {
    const token = await passwordStep();
    await sendSignInCode(deps, token, { trustedDeviceId: deviceId }, BROWSER);
    expect((await completeSignIn(deps, token, { trustedDeviceId: deviceId, code: lastCode() }, BROWSER)).ok).toBe(true);
    clock.advance(MINUTE); // past the one-code-per-30-seconds limit: only the finished session can refuse
    expect(await sendSignInCode(deps, token, { trustedDeviceId: deviceId }, BROWSER)).toMatchObject({ ok: false, code: 'SIGN_IN_EXPIRED' });
    expect(standins.twilio.messages()).toHaveLength(1);
    // Nor can a token that never was a session.
    expect(await sendSignInCode(deps, 'not-a-session', { trustedDeviceId: deviceId }, BROWSER)).toMatchObject({
      ok: false,
      code: 'SIGN_IN_EXPIRED',
    });
  });
});
