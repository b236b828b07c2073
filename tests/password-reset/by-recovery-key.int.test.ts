// Forgot password with two-step on: Recovery Key + a code from one trusted device, then a new
// password. Nothing less, and the first step tells a stranger nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import { lastSmsCode, newAccount, otherCode, PHONE } from '../codes/helpers.ts';
import { sendCode } from '../../src/codes/codes.ts';
import { createSession, resolveSession } from '../../src/sessions/sessions.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { verifySecret } from '../../src/accounts/passwords.ts';
import { requestPasswordReset, RESET_REQUESTED } from '../../src/password-reset/by-link.ts';
import { createAppPassword } from '../../src/app-passwords/app-passwords.ts';
import { formatRecoveryKey, generateRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import {
  completeKeyReset,
  keyResetState,
  sendKeyResetCode,
  startKeyReset,
  verifyKeyResetCode,
} from '../../src/password-reset/by-recovery-key.ts';
import { MINUTE } from '../../src/clock.ts';
import { APPLE_ID, withTwoStepAccount } from '../two-step/helpers.ts';

const NEW_PASSWORD = 'lantern orchard 1987';
const NEW = { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };

describe('resetting the password with the Recovery Key and a trusted device', () => {
  const s = withTwoStepAccount();

  async function keyStep(recoveryKey = formatRecoveryKey(s.a.recoveryKey).toLowerCase(), appleId = APPLE_ID) {
    return startKeyReset(s.a.deps, { appleId, recoveryKey }, BROWSER);
  }
  async function codeStep(token: string) {
    expect(await sendKeyResetCode(s.a.deps, token, { trustedDeviceId: s.a.phoneId }, BROWSER)).toMatchObject({ ok: true });
    return verifyKeyResetCode(s.a.deps, token, { trustedDeviceId: s.a.phoneId, code: lastSmsCode(s.a.sms, PHONE) }, BROWSER);
  }
  const passwordIs = async (password: string) =>
    verifySecret(password, (await s.t.db.account.findUniqueOrThrow({ where: { id: s.a.accountId } })).passwordHash);

  it('key, then code, then a new password: every session ends, app passwords are revoked, every address is told', async () => {
    const app = await createAppPassword(s.a.deps, s.a.actor, { label: 'Mail' }, BROWSER);
    expect(app.ok).toBe(true);
    const started = await keyStep();
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect(await keyResetState(s.a.deps, started.token)).toMatchObject({
      step: 'code',
      devices: [{ id: s.a.phoneId, label: '+1 ••• ••• ••34' }],
    });
    expect(await codeStep(started.token)).toEqual({ ok: true });
    expect(await keyResetState(s.a.deps, started.token)).toEqual({ step: 'password', appleId: 'Jane.Holder@Example.com' });
    await s.t.db.emailOutbox.deleteMany();
    expect(await completeKeyReset(s.a.deps, started.token, NEW, BROWSER)).toEqual({ ok: true });

    expect(await passwordIs(NEW_PASSWORD)).toBe(true);
    expect(await resolveSession(s.t.db, s.a.token, s.a.clock.now())).toBeNull();
    expect(await s.t.db.appPassword.count({ where: { revokedAt: null } })).toBe(0);
    const mail = await s.t.db.emailOutbox.findMany({ where: { kind: 'password-reset' } });
    expect(mail.map((m) => m.toAddress).sort()).toEqual(['Jane.Holder@Example.com', 'jane.rescue@example.org']);
    for (const m of mail) expect(m.textBody).not.toContain(NEW_PASSWORD);
    expect(await s.t.db.securityEvent.count({ where: { kind: { in: ['password-reset-key-accepted', 'password-reset'] } } })).toBe(2);
    // Two-step stays on: signing in still needs a code.
    expect(await signIn(s.a.deps, { appleId: APPLE_ID, password: NEW_PASSWORD }, BROWSER)).toMatchObject({ ok: true, needsCode: true });
    // Used once.
    expect(
      await completeKeyReset(
        s.a.deps,
        started.token,
        { password: 'another fine passphrase', confirmPassword: 'another fine passphrase' },
        BROWSER,
      ),
    ).toMatchObject({ ok: false, code: 'KEY_RESET_EXPIRED' });
  });

  it('the key alone is not enough: no new password before the code', async () => {
    const started = await keyStep();
    if (!started.ok) throw new Error('key');
    expect(await completeKeyReset(s.a.deps, started.token, NEW, BROWSER)).toMatchObject({ ok: false, code: 'CODE_FIRST' });
    expect(await passwordIs(GOOD_PASSWORD)).toBe(true);
  });

  it('a wrong code, or a code sent for another purpose, does not pass the code step', async () => {
    const started = await keyStep();
    if (!started.ok) throw new Error('key');
    await sendCode(s.a.deps, { accountId: s.a.accountId, trustedDeviceId: s.a.phoneId, purpose: 'sign-in' }, BROWSER);
    expect(
      await verifyKeyResetCode(s.a.deps, started.token, { trustedDeviceId: s.a.phoneId, code: lastSmsCode(s.a.sms, PHONE) }, BROWSER),
    ).toMatchObject({ ok: false, code: 'NO_CODE' });
    s.a.clock.advance(MINUTE);
    await sendKeyResetCode(s.a.deps, started.token, { trustedDeviceId: s.a.phoneId }, BROWSER);
    const code = lastSmsCode(s.a.sms, PHONE);
    expect(
      await verifyKeyResetCode(s.a.deps, started.token, { trustedDeviceId: s.a.phoneId, code: otherCode(code) }, BROWSER),
    ).toMatchObject({ ok: false, code: 'CODE_WRONG' });
    expect((await keyResetState(s.a.deps, started.token)).step).toBe('code');
  });

  it('a wrong key, an unknown Apple ID and an account with two-step off all get the same answer', async () => {
    const otherId = await newAccount(s.t.db, s.a.clock, 'off@example.com', null);
    expect(await s.t.db.account.findUniqueOrThrow({ where: { id: otherId } })).toMatchObject({
      appleId: 'off@example.com',
      twoStepEnabledAt: null,
    });
    const wrong = generateRecoveryKey();
    const mismatch = {
      ok: false,
      code: 'KEY_MISMATCH',
      error: "That Recovery Key doesn't match this Apple ID, or two-step verification isn't on for it.",
    };
    expect(await keyStep(wrong)).toEqual(mismatch);
    expect(await keyStep(s.a.recoveryKey, 'nobody@example.com')).toEqual(mismatch);
    expect(await keyStep(s.a.recoveryKey, 'off@example.com')).toEqual(mismatch);
    expect(await s.t.db.passwordReset.count()).toBe(0);
    expect(await s.t.db.securityEvent.count({ where: { accountId: s.a.accountId, kind: 'recovery-key-failed' } })).toBe(1);
  });

  it('wrong keys are limited to 5 an hour per account (shared with the Recovery Key sign-in) and logged', async () => {
    const wrong = generateRecoveryKey();
    for (let i = 0; i < 4; i++) expect(await keyStep(wrong)).toMatchObject({ ok: false, code: 'KEY_MISMATCH' });
    expect(await keyStep(wrong)).toMatchObject({ ok: false, code: 'KEY_RESET_LOCKED', error: expect.stringContaining('1 hour') });
    expect(await keyStep()).toMatchObject({ ok: false, code: 'KEY_RESET_LOCKED' }); // even the right key
    expect(await s.t.db.securityEvent.count({ where: { kind: 'recovery-key-failed' } })).toBe(5);
    s.a.clock.advance(61 * MINUTE);
    expect((await keyStep()).ok).toBe(true);
  });

  it('expires after 30 minutes, and ends when two-step is turned off meanwhile', async () => {
    const started = await keyStep();
    if (!started.ok) throw new Error('key');
    s.a.clock.advance(30 * MINUTE);
    expect(await keyResetState(s.a.deps, started.token)).toEqual({ step: 'expired' });
    s.a.clock.advance(-30 * MINUTE);
    await s.t.db.account.update({ where: { id: s.a.accountId }, data: { twoStepEnabledAt: null } });
    expect(await keyResetState(s.a.deps, started.token)).toEqual({ step: 'expired' });
  });

  it('asking for an email link sends no link for a two-step account: an email says where the reset is done', async () => {
    expect(await requestPasswordReset(s.a.deps, { appleId: APPLE_ID }, BROWSER)).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(await s.t.db.passwordReset.count()).toBe(0);
    const mail = await s.t.db.emailOutbox.findMany();
    expect(mail.map((m) => m.kind)).toEqual(['password-reset-recovery-key', 'password-reset-recovery-key']);
    expect(mail[0].textBody).toContain('/reset/recovery-key');
    expect(mail[0].textBody).not.toMatch(/token=/);
  });

  it('a signed-in session of the holder is no way around it either (the reset token is its own)', async () => {
    const session = await createSession(s.t.db, s.a.accountId, s.a.clock.now(), BROWSER);
    expect(await completeKeyReset(s.a.deps, session, NEW, BROWSER)).toMatchObject({ ok: false, code: 'KEY_RESET_EXPIRED' });
  });
});
