// A passkey in the flows that ask a trusted device to prove itself: the sign-in second step (the
// password still comes first), the fresh code before a sensitive change, and the Recovery Key
// reset (where it counts as the trusted device). It is never a place to send a code.
import { describe, expect, it } from 'vitest';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import { APPLE_ID, withTwoStepAccount } from '../two-step/helpers.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { completeSignInWithSignature, signInSignatureOptions } from '../../src/sign-in/code.ts';
import { confirmIdentityWithSignature, freshCodeRefusal, identitySignatureOptions } from '../../src/step-up/fresh-code.ts';
import {
  completeKeyReset,
  keyResetSignatureOptions,
  startKeyReset,
  verifyKeyResetSignature,
} from '../../src/password-reset/by-recovery-key.ts';
import { sendCode } from '../../src/codes/codes.ts';
import { resolveSession, sessionIdOf } from '../../src/sessions/sessions.ts';
import { MINUTE } from '../../src/clock.ts';
import { addSoftPasskey, ORIGIN, RP_ID } from './helpers.ts';
import { SoftAuthenticator } from './authenticator.ts';
import { addedInSession, signInWithRecoveryKey } from '../../src/sign-in/recovery-key.ts';
import { addPasskey, passkeyRegistrationOptions } from '../../src/kinds/passkey/add.ts';

