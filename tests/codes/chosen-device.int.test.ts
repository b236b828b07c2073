// The code form every flow shares (src/codes/chosen-device.ts): the device the holder picks, then
// the code it received. A form without a choice is refused with its code and sends nothing; a
// chosen device gets a code through the real `twilio` SDK and the stand-in, and only its code checks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { startStandinSenders, type StandinSenders } from '../harness/standins.ts';
import { BROWSER } from '../harness/accounts.ts';
import { fixedClock } from '../../src/clock.ts';
import type { CodeDeps } from '../../src/codes/codes.ts';
import { checkEnteredCode, sendCodeToChosenDevice } from '../../src/codes/chosen-device.ts';
import { CODE_KEY, TOTP_KEY, PHONE, START, lastSmsCode, newAccount, otherCode, resetTables, smsDevice } from './helpers.ts';

describe('a code for the trusted device chosen in a form', () => {
  let t: TestDb;
  let senders: StandinSenders;
  let deps: CodeDeps;
  let accountId: string;
  let phoneId: string;

  beforeAll(async () => {
    t = await createTestDb();
    senders = await startStandinSenders();
  });
  afterAll(async () => {
    await senders?.stop();
    await t?.drop();
  });
  beforeEach(async () => {
    await resetTables(t.db);
    await senders.reset();
    const clock = fixedClock(START);
    deps = { db: t.db, clock, codeKey: CODE_KEY, codeDigits: 4, totpKey: TOTP_KEY, sms: senders.sms, push: senders.push };
    accountId = await newAccount(t.db, clock);
    phoneId = await smsDevice(t.db, accountId, PHONE);
  });

  it('refuses a form with no device chosen, and sends nothing', async () => {
    // Ids are the characters ids are made of, at most 100 (src/db/row-id.ts): a NUL would be an error on PostgreSQL.
    for (const input of [
      {},
      { trustedDeviceId: '' },
      { trustedDeviceId: 'x'.repeat(101) },
      { trustedDeviceId: 'a\u0000' },
      { trustedDeviceId: 'a b' },
      null,
      'text',
    ]) {
      expect(await sendCodeToChosenDevice(deps, accountId, 'sign-in', input, BROWSER)).toMatchObject({ ok: false, code: 'CHOOSE_DEVICE' });
    }
    expect(senders.sms.sent).toEqual([]);
    expect(await t.db.verificationCode.count()).toBe(0);
  });

  it('sends to the chosen device and answers which one', async () => {
    expect(await sendCodeToChosenDevice(deps, accountId, 'sign-in', { trustedDeviceId: phoneId }, BROWSER)).toEqual({
      ok: true,
      trustedDeviceId: phoneId,
      sent: true,
      message: 'We sent a code. Enter it below.',
    });
    expect(senders.sms.sent.map((m) => m.to)).toEqual([PHONE]);
  });

  it('checks only the code that device received, for the purpose it was sent for', async () => {
    await sendCodeToChosenDevice(deps, accountId, 'sign-in', { trustedDeviceId: phoneId }, BROWSER);
    const code = lastSmsCode(senders.sms, PHONE);
    expect(await checkEnteredCode(deps, accountId, 'sign-in', { trustedDeviceId: phoneId }, BROWSER)).toMatchObject({
      ok: false,
      code: 'CHOOSE_DEVICE_AND_CODE',
    });
    expect(await checkEnteredCode(deps, accountId, 'sign-in', { code }, BROWSER)).toMatchObject({
      ok: false,
      code: 'CHOOSE_DEVICE_AND_CODE',
    });
    expect(await checkEnteredCode(deps, accountId, 'sign-in', { trustedDeviceId: phoneId, code: otherCode(code) }, BROWSER)).toMatchObject({
      ok: false,
      code: 'CODE_WRONG',
    });
    expect(await checkEnteredCode(deps, accountId, 'confirm-identity', { trustedDeviceId: phoneId, code }, BROWSER)).toMatchObject({
      ok: false,
    });
    expect(await checkEnteredCode(deps, accountId, 'sign-in', { trustedDeviceId: phoneId, code }, BROWSER)).toMatchObject({ ok: true });
  });
});
