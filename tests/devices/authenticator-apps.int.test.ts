// Authenticator apps as trusted devices, end to end in the domain: adding one (fresh code, limit,
// the secret sealed and shown only while pending), verifying it as any device, and using it where a
// trusted device is asked for (sign-in, a fresh code, the Recovery Key reset); emails and events
// on add and remove, never with the secret.
import { describe, expect, it } from 'vitest';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import { captureLog } from '../harness/log-capture.ts';
import { APPLE_ID, withTwoStepAccount } from '../two-step/helpers.ts';
import { newAccount, smsDevice, totpDevice } from '../codes/helpers.ts';
import { APP_NAME_TAKEN, pendingAppSetup, startAuthenticatorApp } from '../../src/kinds/authenticator-app/add.ts';
import { confirmDevice, MAX_TRUSTED_DEVICES, removeDevice } from '../../src/devices/trusted-devices.ts';
import { DEVICES_ERRORS } from '../../src/devices/errors.ts';
import { CODES_ERRORS } from '../../src/codes/codes.ts';
import { TOTP_STEP_SECONDS, totpCodeAt } from '../../src/kinds/authenticator-app/totp.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { completeSignIn, sendSignInCode } from '../../src/sign-in/code.ts';
import { confirmIdentity, sendIdentityCode } from '../../src/step-up/fresh-code.ts';
import { completeKeyReset, sendKeyResetCode, startKeyReset, verifyKeyResetCode } from '../../src/password-reset/by-recovery-key.ts';
import { MINUTE } from '../../src/clock.ts';
import { sentenceOf } from '../../src/result.ts';

