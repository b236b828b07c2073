// The verification-code service end to end: a real database (SQLite, or PostgreSQL with
// TEST_DB_ENGINE=postgresql), the real `twilio` SDK talking to the Twilio stand-in and the HTTP
// push sender talking to the push stand-in, both on loopback. Codes are read back from what the
// stand-ins received, as a person reads them off their phone.
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER } from '../harness/accounts.ts';
import { freePort } from '../harness/net.ts';
import { fixedClock, MINUTE } from '../../src/clock.ts';
import { startStandins, type Standins } from '../../dev/standins/server.ts';
import { STANDIN_TWILIO } from '../../dev/standins/local-env.ts';
import { createTwilioSms, SMS_BAD_NUMBER, type SmsSender } from '../../src/kinds/sms/twilio-sms.ts';
import { verificationSms } from '../../src/kinds/sms/sms-text.ts';
import { createHttpPushSender, type PushSender } from '../../src/kinds/push/push-sender.ts';
import {
  CODES_ERRORS,
  CODE_TTL_MS,
  MAX_WRONG_TRIES,
  sendCode,
  verifyCode,
  type CodeDeps,
  type CodePurpose,
} from '../../src/codes/codes.ts';
import {
  CODE_KEY,
  TOTP_KEY,
  PHONE,
  START,
  codeIn,
  containsCode,
  newAccount,
  otherCode,
  pushDevice,
  resetTables,
  smsDevice,
  type TestClock,
} from './helpers.ts';
import { sentenceOf } from '../../src/result.ts';

