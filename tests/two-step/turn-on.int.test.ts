// Turning two-step on, on a real database (SQLite, or PostgreSQL with TEST_DB_ENGINE=postgresql):
// the Recovery Key steps, the conditions and the switch, and every precondition refused with its
// reason.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, freshAccount } from '../harness/accounts.ts';
import { DAY, type fixedClock } from '../../src/clock.ts';
import { seedCountryAvailability } from '../../src/eligibility/countries.ts';
import { recordSignificantChange, startSetup } from '../../src/eligibility/waiting-periods.ts';
import { createSession, sessionIdOf } from '../../src/sessions/sessions.ts';
import { RECOVERY_KEY_ALPHABET, verifyRecoveryKey } from '../../src/recovery-key/recovery-key.ts';
import {
  confirmRecoveryKey,
  continueSetupLabel,
  issueRecoveryKey,
  runningSetupStep,
  setupProgress,
  turnOn,
  type TurnOnDeps,
} from '../../src/two-step/turn-on.ts';
import { TWO_STEP_ERRORS } from '../../src/two-step/errors.ts';
import { appDevice, passkeyDevice } from '../devices/kind-rows.ts';
import { sentenceOf } from '../../src/result.ts';

const START = '2026-11-23T10:00:00.000Z';
const APPLE_ID = 'Jane.Holder@Example.com';
const RESCUE = 'jane.rescue@example.org';

