// "Two of the three lost (password, trusted devices, Recovery Key): locked out for good. There is
// no back door, for anyone." Every path into the account is tried with each single factor (and
// with none); none gives access. Each legitimate pair does (so the harness can see access at all).
// The trusted device is each kind that proves itself differently: a phone receiving codes, an
// authenticator app (without its secret, a guess), or a passkey (a stranger without its private key
// signs with a key of their own under its credential id, which is public).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import { lastSmsCode, otherCode, PHONE, totpDevice } from '../codes/helpers.ts';
import { totpCodeAt } from '../../src/kinds/authenticator-app/totp.ts';
import { resolveSession } from '../../src/sessions/sessions.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { verifySecret } from '../../src/accounts/passwords.ts';
import { requestPasswordReset } from '../../src/password-reset/by-link.ts';
import { authenticateApp } from '../../src/app-passwords/app-passwords.ts';
import { generateRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import { completeSignIn, completeSignInWithSignature, sendSignInCode, signInSignatureOptions } from '../../src/sign-in/code.ts';
import { signInWithRecoveryKey } from '../../src/sign-in/recovery-key.ts';
import {
  completeKeyReset,
  keyResetSignatureOptions,
  sendKeyResetCode,
  startKeyReset,
  verifyKeyResetCode,
  verifyKeyResetSignature,
} from '../../src/password-reset/by-recovery-key.ts';
import { MINUTE } from '../../src/clock.ts';
import { APPLE_ID, withTwoStepAccount } from './helpers.ts';
import { addSoftPasskey } from '../passkeys/helpers.ts';
import { SoftAuthenticator } from '../passkeys/authenticator.ts';

type Factor = 'password' | 'device' | 'key';
type Device = 'phone' | 'app' | 'passkey';

/** A well-formed app code that is none of the codes the app accepts now (steps −1, 0, +1): a guess that cannot be right by chance. */
function guessedAppCode(secret: string, now: Date): string {
  const accepted = new Set([-1, 0, 1].map((d) => totpCodeAt(secret, new Date(now.getTime() + d * 30_000))));
  let guess = 0;
  while (accepted.has(String(guess).padStart(6, '0'))) guess++;
  return String(guess).padStart(6, '0');
}
const NEW_PASSWORD = 'a thief would like this';

describe('locked out: one factor (or none) opens nothing', () => {
  const s = withTwoStepAccount();
  let holderKey: SoftAuthenticator;
  let strangerKey: SoftAuthenticator;
  beforeEach(async () => {
    // Every account also has a passkey (added while its holder is still signed in with a fresh code).
    holderKey = (await addSoftPasskey(s.a.deps, s.a.actor)).authenticator;
    strangerKey = new SoftAuthenticator(holderKey.origin, holderKey.rpId);
    Object.assign(strangerKey, { credentialId: holderKey.credentialId }); // its id is public; its private key is not
    await s.t.db.session.deleteMany(); // nobody is signed in
  });

  /**
   * Tries every way in with what the person has. Without a factor they guess: a wrong password, a
   * fresh random Recovery Key, and a code they did not receive (every code from 0000 up would be
   * needed; one guess per code stands for all, the per-code and account limits are tested elsewhere).
   * The guess is the sent code off by one, so it is never right by chance.
   */
  async function tryEverything(has: Factor[], via: Device = 'phone') {
    const password = has.includes('password') ? GOOD_PASSWORD : 'not the password at all';
    const key = has.includes('key') ? s.a.recoveryKey : generateRecoveryKey();
    // The trusted device: the phone (its texts), or an authenticator app (its secret; without it, a guess).
    const app = via === 'app' ? await totpDevice(s.t.db, s.a.accountId) : null;
    const deviceId = app ? app.id : s.a.phoneId;
    const codeFromDevice = () => {
      if (app) return has.includes('device') ? totpCodeAt(app.secret, s.a.clock.now()) : guessedAppCode(app.secret, s.a.clock.now());
      return has.includes('device') ? lastSmsCode(s.a.sms, PHONE) : otherCode(lastSmsCode(s.a.sms, PHONE));
    };
    const passkeyFromDevice = () => (has.includes('device') ? holderKey : strangerKey);
    const access = { signedIn: false, recoverySession: false, passwordReset: false, appSignIn: false, resetLink: false };

    // 1. Sign in: password, then a code from a device or the Recovery Key.
    const first = await signIn(s.a.deps, { appleId: APPLE_ID, password }, BROWSER);
    if (first.ok) {
      expect(first.needsCode).toBe(true);
      expect((await resolveSession(s.t.db, first.sessionToken, s.a.clock.now()))?.stage).toBe('password');
      let done;
      if (via === 'passkey') {
        const o = await signInSignatureOptions(s.a.deps, first.sessionToken);
        if (!o.ok) throw new Error(o.error);
        done = await completeSignInWithSignature(s.a.deps, first.sessionToken, passkeyFromDevice().assert(o.options), BROWSER);
      } else {
        await sendSignInCode(s.a.deps, first.sessionToken, { trustedDeviceId: deviceId }, BROWSER);
        done = await completeSignIn(s.a.deps, first.sessionToken, { trustedDeviceId: deviceId, code: codeFromDevice() }, BROWSER);
      }
      if (done.ok) access.signedIn = (await resolveSession(s.t.db, done.sessionToken, s.a.clock.now()))?.stage === 'full';
      const again = await signIn(s.a.deps, { appleId: APPLE_ID, password }, BROWSER);
      if (again.ok) {
        const recovery = await signInWithRecoveryKey(s.a.deps, again.sessionToken, { recoveryKey: key }, BROWSER);
        if (recovery.ok)
          access.recoverySession = (await resolveSession(s.t.db, recovery.sessionToken, s.a.clock.now()))?.stage === 'recovery';
      }
    }
    s.a.clock.advance(MINUTE); // past the 30-second per-device send limit

    // 2. Reset: Recovery Key, then a code from a device, then a new password.
    const reset = await startKeyReset(s.a.deps, { appleId: APPLE_ID, recoveryKey: key }, BROWSER);
    if (reset.ok) {
      if (via === 'passkey') {
        const o = await keyResetSignatureOptions(s.a.deps, reset.token);
        if (!o.ok) throw new Error(o.error);
        await verifyKeyResetSignature(s.a.deps, reset.token, passkeyFromDevice().assert(o.options), BROWSER);
      } else {
        await sendKeyResetCode(s.a.deps, reset.token, { trustedDeviceId: deviceId }, BROWSER);
        await verifyKeyResetCode(s.a.deps, reset.token, { trustedDeviceId: deviceId, code: codeFromDevice() }, BROWSER);
      }
      const done = await completeKeyReset(s.a.deps, reset.token, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, BROWSER);
      access.passwordReset = done.ok;
    }

    // 3. The email link (security questions no longer exist): no link is ever made.
    await requestPasswordReset(s.a.deps, { appleId: APPLE_ID }, BROWSER);
    access.resetLink = (await s.t.db.passwordReset.count({ where: { method: 'email' } })) > 0;

    // 4. An app with the main password.
    access.appSignIn = (await authenticateApp(s.a.deps, { appleId: APPLE_ID, password }, BROWSER)).ok;

    const unchanged = await verifySecret(
      GOOD_PASSWORD,
      (await s.t.db.account.findUniqueOrThrow({ where: { id: s.a.accountId } })).passwordHash,
    );
    return { access, passwordUnchanged: unchanged };
  }

  const NOTHING = { signedIn: false, recoverySession: false, passwordReset: false, appSignIn: false, resetLink: false };

  for (const via of ['phone', 'app', 'passkey'] as Device[]) {
    for (const has of [[], ['password'], ['device'], ['key']] as Factor[][]) {
      it(`with ${has.length ? `only the ${has[0]}` : 'no factor'} (the trusted device: ${via}): no sign-in, no Recovery Key session, no reset`, async () => {
        expect(await tryEverything(has, via)).toEqual({ access: NOTHING, passwordUnchanged: true });
      });
    }
    it(`password + trusted device (${via}): signs in (and only that)`, async () => {
      expect((await tryEverything(['password', 'device'], via)).access).toEqual({ ...NOTHING, signedIn: true });
    });
    it(`Recovery Key + trusted device (${via}): resets the password`, async () => {
      expect(await tryEverything(['key', 'device'], via)).toEqual({
        access: { ...NOTHING, passwordReset: true },
        passwordUnchanged: false,
      });
    });
  }

  it('password + Recovery Key: a Recovery Key session, which must verify a new trusted device first', async () => {
    expect((await tryEverything(['password', 'key'])).access).toEqual({ ...NOTHING, recoverySession: true });
  });
});
