// Staff prove a second factor (src/support/staff-factors.ts, src/kinds/<kind>/staff.ts): after
// the right password a staff session is in the 'second-factor' stage; the first sign-in sets up an
// authenticator app (the key shown, one code proves it) or a passkey (a software authenticator makes
// real attestations and assertions: tests/passkeys/authenticator.ts); every later sign-in proves it.
// Codes and keys are counted before they are checked (5 lock for 15 minutes, 20 in a day for a
// day), a code works once per time step, and the password alone never adds a factor beside one.
// On both engines; on PostgreSQL the parallel requests go through two clients, as two instances.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { twoInstances } from '../harness/two-instances.ts';
import { captureLog } from '../harness/log-capture.ts';
import { newAccount, START, type TestClock } from '../codes/helpers.ts';
import { SoftAuthenticator } from '../passkeys/authenticator.ts';
import { ORIGIN, RP_ID } from '../passkeys/helpers.ts';
import { DESK, firstSignInWithApp, passwordOnly, session, signInWithApp, staffDeps, staffMember, STAFF_PASSWORD } from './helpers.ts';
import { DAY, fixedClock, MINUTE } from '../../src/clock.ts';
import { timeStepOf, totpCodeAt, TOTP_STEP_SECONDS } from '../../src/kinds/authenticator-app/totp.ts';
import { consoleReady, staffSignIn } from '../../src/support/staff.ts';
import { confirmStaffApp, pendingStaffApp, signInWithStaffApp, startStaffApp } from '../../src/kinds/authenticator-app/staff.ts';
import {
  addStaffPasskey,
  signInWithStaffPasskey,
  staffPasskeyOptions,
  staffPasskeyRegistrationOptions,
} from '../../src/kinds/passkey/staff.ts';
import { resetStaffFactors, STAFF_FACTOR_DAILY, STAFF_FACTOR_SHORT } from '../../src/support/staff-factors.ts';
import { NO_REQUEST } from '../../src/security-events/record.ts';
import { storeChallenge } from '../../src/kinds/passkey/prove-challenges.ts';
import { register } from '../../src/observability/metrics.ts';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';

const STEP_MS = TOTP_STEP_SECONDS * 1000;
const SAM = 'sam.staff@example.com';
const KIM = 'kim.staff@example.com';

/** two_step_staff_events_total{kind} now. */
async function staffEventCount(kind: string): Promise<number> {
  const { values } = await register.getSingleMetric('two_step_staff_events_total')!.get();
  return values.find((v) => v.labels.kind === kind)?.value ?? 0;
}