describe('turning two-step verification on', () => {
  let t: TestDb;
  let deps: TurnOnDeps & { clock: ReturnType<typeof fixedClock> };
  let accountId: string;
  let actor: { accountId: string; sessionId: string };

  beforeAll(async () => {
    t = await createTestDb();
    await seedCountryAvailability(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });
  beforeEach(async () => {
    const fresh = await freshAccount(t.db, START);
    deps = fresh.deps;
    accountId = fresh.accountId;
    actor = { accountId, sessionId: fresh.sessionId };
  });

  const account = () => t.db.account.findUniqueOrThrow({ where: { id: accountId } });
  const events = (kind: string) => t.db.securityEvent.findMany({ where: { accountId, kind } });

  async function getStarted() {
    const started = await startSetup(deps, accountId, BROWSER);
    expect(started.ok).toBe(true);
  }

  async function addDevice(kind: 'sms' | 'push' = 'sms', verified = true) {
    const now = deps.clock.now();
    if (kind === 'push') {
      const reg = await t.db.registeredDevice.create({
        data: { accountId, deviceId: `dev-${Math.random()}`, name: 'iPad', createdAt: now },
      });
      return t.db.trustedDevice.create({
        data: { accountId, kind, registeredDeviceId: reg.id, createdAt: now, verifiedAt: verified ? now : null },
      });
    }
    return t.db.trustedDevice.create({
      data: {
        accountId,
        kind,
        phoneNumber: `+1555010${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`,
        createdAt: now,
        verifiedAt: verified ? now : null,
      },
    });
  }

  /** Get Started, a verified phone, a key issued and confirmed: ready for the conditions. */
  async function readyToTurnOn(): Promise<string> {
    await getStarted();
    await addDevice();
    const issued = await issueRecoveryKey(deps, actor, BROWSER);
    if (!issued.ok) throw new Error(issued.error);
    expect(await confirmRecoveryKey(deps, actor, { recoveryKey: issued.recoveryKey }, BROWSER)).toEqual({ ok: true });
    return issued.recoveryKey;
  }

  async function significantChange() {
    await t.db.$transaction(async (tx) => {
      const a = await tx.account.update({ where: { id: accountId }, data: { passwordHash: 'x', passwordChangedAt: deps.clock.now() } });
      await recordSignificantChange(tx, deps, a, 'password-changed', BROWSER);
    });
  }

  describe('progress', () => {
    it('goes devices → recovery-key → confirm-key → conditions, and says why when setup is not in progress', async () => {
      expect(await setupProgress(deps, accountId)).toEqual({ step: 'stopped', stop: { state: 'not-started' } });
      await getStarted();
      const deadline = new Date(new Date(START).getTime() + 30 * DAY);
      expect(await setupProgress(deps, accountId)).toMatchObject({ step: 'devices', completeBy: deadline, verifiedSmsDevices: 0 });

      // A pending phone and a verified iOS device are not enough: setup needs a verified SMS number.
      await addDevice('sms', false);
      await addDevice('push', true);
      expect(await setupProgress(deps, accountId)).toMatchObject({ step: 'devices' });
      await addDevice('sms', true);
      expect(await setupProgress(deps, accountId)).toMatchObject({
        step: 'recovery-key',
        verifiedSmsDevices: 1,
        recoveryKeyCreatedAt: null,
      });

      const issued = await issueRecoveryKey(deps, actor, BROWSER);
      expect(issued.ok).toBe(true);
      expect(await setupProgress(deps, accountId)).toMatchObject({
        step: 'confirm-key',
        recoveryKeyCreatedAt: deps.clock.now(),
        recoveryKeyConfirmedAt: null,
      });
      if (issued.ok) await confirmRecoveryKey(deps, actor, { recoveryKey: issued.recoveryKey }, BROWSER);
      expect(await setupProgress(deps, accountId)).toMatchObject({ step: 'conditions', recoveryKeyConfirmedAt: deps.clock.now() });
    });
  });

  describe('"Continue setup — step N of 4" on Password and Security', () => {
    it('names the next step of a running setup, and nothing before Get Started or once two-step is on', async () => {
      expect(await runningSetupStep(t.db, accountId)).toBeNull();
      await getStarted();
      expect(await runningSetupStep(t.db, accountId)).toBe('devices');
      expect(continueSetupLabel('devices')).toBe('Continue setup — step 1 of 4');
      await addDevice('sms', true);
      expect(await runningSetupStep(t.db, accountId)).toBe('recovery-key');
      expect(continueSetupLabel('recovery-key')).toBe('Continue setup — step 2 of 4');
      const issued = await issueRecoveryKey(deps, actor, BROWSER);
      expect(await runningSetupStep(t.db, accountId)).toBe('confirm-key');
      expect(continueSetupLabel('confirm-key')).toBe('Continue setup — step 3 of 4');
      if (issued.ok) await confirmRecoveryKey(deps, actor, { recoveryKey: issued.recoveryKey }, BROWSER);
      expect(await runningSetupStep(t.db, accountId)).toBe('conditions');
      expect(continueSetupLabel('conditions')).toBe('Continue setup — step 4 of 4');
      // It agrees with setupProgress at every step.
      expect(await setupProgress(deps, accountId)).toMatchObject({ step: 'conditions' });
      expect((await turnOn(deps, actor, { accept: 'on' }, BROWSER)).ok).toBe(true);
      expect(await runningSetupStep(t.db, accountId)).toBeNull();
    });
  });

  describe('the Recovery Key', () => {
    it('is refused before Get Started and without a verified phone number, with the reason', async () => {
      expect(await issueRecoveryKey(deps, actor, BROWSER)).toMatchObject({
        ok: false,
        code: 'SETUP_NOT_STARTED',
        stop: { state: 'not-started' },
        error: 'No setup is in progress. Choose Get Started on the Password and Security page first.',
      });
      await getStarted();
      await addDevice('sms', false);
      await addDevice('push', true);
      expect(await issueRecoveryKey(deps, actor, BROWSER)).toMatchObject({ ok: false, code: 'NEEDS_TRUSTED_PHONE' });
      expect((await account()).recoveryKeyHash).toBeNull();
    });

    it('is 14 characters of the alphabet, shown grouped once and stored only as a bcrypt hash', async () => {
      await getStarted();
      await addDevice();
      const issued = await issueRecoveryKey(deps, actor, BROWSER);
      if (!issued.ok) throw new Error(issued.error);
      expect(issued.recoveryKey).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
      const plain = issued.recoveryKey.replaceAll('-', '');
      expect(plain).toHaveLength(14);
      for (const c of plain) expect(RECOVERY_KEY_ALPHABET).toContain(c);
      expect(issued.replaced).toBe(false);

      const row = await account();
      expect(row.recoveryKeyHash).toMatch(/^\$2[aby]\$/);
      expect(await verifyRecoveryKey(plain, row.recoveryKeyHash!)).toBe(true);
      expect(row.recoveryKeyCreatedAt).toEqual(deps.clock.now());
      expect(row.recoveryKeyConfirmedAt).toBeNull();
      // Nowhere in the database in clear: not the account row, not an event, not an email.
      const everything = JSON.stringify([row, await t.db.securityEvent.findMany(), await t.db.emailOutbox.findMany()]);
      expect(everything).not.toContain(plain);
      expect(everything).not.toContain(issued.recoveryKey);
      expect(await events('recovery-key-created')).toHaveLength(1);
    });

    it('a new key replaces the previous unconfirmed one, which stops working', async () => {
      await getStarted();
      await addDevice();
      const first = await issueRecoveryKey(deps, actor, BROWSER);
      const second = await issueRecoveryKey(deps, actor, BROWSER);
      if (!first.ok || !second.ok) throw new Error('not issued');
      expect(second.replaced).toBe(true);
      expect(second.recoveryKey).not.toBe(first.recoveryKey);
      expect(await confirmRecoveryKey(deps, actor, { recoveryKey: first.recoveryKey }, BROWSER)).toMatchObject({
        ok: false,
        code: 'WRONG_KEY',
        fieldErrors: { recoveryKey: sentenceOf(TWO_STEP_ERRORS, 'WRONG_KEY') },
      });
      expect(await confirmRecoveryKey(deps, actor, { recoveryKey: second.recoveryKey }, BROWSER)).toEqual({ ok: true });

      // Getting yet another key after confirming one: the new one has to be confirmed again.
      const third = await issueRecoveryKey(deps, actor, BROWSER);
      expect(third.ok).toBe(true);
      expect((await account()).recoveryKeyConfirmedAt).toBeNull();
      expect(await setupProgress(deps, accountId)).toMatchObject({ step: 'confirm-key' });
    });

    it('is confirmed as typed from paper (spaces, dashes, lower case), not when wrong or missing', async () => {
      await getStarted();
      await addDevice();
      expect(await confirmRecoveryKey(deps, actor, { recoveryKey: 'ABCD-EFGH-JKMN-PQ' }, BROWSER)).toMatchObject({
        ok: false,
        code: 'NEEDS_KEY',
      });
      const issued = await issueRecoveryKey(deps, actor, BROWSER);
      if (!issued.ok) throw new Error(issued.error);
      const plain = issued.recoveryKey.replaceAll('-', '');

      // Wrong: one character changed; malformed; empty.
      const wrongChar = plain[0] === 'A' ? 'B' : 'A';
      for (const typed of [wrongChar + plain.slice(1), plain.slice(0, 13), 'not a key at all']) {
        expect(await confirmRecoveryKey(deps, actor, { recoveryKey: typed }, BROWSER)).toMatchObject({
          ok: false,
          code: 'WRONG_KEY',
          fieldErrors: { recoveryKey: sentenceOf(TWO_STEP_ERRORS, 'WRONG_KEY') },
        });
      }
      expect(await confirmRecoveryKey(deps, actor, { recoveryKey: '   ' }, BROWSER)).toMatchObject({
        ok: false,
        code: 'INVALID_FIELDS',
        fieldErrors: { recoveryKey: 'Type in your Recovery Key.' },
      });
      expect(await confirmRecoveryKey(deps, actor, {}, BROWSER)).toMatchObject({
        ok: false,
        code: 'INVALID_FIELDS',
        fieldErrors: { recoveryKey: 'Type in your Recovery Key.' },
      });
      expect((await account()).recoveryKeyConfirmedAt).toBeNull();

      const typed = `${plain.slice(0, 4).toLowerCase()} ${plain.slice(4, 8).toLowerCase()} - ${plain.slice(8, 12)}  ${plain.slice(12).toLowerCase()}`;
      expect(await confirmRecoveryKey(deps, actor, { recoveryKey: typed }, BROWSER)).toEqual({ ok: true });
      expect((await account()).recoveryKeyConfirmedAt).toEqual(deps.clock.now());
      expect(await events('recovery-key-confirmed')).toHaveLength(1);
    });
  });

  describe('turnOn', () => {
    it('refuses every missing precondition with its reason, and changes nothing', async () => {
      expect(await turnOn(deps, actor, { accept: 'on' }, BROWSER)).toMatchObject({
        ok: false,
        code: 'SETUP_NOT_STARTED',
        stop: { state: 'not-started' },
      });
      await getStarted();
      expect(await turnOn(deps, actor, { accept: 'on' }, BROWSER)).toMatchObject({ ok: false, code: 'NEEDS_TRUSTED_PHONE' });
      await addDevice();
      expect(await turnOn(deps, actor, { accept: 'on' }, BROWSER)).toMatchObject({ ok: false, code: 'NEEDS_KEY' });
      const issued = await issueRecoveryKey(deps, actor, BROWSER);
      if (!issued.ok) throw new Error(issued.error);
      expect(await turnOn(deps, actor, { accept: 'on' }, BROWSER)).toMatchObject({ ok: false, code: 'NEEDS_CONFIRMED_KEY' });
      await confirmRecoveryKey(deps, actor, { recoveryKey: issued.recoveryKey }, BROWSER);
      expect(await turnOn(deps, actor, {}, BROWSER)).toMatchObject({
        ok: false,
        code: 'ACCEPT_CONDITIONS',
        fieldErrors: { accept: sentenceOf(TWO_STEP_ERRORS, 'ACCEPT_CONDITIONS') },
      });
      expect(await turnOn(deps, actor, { accept: 'yes' }, BROWSER)).toMatchObject({
        ok: false,
        code: 'ACCEPT_CONDITIONS',
        fieldErrors: { accept: sentenceOf(TWO_STEP_ERRORS, 'ACCEPT_CONDITIONS') },
      });

      const row = await account();
      expect(row.twoStepEnabledAt).toBeNull();
      expect(row.setupStartedAt).not.toBeNull();
      expect(await t.db.securityQuestion.count({ where: { accountId } })).toBe(3);
      // Only Get Started's reminder, 5 days before its 30 days end (src/eligibility/waiting-periods.ts), is queued: no email of turning on.
      expect((await t.db.emailOutbox.findMany()).map((r) => r.kind)).toEqual(['setup-window-closing', 'setup-window-closing']);
      expect(await events('two-step-turned-on')).toHaveLength(0);
    });

    it('an authenticator app and a passkey do not stand in for the trusted phone number', async () => {
      await getStarted();
      await appDevice(t.db, accountId, 'Authy', { createdAt: deps.clock.now(), verifiedAt: deps.clock.now() });
      await passkeyDevice(t.db, accountId, 'YubiKey', { createdAt: deps.clock.now() });
      expect(await issueRecoveryKey(deps, actor, BROWSER)).toMatchObject({ ok: false, code: 'NEEDS_TRUSTED_PHONE' });
      // With the key issued and confirmed while a number was trusted, and the number gone since:
      const phone = await addDevice();
      const issued = await issueRecoveryKey(deps, actor, BROWSER);
      if (!issued.ok) throw new Error(issued.error);
      await confirmRecoveryKey(deps, actor, { recoveryKey: issued.recoveryKey }, BROWSER);
      await t.db.trustedDevice.delete({ where: { id: phone.id } });
      expect(await turnOn(deps, actor, { accept: 'on' }, BROWSER)).toMatchObject({ ok: false, code: 'NEEDS_TRUSTED_PHONE' });
      expect((await account()).twoStepEnabledAt).toBeNull();
    });

    it('turns two-step on: questions deleted, other sessions ended (not this one), one email per address without the key, event recorded', async () => {
      const key = await readyToTurnOn();
      const others = await t.db.$transaction(async (tx) => [
        sessionIdOf(await createSession(tx, accountId, deps.clock.now(), BROWSER)),
        sessionIdOf(await createSession(tx, accountId, deps.clock.now(), BROWSER)),
      ]);
      deps.clock.advance(60_000);
      const now = deps.clock.now();

      const result = await turnOn(deps, actor, { accept: 'on' }, BROWSER);
      expect(result).toEqual({ ok: true, enabledAt: now, sessionsEnded: 2 });

      const row = await account();
      expect(row.twoStepEnabledAt).toEqual(now);
      expect(row.setupStartedAt).toBeNull();
      expect(row.setupDeadline).toBeNull();
      expect(row.recoveryKeyHash).not.toBeNull(); // the key stays: it is the way back in
      expect(await t.db.securityQuestion.count({ where: { accountId } })).toBe(0);

      const sessions = await t.db.session.findMany({ where: { accountId }, select: { id: true } });
      expect(sessions.map((s) => s.id)).toEqual([actor.sessionId]);
      expect(others.every((id) => !sessions.some((s) => s.id === id))).toBe(true);

      const mail = await t.db.emailOutbox.findMany({ orderBy: { toAddress: 'asc' } });
      expect(mail.map((m) => m.toAddress).sort()).toEqual([APPLE_ID, RESCUE].sort());
      const plain = key.replaceAll('-', '');
      for (const m of mail) {
        expect(m.kind).toBe('two-step-turned-on');
        expect(m.subject).toBe('Two-step verification is now on for your Apple ID');
        expect(m.textBody).toContain(APPLE_ID);
        expect(m.textBody).toContain('Support cannot reset your password');
        expect(m.textBody).not.toContain(key);
        expect(m.textBody).not.toContain(plain);
        expect(m.textBody.toUpperCase().replace(/[^A-Z0-9]/g, '')).not.toContain(plain);
      }

      const turnedOn = await events('two-step-turned-on');
      expect(turnedOn).toHaveLength(1);
      expect(turnedOn[0].createdAt).toEqual(now);
      expect(JSON.parse(turnedOn[0].details!)).toEqual({ sessionsEnded: 2 });

      // Done: nothing further to set up, and a second turnOn is refused.
      expect(await setupProgress(deps, accountId)).toEqual({ step: 'stopped', stop: { state: 'on', since: now } });
      expect(await turnOn(deps, actor, { accept: 'on' }, BROWSER)).toMatchObject({
        ok: false,
        code: 'SETUP_STOPPED',
        stop: { state: 'on' },
      });
      expect(await issueRecoveryKey(deps, actor, BROWSER)).toMatchObject({ ok: false, code: 'SETUP_STOPPED', stop: { state: 'on' } });
    });

    it('a significant change during setup stops it: turnOn is refused with the waiting reason', async () => {
      await readyToTurnOn();
      deps.clock.advance(60 * 60_000);
      await significantChange();
      const result = await turnOn(deps, actor, { accept: 'on' }, BROWSER);
      expect(result).toMatchObject({ ok: false, code: 'SETUP_STOPPED', stop: { state: 'waiting', reason: 'password-changed' } });
      if (result.ok) throw new Error('turned on');
      expect(result.error).toMatch(/^Setup is paused until .+, because your password was changed on .+\./);
      expect((await account()).twoStepEnabledAt).toBeNull();
      expect(await t.db.securityQuestion.count({ where: { accountId } })).toBe(3);
      expect(await events('two-step-turned-on')).toHaveLength(0);
      // The other steps stop too, and the page learns why.
      expect(await issueRecoveryKey(deps, actor, BROWSER)).toMatchObject({ ok: false, code: 'SETUP_STOPPED', stop: { state: 'waiting' } });
      expect(await confirmRecoveryKey(deps, actor, { recoveryKey: 'ABCD-EFGH-JKMN-PQ' }, BROWSER)).toMatchObject({
        ok: false,
        code: 'SETUP_STOPPED',
        stop: { state: 'waiting' },
      });
      expect(await setupProgress(deps, accountId)).toMatchObject({
        step: 'stopped',
        stop: { state: 'waiting', reason: 'password-changed' },
      });
    });

    it('after the 30 days of the setup a new waiting period starts and turnOn says so', async () => {
      await readyToTurnOn();
      deps.clock.advance(30 * DAY);
      const result = await turnOn(deps, actor, { accept: 'on' }, BROWSER);
      expect(result).toMatchObject({ ok: false, code: 'SETUP_STOPPED', stop: { state: 'window-expired' } });
      if (result.ok) throw new Error('turned on');
      expect(result.error).toMatch(/^The 30 days to complete setup ended on .+, so a new waiting period started\./);
      expect(await t.db.waitingPeriod.count({ where: { accountId, reason: 'setup-window-expired' } })).toBe(1);
      expect((await account()).twoStepEnabledAt).toBeNull();
    });

    it('setupProgress reports a setup whose 30 days ran out as stopped, and stores no period (a step does)', async () => {
      await readyToTurnOn();
      deps.clock.advance(30 * DAY);
      const before = await account();
      expect(await setupProgress(deps, accountId)).toMatchObject({ step: 'stopped', stop: { state: 'window-expired' } });
      expect(await t.db.waitingPeriod.count({ where: { accountId } })).toBe(0);
      expect(await account()).toEqual(before);
      expect(await turnOn(deps, actor, { accept: 'on' }, BROWSER)).toMatchObject({
        ok: false,
        code: 'SETUP_STOPPED',
        stop: { state: 'window-expired' },
      });
      expect(await t.db.waitingPeriod.count({ where: { accountId, reason: 'setup-window-expired' } })).toBe(1);
    });

    it('refuses when two-step is not offered in the account’s country', async () => {
      await readyToTurnOn();
      await t.db.countryAvailability.delete({ where: { countryCode: 'US' } });
      try {
        expect(await turnOn(deps, actor, { accept: 'on' }, BROWSER)).toMatchObject({
          ok: false,
          code: 'SETUP_STOPPED',
          stop: { state: 'country-unavailable', countryCode: 'US' },
        });
      } finally {
        await seedCountryAvailability(t.db);
      }
    });
  });
});
