// Turning two-step off: new security questions and the birth date → off; the key, app-specific
// passwords and trusted devices deleted; other sessions ended; every address told; a waiting
// period before it can be turned on again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import { createSession, resolveSession, sessionIdOf } from '../../src/sessions/sessions.ts';
import { createAppPassword, authenticateApp } from '../../src/app-passwords/app-passwords.ts';
import { pushDevice } from '../codes/helpers.ts';
import { turnOff } from '../../src/two-step/turn-off.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { startDueWaitingPeriod } from '../../src/eligibility/waiting-periods.ts';
import { securityPassState } from '../../src/accounts/security-pass.ts';
import { APPLE_ID, NEW_QUESTIONS, withTwoStepAccount } from './helpers.ts';
import { appDevice } from '../devices/kind-rows.ts';
import { addSoftPasskey } from '../passkeys/helpers.ts';
import { authenticationOptions } from '../../src/kinds/passkey/prove.ts';

const FORM = { ...NEW_QUESTIONS, birthDate: '1990-04-30' };

describe('turning two-step off', () => {
  const s = withTwoStepAccount();

  it('deletes the Recovery Key, app-specific passwords and trusted devices, stores the new questions, and stays signed in', async () => {
    await pushDevice(s.t.db, s.a.accountId, 'sim-1', 'Jane’s iPhone');
    // An authenticator app and a passkey go like the phones: trusted devices of two-step, gone with it.
    await appDevice(s.t.db, s.a.accountId, 'Authy', { createdAt: s.a.clock.now(), verifiedAt: s.a.clock.now() });
    await addSoftPasskey(s.a.deps, s.a.actor);
    const app = await createAppPassword(s.a.deps, s.a.actor, { label: 'Mail' }, BROWSER);
    if (!app.ok) throw new Error('app password');
    const other = await createSession(s.t.db, s.a.accountId, s.a.clock.now(), BROWSER, { codeVerifiedAt: s.a.clock.now() });

    const result = await turnOff(s.a.deps, s.a.actor, FORM, BROWSER);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const account = await s.t.db.account.findUniqueOrThrow({ where: { id: s.a.accountId } });
    expect(account).toMatchObject({ twoStepEnabledAt: null, recoveryKeyHash: null, recoveryKeyCreatedAt: null });
    expect(await s.t.db.trustedDevice.count()).toBe(0);
    expect(await authenticationOptions(s.a.deps, s.a.accountId, 'sign-in')).toMatchObject({ ok: false, code: 'NO_PASSKEY' });
    expect(await s.t.db.verificationCode.count()).toBe(0);
    // One email for turning off, none per device (as for phones): the devices went with two-step.
    expect(await s.t.db.emailOutbox.count({ where: { kind: 'trusted-device-removed' } })).toBe(0);
    expect(await s.t.db.registeredDevice.count()).toBe(1); // still registered, no longer trusted
    expect(await s.t.db.appPassword.count({ where: { revokedAt: null } })).toBe(0);
    expect((await authenticateApp(s.a.deps, { appleId: APPLE_ID, password: app.password }, BROWSER)).ok).toBe(false);
    expect((await s.t.db.securityQuestion.findMany({ orderBy: { position: 'asc' } })).map((q) => q.questionId)).toEqual([
      FORM.question1,
      FORM.question2,
      FORM.question3,
    ]);

    // This browser: a new session, signed in, past the questions it just set; every other one ended.
    expect(await resolveSession(s.t.db, s.a.token, s.a.clock.now())).toBeNull();
    expect(await resolveSession(s.t.db, other, s.a.clock.now())).toBeNull();
    expect((await resolveSession(s.t.db, result.sessionToken, s.a.clock.now()))?.stage).toBe('full');
    expect(await securityPassState(s.a.deps, sessionIdOf(result.sessionToken))).toEqual({ passed: true });

    // The password alone signs in again.
    expect(await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER)).toMatchObject({ ok: true, needsCode: false });
  });

  it('is recorded and emailed to every address; the new questions start a 3-day waiting period', async () => {
    const result = await turnOff(s.a.deps, s.a.actor, FORM, BROWSER);
    expect(result.ok).toBe(true);
    expect(await s.t.db.securityEvent.count({ where: { kind: 'two-step-turned-off' } })).toBe(1);
    const off = await s.t.db.emailOutbox.findMany({ where: { kind: 'two-step-turned-off' } });
    expect(off.map((m) => m.toAddress).sort()).toEqual(['Jane.Holder@Example.com', 'jane.rescue@example.org']);
    for (const m of off) expect(m.textBody).not.toMatch(/Lisbon|Tabby|Nineteen/i);
    await s.t.db.countryAvailability.upsert({
      where: { countryCode: 'US' },
      create: { countryCode: 'US', availableFrom: new Date('2013-03-21') },
      update: {},
    });
    const e = await startDueWaitingPeriod(s.a.deps, s.a.accountId, BROWSER);
    expect(e).toMatchObject({
      state: 'waiting',
      reason: 'security-questions-changed',
      endsAt: new Date(s.a.clock.now().getTime() + 3 * 24 * 3600_000),
    });
    expect(await s.t.db.emailOutbox.count({ where: { kind: 'waiting-period-started' } })).toBe(2);
  });

  it('needs the right birth date and three valid questions; a refusal changes nothing', async () => {
    expect(await turnOff(s.a.deps, s.a.actor, { ...FORM, birthDate: '1990-04-29' }, BROWSER)).toEqual({
      ok: false,
      code: 'WRONG_BIRTH_DATE',
      error: '',
      fieldErrors: { birthDate: "That isn't the birth date on your account." },
    });
    const bad = await turnOff(s.a.deps, s.a.actor, { ...FORM, question3: FORM.question1, answer2: 'x', birthDate: '' }, BROWSER);
    expect(bad).toMatchObject({
      ok: false,
      code: 'INVALID_FIELDS',
      fieldErrors: { question3: expect.any(String), answer2: expect.any(String), birthDate: expect.any(String) },
    });
    const account = await s.t.db.account.findUniqueOrThrow({ where: { id: s.a.accountId } });
    expect(account.twoStepEnabledAt).not.toBeNull();
    expect(account.recoveryKeyHash).not.toBeNull();
    expect(await s.t.db.trustedDevice.count()).toBe(1);
    expect(await s.t.db.securityQuestion.count()).toBe(0);
    expect(await s.t.db.emailOutbox.count()).toBe(0);
  });

  it('happens once: a second request finds it off', async () => {
    const [first, second] = await Promise.all([turnOff(s.a.deps, s.a.actor, FORM, BROWSER), turnOff(s.a.deps, s.a.actor, FORM, BROWSER)]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((r) => !r.ok)).toEqual({ ok: false, code: 'ALREADY_OFF', error: 'Two-step verification is already off.' });
    expect(await s.t.db.emailOutbox.count({ where: { kind: 'two-step-turned-off' } })).toBe(2);
  });
});
