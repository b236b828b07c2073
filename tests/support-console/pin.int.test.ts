// The support PIN: made by the holder after a code from a trusted device (sent by the real Twilio
// SDK to the stand-in), 6 digits, 30 minutes, for one account and one staff member, 5 wrong tries,
// every try recorded; it shows the details for the rest of that staff session only.
import { pinInGroups } from '../../src/support/pin-text.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER } from '../harness/accounts.ts';
import { CODE_KEY, codeIn, newAccount, otherCode, resetTables, smsDevice, START, type TestClock } from '../codes/helpers.ts';
import { DESK, codeDeps, consoleSessionNow, staffMember, staffSession } from './helpers.ts';
import { fixedClock, MINUTE } from '../../src/clock.ts';
import { startStandins, type Standins } from '../../dev/standins/server.ts';
import type { CodeDeps } from '../../src/codes/codes.ts';
import { findAccount, viewAccount } from '../../src/support/console.ts';
import {
  createSupportPin,
  enterSupportPin,
  MAX_PIN_TRIES,
  sendSupportPinCode,
  SUPPORT_PIN_TTL_MS,
  supportPinHash,
} from '../../src/support/pin.ts';
import { SUPPORT_ERRORS } from '../../src/support/errors.ts';
import { sentenceOf } from '../../src/result.ts';

const PHONE = '+15550104411';
const OTHER_PHONE = '+15550104422';

