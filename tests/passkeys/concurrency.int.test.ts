// One assertion sent 100 times at once (a double-clicking browser, or an attacker racing the holder):
// its challenge is claimed by one conditional DELETE, so exactly one request signs in. On both
// engines; on PostgreSQL the requests really run in parallel (TEST_DB_ENGINE=postgresql).
import { describe, expect, it } from 'vitest';
import { BROWSER } from '../harness/accounts.ts';
import { withTwoStepAccount } from '../two-step/helpers.ts';
import { authenticationOptions, verifyPasskey } from '../../src/kinds/passkey/prove.ts';
import { addSoftPasskey } from './helpers.ts';

describe('concurrent assertions', () => {
  const s = withTwoStepAccount();

  it('100 requests with one assertion: exactly one is accepted, the counter moves once', async () => {
    const { authenticator, trustedDeviceId } = await addSoftPasskey(s.a.deps, s.a.actor);
    const o = await authenticationOptions(s.a.deps, s.a.accountId, 'sign-in');
    if (!o.ok) throw new Error(o.error);
    const response = authenticator.assert(o.options);
    let finished = 0;
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        verifyPasskey(s.a.deps, { accountId: s.a.accountId, purpose: 'sign-in', response }, BROWSER, async () => ++finished),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map((r) => (r as { code: string }).code))).toEqual(new Set(['CHALLENGE_GONE']));
    expect(finished).toBe(1);
    expect((await s.t.db.trustedDevice.findUniqueOrThrow({ where: { id: trustedDeviceId } })).signCount).toBe(1);
    expect(await s.t.db.securityEvent.count({ where: { accountId: s.a.accountId, kind: 'code-verified' } })).toBe(1);
  });

  it('two assertions with the same counter on two challenges (a cloned key): one is accepted', async () => {
    const { authenticator } = await addSoftPasskey(s.a.deps, s.a.actor);
    const answers = [];
    for (let i = 0; i < 2; i++) {
      const o = await authenticationOptions(s.a.deps, s.a.accountId, 'sign-in');
      if (!o.ok) throw new Error(o.error);
      answers.push(authenticator.assert(o.options, { counter: 7 }));
    }
    const results = await Promise.all(
      answers.map((response) => verifyPasskey(s.a.deps, { accountId: s.a.accountId, purpose: 'sign-in', response }, BROWSER)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'COUNTER_REFUSED' });
  });
});
