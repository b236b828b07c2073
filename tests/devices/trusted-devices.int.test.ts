// Trusted phone numbers and push devices end to end: a real database, the real `twilio` SDK talking
// to the Twilio stand-in over HTTP (Lookup and Messages), and the push stand-in. Assertions are on
// what the stand-ins received, what was stored, and what was queued to be emailed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { accountInput, BROWSER, markTwoStepOn, testDeps } from '../harness/accounts.ts';
import { freePort } from '../harness/net.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { sessionIdOf } from '../../src/sessions/sessions.ts';
import { startStandins, type Standins } from '../../dev/standins/server.ts';
import { STANDIN_TWILIO } from '../../dev/standins/local-env.ts';
import { createTwilioSms, type LineTypeLookup, type SmsSender } from '../../src/kinds/sms/twilio-sms.ts';
import { createHttpPushSender } from '../../src/kinds/push/push-sender.ts';
import { verifyCode } from '../../src/codes/codes.ts';
import { parsePhoneNumber } from '../../src/devices/phone-numbers.ts';
import { confirmDevice, listDevices, removeDevice, resendCode } from '../../src/devices/trusted-devices.ts';
import { addPhoneNumber, type PhoneDeps as DeviceDeps } from '../../src/kinds/sms/add.ts';
import { addPushDevice, registerDevice } from '../../src/kinds/push/add.ts';
import { DEVICES_ERRORS } from '../../src/devices/errors.ts';
import type { Actor } from '../../src/sessions/actor.ts';
import { sentenceOf } from '../../src/result.ts';

const MOBILE = '+15550101234';
const MOBILE_2 = '+15550105678';
const LANDLINE = '+15550201234';
const FIXED_VOIP = '+15550301234';
const NON_FIXED_VOIP = '+15550311234';
const UK_MOBILE = '+447700900123';
const NEEDS_MOBILE = 'Two-step verification needs a mobile number that can receive text messages.';

