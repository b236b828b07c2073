// Codes from an authenticator app (src/kinds/authenticator-app/check.ts through verifyCode): nothing sent, the
// app's current code accepted once per time step, wrong codes counted like sent ones.
import { describe, expect, it } from 'vitest';
import { BROWSER } from '../harness/accounts.ts';
import { captureLog } from '../harness/log-capture.ts';
import { withTwoStepAccount } from '../two-step/helpers.ts';
import { OTHER_BROWSER, lastSmsCode, otherCode, PHONE, totpDevice } from './helpers.ts';
import { CODES_ERRORS, sendCode, verifyCode, type CodePurpose } from '../../src/codes/codes.ts';
import { WRONG_CODES_BEFORE_PAUSE } from '../../src/codes/limits.ts';
import { TOTP_DIGITS, TOTP_STEP_SECONDS, timeStepOf, totpCodeAt } from '../../src/kinds/authenticator-app/totp.ts';
import type { RequestContext } from '../../src/security-events/record.ts';
import { sentenceOf } from '../../src/result.ts';

const STEP_MS = TOTP_STEP_SECONDS * 1000;

describe('codes from an authenticator app', () => {
  const s = withTwoStepAccount();
  const verify = (trustedDeviceId: string, code: string, ctx: RequestContext = BROWSER, purpose: CodePurpose = 'sign-in') =>
    verifyCode(s.a.deps, { accountId: s.a.accountId, trustedDeviceId, purpose, code }, ctx);
  const appCode = (secret: string, stepsFromNow = 0) => totpCodeAt(secret, new Date(s.a.clock.now().getTime() + stepsFromNow * STEP_MS));
  const device = (id: string) => s.t.db.trustedDevice.findUniqueOrThrow({ where: { id } });

  it('"sending" to an app sends, stores and counts nothing, and says so', async () => {
    const app = await totpDevice(s.t.db, s.a.accountId, { name: 'Work phone' });
    for (let i = 0; i < 30; i++) {
      expect(await sendCode(s.a.deps, { accountId: s.a.accountId, trustedDeviceId: app.id, purpose: 'sign-in' }, BROWSER)).toEqual({
        ok: true,
        sent: false,
        expiresAt: null,
        appLabel: 'Authenticator app (Work phone)',
      });
    }
    expect(await s.t.db.verificationCode.count()).toBe(0);
    expect(await s.t.db.codeSend.count()).toBe(0);
    expect(s.a.sms.sent).toHaveLength(0);
  });

  it('accepts the current code (6 digits, spaces allowed), records the step and when the app was last used', async () => {
    s.a.clock.advance(10_000); // inside a step, not on its edge
    const app = await totpDevice(s.t.db, s.a.accountId);
    const code = appCode(app.secret);
    expect(code).toHaveLength(TOTP_DIGITS);
    expect(await verify(app.id, `${code.slice(0, 3)} ${code.slice(3)}`)).toEqual({ ok: true, then: undefined });
    const row = await device(app.id);
    expect(row.totpLastStep).toBe(timeStepOf(s.a.clock.now()));
    expect(row.lastUsedAt).toEqual(s.a.clock.now());
    expect(await s.t.db.securityEvent.count({ where: { accountId: s.a.accountId, kind: 'code-verified' } })).toBe(1);
  });

  it('a code is accepted once per step: the same code again, and an earlier step after a later one, are refused and not counted', async () => {
    s.a.clock.advance(10_000);
    const app = await totpDevice(s.t.db, s.a.accountId);
    const now = appCode(app.secret);
    const previous = appCode(app.secret, -1);
    expect((await verify(app.id, now)).ok).toBe(true);
    expect(await verify(app.id, now)).toMatchObject({ ok: false, code: 'TOTP_USED', error: sentenceOf(CODES_ERRORS, 'TOTP_USED') });
    // The previous step's code is still inside the drift, but older than the one accepted.
    expect(await verify(app.id, previous)).toMatchObject({ ok: false, code: 'TOTP_USED' });
    // A step later, the new code works, and so does nothing before it.
    s.a.clock.advance(STEP_MS);
    expect(await verify(app.id, now)).toMatchObject({ ok: false, code: 'TOTP_USED' });
    expect((await verify(app.id, appCode(app.secret))).ok).toBe(true);
    expect(await s.t.db.securityEvent.count({ where: { accountId: s.a.accountId, kind: 'code-reused' } })).toBe(3);
    expect(await s.t.db.securityEvent.count({ where: { accountId: s.a.accountId, kind: 'code-wrong' } })).toBe(0);
  });

  it('a code of the next step (the app a little ahead) is accepted; then the current step’s is refused', async () => {
    s.a.clock.advance(10_000);
    const app = await totpDevice(s.t.db, s.a.accountId);
    expect((await verify(app.id, appCode(app.secret, 1))).ok).toBe(true);
    expect(await verify(app.id, appCode(app.secret, 0))).toMatchObject({ ok: false, code: 'TOTP_USED' });
  });

  it('refuses codes two steps away as wrong', async () => {
    s.a.clock.advance(10_000);
    const app = await totpDevice(s.t.db, s.a.accountId);
    const near = [-1, 0, 1].map((d) => appCode(app.secret, d));
    for (const d of [-2, 2]) {
      const far = appCode(app.secret, d);
      if (near.includes(far)) continue; // one in a million: the same six digits
      expect(await verify(app.id, far)).toMatchObject({ ok: false, code: 'TOTP_WRONG', error: sentenceOf(CODES_ERRORS, 'TOTP_WRONG') });
    }
  });

  it('malformed input (not 6 digits, or a 4-digit sent-code shape) is refused without counting', async () => {
    const app = await totpDevice(s.t.db, s.a.accountId);
    for (const typed of ['1234', '12345', '1234567', 'abcdef', '']) {
      expect(await verify(app.id, typed)).toMatchObject({
        ok: false,
        code: 'CODE_MALFORMED',
        error: sentenceOf(CODES_ERRORS, 'CODE_MALFORMED', TOTP_DIGITS),
      });
    }
    expect(await s.t.db.securityEvent.count({ where: { kind: 'code-wrong' } })).toBe(0);
    expect(await s.t.db.throttle.count()).toBe(0);
  });

  it('a pending app checks only its own verification; another account’s app is unknown', async () => {
    const pending = await totpDevice(s.t.db, s.a.accountId, { verified: false });
    expect(await verify(pending.id, appCode(pending.secret))).toMatchObject({ ok: false, code: 'DEVICE_NOT_VERIFIED' });
    expect((await verify(pending.id, appCode(pending.secret), BROWSER, 'verify-device')).ok).toBe(true);
    expect((await device(pending.id)).lastUsedAt).toBeNull(); // verifying a device is not using it
  });

  it(`wrong app codes count with sent ones: after ${WRONG_CODES_BEFORE_PAUSE} in a row codes pause (even the right one) and one alert goes out`, async () => {
    s.a.clock.advance(10_000);
    const app = await totpDevice(s.t.db, s.a.accountId);
    // Some wrong sent codes, then wrong app codes: one run.
    await sendCode(s.a.deps, { accountId: s.a.accountId, trustedDeviceId: s.a.phoneId, purpose: 'sign-in' }, BROWSER);
    const sent = lastSmsCode(s.a.sms, PHONE);
    for (let i = 0; i < 2; i++) await verify(s.a.phoneId, otherCode(sent));
    const right = appCode(app.secret);
    const wrong = (i: number) => String((Number(right) + 500_000 + i) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < WRONG_CODES_BEFORE_PAUSE - 3; i++)
      expect(await verify(app.id, wrong(i))).toMatchObject({ ok: false, code: 'TOTP_WRONG' });
    expect(await verify(app.id, wrong(99))).toMatchObject({ ok: false, code: 'CODES_PAUSED' });
    expect(await verify(app.id, right)).toMatchObject({ ok: false, code: 'CODES_PAUSED' });
    // One alert (a row for the Apple ID and one for the rescue email), with no code in it.
    const alerts = await s.t.db.emailOutbox.findMany({ where: { kind: 'wrong-codes-alert' } });
    expect(alerts).toHaveLength(2);
    for (const mail of alerts) expect(mail.textBody).not.toContain(right);
    // A stranger's wrong codes pause strangers, not the holder's known browser.
    const holder: RequestContext = { ...BROWSER, knownBrowsers: [{ accountId: s.a.accountId, id: 'the-holders-browser' }] };
    expect(await verify(app.id, right, OTHER_BROWSER)).toMatchObject({ ok: false, code: 'CODES_PAUSED' });
    expect((await verify(app.id, right, holder)).ok).toBe(true);
  });

  it('a sealed secret copied onto another row opens nowhere: refused and logged, with no secret in the log', async () => {
    const app = await totpDevice(s.t.db, s.a.accountId);
    const other = await totpDevice(s.t.db, s.a.accountId, { name: 'Copy' });
    await s.t.db.trustedDevice.update({ where: { id: other.id }, data: { totpSecret: (await device(app.id)).totpSecret } });
    const log = captureLog();
    try {
      expect(await verify(other.id, appCode(app.secret))).toMatchObject({ ok: false, code: 'TOTP_UNREADABLE' });
      expect(log.lines.map((l) => l.event)).toContain('totp-secret-unreadable');
      expect(log.text()).not.toContain(app.secret);
    } finally {
      log.restore();
    }
  });

  it('a right sent code also marks its device as used', async () => {
    await sendCode(s.a.deps, { accountId: s.a.accountId, trustedDeviceId: s.a.phoneId, purpose: 'confirm-identity' }, BROWSER);
    expect((await verify(s.a.phoneId, lastSmsCode(s.a.sms, PHONE), BROWSER, 'confirm-identity')).ok).toBe(true);
    expect((await device(s.a.phoneId)).lastUsedAt).toEqual(s.a.clock.now());
  });
});
