// The sending limits and the account-wide pause after wrong codes: a real database, a fake clock,
// and codes sent through the real `twilio` SDK and push sender to the stand-ins, read back from
// what the stand-ins received (tests/harness/standins.ts).
import { beforeAll, afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { startStandinSenders, type StandinSenders } from '../harness/standins.ts';
import { BROWSER } from '../harness/accounts.ts';
import { fixedClock, HOUR, MINUTE } from '../../src/clock.ts';
import { formatDateTime } from '../../src/format.ts';
import type { RequestContext } from '../../src/security-events/record.ts';
import { CODES_ERRORS, CODE_PURPOSES, sendCode, verifyCode, type CodeDeps, type CodePurpose } from '../../src/codes/codes.ts';
import { wrongCodesKey } from '../../src/codes/limits.ts';
import {
  CODE_KEY,
  TOTP_KEY,
  OTHER_BROWSER,
  PHONE,
  START,
  codeIn,
  containsCode,
  lastSmsCode,
  newAccount,
  otherCode,
  pushDevice,
  resetTables,
  smsDevice,
  type TestClock,
} from './helpers.ts';
import { sentenceOf } from '../../src/result.ts';

const APPLE_ID = 'Jane.Holder@Example.com';
const RESCUE = 'jane.rescue@example.org';
const PAUSED_30S = 'Too many wrong codes were entered. For your security, try again in 30 seconds.';

describe('limits on verification codes', () => {
  let t: TestDb;
  let clock: TestClock;
  let senders: StandinSenders;
  let sms: StandinSenders['sms'];
  let push: StandinSenders['push'];
  let deps: CodeDeps;
  let accountId: string;
  let phoneId: string;

  beforeAll(async () => {
    t = await createTestDb();
    senders = await startStandinSenders();
    ({ sms, push } = senders);
  });
  afterAll(async () => {
    await senders?.stop();
    await t?.drop();
  });
  beforeEach(async () => {
    await resetTables(t.db);
    await senders.reset();
    clock = fixedClock(START);
    deps = { db: t.db, clock, codeKey: CODE_KEY, codeDigits: 6, totpKey: TOTP_KEY, sms, push };
    accountId = await newAccount(t.db, clock, APPLE_ID, RESCUE);
    phoneId = await smsDevice(t.db, accountId, PHONE);
  });

  const send = (trustedDeviceId = phoneId, purpose: CodePurpose = 'sign-in', ctx: RequestContext = BROWSER, account = accountId) =>
    sendCode(deps, { accountId: account, trustedDeviceId, purpose }, ctx);
  const verify = (code: string, trustedDeviceId = phoneId, purpose: CodePurpose = 'sign-in', ctx: RequestContext = BROWSER) =>
    verifyCode(deps, { accountId, trustedDeviceId, purpose, code }, ctx);
  const ok = { ok: true, sent: true, expiresAt: expect.any(Date) };

  describe('sending', () => {
    it('1 code per 30 seconds per device, with the wait in seconds', async () => {
      expect(await send()).toEqual(ok);
      clock.advance(5_000);
      expect(await send()).toMatchObject({ ok: false, code: 'WAIT_BEFORE_ANOTHER_CODE', error: expect.stringContaining('25 seconds') });
      clock.advance(24_500);
      expect(await send()).toMatchObject({ ok: false, code: 'WAIT_BEFORE_ANOTHER_CODE', error: expect.stringContaining('1 second') });
      // Another purpose for the same device waits too; another device does not.
      expect(await send(phoneId, 'confirm-identity')).toMatchObject({
        ok: false,
        code: 'WAIT_BEFORE_ANOTHER_CODE',
        error: expect.stringContaining('1 second'),
      });
      expect(await send(await smsDevice(t.db, accountId, '+15550105678'))).toEqual(ok);
      expect(sms.sent.map((m) => m.to)).toEqual([PHONE, '+15550105678']);
      clock.advance(500);
      expect(await send()).toEqual(ok);
      expect(await t.db.codeSend.count({ where: { trustedDeviceId: phoneId } })).toBe(2);
    });

    it('5 codes per hour per number, whichever account asks', async () => {
      for (let i = 0; i < 5; i++) {
        expect(await send()).toEqual(ok);
        clock.advance(31_000);
      }
      // 155 s after the first of the five: it leaves the window in 57.4 minutes.
      const message = 'Too many codes were sent to this number. Try again in 58 minutes.';
      expect(await send()).toEqual({ ok: false, code: 'TOO_MANY_TO_DESTINATION', error: message, waitMs: HOUR - 155_000 });
      const bob = await newAccount(t.db, clock, 'bob@example.com', null);
      const bobsDevice = await smsDevice(t.db, bob, PHONE);
      expect(await send(bobsDevice, 'sign-in', BROWSER, bob)).toEqual({
        ok: false,
        code: 'TOO_MANY_TO_DESTINATION',
        error: message,
        waitMs: HOUR - 155_000,
      });
      expect(await send(await smsDevice(t.db, accountId, '+15550105678'))).toEqual(ok);
      expect(sms.sent.filter((m) => m.to === PHONE)).toHaveLength(5);

      clock.set(new Date(new Date(START).getTime() + HOUR - 1));
      expect(await send()).toMatchObject({ ok: false, code: 'TOO_MANY_TO_DESTINATION', error: expect.stringContaining('1 second') });
      clock.advance(1);
      expect(await send()).toEqual(ok);
    });

    it('5 codes per hour per registered device', async () => {
      const ipadId = await pushDevice(t.db, accountId, 'ipad-jane-1', "Jane's iPad");
      for (let i = 0; i < 5; i++) {
        expect(await send(ipadId)).toEqual(ok);
        clock.advance(10 * MINUTE);
      }
      expect(await send(ipadId)).toEqual({
        ok: false,
        code: 'TOO_MANY_TO_DESTINATION',
        error: 'Too many codes were sent to this device. Try again in 10 minutes.',
        waitMs: 10 * MINUTE,
      });
      expect(push.pushed).toHaveLength(5);
    });

    it('20 codes per day per account', async () => {
      const devices = [phoneId];
      for (let i = 1; i <= 4; i++) devices.push(await smsDevice(t.db, accountId, `+1555010000${i}`));
      for (let round = 0; round < 5; round++) {
        for (const id of devices.slice(0, 4)) expect(await send(id)).toEqual(ok);
        clock.advance(31_000);
      }
      expect(await send(devices[4])).toMatchObject({ ok: false, code: 'TOO_MANY_FOR_ACCOUNT', error: expect.stringContaining('24 hours') });
      expect(sms.sent).toHaveLength(20);
      // Once the first sends leave the 24-hour window, codes go again.
      clock.set(new Date(new Date(START).getTime() + 24 * HOUR));
      expect(await send(devices[4])).toEqual(ok);
    });

    it('30 codes per hour per client address, across accounts; other addresses are not affected', async () => {
      const bob = await newAccount(t.db, clock, 'bob@example.com', null);
      const targets: Array<[string, string]> = [];
      for (let i = 0; i < 4; i++) targets.push([accountId, await smsDevice(t.db, accountId, `+1555020000${i}`)]);
      for (let i = 0; i < 4; i++) targets.push([bob, await smsDevice(t.db, bob, `+1555030000${i}`)]);
      let sent = 0;
      for (let round = 0; sent < 30; round++) {
        for (const [account, device] of targets) {
          if (sent === 30) break;
          expect(await send(device, 'sign-in', BROWSER, account)).toEqual(ok);
          sent++;
        }
        clock.advance(31_000);
      }
      // The first send was 124 s ago.
      const [account, device] = targets[7]!;
      expect(await send(device, 'sign-in', BROWSER, account)).toMatchObject({
        ok: false,
        code: 'TOO_MANY_FROM_NETWORK',
        error: expect.stringContaining('58 minutes'),
      });
      expect(await send(device, 'sign-in', OTHER_BROWSER, account)).toEqual(ok);
      expect(sms.sent).toHaveLength(31);
    });
  });

  describe('wrong codes in a row, across codes', () => {
    /** Sends a code for `purpose` to `device` and returns it (6 digits). */
    async function codeFor(purpose: CodePurpose, device = phoneId, to = PHONE): Promise<string> {
      expect(await send(device, purpose)).toEqual(ok);
      return lastSmsCode(sms, to);
    }

    it('10 wrong codes pause sending and checking for 30 s, then 1 min, 2 min; ONE alert email names when, the browsers and the addresses', async () => {
      const codes: string[] = [];
      const contexts = [BROWSER, OTHER_BROWSER];
      let n = 0;
      for (const purpose of CODE_PURPOSES.slice(0, 3)) {
        const code = await codeFor(purpose);
        codes.push(code);
        for (let i = 0; i < 3; i++) await verify(otherCode(code), phoneId, purpose, contexts[n++ % 2]);
        clock.advance(31_000);
      }
      expect(n).toBe(9);
      expect(await t.db.emailOutbox.count()).toBe(0);
      const fourth = await codeFor(CODE_PURPOSES[3]);
      codes.push(fourth);
      const trippedAt = clock.now();
      expect(await verify(otherCode(fourth), phoneId, CODE_PURPOSES[3], OTHER_BROWSER)).toEqual({
        ok: false,
        code: 'CODES_PAUSED',
        error: PAUSED_30S,
        waitMs: 30_000,
      });

      // Paused: the right code is refused and stays unused; no code is sent, to any device.
      expect(await verify(fourth, phoneId, CODE_PURPOSES[3])).toEqual({
        ok: false,
        code: 'CODES_PAUSED',
        error: PAUSED_30S,
        waitMs: 30_000,
      });
      expect((await t.db.verificationCode.findFirstOrThrow({ where: { purpose: CODE_PURPOSES[3] } })).usedAt).toBeNull();
      const ipadId = await pushDevice(t.db, accountId, 'ipad-jane-2', "Jane's iPad");
      expect(await send(ipadId, 'sign-in')).toEqual({ ok: false, code: 'CODES_PAUSED', error: PAUSED_30S, waitMs: 30_000 });
      expect(push.pushed).toHaveLength(0);

      // One alert, to the Apple ID and the rescue email.
      const mails = await t.db.emailOutbox.findMany({ orderBy: { toAddress: 'asc' } });
      expect(mails.map((m) => m.toAddress.toLowerCase()).sort()).toEqual([APPLE_ID.toLowerCase(), RESCUE].sort());
      for (const mail of mails) {
        expect(mail).toMatchObject({
          kind: 'wrong-codes-alert',
          accountId,
          subject: 'Wrong verification codes were entered for your Apple ID',
        });
        expect(mail.textBody).toContain(formatDateTime(trippedAt));
        expect(mail.textBody).toContain('10 wrong verification codes in a row');
        expect(mail.textBody).toContain(`from ${BROWSER.clientAddress}, browser ${BROWSER.userAgent}: 5 wrong codes`);
        expect(mail.textBody).toContain(
          `from ${OTHER_BROWSER.clientAddress}, browser ${OTHER_BROWSER.userAgent}: 5 wrong codes, the last on ${formatDateTime(trippedAt)}`,
        );
        for (const code of [...codes, ...codes.map(otherCode)]) expect(containsCode(mail.textBody, code)).toBe(false);
      }
      expect(await t.db.securityEvent.count({ where: { accountId, kind: 'code-wrong' } })).toBe(10);

      // The wait counts down, and each further wrong code doubles it.
      clock.advance(29_000);
      expect(await verify(fourth, phoneId, CODE_PURPOSES[3])).toMatchObject({
        ok: false,
        code: 'CODES_PAUSED',
        error: expect.stringContaining('1 second'),
      });
      clock.advance(1_000);
      expect(await verify(otherCode(fourth), phoneId, CODE_PURPOSES[3])).toMatchObject({
        ok: false,
        code: 'CODES_PAUSED',
        error: expect.stringContaining('1 minute'),
      });
      clock.advance(MINUTE);
      expect(await verify(otherCode(fourth), phoneId, CODE_PURPOSES[3])).toMatchObject({
        ok: false,
        code: 'CODES_PAUSED',
        error: expect.stringContaining('2 minutes'),
      });
      expect(
        (await t.db.securityEvent.findMany({ where: { accountId, kind: 'codes-paused' }, orderBy: { createdAt: 'asc' } })).map((e) =>
          JSON.parse(e.details!),
        ),
      ).toEqual([
        { wrongInARow: 10, pausedUntil: new Date(trippedAt.getTime() + 30_000).toISOString() },
        { wrongInARow: 11, pausedUntil: new Date(trippedAt.getTime() + 90_000).toISOString() },
        { wrongInARow: 12, pausedUntil: new Date(trippedAt.getTime() + 210_000).toISOString() },
      ]);
      expect(await t.db.emailOutbox.count()).toBe(2); // still the one alert

      // After the pause, a right code works and ends the run: the next wrong code is the first.
      clock.advance(2 * MINUTE);
      const fifth = await codeFor(CODE_PURPOSES[4]);
      expect(await verify(fifth, phoneId, CODE_PURPOSES[4])).toEqual({ ok: true });
      expect(await t.db.throttle.count({ where: { key: { startsWith: wrongCodesKey('') } } })).toBe(0);
      const ipadCode = (await send(ipadId, 'sign-in')).ok ? codeIn(push.pushed.at(-1)?.body) : '';
      expect(await verify(otherCode(ipadCode), ipadId, 'sign-in')).toMatchObject({
        ok: false,
        code: 'CODE_WRONG',
        error: sentenceOf(CODES_ERRORS, 'CODE_WRONG', 2),
      });
      expect(await t.db.emailOutbox.count()).toBe(2);
    });

    it('"in a row": a right code in between starts the count again', async () => {
      const secondPhone = '+15550105678';
      const secondId = await smsDevice(t.db, accountId, secondPhone);
      for (const purpose of CODE_PURPOSES.slice(0, 3)) {
        const code = await codeFor(purpose);
        for (let i = 0; i < 3; i++) await verify(otherCode(code), phoneId, purpose);
        clock.advance(31_000);
      }
      // 9 wrong; a right code.
      expect(await verify(await codeFor('support-pin'), phoneId, 'support-pin')).toEqual({ ok: true });
      // 9 more wrong: no pause.
      for (const purpose of CODE_PURPOSES.slice(0, 3)) {
        const code = await codeFor(purpose, secondId, secondPhone);
        expect(await verify(otherCode(code), secondId, purpose)).toMatchObject({
          ok: false,
          code: 'CODE_WRONG',
          error: sentenceOf(CODES_ERRORS, 'CODE_WRONG', 2),
        });
        expect(await verify(otherCode(code), secondId, purpose)).toMatchObject({
          ok: false,
          code: 'CODE_WRONG',
          error: sentenceOf(CODES_ERRORS, 'CODE_WRONG', 1),
        });
        expect(await verify(otherCode(code), secondId, purpose)).toMatchObject({ ok: false, code: 'CODE_DEAD' });
        clock.advance(31_000);
      }
      expect(await t.db.emailOutbox.count()).toBe(0);
      // The 10th since the right code pauses.
      const code = await codeFor('confirm-identity', secondId, secondPhone);
      expect(await verify(otherCode(code), secondId, 'confirm-identity')).toEqual({
        ok: false,
        code: 'CODES_PAUSED',
        error: PAUSED_30S,
        waitMs: 30_000,
      });
      expect(await t.db.emailOutbox.count()).toBe(2);
    });

    it('emails only the Apple ID when there is no rescue email', async () => {
      await t.db.account.update({ where: { id: accountId }, data: { rescueEmail: null } });
      for (const purpose of CODE_PURPOSES.slice(0, 4)) {
        const code = await codeFor(purpose);
        for (let i = 0; i < 3; i++) await verify(otherCode(code), phoneId, purpose);
        clock.advance(31_000);
      }
      expect((await t.db.emailOutbox.findMany()).map((m) => m.toAddress)).toEqual([APPLE_ID]);
    });
  });
});