describe('trusted devices', () => {
  let t: TestDb;
  let standins: Standins;
  let realSms: SmsSender & LineTypeLookup;
  let deps: DeviceDeps & ReturnType<typeof testDeps>;
  let actor: Actor;
  /** Every number the app asked Lookup about, in order (the real adapter underneath). */
  let lookups: string[];

  beforeAll(async () => {
    t = await createTestDb();
    standins = await startStandins();
    realSms = createTwilioSms({ ...STANDIN_TWILIO, apiBaseUrl: standins.httpUrl, lookupsBaseUrl: standins.httpUrl, timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await standins?.stop();
    await t?.drop();
  });

  async function newAccount(appleId: string): Promise<Actor> {
    const created = await createAccount(deps, accountInput({ appleId, rescueEmail: `rescue.${appleId}` }), BROWSER);
    if (!created.ok) throw new Error('setup');
    return { accountId: created.accountId, sessionId: sessionIdOf(created.sessionToken) };
  }

  beforeEach(async () => {
    await t.db.account.deleteMany();
    await t.db.codeSend.deleteMany(); // not tied to an account row: the sending limits count across accounts
    await t.db.throttle.deleteMany();
    standins.twilio.reset();
    await fetch(new URL('/_standin/push', standins.httpUrl), { method: 'DELETE' });
    lookups = [];
    deps = {
      ...testDeps(t.db),
      codeKey: 'test-code-key-0123456789abcdef0123456789',
      codeDigits: 4,
      totpKey: Buffer.alloc(32, 7),
      sms: { send: (to, body) => realSms.send(to, body), lineType: (n) => (lookups.push(n), realSms.lineType(n)) },
      push: createHttpPushSender(standins.httpUrl),
    };
    actor = await newAccount('jane.holder@example.com');
    await t.db.emailOutbox.deleteMany(); // the welcome email
  });

  const texts = () => standins.twilio.messages();
  const codeIn = (body: string) => /\b(\d{4})\b/.exec(body)?.[1] ?? '';
  const smsCodeTo = (to: string) => codeIn(texts().find((m) => m.to === to)?.body ?? '');
  const devices = () => t.db.trustedDevice.findMany({ where: { accountId: actor.accountId } });
  const events = async (kind: string) =>
    (await t.db.securityEvent.findMany({ where: { accountId: actor.accountId, kind } })).map((e) => JSON.parse(e.details ?? '{}'));
  const mails = () => t.db.emailOutbox.findMany({ orderBy: { toAddress: 'asc' } });
  const phone = (phoneNumber: string, countryCode = 'US') => addPhoneNumber(deps, actor, { countryCode, phoneNumber }, BROWSER);

  /** Adds a number and enters the code texted to it. */
  async function trustNumber(e164: string): Promise<string> {
    const added = await phone(e164);
    if (!added.ok) throw new Error(`add ${e164}: ${JSON.stringify(added)}`);
    const confirmed = await confirmDevice(deps, actor, { trustedDeviceId: added.trustedDeviceId, code: smsCodeTo(e164) }, BROWSER);
    if (!confirmed.ok) throw new Error(`confirm ${e164}: ${JSON.stringify(confirmed)}`);
    return added.trustedDeviceId;
  }

  describe('phone numbers', () => {
    it('a mobile number gets a text with a 4-digit code, and becomes trusted when the code is entered', async () => {
      const added = await phone('(555) 010-1234');
      expect(added).toMatchObject({
        ok: true,
        message: 'We sent a 4-digit code to +1 ••• ••• ••34.',
      });
      if (!added.ok) return;
      expect(lookups).toEqual([MOBILE]);
      expect(texts()).toHaveLength(1);
      expect(texts()[0]).toMatchObject({ to: MOBILE, from: STANDIN_TWILIO.from });
      expect(texts()[0]!.body).toMatch(/^Two-Step: your verification code is \d{4}\. Don't share it\.$/);
      expect(await devices()).toMatchObject([{ id: added.trustedDeviceId, kind: 'sms', phoneNumber: MOBILE, verifiedAt: null }]);
      expect((await listDevices(t.db, actor.accountId)).pending).toMatchObject([{ id: added.trustedDeviceId, label: '+1 ••• ••• ••34' }]);

      deps.clock.advance(60_000);
      const confirmed = await confirmDevice(
        deps,
        actor,
        { trustedDeviceId: added.trustedDeviceId, code: ` ${smsCodeTo(MOBILE)} ` },
        BROWSER,
      );
      expect(confirmed).toEqual({ ok: true, message: '+1 ••• ••• ••34 is now a trusted device.' });
      expect((await devices())[0]!.verifiedAt).toEqual(deps.clock.now());
      const list = await listDevices(t.db, actor.accountId);
      expect(list.pending).toEqual([]);
      expect(list.trusted).toMatchObject([
        { id: added.trustedDeviceId, kind: 'sms', label: '+1 ••• ••• ••34', verifiedAt: deps.clock.now() },
      ]);
      expect(await events('trusted-device-added')).toEqual([
        { kind: 'sms', device: '+1 ••• ••• ••34', title: 'Phone number (+1 ••• ••• ••34)' },
      ]);
      expect((await mails()).map((m) => [m.kind, m.toAddress, m.subject])).toEqual([
        ['trusted-device-added', 'jane.holder@example.com', 'A trusted device was added to your Apple ID'],
        ['trusted-device-added', 'rescue.jane.holder@example.com', 'A trusted device was added to your Apple ID'],
      ]);
      expect((await mails())[0]!.textBody).toContain('the phone number +1 ••• ••• ••34 was verified as a trusted device');
    });

    it('normalises the ways people write a number to one E.164 number', async () => {
      for (const [typed, country] of [
        ['(555) 010-1234', 'US'],
        ['555-010-1234', 'US'],
        ['1 555 010 1234', 'US'],
        ['+1 555 010 1234', 'US'],
        ['+1 (555) 010-1234', 'GB'], // a leading "+" wins over the chosen country
        ['+15550101234', 'DE'],
      ]) {
        expect(parsePhoneNumber(typed, country), `${typed} in ${country}`).toEqual({ ok: true, e164: MOBILE });
      }
      expect(parsePhoneNumber('07700 900123', 'GB')).toEqual({ ok: true, e164: UK_MOBILE });

      expect((await phone('(555) 010-1234')).ok).toBe(true);
      expect(await phone('+1 555 010 1234')).toMatchObject({
        ok: false,
        code: 'NUMBER_AWAITING_CODE',
        fieldErrors: { phoneNumber: sentenceOf(DEVICES_ERRORS, 'NUMBER_AWAITING_CODE') },
      });
      expect((await devices()).map((d) => d.phoneNumber)).toEqual([MOBILE]);

      // The country defaults to the account's (US) when the form sends none.
      deps.clock.advance(60_000);
      expect(await addPhoneNumber(deps, actor, { phoneNumber: '555.010.1234' }, BROWSER)).toMatchObject({
        ok: false,
        code: 'NUMBER_AWAITING_CODE',
      });

      const uk = await phone('07700 900123', 'GB');
      expect(uk).toMatchObject({ ok: true, message: expect.stringContaining('+•• ••• ••• ••23') });
      expect(texts()[0]!.to).toBe(UK_MOBILE);
    });

    it.each([
      ['12', 'US', 'United States'],
      ['call me maybe', 'US', 'United States'],
      ['555 010 1234 ext. 5', 'US', 'United States'], // an extension cannot receive a text
      ['07700 900123', 'US', 'United States'], // a UK number without its country
      ['555 010 12345678', 'GB', 'United Kingdom'],
    ])('refuses %j (%s) with a field message, before any lookup or text', async (typed, country, name) => {
      expect(await phone(typed, country)).toEqual({
        ok: false,
        code: 'INVALID_NUMBER',
        error: '',
        fieldErrors: { phoneNumber: `Enter a valid phone number for ${name}.` },
      });
      expect(lookups).toEqual([]);
      expect(texts()).toEqual([]);
      expect(await devices()).toEqual([]);
    });

    it('refuses an empty number and an unknown country', async () => {
      expect(await phone('  ')).toMatchObject({ ok: false, code: 'INVALID_FIELDS', fieldErrors: { phoneNumber: 'Enter a phone number.' } });
      expect(await phone('555 010 1234', 'ZZ')).toMatchObject({
        ok: false,
        code: 'CHOOSE_COUNTRY',
        fieldErrors: { countryCode: sentenceOf(DEVICES_ERRORS, 'CHOOSE_COUNTRY') },
      });
      expect(lookups).toEqual([]);
    });

    it.each([
      [LANDLINE, 'landline', 'LANDLINE', `This is a landline number. ${NEEDS_MOBILE}`],
      [FIXED_VOIP, 'fixedVoip', 'VOIP', `This is a web-based (VoIP) number. ${NEEDS_MOBILE}`],
      [NON_FIXED_VOIP, 'nonFixedVoip', 'VOIP', `This is a web-based (VoIP) number. ${NEEDS_MOBILE}`],
    ])('refuses %s (%s) with the reason: nothing is sent or stored', async (number, _type, code, reason) => {
      expect(await phone(number)).toMatchObject({ ok: false, code, fieldErrors: { phoneNumber: reason } });
      expect(lookups).toEqual([number]);
      expect(texts()).toEqual([]); // the stand-in received no message
      expect(await devices()).toEqual([]);
      expect(await t.db.verificationCode.count()).toBe(0);
      expect(await t.db.codeSend.count()).toBe(0);
      expect(await t.db.emailOutbox.count()).toBe(0);
    });

    it('a Lookup failure sends nothing and stores nothing', async () => {
      const unreachable = createTwilioSms({
        ...STANDIN_TWILIO,
        apiBaseUrl: standins.httpUrl,
        lookupsBaseUrl: `http://127.0.0.1:${await freePort()}`,
        timeoutMs: 2_000,
      });
      const result = await addPhoneNumber({ ...deps, sms: unreachable }, actor, { countryCode: 'US', phoneNumber: MOBILE }, BROWSER);
      expect(result).toMatchObject({ ok: false, code: 'LOOKUP_UNAVAILABLE' });
      expect(!result.ok && result.error).toBe("We can't check this number right now, so no code was sent. Try again later.");
      expect(texts()).toEqual([]);
      expect(await devices()).toEqual([]);
      expect(await t.db.codeSend.count()).toBe(0);
    });

    it('the same number twice is refused, pending or trusted; one text is sent', async () => {
      const first = await phone(MOBILE);
      expect(first.ok).toBe(true);
      deps.clock.advance(60_000);
      expect(await phone('(555) 010-1234')).toMatchObject({
        ok: false,
        code: 'NUMBER_AWAITING_CODE',
        fieldErrors: { phoneNumber: sentenceOf(DEVICES_ERRORS, 'NUMBER_AWAITING_CODE') },
      });
      if (!first.ok) return;
      expect((await confirmDevice(deps, actor, { trustedDeviceId: first.trustedDeviceId, code: smsCodeTo(MOBILE) }, BROWSER)).ok).toBe(
        true,
      );
      expect(await phone(MOBILE)).toMatchObject({ ok: false, code: 'NUMBER_ALREADY_TRUSTED' });
      expect(texts()).toHaveLength(1);
      expect(await devices()).toHaveLength(1);
    });

    it('a stand-in 500 when texting leaves no pending device, and the number can be added again', async () => {
      standins.twilio.setFault({ mode: 'http500', times: 1 });
      expect(await phone(MOBILE)).toMatchObject({ ok: false, code: 'SMS_UNAVAILABLE' });
      expect(await devices()).toEqual([]);
      expect(await t.db.verificationCode.count()).toBe(0);
      expect(await events('code-send-failed')).toHaveLength(1);

      const again = await phone(MOBILE);
      expect(again.ok).toBe(true);
      expect(texts()).toHaveLength(1);
    });

    it('at most 20 numbers are looked up per account per hour (Lookup costs money, refused numbers send nothing)', async () => {
      for (let i = 0; i < 20; i++) expect((await phone(`+1555020${String(1000 + i)}`)).ok).toBe(false);
      expect(await phone(MOBILE)).toEqual({
        ok: false,
        code: 'TOO_MANY_LOOKUPS',
        error: 'You have checked many phone numbers in a short time. Try again in 1 hour.',
      });
      expect(lookups).toHaveLength(20);
      deps.clock.advance(61 * 60_000);
      expect((await phone(MOBILE)).ok).toBe(true);
    });

    it('an account holds at most 10 trusted and pending devices', async () => {
      await t.db.trustedDevice.createMany({
        data: Array.from({ length: 10 }, (_, i) => ({
          accountId: actor.accountId,
          kind: 'sms',
          phoneNumber: `+1555010${2000 + i}`,
          createdAt: deps.clock.now(),
        })),
      });
      expect(await phone(MOBILE)).toEqual({
        ok: false,
        code: 'TOO_MANY_DEVICES',
        error: 'You have 10 trusted and pending devices, the most an account can have. Remove one first.',
      });
      expect(lookups).toEqual([]);
      expect(texts()).toEqual([]);
    });

    it('a wrong code is refused next to the code field and the device stays pending', async () => {
      const added = await phone(MOBILE);
      if (!added.ok) throw new Error('setup');
      const wrong = smsCodeTo(MOBILE) === '0000' ? '1111' : '0000';
      expect(await confirmDevice(deps, actor, { trustedDeviceId: added.trustedDeviceId, code: wrong }, BROWSER)).toEqual({
        ok: false,
        code: 'CODE_WRONG',
        error: '',
        fieldErrors: { code: "That code isn't right. You can try 2 more times." },
      });
      expect(await confirmDevice(deps, actor, { trustedDeviceId: added.trustedDeviceId, code: '12a' }, BROWSER)).toMatchObject({
        ok: false,
        code: 'CODE_MALFORMED',
        fieldErrors: { code: 'Enter the 4-digit code.' },
      });
      expect((await devices())[0]!.verifiedAt).toBeNull();
      expect(await t.db.emailOutbox.count()).toBe(0);
    });

    it('a new code can be sent within the limits; it replaces the old one', async () => {
      const added = await phone(MOBILE);
      if (!added.ok) throw new Error('setup');
      const first = smsCodeTo(MOBILE);
      expect(await resendCode(deps, actor, added.trustedDeviceId, BROWSER)).toMatchObject({ ok: false, code: 'WAIT_BEFORE_ANOTHER_CODE' });
      deps.clock.advance(31_000);
      const resent = await resendCode(deps, actor, added.trustedDeviceId, BROWSER);
      expect(resent).toMatchObject({ ok: true, message: 'We sent a new code to +1 ••• ••• ••34. Earlier codes no longer work.' });
      expect(texts()).toHaveLength(2);
      const second = codeIn(texts()[0]!.body);
      if (first !== second) {
        expect(await confirmDevice(deps, actor, { trustedDeviceId: added.trustedDeviceId, code: first }, BROWSER)).toMatchObject({
          ok: false,
          code: 'CODE_WRONG',
          fieldErrors: { code: expect.any(String) },
        });
      }
      expect((await confirmDevice(deps, actor, { trustedDeviceId: added.trustedDeviceId, code: second }, BROWSER)).ok).toBe(true);
      expect(await resendCode(deps, actor, added.trustedDeviceId, BROWSER)).toEqual({
        ok: false,
        code: 'DEVICE_ALREADY_TRUSTED',
        error: '+1 ••• ••• ••34 is already a trusted device.',
      });
    });
  });

  describe('push devices', () => {
    it('registers a simulated device, pushes a code to it, and trusts it once the code is entered', async () => {
      const registered = await registerDevice(deps, actor, { name: "  Jamie's iPhone " }, BROWSER);
      expect(registered).toMatchObject({
        ok: true,
        deviceId: expect.stringMatching(/^sim-[0-9a-f]{8}$/),
        message: "Jamie's iPhone is registered. Send a code to it to make it a trusted device.",
      });
      if (!registered.ok) return;
      expect(await t.db.registeredDevice.findMany()).toMatchObject([
        { accountId: actor.accountId, deviceId: registered.deviceId, name: "Jamie's iPhone" },
      ]);
      expect(await events('device-registered')).toEqual([{ deviceId: registered.deviceId, name: "Jamie's iPhone" }]);
      expect((await listDevices(t.db, actor.accountId)).registered).toMatchObject([{ id: registered.registeredDeviceId, status: null }]);

      const added = await addPushDevice(deps, actor, registered.registeredDeviceId, BROWSER);
      expect(added).toMatchObject({
        ok: true,
        message: "We sent a 4-digit code to Jamie's iPhone.",
      });
      if (!added.ok) return;
      const pushed = standins.push.notifications();
      expect(pushed).toHaveLength(1);
      expect(pushed[0]).toMatchObject({ deviceId: registered.deviceId, deviceName: "Jamie's iPhone", title: 'Two-Step' });
      expect(texts()).toEqual([]);
      expect((await listDevices(t.db, actor.accountId)).registered).toMatchObject([{ status: 'pending' }]);
      expect(await addPushDevice(deps, actor, registered.registeredDeviceId, BROWSER)).toMatchObject({
        ok: false,
        code: 'DEVICE_AWAITING_CODE',
      });

      const confirmed = await confirmDevice(
        deps,
        actor,
        { trustedDeviceId: added.trustedDeviceId, code: codeIn(pushed[0]!.body) },
        BROWSER,
      );
      expect(confirmed).toEqual({ ok: true, message: "Jamie's iPhone is now a trusted device." });
      const list = await listDevices(t.db, actor.accountId);
      expect(list.trusted).toMatchObject([{ id: added.trustedDeviceId, kind: 'push', label: "Jamie's iPhone" }]);
      expect(list.registered).toMatchObject([{ status: 'trusted' }]);
      expect((await mails())[0]!.textBody).toContain("the device “Jamie's iPhone” was verified as a trusted device");
    });

    it('refuses a bad device name', async () => {
      expect(await registerDevice(deps, actor, { name: '   ' }, BROWSER)).toMatchObject({
        ok: false,
        code: 'INVALID_FIELDS',
        fieldErrors: { name: expect.stringContaining('Enter a name') },
      });
      expect(await registerDevice(deps, actor, { name: 'x'.repeat(61) }, BROWSER)).toMatchObject({
        ok: false,
        code: 'INVALID_FIELDS',
        fieldErrors: { name: 'Keep the name to 60 characters or fewer.' },
      });
      expect(await registerDevice(deps, actor, { name: 'two\nlines' }, BROWSER)).toMatchObject({
        ok: false,
        code: 'INVALID_FIELDS',
        fieldErrors: { name: expect.any(String) },
      });
      expect(await t.db.registeredDevice.count()).toBe(0);
    });

    it("another account's device cannot be used, confirmed or removed", async () => {
      const other = await newAccount('someone.else@example.com');
      const theirs = await registerDevice(deps, other, { name: 'Their iPad' }, BROWSER);
      if (!theirs.ok) throw new Error('setup');
      expect(await addPushDevice(deps, actor, theirs.registeredDeviceId, BROWSER)).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
      expect(await addPushDevice(deps, actor, 'no-such-device', BROWSER)).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
      expect(standins.push.notifications()).toEqual([]);
      expect(await devices()).toEqual([]);

      const theirPending = await addPushDevice(deps, other, theirs.registeredDeviceId, BROWSER);
      if (!theirPending.ok) throw new Error('setup');
      const code = codeIn(standins.push.notifications()[0]!.body);
      expect(await confirmDevice(deps, actor, { trustedDeviceId: theirPending.trustedDeviceId, code }, BROWSER)).toMatchObject({
        ok: false,
        code: 'DEVICE_GONE',
      });
      expect(await removeDevice(deps, actor, theirPending.trustedDeviceId, BROWSER)).toMatchObject({ ok: false, code: 'DEVICE_GONE' });
      expect(await resendCode(deps, actor, theirPending.trustedDeviceId, BROWSER)).toMatchObject({ ok: false, code: 'DEVICE_GONE' });
      expect(await t.db.trustedDevice.findUniqueOrThrow({ where: { id: theirPending.trustedDeviceId } })).toMatchObject({
        verifiedAt: null,
      });
      // Still good for its owner.
      expect((await confirmDevice(deps, other, { trustedDeviceId: theirPending.trustedDeviceId, code }, BROWSER)).ok).toBe(true);
    });
  });

  describe('removing', () => {
    it('takes effect at once: a removed pending device’s code no longer verifies', async () => {
      const added = await phone(MOBILE);
      if (!added.ok) throw new Error('setup');
      const code = smsCodeTo(MOBILE);
      expect(await removeDevice(deps, actor, added.trustedDeviceId, BROWSER)).toEqual({
        ok: true,
        message: '+1 ••• ••• ••34 was removed.',
      });
      expect(await devices()).toEqual([]);
      expect(await t.db.verificationCode.count()).toBe(0);
      expect(await confirmDevice(deps, actor, { trustedDeviceId: added.trustedDeviceId, code }, BROWSER)).toMatchObject({
        ok: false,
        code: 'DEVICE_GONE',
      });
      expect(
        await verifyCode(
          deps,
          { accountId: actor.accountId, trustedDeviceId: added.trustedDeviceId, purpose: 'verify-device', code },
          BROWSER,
        ),
      ).toMatchObject({ ok: false });
      expect(await events('trusted-device-removed')).toEqual([
        { kind: 'sms', device: '+1 ••• ••• ••34', title: 'Phone number (+1 ••• ••• ••34)', wasTrusted: false },
      ]);
      expect(await t.db.emailOutbox.count()).toBe(0); // nothing was trusted, nothing to warn about
    });

    it('removing a trusted device records it and emails every address on file', async () => {
      const id = await trustNumber(MOBILE);
      await t.db.emailOutbox.deleteMany();
      deps.clock.advance(60_000);
      expect(await removeDevice(deps, actor, id, BROWSER)).toEqual({
        ok: true,
        message: '+1 ••• ••• ••34 was removed. It can no longer be used to verify your identity.',
      });
      expect((await listDevices(t.db, actor.accountId)).trusted).toEqual([]);
      expect((await mails()).map((m) => [m.kind, m.toAddress, m.subject])).toEqual([
        ['trusted-device-removed', 'jane.holder@example.com', 'A trusted device was removed from your Apple ID'],
        ['trusted-device-removed', 'rescue.jane.holder@example.com', 'A trusted device was removed from your Apple ID'],
      ]);
      expect((await mails())[0]!.textBody).toContain('It can no longer be used to verify your identity.');
      expect(await removeDevice(deps, actor, id, BROWSER)).toMatchObject({ ok: false, code: 'DEVICE_GONE' });
    });

    it('while two-step is on, the last trusted phone number stays', async () => {
      const first = await trustNumber(MOBILE);
      await markTwoStepOn(t.db, actor.accountId, deps.clock.now());
      expect(await removeDevice(deps, actor, first, BROWSER)).toMatchObject({ ok: false, code: 'LAST_TRUSTED_PHONE' });
      const second = await trustNumber(MOBILE_2);
      expect((await removeDevice(deps, actor, first, BROWSER)).ok).toBe(true);
      expect(await removeDevice(deps, actor, second, BROWSER)).toMatchObject({ ok: false, code: 'LAST_TRUSTED_PHONE' });
    });
  });

  it('the emails queued on add and remove never contain a code', async () => {
    const smsId = await trustNumber(MOBILE);
    const registered = await registerDevice(deps, actor, { name: 'iPad' }, BROWSER);
    if (!registered.ok) throw new Error('setup');
    const pending = await addPushDevice(deps, actor, registered.registeredDeviceId, BROWSER);
    if (!pending.ok) throw new Error('setup');
    const pushCode = codeIn(standins.push.notifications()[0]!.body);
    expect((await confirmDevice(deps, actor, { trustedDeviceId: pending.trustedDeviceId, code: pushCode }, BROWSER)).ok).toBe(true);
    await removeDevice(deps, actor, smsId, BROWSER);
    await removeDevice(deps, actor, pending.trustedDeviceId, BROWSER);

    const codes = [smsCodeTo(MOBILE), pushCode];
    const queued = await mails();
    expect(queued.map((m) => m.kind).sort()).toEqual([
      'trusted-device-added',
      'trusted-device-added',
      'trusted-device-added',
      'trusted-device-added',
      'trusted-device-removed',
      'trusted-device-removed',
      'trusted-device-removed',
      'trusted-device-removed',
    ]);
    const year = String(deps.clock.now().getUTCFullYear());
    for (const m of queued) {
      const text = `${m.subject}\n${m.textBody}`;
      // The only 4-digit number in these emails is the year of the date.
      for (const token of text.match(/(?<!\d)\d{4}(?!\d)/g) ?? []) expect(token).toBe(year);
      for (const code of codes) if (code !== year) expect(text).not.toContain(code);
      expect(text).not.toMatch(/verification code is/i);
    }
  });
});