describe('a passkey as the trusted device of a step', () => {
  const s = withTwoStepAccount();
  const deps = () => s.a.deps;

  it('signs in after the password, into a new signed-in session', async () => {
    const { authenticator, trustedDeviceId } = await addSoftPasskey(deps(), s.a.actor);
    await s.t.db.session.deleteMany();
    const first = await signIn(deps(), { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER);
    if (!first.ok) throw new Error(first.error);
    const o = await signInSignatureOptions(deps(), first.sessionToken);
    if (!o.ok) throw new Error(o.error);
    const done = await completeSignInWithSignature(deps(), first.sessionToken, authenticator.assert(o.options), BROWSER);
    if (!done.ok) throw new Error(done.error);
    expect(await resolveSession(s.t.db, done.sessionToken, s.a.clock.now())).toMatchObject({ stage: 'full', accountId: s.a.accountId });
    expect(await resolveSession(s.t.db, first.sessionToken, s.a.clock.now())).toBeNull();
    const signedIn = await s.t.db.securityEvent.findMany({ where: { accountId: s.a.accountId, kind: 'signed-in' } });
    expect(signedIn.map((e) => JSON.parse(e.details!))).toEqual([{ with: 'passkey or security key' }]);
    expect((await s.t.db.trustedDevice.findUniqueOrThrow({ where: { id: trustedDeviceId } })).lastUsedAt).toEqual(s.a.clock.now());
  });

  it('does not replace the password: without a password-stage session there are no options and no sign-in', async () => {
    const { authenticator } = await addSoftPasskey(deps(), s.a.actor);
    // A signed-in (full) session, a made-up token: neither is "past the password, before the device".
    for (const token of [s.a.token, 'x'.repeat(43)]) {
      expect(await signInSignatureOptions(deps(), token)).toMatchObject({ ok: false, code: 'SIGN_IN_EXPIRED' });
    }
    const first = await signIn(deps(), { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER);
    if (!first.ok) throw new Error(first.error);
    const o = await signInSignatureOptions(deps(), first.sessionToken);
    if (!o.ok) throw new Error(o.error);
    const assertion = authenticator.assert(o.options);
    expect(await completeSignInWithSignature(deps(), s.a.token, assertion, BROWSER)).toMatchObject({ ok: false, code: 'SIGN_IN_EXPIRED' });
    const wrongPassword = await signIn(deps(), { appleId: APPLE_ID, password: 'not the password' }, BROWSER);
    expect(wrongPassword.ok).toBe(false);
    // The holder's own answer still works in the session it was made for, once.
    expect(await completeSignInWithSignature(deps(), first.sessionToken, assertion, BROWSER)).toMatchObject({ ok: true });
    expect(await completeSignInWithSignature(deps(), first.sessionToken, assertion, BROWSER)).toMatchObject({
      ok: false,
      code: 'SIGN_IN_EXPIRED',
    });
  });

  it('makes the session fresh again for a sensitive change, as a new session', async () => {
    const { authenticator } = await addSoftPasskey(deps(), s.a.actor);
    s.a.clock.advance(30 * MINUTE);
    await s.t.db.session.updateMany({ data: { lastSeenAt: s.a.clock.now() } });
    expect(await freshCodeRefusal(deps(), s.a.actor)).toMatchObject({ code: 'FRESH_CODE_NEEDED' });
    const o = await identitySignatureOptions(deps(), s.a.actor);
    if (!o.ok) throw new Error(o.error);
    const confirmed = await confirmIdentityWithSignature(deps(), s.a.actor, authenticator.assert(o.options), BROWSER);
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(await resolveSession(s.t.db, s.a.token, s.a.clock.now())).toBeNull();
    expect(await freshCodeRefusal(deps(), { accountId: s.a.accountId, sessionId: sessionIdOf(confirmed.sessionToken) })).toBeNull();
    expect(await s.t.db.securityEvent.count({ where: { accountId: s.a.accountId, kind: 'identity-confirmed' } })).toBe(1);
  });

  it('counts as the trusted device in the Recovery Key reset', async () => {
    const { authenticator } = await addSoftPasskey(deps(), s.a.actor);
    const reset = await startKeyReset(deps(), { appleId: APPLE_ID, recoveryKey: s.a.recoveryKey }, BROWSER);
    if (!reset.ok) throw new Error(reset.error);
    expect(
      await completeKeyReset(deps(), reset.token, { password: 'a new long passphrase', confirmPassword: 'a new long passphrase' }, BROWSER),
    ).toMatchObject({ ok: false, code: 'CODE_FIRST' });
    const o = await keyResetSignatureOptions(deps(), reset.token);
    if (!o.ok) throw new Error(o.error);
    expect(await verifyKeyResetSignature(deps(), 'not-a-reset-token', authenticator.assert(o.options), BROWSER)).toMatchObject({
      ok: false,
      code: 'KEY_RESET_EXPIRED',
    });
    const o2 = await keyResetSignatureOptions(deps(), reset.token);
    if (!o2.ok) throw new Error(o2.error);
    expect(await verifyKeyResetSignature(deps(), reset.token, authenticator.assert(o2.options), BROWSER)).toEqual({ ok: true });
    expect(
      await completeKeyReset(deps(), reset.token, { password: 'a new long passphrase', confirmPassword: 'a new long passphrase' }, BROWSER),
    ).toMatchObject({ ok: true });
  });

  it('added in a Recovery Key session, finishes that sign-in as a new trusted device does', async () => {
    await s.t.db.session.deleteMany();
    const first = await signIn(deps(), { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER);
    if (!first.ok) throw new Error(first.error);
    const recovery = await signInWithRecoveryKey(deps(), first.sessionToken, { recoveryKey: s.a.recoveryKey }, BROWSER);
    if (!recovery.ok) throw new Error(recovery.error);
    const actor = { accountId: s.a.accountId, sessionId: sessionIdOf(recovery.sessionToken) };
    const o = await passkeyRegistrationOptions(deps(), actor);
    if (!o.ok) throw new Error(o.error);
    const key = new SoftAuthenticator(ORIGIN, RP_ID);
    const added = await addedInSession(
      deps(),
      recovery.sessionToken,
      await addPasskey(deps(), actor, { name: 'New key', response: key.register(o.options) }, BROWSER),
      BROWSER,
    );
    if (!added.ok || !added.signedIn) throw new Error(JSON.stringify(added));
    expect(await resolveSession(s.t.db, added.signedIn, s.a.clock.now())).toMatchObject({ stage: 'full' });
    expect(await resolveSession(s.t.db, recovery.sessionToken, s.a.clock.now())).toBeNull();
  });

  it('is never a place to send a code', async () => {
    const { trustedDeviceId } = await addSoftPasskey(deps(), s.a.actor);
    expect(await sendCode(deps(), { accountId: s.a.accountId, trustedDeviceId, purpose: 'sign-in' }, BROWSER)).toMatchObject({
      ok: false,
      code: 'DEVICE_CANNOT_RECEIVE',
    });
    expect(s.a.sms.sent).toHaveLength(0);
  });
});