/** A well-formed code the app shows at none of the steps accepted around `at`. */
function wrongCode(secret: string, at: Date): string {
  const near = new Set([-1, 0, 1].map((d) => totpCodeAt(secret, new Date(at.getTime() + d * STEP_MS))));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

describe('staff prove a second factor', () => {
  let t: TestDb;
  let clock: TestClock;
  let sam: string;
  const deps = () => staffDeps(t.db, clock);
  const events = async (staffUserId = sam) =>
    (await t.db.staffEvent.findMany({ where: { staffUserId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map((e) => ({
      kind: e.kind,
      details: JSON.parse(e.details ?? '{}') as unknown,
    }));

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());
  // After the database is made (hooks run in order): the second client connects to it.
  const via = twoInstances(() => t);
  beforeEach(async () => {
    await t.db.staffUser.deleteMany(); // cascades to sessions, factors, events, challenges
    await t.db.throttle.deleteMany();
    await t.db.account.deleteMany();
    clock = fixedClock(START);
    sam = await staffMember(t.db, clock, SAM, 'Sam Staff');
  });

  describe('an authenticator app', () => {
    it('first sign-in: the key is shown until one code from the app proves it; then the session is replaced by one that opens the console', async () => {
      const log = captureLog('debug');
      const signedInBefore = await staffEventCount('staff-signed-in');
      try {
        const { token: passwordToken, next, session: s } = await passwordOnly(deps(), SAM);
        expect(next).toBe('set-up');
        // No factor to prove yet, and nothing to confirm before the setup starts.
        expect(await signInWithStaffApp(deps(), s, { code: '123456' }, DESK)).toMatchObject({ ok: false, code: 'STAFF_NO_APP' });
        expect(await confirmStaffApp(deps(), s, { code: '123456' }, DESK)).toMatchObject({ ok: false, code: 'STAFF_APP_NOT_STARTED' });

        expect(await startStaffApp(deps(), s)).toEqual({ ok: true });
        const shown = (await pendingStaffApp(deps(), s))!;
        expect(shown.secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
        expect(shown.uri).toBe(
          `otpauth://totp/Two-Step%20Support:sam.staff%40example.com?secret=${shown.secret}&issuer=Two-Step%20Support`,
        );
        const row = await t.db.staffFactor.findFirstOrThrow({ where: { staffUserId: sam } });
        expect(row).toMatchObject({ kind: 'totp', verifiedAt: null, totpLastStep: null });
        expect(row.totpSecret).toMatch(/^v1\./);
        expect(row.totpSecret).not.toContain(shown.secret);

        // Malformed: refused without counting. Wrong: counted and recorded. The app stays pending.
        expect(await confirmStaffApp(deps(), s, { code: '12345' }, DESK)).toMatchObject({
          ok: false,
          code: 'STAFF_CODE_FORMAT',
          fieldErrors: { code: 'Enter the 6-digit code from your authenticator app.' },
        });
        expect(await t.db.throttle.count({ where: { key: { startsWith: 'staff-second-factor' } } })).toBe(0);
        expect(await confirmStaffApp(deps(), s, { code: wrongCode(shown.secret, clock.now()) }, DESK)).toMatchObject({
          ok: false,
          code: 'STAFF_CODE_WRONG',
        });
        expect((await t.db.throttle.findUniqueOrThrow({ where: { key: `staff-second-factor:${sam}` } })).failures).toBe(1);

        const code = totpCodeAt(shown.secret, clock.now());
        const confirmed = await confirmStaffApp(deps(), s, { code: `${code.slice(0, 3)} ${code.slice(3)}` }, DESK); // pasted with a space
        if (!confirmed.ok) throw new Error(confirmed.error);
        // A new token opens the console; the password-only one is gone.
        expect(confirmed.token).not.toBe(passwordToken);
        expect(await session(t.db, clock, passwordToken)).toBeNull();
        const console = (await session(t.db, clock, confirmed.token))!;
        expect(consoleReady(console)).toBe(true);
        expect(await t.db.staffFactor.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
          verifiedAt: clock.now(),
          totpLastStep: timeStepOf(clock.now()),
          lastUsedAt: clock.now(),
        });
        // The right code cleared the count.
        expect(await t.db.throttle.count({ where: { key: { startsWith: 'staff-second-factor' } } })).toBe(0);

        // The key is never shown again, and the password alone sets up nothing beside the app.
        const { session: again, next: nextTime } = await passwordOnly(deps(), SAM);
        expect(nextTime).toBe('verify');
        expect(await pendingStaffApp(deps(), again)).toBeNull();
        expect(await startStaffApp(deps(), again)).toMatchObject({ ok: false, code: 'STAFF_FACTOR_EXISTS' });
        expect(await staffPasskeyRegistrationOptions(deps(), again)).toMatchObject({ ok: false, code: 'STAFF_FACTOR_EXISTS' });
        expect(await t.db.staffFactor.count()).toBe(1);

        expect(await events()).toEqual([
          { kind: 'staff-password-accepted', details: { next: 'set-up' } },
          { kind: 'staff-factor-failed', details: { method: 'totp', reason: 'wrong code' } },
          { kind: 'staff-factor-added', details: { factor: 'totp' } },
          { kind: 'staff-signed-in', details: { method: 'totp' } },
          { kind: 'staff-password-accepted', details: { next: 'verify' } },
        ]);
        // No secret, code or password in the events, the sessions or the log.
        const everything = [
          JSON.stringify(await t.db.staffEvent.findMany()),
          JSON.stringify(await t.db.staffSession.findMany()),
          log.text(),
        ].join('\n');
        for (const secret of [shown.secret, code, STAFF_PASSWORD]) expect(everything).not.toContain(secret);
        expect(log.lines.map((l) => l.event)).toEqual(
          expect.arrayContaining(['staff-factor-added', 'staff-signed-in', 'staff-factor-failed']),
        );
        expect(await staffEventCount('staff-signed-in')).toBe(signedInBefore + 1);
      } finally {
        log.restore();
      }
    });

    it("a staff member's sealed key opens for no other row: copied onto another staff member's pending app, it shows nothing", async () => {
      const kim = await staffMember(t.db, clock, KIM, 'Kim Staff');
      const { session: samSession } = await passwordOnly(deps(), SAM);
      const { session: kimSession } = await passwordOnly(deps(), KIM);
      await startStaffApp(deps(), samSession);
      await startStaffApp(deps(), kimSession);
      const samRow = await t.db.staffFactor.findFirstOrThrow({ where: { staffUserId: sam } });
      expect(await pendingStaffApp(deps(), kimSession)).not.toBeNull();
      await t.db.staffFactor.updateMany({ where: { staffUserId: kim }, data: { totpSecret: samRow.totpSecret } });
      expect(await pendingStaffApp(deps(), kimSession)).toBeNull();
    });

    it('later sign-ins ask for the code: right once per time step; a replayed code is refused, in the same session or another', async () => {
      const { secret } = await firstSignInWithApp(deps(), SAM);
      const { session: s, next } = await passwordOnly(deps(), SAM);
      expect(next).toBe('verify');
      // The code that set the app up, in the same 30 seconds: used.
      const setupCode = totpCodeAt(secret, clock.now());
      expect(await signInWithStaffApp(deps(), s, { code: setupCode }, DESK)).toMatchObject({
        ok: false,
        code: 'STAFF_CODE_USED',
        error: 'This code was already used. Wait for your authenticator app to show a new one (every 30 seconds).',
      });
      clock.advance(STEP_MS);
      const code = totpCodeAt(secret, clock.now());
      const passed = await signInWithStaffApp(deps(), s, { code }, DESK);
      expect(passed.ok).toBe(true);
      // The same code at another sign-in in the same step, and the step before (drift is allowed, replay is not).
      const { session: other } = await passwordOnly(deps(), SAM);
      expect(await signInWithStaffApp(deps(), other, { code }, DESK)).toMatchObject({ ok: false, code: 'STAFF_CODE_USED' });
      expect(
        await signInWithStaffApp(deps(), other, { code: totpCodeAt(secret, new Date(clock.now().getTime() - STEP_MS)) }, DESK),
      ).toMatchObject({ ok: false, code: 'STAFF_CODE_USED' });
      // Two steps ahead is no code of now.
      expect(
        await signInWithStaffApp(deps(), other, { code: totpCodeAt(secret, new Date(clock.now().getTime() + 2 * STEP_MS)) }, DESK),
      ).toMatchObject({ ok: false, code: 'STAFF_CODE_WRONG' });
      // The next step's code is accepted at once (one step of drift).
      expect(
        (await signInWithStaffApp(deps(), other, { code: totpCodeAt(secret, new Date(clock.now().getTime() + STEP_MS)) }, DESK)).ok,
      ).toBe(true);
      expect((await events()).filter((e) => e.kind === 'staff-factor-failed').map((e) => (e.details as { reason: string }).reason)).toEqual(
        ['code already used', 'code already used', 'code already used', 'wrong code'],
      );
    });

    it('wrong codes are counted before they are checked: 5 lock the factor for 15 minutes, the right code included; 20 in a day lock it for a day', async () => {
      const { secret } = await firstSignInWithApp(deps(), SAM);
      clock.advance(STEP_MS);
      const { session: s } = await passwordOnly(deps(), SAM);
      const wrong = () => signInWithStaffApp(deps(), s, { code: wrongCode(secret, clock.now()) }, DESK);
      const right = () => signInWithStaffApp(deps(), s, { code: totpCodeAt(secret, clock.now()) }, DESK);

      expect(STAFF_FACTOR_SHORT).toEqual({ maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });
      for (let i = 1; i < STAFF_FACTOR_SHORT.maxFailures; i++) expect(await wrong()).toMatchObject({ code: 'STAFF_CODE_WRONG' });
      // Malformed codes count for nothing.
      for (const code of ['', '12345', 'abcdef', '1234567'])
        expect(await signInWithStaffApp(deps(), s, { code }, DESK)).toMatchObject({ code: 'STAFF_CODE_FORMAT' });
      expect(await wrong()).toEqual({
        ok: false,
        code: 'STAFF_FACTOR_LOCKED',
        error: 'Too many unsuccessful attempts. Try again in 15 minutes.',
      });
      expect(await right()).toMatchObject({ ok: false, code: 'STAFF_FACTOR_LOCKED' });
      // Another password-only session of the same staff member is locked too: the count is theirs.
      const { session: fresh } = await passwordOnly(deps(), SAM);
      expect(await signInWithStaffApp(deps(), fresh, { code: totpCodeAt(secret, clock.now()) }, DESK)).toMatchObject({
        ok: false,
        code: 'STAFF_FACTOR_LOCKED',
      });
      // The locked attempts checked nothing: the app's last step is still the setup's.
      expect((await t.db.staffFactor.findFirstOrThrow()).totpLastStep).toBe(timeStepOf(new Date(START)));
      clock.advance(15 * MINUTE);
      const { session: after } = await passwordOnly(deps(), SAM);
      expect((await signInWithStaffApp(deps(), after, { code: totpCodeAt(secret, clock.now()) }, DESK)).ok).toBe(true);

      // 20 wrong codes in a day, 5 at a time between the 15-minute locks: the factor is locked for a day.
      expect(STAFF_FACTOR_DAILY).toEqual({ maxFailures: 20, windowMs: DAY, lockMs: DAY });
      for (let round = 0; round < STAFF_FACTOR_DAILY.maxFailures / STAFF_FACTOR_SHORT.maxFailures; round++) {
        clock.advance(15 * MINUTE);
        const { session: r } = await passwordOnly(deps(), SAM);
        for (let i = 0; i < STAFF_FACTOR_SHORT.maxFailures; i++)
          await signInWithStaffApp(deps(), r, { code: wrongCode(secret, clock.now()) }, DESK);
      }
      clock.advance(15 * MINUTE);
      const { session: next } = await passwordOnly(deps(), SAM);
      expect(await signInWithStaffApp(deps(), next, { code: totpCodeAt(secret, clock.now()) }, DESK)).toMatchObject({
        ok: false,
        code: 'STAFF_FACTOR_LOCKED',
        error: expect.stringMatching(/Try again in (2[34] hours)\.$/),
      });
      clock.advance(DAY);
      expect((await signInWithApp(deps(), SAM, secret)).length).toBeGreaterThan(0);
    });

    it('100 wrong codes at once, from two instances: at most 5 are checked', async () => {
      const { secret } = await firstSignInWithApp(deps(), SAM);
      const { session: s } = await passwordOnly(deps(), SAM);
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => signInWithStaffApp(via(deps(), i), s, { code: wrongCode(secret, clock.now()) }, DESK)),
      );
      const checked = results.filter((r) => !r.ok && r.code === 'STAFF_CODE_WRONG').length;
      expect(checked).toBeLessThanOrEqual(STAFF_FACTOR_SHORT.maxFailures);
      expect(results.every((r) => !r.ok && ['STAFF_CODE_WRONG', 'STAFF_FACTOR_LOCKED'].includes(r.code))).toBe(true);
      // Each checked code is one recorded failure: no more than the budget reached the check.
      expect((await events()).filter((e) => e.kind === 'staff-factor-failed').length).toBeLessThanOrEqual(STAFF_FACTOR_SHORT.maxFailures);
    });

    it('one right code sent 10 times at once, from 10 password-only sessions on two instances: exactly one opens the console', async () => {
      const { secret } = await firstSignInWithApp(deps(), SAM);
      clock.advance(STEP_MS);
      const sessions = [];
      for (let i = 0; i < 10; i++) sessions.push(await passwordOnly(deps(), SAM));
      const code = totpCodeAt(secret, clock.now());
      const results = await Promise.all(sessions.map(({ session: s }, i) => signInWithStaffApp(via(deps(), i), s, { code }, DESK)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && ['STAFF_CODE_USED', 'STAFF_FACTOR_LOCKED'].includes(r.code))).toBe(true);
      expect(await t.db.staffSession.count({ where: { staffUserId: sam, secondFactor: 'totp' } })).toBe(2); // the setup's and this one
    });
  });

  describe('a passkey or security key', () => {
    /** The first sign-in with a new software authenticator: options, the ceremony, its answer. */
    async function firstSignInWithPasskey(email = SAM) {
      const { session: s } = await passwordOnly(deps(), email);
      const o = await staffPasskeyRegistrationOptions(deps(), s);
      if (!o.ok) throw new Error(o.error);
      const authenticator = new SoftAuthenticator(ORIGIN, RP_ID);
      const added = await addStaffPasskey(deps(), s, authenticator.register(o.options), DESK);
      if (!added.ok) throw new Error(added.error);
      return { authenticator, token: added.token, options: o.options };
    }

    /** A password-only session and the options of its passkey step. */
    async function passkeyStep(email = SAM) {
      const { session: s, next } = await passwordOnly(deps(), email);
      expect(next).toBe('verify');
      const o = await staffPasskeyOptions(deps(), s);
      if (!o.ok) throw new Error(o.error);
      return { s, options: o.options };
    }

    it('set up at the first sign-in (the ceremony is its proof), then it signs in after the password; the counter moves', async () => {
      const { authenticator, token, options } = await firstSignInWithPasskey();
      expect(options).toMatchObject({
        rp: { id: RP_ID, name: 'Two-Step' },
        user: { name: SAM, displayName: 'Sam Staff' },
        attestation: 'none',
      });
      expect(Buffer.from(options.user.id, 'base64url').toString('latin1')).not.toMatch(/sam|staff|example/i);
      expect(consoleReady((await session(t.db, clock, token))!)).toBe(true);
      expect(await t.db.staffFactor.findFirstOrThrow()).toMatchObject({
        kind: 'passkey',
        credentialId: authenticator.id,
        signCount: 0,
        verifiedAt: clock.now(),
        transports: '["internal"]',
      });

      const { s, options: ask } = await passkeyStep();
      expect(ask.allowCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
      // An app code is no way in for a staff member with only a passkey.
      expect(await signInWithStaffApp(deps(), s, { code: '123456' }, DESK)).toMatchObject({ ok: false, code: 'STAFF_NO_APP' });
      const passed = await signInWithStaffPasskey(deps(), s, authenticator.assert(ask), DESK);
      if (!passed.ok) throw new Error(passed.error);
      expect(consoleReady((await session(t.db, clock, passed.token))!)).toBe(true);
      expect((await t.db.staffFactor.findFirstOrThrow()).signCount).toBe(1);
      expect((await events()).map((e) => e.kind)).toEqual([
        'staff-password-accepted',
        'staff-factor-added',
        'staff-signed-in',
        'staff-password-accepted',
        'staff-signed-in',
      ]);
    });

    it("refused, and counted: another origin, another staff member's key, a counter going back; refused without counting: a malformed, replayed or holder's answer", async () => {
      const { authenticator } = await firstSignInWithPasskey();
      const { authenticator: kims } = await (async () => {
        await staffMember(t.db, clock, KIM, 'Kim Staff');
        return firstSignInWithPasskey(KIM);
      })();
      const failures = async () => (await t.db.throttle.findUnique({ where: { key: `staff-second-factor:${sam}` } }))?.failures ?? 0;

      let step = await passkeyStep();
      // the counter is 1 now
      expect((await signInWithStaffPasskey(deps(), step.s, authenticator.assert(step.options), DESK)).ok).toBe(true);
      step = await passkeyStep();
      expect(
        await signInWithStaffPasskey(deps(), step.s, authenticator.assert(step.options, { origin: 'https://evil.example' }), DESK),
      ).toMatchObject({ ok: false, code: 'STAFF_PASSKEY_REFUSED' });
      step = await passkeyStep();
      expect(await signInWithStaffPasskey(deps(), step.s, kims.assert(step.options), DESK)).toMatchObject({
        ok: false,
        code: 'STAFF_PASSKEY_UNKNOWN',
      });
      step = await passkeyStep();
      expect(await signInWithStaffPasskey(deps(), step.s, authenticator.assert(step.options, { counter: 0 }), DESK)).toMatchObject({
        ok: false,
        code: 'STAFF_PASSKEY_COUNTER',
      });
      expect(await failures()).toBe(3);

      step = await passkeyStep();
      expect(await signInWithStaffPasskey(deps(), step.s, '{"not":"an answer"}', DESK)).toMatchObject({
        ok: false,
        code: 'STAFF_PASSKEY_MALFORMED',
      });
      const answer = authenticator.assert(step.options, { counter: 5 }); // past the stored 1 again
      expect((await signInWithStaffPasskey(deps(), step.s, answer, DESK)).ok).toBe(true);
      const { s: again } = await passkeyStep();
      expect(await signInWithStaffPasskey(deps(), again, answer, DESK)).toMatchObject({ ok: false, code: 'STAFF_PASSKEY_EXPIRED' });
      // A challenge made for a holder's account is no staff challenge, even with the same value.
      const holder = await newAccount(t.db, clock);
      const holderChallenge = Buffer.from('a holder challenge 0123456789').toString('base64url');
      await storeChallenge(t.db, { accountId: holder }, 'sign-in', holderChallenge, clock.now());
      expect(await signInWithStaffPasskey(deps(), again, authenticator.assert({ challenge: holderChallenge }), DESK)).toMatchObject({
        ok: false,
        code: 'STAFF_PASSKEY_EXPIRED',
      });
      expect(await t.db.webAuthnChallenge.count({ where: { accountId: holder } })).toBe(1);
      expect(await failures()).toBe(0); // the right passkey cleared the count
    });

    it('two assertions with the same counter on two challenges (a cloned key), at once from two instances: one is accepted', async () => {
      const { authenticator } = await firstSignInWithPasskey();
      const steps = [await passkeyStep(), await passkeyStep()];
      const answers = steps.map(({ options }) => authenticator.assert(options, { counter: 7 }));
      const results = await Promise.all(steps.map(({ s }, i) => signInWithStaffPasskey(via(deps(), i), s, answers[i], DESK)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ code: 'STAFF_PASSKEY_COUNTER' });
      expect((await t.db.staffFactor.findFirstOrThrow()).signCount).toBe(7);
    });

    it('two setups at once, from two instances: one factor, and the other session is told to sign in with it', async () => {
      const steps = await Promise.all(
        [0, 1].map(async () => {
          const { session: s } = await passwordOnly(deps(), SAM);
          const o = await staffPasskeyRegistrationOptions(deps(), s);
          if (!o.ok) throw new Error(o.error);
          return { s, answer: new SoftAuthenticator(ORIGIN, RP_ID).register(o.options) as RegistrationResponseJSON };
        }),
      );
      const results = await Promise.all(steps.map(({ s, answer }, i) => addStaffPasskey(via(deps(), i), s, answer, DESK)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ code: 'STAFF_FACTOR_EXISTS' });
      expect(await t.db.staffFactor.count()).toBe(1);
      expect(await t.db.staffSession.count({ where: { secondFactor: { not: null } } })).toBe(1);
    });

    it("the operator's reset drops the staff member's challenges in flight with their key, and no one else's", async () => {
      await firstSignInWithPasskey();
      await passkeyStep(); // a sign-in begun, its challenge not yet answered
      await staffMember(t.db, clock, KIM, 'Kim Staff');
      const { session: kim } = await passwordOnly(deps(), KIM);
      expect((await staffPasskeyRegistrationOptions(deps(), kim)).ok).toBe(true);
      const holder = await newAccount(t.db, clock);
      await storeChallenge(
        t.db,
        { accountId: holder },
        'sign-in',
        Buffer.from('a holder challenge 0123456789').toString('base64url'),
        clock.now(),
      );
      expect(await t.db.webAuthnChallenge.count({ where: { staffUserId: sam } })).toBe(1);

      expect(await resetStaffFactors(t.db, { email: SAM, emailKey: SAM }, clock.now(), NO_REQUEST)).toEqual({ ok: true, removed: 1 });
      expect(await t.db.webAuthnChallenge.count({ where: { staffUserId: sam } })).toBe(0);
      expect(await t.db.webAuthnChallenge.count({ where: { staffUserId: { not: sam } } })).toBe(1);
      expect(await t.db.webAuthnChallenge.count({ where: { accountId: holder } })).toBe(1);
      expect(await t.db.staffFactor.count({ where: { staffUserId: sam } })).toBe(0);
    });
  });

  it('a wrong password makes no session, and is recorded for a staff member who exists', async () => {
    expect(await staffSignIn(deps(), { email: SAM, password: 'not the staff password' }, DESK)).toMatchObject({
      ok: false,
      code: 'STAFF_WRONG_CREDENTIALS',
    });
    expect(await t.db.staffSession.count()).toBe(0);
    expect(await events()).toEqual([{ kind: 'staff-password-wrong', details: {} }]);
  });
});
