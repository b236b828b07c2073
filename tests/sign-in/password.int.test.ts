import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, GOOD_PASSWORD, testDeps, freshAccount } from '../harness/accounts.ts';
import { signIn } from '../../src/sign-in/password.ts';
import { PER_APPLE_ID, PER_CLIENT_ADDRESS } from '../../src/accounts/password-guesses.ts';
import { MINUTE } from '../../src/clock.ts';
import { register } from '../../src/observability/metrics.ts';
import { captureLog } from '../harness/log-capture.ts';

async function counter(name: string, labels: Record<string, string>): Promise<number> {
  const { values } = await register.getSingleMetric(name)!.get();
  return values.find((v) => Object.entries(labels).every(([k, want]) => v.labels[k] === want))?.value ?? 0;
}

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
    expect(wrongPassword).toEqual({ ok: false, code: 'WRONG_CREDENTIALS', error: 'Your Apple ID or password was incorrect.' });
    expect(unknown).toEqual(wrongPassword);
    expect(await t.db.securityEvent.count({ where: { kind: 'sign-in-failed' } })).toBe(1);
  });

  it('puts messages next to empty or malformed fields', async () => {
    const result = await signIn(deps, { appleId: 'jane', password: '' }, BROWSER);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_FIELDS' });
    if (result.ok) return;
    expect(result.fieldErrors?.appleId).toMatch(/valid email/);
    expect(result.fieldErrors?.password).toMatch(/Enter your password/);
  });

  it(`locks an Apple ID for 15 minutes after ${PER_APPLE_ID.maxFailures} failures, and says how long`, async () => {
    let last;
    const lockoutsBefore = await counter('two_step_lockouts_total', { scope: 'sign-in' });
    const failedBefore = await counter('two_step_sign_ins_total', { result: 'wrong-password' });
    const log = captureLog();
    try {
      for (let i = 0; i < PER_APPLE_ID.maxFailures; i++) {
        deps.clock.advance(MINUTE);
        last = await signIn(
          deps,
          { appleId: 'jane.holder@example.com', password: `wrong ${i}` },
          { ...BROWSER, clientAddress: `198.51.100.${i}` },
        );
      }
    } finally {
      log.restore();
    }
    expect(last).toMatchObject({ ok: false, code: 'PASSWORD_LOCKED_OUT', error: expect.stringContaining('15 minutes') });
    // The operator sees it: one lockout, five failed sign-ins, in the metrics and the log (never the passwords tried).
    expect(await counter('two_step_lockouts_total', { scope: 'sign-in' })).toBe(lockoutsBefore + 1);
    expect(await counter('two_step_sign_ins_total', { result: 'wrong-password' })).toBe(failedBefore + PER_APPLE_ID.maxFailures);
    expect(log.lines.filter((l) => l.event === 'lockout')).toEqual([expect.objectContaining({ level: 'warn', scope: 'sign-in' })]);
    expect(log.lines.filter((l) => l.event === 'sign-in-failed')).toHaveLength(PER_APPLE_ID.maxFailures);
    expect(log.text()).not.toMatch(/wrong \d|jane\.holder/);

    deps.clock.advance(5 * MINUTE);
    const rightPasswordWhileLocked = await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER);
    expect(rightPasswordWhileLocked).toMatchObject({
      ok: false,
      code: 'PASSWORD_LOCKED_OUT',
      error: expect.stringContaining('10 minutes'),
    });

    deps.clock.advance(10 * MINUTE);
    expect((await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER)).ok).toBe(true);
  });

  it('locks an unknown Apple ID the same way, so a lockout does not reveal that an account exists', async () => {
    let last;
    for (let i = 0; i < PER_APPLE_ID.maxFailures; i++)
      last = await signIn(deps, { appleId: 'ghost@example.com', password: `x${i}xxxxxx` }, BROWSER);
    expect(last).toMatchObject({ ok: false, code: 'PASSWORD_LOCKED_OUT' });
  });

  it('does not lock an Apple ID for failures spread beyond the window', async () => {
    for (let i = 0; i < PER_APPLE_ID.maxFailures * 2; i++) {
      deps.clock.advance(PER_APPLE_ID.windowMs / (PER_APPLE_ID.maxFailures - 1) + 1000);
      await signIn(deps, { appleId: 'jane.holder@example.com', password: `wrong ${i}` }, { ...BROWSER, clientAddress: `198.51.100.${i}` });
    }
    expect((await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER)).ok).toBe(true);
  });

  it(`slows a client address after ${PER_CLIENT_ADDRESS.maxFailures} failures across Apple IDs, never locks it, and leaves other addresses alone`, async () => {
    const office = { ...BROWSER, clientAddress: '192.0.2.66' };
    for (let i = 0; i < PER_CLIENT_ADDRESS.maxFailures; i++) {
      expect(await signIn(deps, { appleId: `victim${i}@example.com`, password: 'guess guess' }, office)).toMatchObject({
        ok: false,
        code: 'WRONG_CREDENTIALS',
      });
    }
    // Past the budget: one attempt per delay, the delay doubling up to its cap.
    expect(await signIn(deps, { appleId: 'victim-x@example.com', password: 'guess guess' }, office)).toMatchObject({
      ok: false,
      code: 'WRONG_CREDENTIALS',
    });
    const slowed = await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, office);
    expect(slowed).toEqual({
      ok: false,
      code: 'PASSWORD_LOCKED_OUT',
      error: `Too many unsuccessful sign-in attempts. For your security, try again in ${PER_CLIENT_ADDRESS.slowDown.firstDelayMs / 1000} second.`,
    });
    for (let i = 0; i < 30; i++) await signIn(deps, { appleId: `victim${i}@example.com`, password: 'guess guess' }, office);
    const row = await t.db.throttle.findUniqueOrThrow({ where: { key: 'sign-in:address:192.0.2.66' } });
    expect(row.lockedUntil!.getTime() - deps.clock.now().getTime()).toBeLessThanOrEqual(PER_CLIENT_ADDRESS.slowDown.maxDelayMs);
    // Someone else behind the same address gets in once the delay is over; other addresses never waited.
    expect((await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, BROWSER)).ok).toBe(true);
    deps.clock.advance(PER_CLIENT_ADDRESS.slowDown.maxDelayMs);
    expect((await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, office)).ok).toBe(true);
  });

  it('an attempt refused by the Apple ID lock uses none of the address budget: the others behind the address are not slowed', async () => {
    const office = { ...BROWSER, clientAddress: '192.0.2.77' };
    for (let i = 0; i < PER_CLIENT_ADDRESS.maxFailures * 2; i++)
      await signIn(deps, { appleId: 'ghost@example.com', password: `guess ${i}` }, office);
    expect((await signIn(deps, { appleId: 'ghost@example.com', password: 'one more' }, office)).ok).toBe(false);
    for (let i = 0; i < 3; i++)
      expect((await signIn(deps, { appleId: 'jane.holder@example.com', password: GOOD_PASSWORD }, office)).ok).toBe(true);
  });
});
