// A stranger cannot lock the holder out (docs/known-browsers.md). The stranger knows the Apple ID
// (and in the code tests, the password too) and makes as many failures as the limits let through;
// the holder's browser, which signed in before and carries its device cookie (ctx.knownBrowsers),
// gets in at once. Brute force stays limited: unknown browsers are still locked.
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD } from '../harness/accounts.ts';
import { APPLE_ID, strangerPausesCodes, withTwoStepAccount } from '../two-step/helpers.ts';
import { lastSmsCode, smsDevice } from '../codes/helpers.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { completeSignIn, sendSignInCode } from '../../src/sign-in/code.ts';
import { signInWithRecoveryKey } from '../../src/sign-in/recovery-key.ts';
import { startKeyReset } from '../../src/password-reset/by-recovery-key.ts';
import { generateRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import type { RequestContext } from '../../src/security-events/record.ts';

const STRANGER_FAILURES = 1000;
const SECOND_PHONE = '+15550109876';

describe('a stranger cannot lock the holder out', () => {
  const s = withTwoStepAccount();
  const stranger = (i: number): RequestContext => ({ clientAddress: `203.0.113.${i % 200}`, userAgent: 'curl/8.0' });
  // The holder's browser: the same device cookie on every request.
  const holder = (): RequestContext => ({
    clientAddress: '192.0.2.10',
    userAgent: 'Mozilla/5.0 Chrome/150',
    knownBrowsers: [{ accountId: s.a.accountId, id: 'the-holders-browser' }],
  });
  const unknownHolder = (): RequestContext => ({ clientAddress: '192.0.2.10', userAgent: 'Mozilla/5.0 Chrome/150' });

  it(`${STRANGER_FAILURES} wrong passwords from unknown browsers: the holder's known browser signs in at once, unknown browsers stay locked`, async () => {
    let compared = 0;
    // In rounds of 50 at once, as a script would send them.
    for (let round = 0; round < STRANGER_FAILURES / 50; round++) {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, k) =>
          signIn(s.a.deps, { appleId: APPLE_ID, password: `guess number ${round * 50 + k}` }, stranger(round * 50 + k)),
        ),
      );
      compared += results.filter((r) => !r.ok && r.code === 'WRONG_CREDENTIALS').length;
    }
    expect(compared).toBeLessThan(5);
    expect((await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, holder())).ok).toBe(true);
    expect(await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, unknownHolder())).toMatchObject({
      ok: false,
      code: 'PASSWORD_LOCKED_OUT',
    });
  }, 120_000);

  it("a known browser's own failures lock that browser only, and a device cookie for another account counts as unknown", async () => {
    for (let i = 0; i < 5; i++) await signIn(s.a.deps, { appleId: APPLE_ID, password: `typo ${i}` }, holder());
    expect((await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, holder())).ok).toBe(false);
    expect((await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, unknownHolder())).ok).toBe(true);
    const otherAccountsCookie: RequestContext = {
      ...unknownHolder(),
      knownBrowsers: [{ accountId: 'some-other-account', id: 'another-accounts-browser' }],
    };
    for (let i = 0; i < 5; i++) await signIn(s.a.deps, { appleId: APPLE_ID, password: `guess ${i}` }, otherAccountsCookie);
    expect((await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, unknownHolder())).ok).toBe(false);
  });

  it("wrong Recovery Keys at the reset lock strangers, not the holder's known browser nor the Recovery Key sign-in", async () => {
    for (let i = 0; i < 50; i++) await startKeyReset(s.a.deps, { appleId: APPLE_ID, recoveryKey: generateRecoveryKey() }, stranger(i));
    expect((await startKeyReset(s.a.deps, { appleId: APPLE_ID, recoveryKey: s.a.recoveryKey }, unknownHolder())).ok).toBe(false);
    expect((await startKeyReset(s.a.deps, { appleId: APPLE_ID, recoveryKey: s.a.recoveryKey }, holder())).ok).toBe(true);
    const pending = await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, holder());
    if (!pending.ok) throw new Error(pending.error);
    expect((await signInWithRecoveryKey(s.a.deps, pending.sessionToken, { recoveryKey: s.a.recoveryKey }, unknownHolder())).ok).toBe(true);
  });

  it('a stranger with the password who asks for codes and mistypes them: the holder still uses another device, and signing in ends the block', async () => {
    const secondPhone = await smsDevice(s.t.db, s.a.accountId, SECOND_PHONE);
    const attacker = stranger(1);
    // The stranger asks for codes until the number's limit and mistypes until the account pauses.
    const pending = await strangerPausesCodes(s.a, attacker);
    expect(await sendSignInCode(s.a.deps, pending, { trustedDeviceId: secondPhone }, attacker)).toMatchObject({
      ok: false,
      code: 'CODES_PAUSED',
    });

    // The holder, from a browser that signed in before: another trusted device works.
    const mine = await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, holder());
    if (!mine.ok) throw new Error(mine.error);
    expect(await sendSignInCode(s.a.deps, mine.sessionToken, { trustedDeviceId: secondPhone }, holder())).toEqual({
      ok: true,
      trustedDeviceId: secondPhone,
      sent: true,
      message: 'We sent a code. Enter it below.',
    });
    const signedIn = await completeSignIn(
      s.a.deps,
      mine.sessionToken,
      { trustedDeviceId: secondPhone, code: lastSmsCode(s.a.sms, SECOND_PHONE) },
      holder(),
    );
    expect(signedIn.ok).toBe(true);
    // Signing in ended the block: the first number takes codes again, from anywhere.
    s.a.clock.advance(31_000);
    const again = await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, unknownHolder());
    if (!again.ok) throw new Error(again.error);
    expect((await sendSignInCode(s.a.deps, again.sessionToken, { trustedDeviceId: s.a.phoneId }, unknownHolder())).ok).toBe(true);
  });
});
