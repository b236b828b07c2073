// PostgreSQL races end cleanly (docs/security.md): requests in flight when their session is ended
// (sign out everywhere, on another instance) are answered as signed out, and several requests with
// one code on one session give one success and clear messages, never an error. The requests come
// as from two app instances (tests/harness/two-instances.ts).
import { describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD } from '../harness/accounts.ts';
import { APPLE_ID, withTwoStepAccount } from '../two-step/helpers.ts';
import { lastSmsCode, PHONE } from '../codes/helpers.ts';
import { twoInstances } from '../harness/two-instances.ts';
import { createSession, resolveSession, sessionIdOf, signOutEverywhere } from '../../src/sessions/sessions.ts';
import { securityPassState } from '../../src/accounts/security-pass.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { completeSignIn, sendSignInCode } from '../../src/sign-in/code.ts';
import { confirmIdentity, sendIdentityCode } from '../../src/step-up/fresh-code.ts';

describe(`session races (${TEST_ENGINE})`, () => {
  const s = withTwoStepAccount();
  const instance = twoInstances(() => s.t);
  const via = (i: number) => instance(s.a.deps, i);

  it('150 page views and one "Sign Out Everywhere" at once: no request fails; the ones after it are signed out', async () => {
    const tokens = await Promise.all(Array.from({ length: 10 }, () => createSession(s.t.db, s.a.accountId, s.a.clock.now(), BROWSER)));
    const requests = Array.from({ length: 150 }, (_, i) => {
      const token = tokens[i % tokens.length]!;
      if (i === 75) return signOutEverywhere(via(i), token, BROWSER);
      return i % 3 === 0 ? securityPassState(via(i), sessionIdOf(token)) : resolveSession(via(i).db, token, s.a.clock.now());
    });
    const settled = await Promise.allSettled(requests);
    expect(settled.filter((r) => r.status === 'rejected')).toEqual([]);
    for (const token of tokens) expect(await resolveSession(s.t.db, token, s.a.clock.now())).toBeNull();
  });

  it('8 requests with the one right code on one sign-in: 1 success, 7 clear messages', async () => {
    const pending = await signIn(s.a.deps, { appleId: APPLE_ID, password: GOOD_PASSWORD }, BROWSER);
    if (!pending.ok) throw new Error(pending.error);
    await sendSignInCode(s.a.deps, pending.sessionToken, { trustedDeviceId: s.a.phoneId }, BROWSER);
    const code = lastSmsCode(s.a.sms, PHONE);
    const settled = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => completeSignIn(via(i), pending.sessionToken, { trustedDeviceId: s.a.phoneId, code }, BROWSER)),
    );
    expect(settled.filter((r) => r.status === 'rejected')).toEqual([]);
    const results = settled.map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    for (const r of results.filter((r) => r && !r.ok))
      expect(r).toEqual({ ok: false, code: expect.stringMatching(/^[A-Z_]+$/), error: expect.stringMatching(/\.$/) });
  });

  it('8 requests with the one right fresh code on one session: 1 success, 7 clear messages', async () => {
    await sendIdentityCode(s.a.deps, s.a.actor, { trustedDeviceId: s.a.phoneId }, BROWSER);
    const code = lastSmsCode(s.a.sms, PHONE);
    const settled = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => confirmIdentity(via(i), s.a.actor, { trustedDeviceId: s.a.phoneId, code }, BROWSER)),
    );
    expect(settled.filter((r) => r.status === 'rejected')).toEqual([]);
    const results = settled.map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    for (const r of results.filter((r) => r && !r.ok))
      expect(r).toEqual({ ok: false, code: expect.stringMatching(/^[A-Z_]+$/), error: expect.stringMatching(/\.$/) });
  });
});