describe('authenticator apps', () => {
  const s = withTwoStepAccount();
  const code = (secret: string) => totpCodeAt(secret, s.a.clock.now());

  /** Names an app and reads its setup back, as the page does. */
  async function start(name = 'Phone authenticator') {
    const started = await startAuthenticatorApp(s.a.deps, s.a.actor, { name });
    if (!started.ok) throw new Error(started.error);
    const setup = await pendingAppSetup(s.a.deps, s.a.accountId, started.trustedDeviceId);
    return { id: started.trustedDeviceId, setup: setup! };
  }

  /** Everything the portal wrote about the account that a person or the operator may read. */
  async function readable() {
    const [events, mails] = await Promise.all([s.t.db.securityEvent.findMany(), s.t.db.emailOutbox.findMany()]);
    return JSON.stringify({ events: events.map((e) => e.details), mails: mails.map((m) => [m.subject, m.textBody]) });
  }

  it('adds a pending app with a sealed secret, shows it while pending, and trusts it after its code; then never shows it again', async () => {
    const log = captureLog();
    try {
      const { id, setup } = await start();
      expect(setup).toMatchObject({ trustedDeviceId: id, label: 'Authenticator app (Phone authenticator)' });
      expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
      const { appleId } = await s.t.db.account.findUniqueOrThrow({ where: { id: s.a.accountId } });
      expect(setup.uri).toBe(`otpauth://totp/Two-Step:${encodeURIComponent(appleId)}?secret=${setup.secret}&issuer=Two-Step`);
      const row = await s.t.db.trustedDevice.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ kind: 'totp', name: 'Phone authenticator', verifiedAt: null });
      expect(row.totpSecret).toMatch(/^v1\./);
      expect(row.totpSecret).not.toContain(setup.secret);

      expect(await confirmDevice(s.a.deps, s.a.actor, { trustedDeviceId: id, code: code(setup.secret) }, BROWSER)).toEqual({
        ok: true,
        message: 'Authenticator app (Phone authenticator) is now a trusted device.',
      });
      expect((await s.t.db.trustedDevice.findUniqueOrThrow({ where: { id } })).verifiedAt).toEqual(s.a.clock.now());
      expect(await pendingAppSetup(s.a.deps, s.a.accountId, id)).toBeNull();

      const added = await s.t.db.securityEvent.findFirstOrThrow({ where: { kind: 'trusted-device-added' } });
      expect(JSON.parse(added.details ?? '{}')).toMatchObject({ kind: 'totp', device: 'Authenticator app (Phone authenticator)' });
      const mails = await s.t.db.emailOutbox.findMany({ where: { kind: 'trusted-device-added' } });
      expect(mails.length).toBeGreaterThan(0);
      for (const m of mails) expect(m.textBody).toContain('the authenticator app “Phone authenticator”');

      // Removing it: an event and an email, and it no longer checks codes.
      s.a.clock.advance(TOTP_STEP_SECONDS * 1000);
      expect((await removeDevice(s.a.deps, s.a.actor, id, BROWSER)).ok).toBe(true);
      expect(await s.t.db.emailOutbox.count({ where: { kind: 'trusted-device-removed' } })).toBeGreaterThan(0);
      expect(await readable()).not.toContain(setup.secret);
      expect(log.text()).not.toContain(setup.secret);
    } finally {
      log.restore();
    }
  });

  it('the setup is for its own account and its own kind only', async () => {
    const { id } = await start();
    const stranger = await newAccount(s.t.db, s.a.clock, 'someone.else@example.com');
    expect(await pendingAppSetup(s.a.deps, stranger, id)).toBeNull();
    expect(await pendingAppSetup(s.a.deps, s.a.accountId, s.a.phoneId)).toBeNull();
    expect(await pendingAppSetup(s.a.deps, s.a.accountId, 'nope')).toBeNull();
    expect(await pendingAppSetup(s.a.deps, s.a.accountId, 42)).toBeNull();
  });

  it('a wrong or malformed code leaves the app pending, with the sentence next to the code field', async () => {
    const { id, setup } = await start();
    const right = code(setup.secret);
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    expect(await confirmDevice(s.a.deps, s.a.actor, { trustedDeviceId: id, code: wrong }, BROWSER)).toMatchObject({
      ok: false,
      fieldErrors: { code: sentenceOf(CODES_ERRORS, 'TOTP_WRONG') },
    });
    expect(await confirmDevice(s.a.deps, s.a.actor, { trustedDeviceId: id, code: '1234' }, BROWSER)).toMatchObject({
      ok: false,
      fieldErrors: { code: sentenceOf(CODES_ERRORS, 'CODE_MALFORMED', 6) },
    });
    expect((await s.t.db.trustedDevice.findUniqueOrThrow({ where: { id } })).verifiedAt).toBeNull();
    // An abandoned pending app goes with Remove, without an email (it was never trusted).
    expect((await removeDevice(s.a.deps, s.a.actor, id, BROWSER)).ok).toBe(true);
    expect(await s.t.db.emailOutbox.count({ where: { kind: 'trusted-device-removed' } })).toBe(0);
  });

  it('needs a fresh code to start, and room under the limit', async () => {
    s.a.clock.advance(11 * MINUTE);
    expect(await startAuthenticatorApp(s.a.deps, s.a.actor, { name: 'Late' })).toMatchObject({ ok: false, code: 'FRESH_CODE_NEEDED' });
    s.a.clock.set(new Date(s.a.clock.now().getTime() - 11 * MINUTE));
    for (let i = 1; i < MAX_TRUSTED_DEVICES; i++) await smsDevice(s.t.db, s.a.accountId, `+1555010${String(2000 + i)}`);
    expect(await startAuthenticatorApp(s.a.deps, s.a.actor, { name: 'One too many' })).toMatchObject({
      ok: false,
      code: 'TOO_MANY_DEVICES',
      error: sentenceOf(DEVICES_ERRORS, 'TOO_MANY_DEVICES', MAX_TRUSTED_DEVICES),
    });
    expect(await s.t.db.trustedDevice.count({ where: { kind: 'totp' } })).toBe(0);
    expect(await startAuthenticatorApp(s.a.deps, s.a.actor, { name: '' })).toMatchObject({ ok: false, code: 'INVALID_FIELDS' });
  });

  it('an app needs a name of its own: empty is refused at the field, and so is the name of another app on the account', async () => {
    expect(await startAuthenticatorApp(s.a.deps, s.a.actor, { name: '  ' })).toEqual({
      ok: false,
      code: 'INVALID_FIELDS',
      error: expect.any(String),
      fieldErrors: { name: 'Enter a name for the app, such as “Phone authenticator”.' },
    });
    await start('Work phone');
    for (const same of ['Work phone', ' work PHONE ']) {
      expect(await startAuthenticatorApp(s.a.deps, s.a.actor, { name: same })).toMatchObject({
        ok: false,
        code: 'INVALID_FIELDS',
        fieldErrors: { name: APP_NAME_TAKEN(same.trim()) },
      });
    }
    expect(APP_NAME_TAKEN('Work phone')).toBe(
      'You already have an authenticator app named “Work phone”. Give this one another name, such as the phone or app it is on.',
    );
    await start('Home tablet');
    const names = (await s.t.db.trustedDevice.findMany({ where: { accountId: s.a.accountId, kind: 'totp' } })).map((d) => d.name);
    expect(names.sort()).toEqual(['Home tablet', 'Work phone']);
  });

  it('signs in with password + the app’s code; the same code again (same step) is refused at a second sign-in', async () => {
    const app = await totpDevice(s.t.db, s.a.accountId);
    const first = await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER);
    if (!first.ok) throw new Error(first.error);
    expect(await sendSignInCode(s.a.deps, first.sessionToken, { trustedDeviceId: app.id }, BROWSER)).toEqual({
      ok: true,
      trustedDeviceId: app.id,
      sent: false,
      message: 'Enter the current code from Authenticator app (Phone authenticator).',
    });
    const typed = code(app.secret);
    expect((await completeSignIn(s.a.deps, first.sessionToken, { trustedDeviceId: app.id, code: typed }, BROWSER)).ok).toBe(true);
    const second = await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER);
    if (!second.ok) throw new Error(second.error);
    expect(await completeSignIn(s.a.deps, second.sessionToken, { trustedDeviceId: app.id, code: typed }, BROWSER)).toMatchObject({
      ok: false,
      error: sentenceOf(CODES_ERRORS, 'TOTP_USED'),
    });
    expect(s.a.sms.sent).toHaveLength(0);
  });

  it('gives a fresh code before a sensitive change', async () => {
    const app = await totpDevice(s.t.db, s.a.accountId);
    s.a.clock.advance(11 * MINUTE);
    expect((await sendIdentityCode(s.a.deps, s.a.actor, { trustedDeviceId: app.id }, BROWSER)).ok).toBe(true);
    const confirmed = await confirmIdentity(s.a.deps, s.a.actor, { trustedDeviceId: app.id, code: code(app.secret) }, BROWSER);
    expect(confirmed.ok).toBe(true);
  });

  it('counts as the trusted device of the Recovery Key reset', async () => {
    const app = await totpDevice(s.t.db, s.a.accountId);
    const reset = await startKeyReset(s.a.deps, { appleId: APPLE_ID, recoveryKey: s.a.recoveryKey }, BROWSER);
    if (!reset.ok) throw new Error(reset.error);
    expect((await sendKeyResetCode(s.a.deps, reset.token, { trustedDeviceId: app.id }, BROWSER)).ok).toBe(true);
    expect((await verifyKeyResetCode(s.a.deps, reset.token, { trustedDeviceId: app.id, code: code(app.secret) }, BROWSER)).ok).toBe(true);
    const password = 'a new and long passphrase';
    expect((await completeKeyReset(s.a.deps, reset.token, { password, confirmPassword: password }, BROWSER)).ok).toBe(true);
  });
});
