// Fresh authentication (ASVS 3.7.1): with two-step on, each sensitive change needs a code from a
// trusted device entered within the last 10 minutes; the refusal changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import { lastSmsCode, otherCode, PHONE, smsDevice } from '../codes/helpers.ts';
import { MINUTE } from '../../src/clock.ts';
import { confirmIdentity, FRESH_CODE_MS, hasFreshCode, sendIdentityCode } from '../../src/step-up/fresh-code.ts';
import { resolveSession, sessionIdOf } from '../../src/sessions/sessions.ts';
import { removeDevice } from '../../src/devices/trusted-devices.ts';
import { addPhoneNumber } from '../../src/kinds/sms/add.ts';
import { replaceRecoveryKey } from '../../src/recovery-key/replace-key.ts';
import { createAppPassword, revokeAllAppPasswords, revokeAppPassword } from '../../src/app-passwords/app-passwords.ts';
import { changePassword } from '../../src/account-changes/account-changes.ts';
import { turnOff } from '../../src/two-step/turn-off.ts';
import { NEW_QUESTIONS, withTwoStepAccount, type TwoStepAccount } from '../two-step/helpers.ts';

describe('hasFreshCode: the rule', () => {
  const on = { twoStepEnabledAt: new Date('2026-01-01T00:00:00Z') };
  const now = new Date('2026-11-23T10:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it('two-step off: the security questions guard the page, no code is asked', () => {
    expect(hasFreshCode({ stage: 'full', codeVerifiedAt: null, account: { twoStepEnabledAt: null } }, now)).toBe(true);
  });
  it('two-step on: a code within the last 10 minutes, not at 10 minutes, not never', () => {
    expect(hasFreshCode({ stage: 'full', codeVerifiedAt: ago(FRESH_CODE_MS - 1000), account: on }, now)).toBe(true);
    expect(hasFreshCode({ stage: 'full', codeVerifiedAt: ago(FRESH_CODE_MS), account: on }, now)).toBe(false);
    expect(hasFreshCode({ stage: 'full', codeVerifiedAt: null, account: on }, now)).toBe(false);
    expect(FRESH_CODE_MS).toBe(10 * MINUTE);
  });
  it('a Recovery Key session may add a device and nothing else; a password-only session nothing', () => {
    expect(hasFreshCode({ stage: 'recovery', codeVerifiedAt: null, account: on }, now, { allowRecovery: true })).toBe(true);
    expect(hasFreshCode({ stage: 'recovery', codeVerifiedAt: null, account: on }, now)).toBe(false);
    expect(hasFreshCode({ stage: 'password', codeVerifiedAt: now, account: on }, now, { allowRecovery: true })).toBe(false);
  });
});