describe('the support PIN', () => {
  let t: TestDb;
  let standins: Standins;
  let clock: TestClock;
  let deps: CodeDeps;
  let holder: string;
  let holderPhone: string;
  let sam: string;
  let alex: string;

  beforeAll(async () => {
    t = await createTestDb();
    standins = await startStandins();
  });
  afterAll(async () => {
    await standins.stop();
    await t.drop();
  });
  beforeEach(async () => {
    await resetTables(t.db);
    await t.db.staffUser.deleteMany();
    standins.twilio.reset();
    clock = fixedClock(START);
    deps = codeDeps(t.db, clock, standins);
    holder = await newAccount(t.db, clock);
    holderPhone = await smsDevice(t.db, holder, PHONE);
    await t.db.account.update({ where: { id: holder }, data: { twoStepEnabledAt: clock.now() } });
    sam = await staffMember(t.db, clock, 'sam.staff@example.com', 'Sam Staff');
    alex = await staffMember(t.db, clock, 'alex.staff@example.com', 'Alex Staff');
  });

  // The stand-in lists the newest message first.
  const lastCodeTo = (phone: string) => codeIn(standins.twilio.messages().find((m) => m.to === phone)?.body);

  /** What the holder does on the Apple Support PIN page. */
  async function makePin(accountId = holder, deviceId = holderPhone, phone = PHONE): Promise<string> {
    expect(await sendSupportPinCode(deps, accountId, { trustedDeviceId: deviceId }, BROWSER)).toEqual({
      ok: true,
      trustedDeviceId: deviceId,
      sent: true,
      message: 'We sent a code. Enter it below.',
    });
    const made = await createSupportPin(deps, accountId, { trustedDeviceId: deviceId, code: lastCodeTo(phone) }, BROWSER);
    if (!made.ok) throw new Error(made.error);
    return made.pin;
  }

  /** A staff session of that member that found the holder's account. */
  async function looking(staffUserId: string, appleId = 'jane.holder@example.com') {
    const s = await staffSession(t.db, clock, staffUserId);
    expect((await findAccount(deps, s, { appleId }, DESK)).ok).toBe(true);
    return { ...(await consoleSessionNow(t.db, clock, s.token)), token: s.token };
  }

  const events = (kind: string, accountId = holder) =>
    t.db.securityEvent.findMany({ where: { accountId, kind }, orderBy: { createdAt: 'asc' } });

  it('the holder makes a 6-digit PIN with a code from a trusted device; only its keyed hash is stored, and the event holds no PIN', async () => {
    const pin = await makePin();
    expect(pin).toMatch(/^\d{6}$/);
    const row = await t.db.supportPin.findUniqueOrThrow({ where: { accountId: holder } });
    expect(row.pinHash).toBe(supportPinHash(CODE_KEY, holder, pin));
    expect(row.pinHash).not.toContain(pin);
    expect(row.expiresAt).toEqual(new Date(clock.now().getTime() + SUPPORT_PIN_TTL_MS));
    const [created] = await events('support-pin-created');
    expect(JSON.parse(created!.details!)).toEqual({ expiresAt: row.expiresAt.toISOString() });
    const everything = JSON.stringify(await t.db.securityEvent.findMany()) + JSON.stringify(await t.db.emailOutbox.findMany());
    expect(everything).not.toMatch(new RegExp(`(?<![0-9])${pin}(?![0-9])`));
  });

  it('no PIN without the right code from a trusted device, and none with two-step off', async () => {
    await sendSupportPinCode(deps, holder, { trustedDeviceId: holderPhone }, BROWSER);
    const wrong = await createSupportPin(deps, holder, { trustedDeviceId: holderPhone, code: otherCode(lastCodeTo(PHONE)) }, BROWSER);
    expect(wrong.ok).toBe(false);
    // A code sent for signing in is not a code for the PIN (codes are bound to their purpose).
    expect(await t.db.supportPin.count()).toBe(0);

    const off = await newAccount(t.db, clock, 'off@example.com', null);
    const offPhone = await smsDevice(t.db, off, OTHER_PHONE);
    expect(await sendSupportPinCode(deps, off, { trustedDeviceId: offPhone }, BROWSER)).toMatchObject({ ok: false, code: 'TWO_STEP_OFF' });
    expect(standins.twilio.messages().filter((m) => m.to === OTHER_PHONE)).toEqual([]);
  });

  it('support sees only that the account exists until the PIN; then the details, for the rest of that staff session only', async () => {
    const pin = await makePin();
    const s = await looking(sam);
    expect(await viewAccount(deps, s, DESK)).toEqual({ kind: 'locked', appleId: 'Jane.Holder@Example.com' });
    expect(await enterSupportPin(deps, s, { pin }, DESK)).toEqual({ ok: true });
    expect((await viewAccount(deps, s, DESK))?.kind).toBe('details');
    // 40 minutes of work later (a page every 10 minutes keeps the session alive) the PIN has
    // expired, and the details still show in this session.
    for (let i = 0; i < 4; i++) {
      clock.advance(10 * MINUTE);
      expect((await viewAccount(deps, await consoleSessionNow(t.db, clock, s.token), DESK))?.kind).toBe('details');
    }

    // Another session, even of the same staff member, starts locked again.
    const later = await looking(sam);
    expect((await viewAccount(deps, later, DESK))?.kind).toBe('locked');
  });

  it('expires after 30 minutes', async () => {
    const pin = await makePin();
    const s = await looking(sam);
    clock.advance(SUPPORT_PIN_TTL_MS);
    expect(await enterSupportPin(deps, s, { pin }, DESK)).toMatchObject({ ok: false, code: 'PIN_REFUSED' });
    expect((await viewAccount(deps, s, DESK))?.kind).toBe('locked');
    expect((await events('support-pin-failed')).map((e) => JSON.parse(e.details!).reason)).toEqual(['expired']);
  });

  it('5 wrong tries kill it, each recorded with the staff member; then even the right PIN fails', async () => {
    const pin = await makePin();
    const s = await looking(sam);
    for (let i = 1; i <= MAX_PIN_TRIES; i++) {
      const answer = await enterSupportPin(deps, s, { pin: otherCode(pin) }, DESK);
      expect(answer).toMatchObject({ ok: false, code: 'PIN_REFUSED' });
    }
    expect(await enterSupportPin(deps, s, { pin }, DESK)).toMatchObject({ ok: false, code: 'PIN_REFUSED' });
    expect((await viewAccount(deps, s, DESK))?.kind).toBe('locked');
    const failed = await events('support-pin-failed');
    expect(failed.map((e) => JSON.parse(e.details!))).toEqual([
      ...[1, 2, 3, 4, 5].map((wrongTries) => ({ reason: 'wrong', wrongTries, staffUserId: sam, staffName: 'Sam Staff' })),
      { reason: 'too-many-tries', staffUserId: sam, staffName: 'Sam Staff' },
    ]);
    expect(failed.every((e) => e.clientAddress === DESK.clientAddress)).toBe(true);
    expect(JSON.stringify(failed)).not.toContain(pin);
  });

  it('the PIN as the holder reads it out, in its groups ("123 456"), opens the account', async () => {
    const pin = await makePin();
    const s = await looking(sam);
    expect(pinInGroups(pin)).toMatch(/^\d{3} \d{3}$/);
    expect(await enterSupportPin(deps, s, { pin: ` ${pinInGroups(pin)} ` }, DESK)).toEqual({ ok: true });
    expect((await viewAccount(deps, s, DESK))?.kind).toBe('details');
    expect(await events('support-pin-failed')).toEqual([]);
  });

  it('a malformed PIN gets a message next to the field and counts nothing', async () => {
    await makePin();
    const s = await looking(sam);
    for (const pin of ['', '12345', '1234567', 'abcdef', undefined]) {
      expect(await enterSupportPin(deps, s, { pin }, DESK)).toMatchObject({
        ok: false,
        code: 'PIN_FORMAT',
        fieldErrors: { pin: 'Enter the 6-digit PIN.' },
      });
    }
    expect((await t.db.supportPin.findUniqueOrThrow({ where: { accountId: holder } })).wrongTries).toBe(0);
    expect(await events('support-pin-failed')).toEqual([]);
  });

  it('works for the first staff member who enters it and no other', async () => {
    const pin = await makePin();
    expect(await enterSupportPin(deps, await looking(sam), { pin }, DESK)).toEqual({ ok: true });
    const alexSession = await looking(alex);
    expect(await enterSupportPin(deps, alexSession, { pin }, DESK)).toMatchObject({ ok: false, code: 'PIN_OTHER_STAFF' });
    expect((await viewAccount(deps, alexSession, DESK))?.kind).toBe('locked');
    // Sam again, in a new session, inside the 30 minutes: still Sam's PIN.
    expect(await enterSupportPin(deps, await looking(sam), { pin }, DESK)).toEqual({ ok: true });
    const failed = await events('support-pin-failed');
    expect(failed.map((e) => JSON.parse(e.details!))).toEqual([{ reason: 'other-staff', staffUserId: alex, staffName: 'Alex Staff' }]);
  });

  it('is for its account only', async () => {
    const other = await newAccount(t.db, clock, 'other.holder@example.com', null);
    const otherPhone = await smsDevice(t.db, other, OTHER_PHONE);
    await t.db.account.update({ where: { id: other }, data: { twoStepEnabledAt: clock.now() } });
    const pin = await makePin();

    // Looking at the other account, the holder's PIN opens nothing: it has no PIN of its own...
    const atOther = await looking(sam, 'other.holder@example.com');
    expect(await enterSupportPin(deps, atOther, { pin }, DESK)).toMatchObject({ ok: false, code: 'PIN_REFUSED' });
    // ...and once it has one, the holder's PIN is a wrong try on it.
    // A PIN equal to the holder's (one chance in a million) would not be a wrong try: make another.
    let otherPin = await makePin(other, otherPhone, OTHER_PHONE);
    while (otherPin === pin) {
      clock.advance(31_000); // one code per device every 30 seconds
      otherPin = await makePin(other, otherPhone, OTHER_PHONE);
    }
    expect(await enterSupportPin(deps, atOther, { pin }, DESK)).toMatchObject({ ok: false, code: 'PIN_REFUSED' });
    expect((await viewAccount(deps, atOther, DESK))?.kind).toBe('locked');
    expect((await events('support-pin-failed', other)).length).toBe(2);
    expect(await events('support-pin-failed', holder)).toEqual([]);
  });

  it('a PIN tried on an account that has none is answered and recorded exactly as a wrong PIN: staff cannot tell whether a PIN exists', async () => {
    const pin = await makePin();
    const other = await newAccount(t.db, clock, 'other.holder@example.com', null);
    await t.db.account.update({ where: { id: other }, data: { twoStepEnabledAt: clock.now() } });
    const wrongOnHolder = await enterSupportPin(deps, await looking(sam), { pin: otherCode(pin) }, DESK);
    const onNoPin = await enterSupportPin(deps, await looking(sam, 'other.holder@example.com'), { pin }, DESK);
    expect(JSON.stringify(onNoPin)).toBe(JSON.stringify(wrongOnHolder));
    expect(onNoPin).toMatchObject({ ok: false, code: 'PIN_REFUSED' });
    expect(!onNoPin.ok && onNoPin.error).toMatch(
      /^That PIN isn't right, or it is no longer valid \(a PIN lasts 30 minutes and allows 5 tries\)\. /,
    );
    expect(sentenceOf(SUPPORT_ERRORS, 'PIN_REFUSED', SUPPORT_PIN_TTL_MS, MAX_PIN_TRIES)).not.toMatch(/no support PIN|expired|tries left/i);
    // Each is one 'support-pin-failed' look with the staff member, the same event the holder reads.
    const [onHolder] = await events('support-pin-failed');
    const [onOther] = await events('support-pin-failed', other);
    for (const e of [onHolder, onOther]) {
      expect(e).toMatchObject({ kind: 'support-pin-failed', clientAddress: DESK.clientAddress });
      expect(JSON.parse(e!.details!)).toMatchObject({ staffUserId: sam, staffName: 'Sam Staff' });
    }
  });

  it('a newer PIN replaces the older one', async () => {
    const first = await makePin();
    clock.advance(31_000); // one code per device every 30 seconds
    // A newer PIN equal to the first (one chance in a million) could not show the first refused: make another.
    let second = await makePin();
    while (second === first) {
      clock.advance(31_000);
      second = await makePin();
    }
    const s = await looking(sam);
    expect(await enterSupportPin(deps, s, { pin: first }, DESK)).toMatchObject({ ok: false, code: 'PIN_REFUSED' });
    expect(await enterSupportPin(deps, s, { pin: second }, DESK)).toEqual({ ok: true });
  });
});
