import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/db.ts';
import { BROWSER, GOOD_PASSWORD, testDeps, freshAccount } from '../support/accounts.ts';
import { PER_APPLE_ID, PER_CLIENT_ADDRESS, signIn, WRONG_CREDENTIALS } from '../../src/accounts/sign-in.ts';
import { MINUTE } from '../../src/clock.ts';

describe('signing in with a password', () => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    ({ deps } = await freshAccount(t.db));
  });

  it('opens a session for the right password, whatever the case of the Apple ID', async () => {
    const result = await signIn(deps, { appleId: 'JANE.HOLDER@EXAMPLE.COM', password: GOOD_PASSWORD }, BROWSER);
    expect(result.ok).toBe(true);
    const kinds = (await t.db.securityEvent.findMany({ orderBy: { createdAt: 'asc' } })).map((e) => e.kind);
    expect(kinds).toContain('signed-in');
    expect(await t.db.session.count()).toBe(2); // one from creating the account, one from this sign-in
  });

  it('gives the same answer for a wrong password and for an unknown Apple ID', async () => {
    const wrongPassword = await signIn(deps, { appleId: 'jane.holder@example.com', password: 'not my password' }, BROWSER);
    const unknown = await signIn(deps, { appleId: 'nobody@example.com', password: GOOD_PASSWORD }, BROWSER);
    expect(wrongPassword).toEqual({ ok: false, error: WRONG_CREDENTIALS });
    expect(unknown).toEqual({ ok: false, error: WRONG_CREDENTIALS });
    expect(await t.db.securityEvent.count({ where: { kind: 'sign-in-failed' } })).toBe(1);
  });

  it('puts messages next to empty or malformed fields', async () => {
    const result = await signIn(deps, { appleId: 'jane', password: '' }, BROWSER);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.appleId).toMatch(/valid email/);
    expect(result.fieldErrors?.password).toMatch(/Enter your password/);
  });

  it(`locks an Apple ID for 15 minutes after ${PER_APPLE_ID.maxFailures} failures, and says how long`, async () => {
    let last;
    for (let i = 0; i < PER_APPLE_ID.maxFailures; i++) {
      deps.clock.advance(MINUTE);
      last = await signIn(deps, { appleId: 'jane.holder@example.com', password: `wrong ${i}` }, { ...BROWSER, clientAddress: `198.51.100.${i}` });
    }
    expect(last).toEqual({ ok: false, error: expect.stringMatching(/try again in 15 minutes/) });

    deps.clock.advance(5 * MINUTE);
    const rightPasswordWhileLocked = await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER);
    expect(rightPasswordWhileLocked).toEqual({ ok: false, error: expect.stringMatching(/try again in 10 minutes/) });

    deps.clock.advance(10 * MINUTE);
    expect((await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER)).ok).toBe(true);
  });

  it('locks an unknown Apple ID the same way, so a lockout does not reveal that an account exists', async () => {
    let last;
    for (let i = 0; i < PER_APPLE_ID.maxFailures; i++) last = await signIn(deps, { appleId: 'ghost@example.com', password: `x${i}xxxxxx` }, BROWSER);
    expect(last).toEqual({ ok: false, error: expect.stringMatching(/Too many unsuccessful sign-in attempts/) });
  });

  it('does not lock an Apple ID for failures spread beyond the window', async () => {
    for (let i = 0; i < PER_APPLE_ID.maxFailures * 2; i++) {
      deps.clock.advance(PER_APPLE_ID.windowMs / (PER_APPLE_ID.maxFailures - 1) + 1000);
      await signIn(deps, { appleId: 'jane.holder@example.com', password: `wrong ${i}` }, { ...BROWSER, clientAddress: `198.51.100.${i}` });
    }
    expect((await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER)).ok).toBe(true);
  });

  it(`locks a client address after ${PER_CLIENT_ADDRESS.maxFailures} failures across Apple IDs, not other addresses`, async () => {
    const attacker = { ...BROWSER, clientAddress: '192.0.2.66' };
    for (let i = 0; i < PER_CLIENT_ADDRESS.maxFailures; i++) {
      await signIn(deps, { appleId: `victim${i}@example.com`, password: 'guess guess' }, attacker);
    }
    const fromAttacker = await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, attacker);
    expect(fromAttacker).toEqual({ ok: false, error: expect.stringMatching(/try again in 15 minutes/) });
    expect((await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER)).ok).toBe(true);
  });
});