describe('sensitive changes with two-step on', () => {
  const s = withTwoStepAccount();

  /** Everything a refused change could have touched. */
  async function snapshot() {
    const [account, devices, appPasswords, questions, sessions, outbox] = await Promise.all([
      s.t.db.account.findUniqueOrThrow({ where: { id: s.a.accountId } }),
      s.t.db.trustedDevice.findMany({ orderBy: { id: 'asc' } }),
      s.t.db.appPassword.findMany({ orderBy: { id: 'asc' } }),
      s.t.db.securityQuestion.findMany({ orderBy: { id: 'asc' } }),
      s.t.db.session.findMany({ orderBy: { id: 'asc' } }),
      s.t.db.emailOutbox.count(),
    ]);
    return {
      account: { ...account, updatedAt: null },
      devices,
      appPasswords,
      questions,
      sessions: sessions.map((s) => ({ ...s, lastSeenAt: null })),
      outbox,
    };
  }

  const CHANGES: Array<
    [string, (x: TwoStepAccount, extra: { appPasswordId: string; secondPhoneId: string }) => Promise<{ ok: boolean; error?: string }>]
  > = [
    ['add a trusted phone number', (x) => addPhoneNumber(x.deps, x.actor, { phoneNumber: '+15550107788' }, BROWSER)],
    ['remove a trusted device', (x, e) => removeDevice(x.deps, x.actor, e.secondPhoneId, BROWSER)],
    ['Replace Lost Key', (x) => replaceRecoveryKey(x.deps, x.actor, BROWSER)],
    ['create an app-specific password', (x) => createAppPassword(x.deps, x.actor, { label: 'Calendar' }, BROWSER)],
    ['revoke an app-specific password', (x, e) => revokeAppPassword(x.deps, x.actor, e.appPasswordId, BROWSER)],
    ['revoke all app-specific passwords', (x) => revokeAllAppPasswords(x.deps, x.actor, BROWSER)],
    [
      'change the password',
      (x) =>
        changePassword(
          x.deps,
          x.actor,
          { currentPassword: GOOD_PASSWORD, password: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' },
          BROWSER,
        ),
    ],
    ['turn two-step off', (x) => turnOff(x.deps, x.actor, { ...NEW_QUESTIONS, birthDate: '1990-04-30' }, BROWSER)],
  ];

  async function extras() {
    const secondPhoneId = await smsDevice(s.t.db, s.a.accountId, '+15550109911');
    const created = await createAppPassword(s.a.deps, s.a.actor, { label: 'Mail' }, BROWSER);
    if (!created.ok) throw new Error(JSON.stringify(created));
    await s.t.db.emailOutbox.deleteMany();
    return { appPasswordId: created.id, secondPhoneId };
  }

  for (const [name, change] of CHANGES) {
    it(`${name}: refused 10 minutes after the code, nothing changed`, async () => {
      const e = await extras();
      s.a.clock.advance(10 * MINUTE);
      await s.t.db.session.updateMany({ data: { lastSeenAt: s.a.clock.now() } }); // not idle: only the code is stale
      const before = await snapshot();
      expect(await change(s.a, e)).toMatchObject({ ok: false, code: 'FRESH_CODE_NEEDED' });
      expect(await snapshot()).toEqual(before);
    });

    it(`${name}: allowed within 10 minutes of the code`, async () => {
      const e = await extras();
      s.a.clock.advance(10 * MINUTE - 1000);
      const result = await change(s.a, e);
      expect(result.error).toBeUndefined();
      expect(result.ok).toBe(true);
    });
  }

  it('a code for confirm-identity makes the session fresh again, as a new session that keeps its start', async () => {
    s.a.clock.advance(30 * MINUTE);
    await s.t.db.session.updateMany({ data: { lastSeenAt: s.a.clock.now() } });
    expect((await replaceRecoveryKey(s.a.deps, s.a.actor, BROWSER)).ok).toBe(false);
    expect(await sendIdentityCode(s.a.deps, s.a.actor, { trustedDeviceId: s.a.phoneId }, BROWSER)).toEqual({
      ok: true,
      trustedDeviceId: s.a.phoneId,
      sent: true,
      message: 'We sent a code. Enter it below.',
    });
    const code = lastSmsCode(s.a.sms, PHONE);
    expect(await confirmIdentity(s.a.deps, s.a.actor, { trustedDeviceId: s.a.phoneId, code: otherCode(code) }, BROWSER)).toMatchObject({
      ok: false,
      code: 'CODE_WRONG',
    });
    const confirmed = await confirmIdentity(s.a.deps, s.a.actor, { trustedDeviceId: s.a.phoneId, code }, BROWSER);
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(await resolveSession(s.t.db, s.a.token, s.a.clock.now())).toBeNull(); // the old token is dead
    const session = await resolveSession(s.t.db, confirmed.sessionToken, s.a.clock.now());
    expect(session).toMatchObject({ stage: 'full', codeVerifiedAt: s.a.clock.now(), createdAt: new Date('2026-11-23T10:00:00.000Z') });
    expect(await s.t.db.securityEvent.count({ where: { kind: 'identity-confirmed' } })).toBe(1);
    const fresh = { accountId: s.a.accountId, sessionId: sessionIdOf(confirmed.sessionToken) };
    expect((await replaceRecoveryKey(s.a.deps, fresh, BROWSER)).ok).toBe(true);
  });

  it('a code sent for another purpose does not confirm', async () => {
    s.a.clock.advance(30 * MINUTE);
    await s.t.db.session.updateMany({ data: { lastSeenAt: s.a.clock.now() } });
    const { sendCode } = await import('../../src/codes/codes.ts');
    await sendCode(s.a.deps, { accountId: s.a.accountId, trustedDeviceId: s.a.phoneId, purpose: 'sign-in' }, BROWSER);
    const code = lastSmsCode(s.a.sms, PHONE);
    expect(await confirmIdentity(s.a.deps, s.a.actor, { trustedDeviceId: s.a.phoneId, code }, BROWSER)).toMatchObject({
      ok: false,
      code: 'NO_CODE',
    });
    expect((await s.t.db.session.findUniqueOrThrow({ where: { id: s.a.actor.sessionId } })).codeVerifiedAt).toEqual(
      new Date('2026-11-23T10:00:00.000Z'),
    );
  });

  it('a Recovery Key session may add a phone number without a code, but not remove a trusted device', async () => {
    await s.t.db.session.update({ where: { id: s.a.actor.sessionId }, data: { stage: 'recovery', codeVerifiedAt: null } });
    const added = await addPhoneNumber(s.a.deps, s.a.actor, { phoneNumber: '+15550107788' }, BROWSER);
    expect(added.ok).toBe(true);
    expect(await removeDevice(s.a.deps, s.a.actor, s.a.phoneId, BROWSER)).toMatchObject({
      ok: false,
      code: 'FRESH_CODE_NEEDED',
      error: 'For your security, enter a verification code from one of your trusted devices first.',
    });
    // ...the pending number it just added (never trusted) it may take back.
    expect((await removeDevice(s.a.deps, s.a.actor, (added as { trustedDeviceId: string }).trustedDeviceId, BROWSER)).ok).toBe(true);
  });

  it('with two-step off, no code is asked (the security questions guard the page)', async () => {
    await s.t.db.account.update({ where: { id: s.a.accountId }, data: { twoStepEnabledAt: null } });
    await s.t.db.session.updateMany({ data: { codeVerifiedAt: null } });
    expect((await addPhoneNumber(s.a.deps, s.a.actor, { phoneNumber: '+15550107788' }, BROWSER)).ok).toBe(true);
  });
});