describe('verification codes over the Twilio and push stand-ins', () => {
  let t: TestDb;
  let standins: Standins;
  let sms: SmsSender;
  let push: PushSender;
  let clock: TestClock;
  let accountId: string;
  let phoneId: string;

  beforeAll(async () => {
    t = await createTestDb();
    standins = await startStandins();
    sms = createTwilioSms({
      accountSid: STANDIN_TWILIO.accountSid,
      authToken: STANDIN_TWILIO.authToken,
      from: STANDIN_TWILIO.from,
      apiBaseUrl: standins.httpUrl,
      lookupsBaseUrl: standins.httpUrl,
      timeoutMs: 5_000,
    });
    push = createHttpPushSender(standins.httpUrl);
  });
  afterAll(async () => {
    await standins.stop();
    await t.drop();
  });
  beforeEach(async () => {
    await resetTables(t.db);
    standins.twilio.reset();
    await fetch(new URL('/_standin/push', standins.httpUrl), { method: 'DELETE' });
    clock = fixedClock(START);
    accountId = await newAccount(t.db, clock);
    phoneId = await smsDevice(t.db, accountId, PHONE);
  });

  const deps = (overrides: Partial<CodeDeps> = {}): CodeDeps => ({
    db: t.db,
    clock,
    codeKey: CODE_KEY,
    codeDigits: 4,
    totpKey: TOTP_KEY,
    sms,
    push,
    ...overrides,
  });
  const send = (purpose: CodePurpose = 'sign-in', trustedDeviceId = phoneId, d = deps()) =>
    sendCode(d, { accountId, trustedDeviceId, purpose }, BROWSER);
  const verify = (code: unknown, purpose: CodePurpose = 'sign-in', trustedDeviceId = phoneId, d = deps()) =>
    verifyCode(d, { accountId, trustedDeviceId, purpose, code }, BROWSER);
  /** The code in the newest text message the stand-in received for `to`. */
  const smsCode = (to = PHONE) => codeIn(standins.twilio.messages().find((m) => m.to === to)?.body);
  const events = (kind: string) => t.db.securityEvent.findMany({ where: { accountId, kind }, orderBy: { createdAt: 'asc' } });
  const codeRow = (purpose: CodePurpose = 'sign-in', trustedDeviceId = phoneId) =>
    t.db.verificationCode.findFirstOrThrow({ where: { accountId, purpose, trustedDeviceId } });

  describe('sending', () => {
    it('texts a 4-digit code through the real Twilio SDK, keeps only its HMAC, and records the send', async () => {
      const result = await send('sign-in');
      expect(result).toEqual({ ok: true, sent: true, expiresAt: new Date(new Date(START).getTime() + 10 * MINUTE) });

      const messages = standins.twilio.messages();
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ to: PHONE, from: STANDIN_TWILIO.from });
      const code = smsCode();
      expect(code).toMatch(/^[0-9]{4}$/);
      expect(messages[0]!.body).toBe(verificationSms(code));

      const rows = await t.db.verificationCode.findMany();
      expect(rows).toHaveLength(1);
      const expected = createHmac('sha256', CODE_KEY).update(`sign-in:${phoneId}:${code}`).digest('hex');
      expect(rows[0]).toMatchObject({
        accountId,
        trustedDeviceId: phoneId,
        purpose: 'sign-in',
        codeHash: expected,
        createdAt: new Date(START),
        expiresAt: new Date(new Date(START).getTime() + CODE_TTL_MS),
        usedAt: null,
        wrongTries: 0,
      });

      expect(
        await t.db.codeSend.findMany({
          select: { accountId: true, trustedDeviceId: true, destination: true, clientAddress: true, sentAt: true },
        }),
      ).toEqual([
        { accountId, trustedDeviceId: phoneId, destination: PHONE, clientAddress: BROWSER.clientAddress, sentAt: new Date(START) },
      ]);
      const sent = await events('code-sent');
      expect(sent).toHaveLength(1);
      expect(JSON.parse(sent[0]!.details!)).toEqual({ purpose: 'sign-in', trustedDeviceId: phoneId, channel: 'sms' });
      expect(sent[0]).toMatchObject({ clientAddress: BROWSER.clientAddress, userAgent: BROWSER.userAgent });
      expect(await events('code-send-failed')).toHaveLength(0);
    });

    it('zero-pads codes and honours the configured number of digits', async () => {
      expect((await send('sign-in', phoneId, deps({ codeDigits: 8 }))).ok).toBe(true);
      expect(smsCode()).toMatch(/^[0-9]{8}$/);
      expect(await verify(smsCode(), 'sign-in', phoneId, deps({ codeDigits: 8 }))).toEqual({ ok: true });
    });

    it('pushes the code to a registered device: it lands in the push stand-in for that device id', async () => {
      const ipadId = await pushDevice(t.db, accountId, 'ipad-jane-7', "Jane's iPad");
      expect((await send('sign-in', ipadId)).ok).toBe(true);

      const pushed = standins.push.notifications().filter((n) => n.deviceId === 'ipad-jane-7');
      expect(pushed).toHaveLength(1);
      expect(pushed[0]).toMatchObject({ deviceId: 'ipad-jane-7', deviceName: "Jane's iPad", title: 'Two-Step' });
      const code = codeIn(pushed[0]!.body);
      expect(pushed[0]!.body).toBe(`Your verification code is ${code}.`);
      expect(standins.twilio.messages()).toHaveLength(0);
      expect((await t.db.codeSend.findFirstOrThrow()).destination).toBe('ipad-jane-7');

      expect(await verify(code, 'sign-in', ipadId)).toEqual({ ok: true });
    });

    it('sends codes to a pending device only to verify it', async () => {
      const pendingId = await smsDevice(t.db, accountId, '+15550109999', { verified: false });
      expect(await send('sign-in', pendingId)).toMatchObject({ ok: false, code: 'DEVICE_NOT_VERIFIED' });
      expect(await send('confirm-identity', pendingId)).toMatchObject({ ok: false, code: 'DEVICE_NOT_VERIFIED' });
      expect(standins.twilio.messages()).toHaveLength(0);

      expect((await send('verify-device', pendingId)).ok).toBe(true);
      expect(await verify(smsCode('+15550109999'), 'verify-device', pendingId)).toEqual({ ok: true });
    });

    it("refuses another account's device, and sends nothing", async () => {
      const otherAccount = await newAccount(t.db, clock, 'bob@example.com', null);
      const bobsPhone = await smsDevice(t.db, otherAccount, '+15550107777');
      expect(await send('sign-in', bobsPhone)).toMatchObject({ ok: false, code: 'DEVICE_UNKNOWN' });
      expect(await send('sign-in', 'no-such-device')).toMatchObject({ ok: false, code: 'DEVICE_UNKNOWN' });
      expect(standins.twilio.messages()).toHaveLength(0);
      expect(await t.db.verificationCode.count()).toBe(0);
      expect(await t.db.codeSend.count()).toBe(0);
    });
  });

  describe('when delivery fails', () => {
    async function expectNothingSent(failure: Record<string, unknown>) {
      expect(await t.db.verificationCode.count()).toBe(0);
      expect(await t.db.codeSend.count()).toBe(0);
      expect(await events('code-sent')).toHaveLength(0);
      const failed = await events('code-send-failed');
      expect(failed).toHaveLength(1);
      expect(JSON.parse(failed[0]!.details!)).toEqual({ purpose: 'sign-in', trustedDeviceId: phoneId, channel: 'sms', ...failure });
    }

    it('a Twilio 500: the try-later message, no code row, no CodeSend, a code-send-failed event; a retry can go at once', async () => {
      standins.twilio.setFault({ mode: 'http500', times: 1 });
      expect(await send()).toMatchObject({ ok: false, code: 'SMS_UNAVAILABLE' });
      expect(standins.twilio.messages()).toHaveLength(0);
      await expectNothingSent({ error: 'sms', httpStatus: 500 });

      // Nothing counted as sent: the 30-second wait does not apply, and the new code works.
      expect((await send()).ok).toBe(true);
      expect(await verify(smsCode())).toEqual({ ok: true });
    });

    it('Twilio error 21211: the bad-number message', async () => {
      standins.twilio.setFault({ mode: 'twilio-error', code: 21211, times: 1 });
      expect(await send()).toEqual({ ok: false, code: 'SMS_NUMBER_REFUSED', error: SMS_BAD_NUMBER });
      await expectNothingSent({ error: 'sms', twilioCode: 21211, httpStatus: 400 });
    });

    it('a number Twilio itself refuses (the stand-in answers 21211): the bad-number message', async () => {
      await t.db.trustedDevice.update({ where: { id: phoneId }, data: { phoneNumber: '+1555' } });
      expect(await send()).toEqual({ ok: false, code: 'SMS_NUMBER_REFUSED', error: SMS_BAD_NUMBER });
      await expectNothingSent({ error: 'sms', twilioCode: 21211, httpStatus: 400 });
    });

    it('an old code is gone once a new one was asked for, even when the new one could not be sent', async () => {
      expect((await send()).ok).toBe(true);
      const old = smsCode();
      clock.advance(30_000);
      standins.twilio.setFault({ mode: 'http500', times: 1 });
      expect(await send()).toMatchObject({ ok: false, code: 'SMS_UNAVAILABLE' });
      expect(await verify(old)).toMatchObject({ ok: false, code: 'NO_CODE' });
    });

    it('the push service unreachable: its message, nothing recorded as sent', async () => {
      const ipadId = await pushDevice(t.db, accountId, 'ipad-jane-8', "Jane's iPad");
      const port = await freePort();
      const result = await sendCode(
        deps({ push: createHttpPushSender(`http://127.0.0.1:${port}`, 2_000) }),
        { accountId, trustedDeviceId: ipadId, purpose: 'sign-in' },
        BROWSER,
      );
      expect(result).toEqual({ ok: false, code: 'PUSH_FAILED', error: "We couldn't reach the device right now. Try again later." });
      expect(await t.db.verificationCode.count()).toBe(0);
      expect(await t.db.codeSend.count()).toBe(0);
      expect((await events('code-send-failed')).map((e) => JSON.parse(e.details!))).toEqual([
        { purpose: 'sign-in', trustedDeviceId: ipadId, channel: 'push', error: 'push' },
      ]);
    });

    it('any other failure: the generic message; what the error said is neither shown nor recorded', async () => {
      const leaky: SmsSender = {
        async send(_to, body) {
          throw new Error(`socket hang up while sending "${body}"`);
        },
      };
      const result = await send('sign-in', phoneId, deps({ sms: leaky }));
      expect(result).toMatchObject({ ok: false, code: 'SEND_FAILED' });
      await expectNothingSent({ error: 'unknown' });
      const all = JSON.stringify(await t.db.securityEvent.findMany());
      expect(all).not.toContain('socket hang up');
    });
  });

  describe('checking', () => {
    it('a code works until just before 10 minutes', async () => {
      await send();
      clock.advance(CODE_TTL_MS - 1);
      expect(await verify(smsCode())).toEqual({ ok: true });
    });

    it('at exactly 10 minutes a code has expired, and the right code there counts as nothing', async () => {
      await send();
      clock.advance(CODE_TTL_MS);
      expect(await verify(smsCode())).toMatchObject({ ok: false, code: 'CODE_EXPIRED' });
      expect(await verify(otherCode(smsCode()))).toMatchObject({ ok: false, code: 'CODE_EXPIRED' });
      expect(await codeRow()).toMatchObject({ usedAt: null, wrongTries: 0 });
      expect(await events('code-wrong')).toHaveLength(0);
    });

    it('a code works once; using it again is refused and logged as a reuse', async () => {
      await send();
      const code = smsCode();
      expect(await verify(code)).toEqual({ ok: true });
      expect((await codeRow()).usedAt).toEqual(new Date(START));
      clock.advance(1000);
      expect(await verify(code)).toMatchObject({ ok: false, code: 'CODE_USED' });
      expect(await verify(code)).toMatchObject({ ok: false, code: 'CODE_USED' });
      expect(await events('code-verified')).toHaveLength(1);
      const reused = await events('code-reused');
      expect(reused).toHaveLength(2);
      expect(JSON.parse(reused[0]!.details!)).toEqual({ purpose: 'sign-in', trustedDeviceId: phoneId });
      // Another number against a used code is not a guess at anything: not counted.
      expect(await verify(otherCode(code))).toMatchObject({ ok: false, code: 'CODE_REPLACED' });
      expect(await events('code-wrong')).toHaveLength(0);
    });

    it(`${MAX_WRONG_TRIES} wrong tries kill a code: the right code no longer works`, async () => {
      await send();
      const code = smsCode();
      const wrong = otherCode(code);
      expect(await verify(wrong)).toMatchObject({ ok: false, code: 'CODE_WRONG', error: sentenceOf(CODES_ERRORS, 'CODE_WRONG', 2) });
      expect(await verify(wrong)).toMatchObject({ ok: false, code: 'CODE_WRONG', error: sentenceOf(CODES_ERRORS, 'CODE_WRONG', 1) });
      expect(await verify(wrong)).toMatchObject({ ok: false, code: 'CODE_DEAD' });
      expect(await verify(code)).toMatchObject({ ok: false, code: 'CODE_DEAD' });
      expect(await verify(wrong)).toMatchObject({ ok: false, code: 'CODE_DEAD' });
      expect(await codeRow()).toMatchObject({ wrongTries: 3, usedAt: null });
      expect((await events('code-wrong')).map((e) => JSON.parse(e.details!).wrongTries)).toEqual([1, 2, 3]);
      expect(await events('code-verified')).toHaveLength(0);

      // A new code starts afresh.
      clock.advance(30_000);
      await send();
      expect(await verify(smsCode())).toEqual({ ok: true });
    });

    it('two wrong tries and then the right code: it works', async () => {
      await send();
      const code = smsCode();
      await verify(otherCode(code));
      await verify(otherCode(code));
      expect(await verify(code)).toEqual({ ok: true });
    });

    it('a malformed code is refused with a message and does not count as a wrong try', async () => {
      await send();
      const code = smsCode();
      for (const bad of ['12a4', '123', '12345', '', '１２３４', '1 2 3 4 5', 'code 12 and 345', 1234, null, undefined, ['1234']]) {
        expect(await verify(bad)).toMatchObject({
          ok: false,
          code: 'CODE_MALFORMED',
          error: sentenceOf(CODES_ERRORS, 'CODE_MALFORMED', 4),
        });
      }
      expect((await codeRow()).wrongTries).toBe(0);
      expect(await events('code-wrong')).toHaveLength(0);
      // What people paste is forgiven: exactly four digits among other characters are the code.
      expect(await verify(`Your code: ${code.slice(0, 2)} ${code.slice(2)} `)).toEqual({ ok: true });
    });

    it('a newer code replaces the older one: the old code no longer verifies', async () => {
      const d = deps({ codeDigits: 6 }); // 6 digits: the two codes cannot plausibly be equal
      await send('sign-in', phoneId, d);
      const first = smsCode();
      clock.advance(30_000);
      await send('sign-in', phoneId, d);
      const second = smsCode();
      expect(second).not.toBe(first);
      expect(await t.db.verificationCode.count({ where: { accountId, purpose: 'sign-in', trustedDeviceId: phoneId } })).toBe(1);

      expect(await verify(first, 'sign-in', phoneId, d)).toMatchObject({
        ok: false,
        code: 'CODE_WRONG',
        error: sentenceOf(CODES_ERRORS, 'CODE_WRONG', 2),
      });
      expect(await verify(second, 'sign-in', phoneId, d)).toEqual({ ok: true });
    });

    it('a code is bound to its purpose: it does not verify another purpose', async () => {
      const d = deps({ codeDigits: 6 });
      await send('sign-in', phoneId, d);
      const signInCode = smsCode();
      // No code was sent for turning two-step off.
      expect(await verify(signInCode, 'confirm-identity', phoneId, d)).toMatchObject({ ok: false, code: 'NO_CODE' });

      clock.advance(30_000);
      await send('confirm-identity', phoneId, d);
      const turnOffCode = smsCode();
      expect(await verify(signInCode, 'confirm-identity', phoneId, d)).toMatchObject({
        ok: false,
        code: 'CODE_WRONG',
        error: sentenceOf(CODES_ERRORS, 'CODE_WRONG', 2),
      });
      expect(await verify(turnOffCode, 'sign-in', phoneId, d)).toMatchObject({
        ok: false,
        code: 'CODE_WRONG',
        error: sentenceOf(CODES_ERRORS, 'CODE_WRONG', 2),
      });
      expect(await verify(turnOffCode, 'confirm-identity', phoneId, d)).toEqual({ ok: true });
      expect(await verify(signInCode, 'sign-in', phoneId, d)).toEqual({ ok: true });
    });

    it('a code is bound to its device: it does not verify for another device', async () => {
      const d = deps({ codeDigits: 6 });
      const secondPhone = '+15550105678';
      const secondId = await smsDevice(t.db, accountId, secondPhone);
      await send('sign-in', phoneId, d);
      await send('sign-in', secondId, d);
      const first = smsCode(PHONE);
      const second = smsCode(secondPhone);
      expect(await verify(first, 'sign-in', secondId, d)).toMatchObject({
        ok: false,
        code: 'CODE_WRONG',
        error: sentenceOf(CODES_ERRORS, 'CODE_WRONG', 2),
      });
      expect(await verify(second, 'sign-in', phoneId, d)).toMatchObject({
        ok: false,
        code: 'CODE_WRONG',
        error: sentenceOf(CODES_ERRORS, 'CODE_WRONG', 2),
      });
      expect(await verify(first, 'sign-in', phoneId, d)).toEqual({ ok: true });
      expect(await verify(second, 'sign-in', secondId, d)).toEqual({ ok: true });
    });

    it('a code is bound to the account: another account cannot use it, even naming the device', async () => {
      await send();
      const otherAccount = await newAccount(t.db, clock, 'bob@example.com', null);
      expect(
        await verifyCode(deps(), { accountId: otherAccount, trustedDeviceId: phoneId, purpose: 'sign-in', code: smsCode() }, BROWSER),
      ).toMatchObject({ ok: false, code: 'DEVICE_UNKNOWN' });
      expect(await verify(smsCode())).toEqual({ ok: true });
    });

    it('a removed device can no longer verify: its codes went with it', async () => {
      await send();
      await t.db.trustedDevice.delete({ where: { id: phoneId } });
      expect(await verify(smsCode())).toMatchObject({ ok: false, code: 'DEVICE_UNKNOWN' });
      expect(await t.db.verificationCode.count()).toBe(0);
    });
  });

  describe('secrecy', () => {
    const spies: Array<ReturnType<typeof vi.spyOn>> = [];
    afterEach(() => {
      for (const s of spies.splice(0)) s.mockRestore();
    });

    it('the code is never stored, recorded, emailed or logged: only its HMAC (8 digits, so that a match is no coincidence)', async () => {
      for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) spies.push(vi.spyOn(console, method));
      const d = deps({ codeDigits: 8 });
      await send('sign-in', phoneId, d);
      const code = smsCode();
      await verify(otherCode(code), 'sign-in', phoneId, d);
      await verify(code, 'sign-in', phoneId, d);
      await verify(code, 'sign-in', phoneId, d); // a reuse
      clock.advance(30_000);
      standins.twilio.setFault({ mode: 'http500', times: 1 });
      await send('sign-in', phoneId, d); // a failed send

      const row = await t.db.verificationCode.findFirst();
      expect(row).toBeNull(); // replaced by the send that failed, then deleted with it
      const everything = JSON.stringify({
        codes: await t.db.verificationCode.findMany(),
        sends: await t.db.codeSend.findMany(),
        events: await t.db.securityEvent.findMany(),
        outbox: await t.db.emailOutbox.findMany(),
        throttle: await t.db.throttle.findMany(),
      });
      expect(containsCode(everything, code)).toBe(false);
      for (const s of spies) for (const call of s.mock.calls) expect(containsCode(JSON.stringify(call), code)).toBe(false);

      // While it exists, the row holds the HMAC and nothing else of the code.
      clock.advance(30_000);
      await send('sign-in', phoneId, d);
      const live = await t.db.verificationCode.findFirstOrThrow();
      const newCode = smsCode();
      expect(live.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(live.codeHash).toBe(createHmac('sha256', CODE_KEY).update(`sign-in:${phoneId}:${newCode}`).digest('hex'));
      expect(containsCode(JSON.stringify(live), newCode)).toBe(false);
    });

    it('the same code for another key does not verify: the HMAC key matters', async () => {
      await send();
      expect(await verify(smsCode(), 'sign-in', phoneId, deps({ codeKey: 'another-key-0123456789abcdef0123456789' }))).toMatchObject({
        ok: false,
        code: 'CODE_WRONG',
        error: sentenceOf(CODES_ERRORS, 'CODE_WRONG', 2),
      });
    });
  });
});
