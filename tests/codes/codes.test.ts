// The pure parts of the verification-code service: no database, no network.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CODE_PURPOSES,
  CODE_TTL_MS,
  DEFAULT_CODE_DIGITS,
  FIRST_PAUSE_MS,
  MAX_PAUSE_MS,
  MAX_WRONG_TRIES,
  SENDS_PER_ACCOUNT,
  SENDS_PER_CLIENT_ADDRESS,
  SENDS_PER_DESTINATION,
  SENDS_PER_DEVICE,
  WRONG_CODES_BEFORE_PAUSE,
  codeHash,
  generateCode,
  pauseMs,
  waitText,
} from '../../src/codes/codes.ts';
import { maskPhoneNumber } from '../../src/kinds/sms/mask.ts';
import { deliveryFailure } from '../../src/codes/delivery.ts';
import { SmsError } from '../../src/kinds/sms/twilio-sms.ts';
import { PushError } from '../../src/kinds/push/push-sender.ts';
import { wrongCodesAlertEmail } from '../../src/mail/templates.ts';
import { DAY, HOUR, MINUTE } from '../../src/clock.ts';

describe('the constants', () => {
  it('are the ones docs/rules.md#verification-codes names', () => {
    expect(CODE_PURPOSES).toEqual(['verify-device', 'sign-in', 'reset-password', 'confirm-identity', 'support-pin']);
    expect(CODE_TTL_MS).toBe(10 * MINUTE);
    expect(MAX_WRONG_TRIES).toBe(3);
    expect(DEFAULT_CODE_DIGITS).toBe(4);
    expect(SENDS_PER_DEVICE).toEqual({ max: 1, windowMs: 30_000 });
    expect(SENDS_PER_DESTINATION).toEqual({ max: 5, windowMs: HOUR });
    expect(SENDS_PER_ACCOUNT).toEqual({ max: 20, windowMs: DAY });
    expect(SENDS_PER_CLIENT_ADDRESS).toEqual({ max: 30, windowMs: HOUR });
    expect([WRONG_CODES_BEFORE_PAUSE, FIRST_PAUSE_MS, MAX_PAUSE_MS]).toEqual([10, 30_000, HOUR]);
  });
});

describe('generateCode', () => {
  it('draws zero-padded codes of the asked length, over the whole range', () => {
    const codes = Array.from({ length: 3000 }, () => generateCode(4));
    for (const c of codes) expect(c).toMatch(/^[0-9]{4}$/);
    // About 10% start with 0 (padding works); 3000 draws give well over 2000 distinct codes.
    expect(codes.filter((c) => c.startsWith('0')).length).toBeGreaterThan(150);
    expect(new Set(codes).size).toBeGreaterThan(2000);
    for (const digits of [5, 6, 7, 8]) expect(generateCode(digits)).toMatch(new RegExp(`^[0-9]{${digits}}$`));
  });

  it('refuses a length outside 4..8', () => {
    for (const digits of [3, 9, 4.5, Number.NaN]) expect(() => generateCode(digits)).toThrow(/codeDigits/);
  });
});

describe('codeHash', () => {
  const key = 'k'.repeat(32);
  it('is HMAC-SHA-256 over purpose, device and code', () => {
    expect(codeHash(key, 'sign-in', 'dev1', '0421')).toBe(createHmac('sha256', key).update('sign-in:dev1:0421').digest('hex'));
  });
  it('binds the purpose, the device, the code and the key', () => {
    const base = codeHash(key, 'sign-in', 'dev1', '0421');
    expect(codeHash(key, 'confirm-identity', 'dev1', '0421')).not.toBe(base);
    expect(codeHash(key, 'sign-in', 'dev2', '0421')).not.toBe(base);
    expect(codeHash(key, 'sign-in', 'dev1', '0422')).not.toBe(base);
    expect(codeHash('x'.repeat(32), 'sign-in', 'dev1', '0421')).not.toBe(base);
  });
});

describe('maskPhoneNumber', () => {
  it('shows only the last two digits', () => {
    expect(maskPhoneNumber('+15550101234')).toBe('+1 ••• ••• ••34');
    expect(maskPhoneNumber('+447700900123')).toBe('+•• ••• ••• ••23');
    expect(maskPhoneNumber('+4915123456789')).toBe('+••• ••• ••• ••89');
    for (const n of ['+15550101234', '+447700900123', '+4915123456789']) {
      const masked = maskPhoneNumber(n);
      expect(masked.replace(/[^0-9]/g, '').replace(/^1(?=\d{2}$)/, '')).toBe(n.slice(-2));
    }
  });
});

describe('the account-wide pause', () => {
  it('starts at 30 s after 10 wrong codes and doubles with each further one, up to 1 hour', () => {
    expect(pauseMs(0)).toBe(0);
    expect(pauseMs(9)).toBe(0);
    expect(pauseMs(10)).toBe(30_000);
    expect(pauseMs(11)).toBe(60_000);
    expect(pauseMs(12)).toBe(120_000);
    expect(pauseMs(16)).toBe(1_920_000);
    expect(pauseMs(17)).toBe(HOUR); // 3,840 s capped
    expect(pauseMs(1000)).toBe(HOUR);
  });
});

describe('waitText', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);
  it('says seconds under a minute, minutes under an hour, else hours, rounding up', () => {
    expect(waitText(at(1), now)).toBe('1 second');
    expect(waitText(at(25_000), now)).toBe('25 seconds');
    expect(waitText(at(59_001), now)).toBe('1 minute');
    expect(waitText(at(41 * MINUTE + 1), now)).toBe('42 minutes');
    expect(waitText(at(HOUR), now)).toBe('1 hour');
    expect(waitText(at(HOUR + 1), now)).toBe('2 hours');
    expect(waitText(at(-5), now)).toBe('1 second');
  });
});

describe('deliveryFailure', () => {
  it("passes on the SMS adapter's message for the person, and only codes for the log", () => {
    const f = deliveryFailure(
      new SmsError("That phone number can't receive text messages. Check the number.", 21211, 400, 'Twilio refused the phone number'),
    );
    expect(f).toEqual({
      refusal: { ok: false, code: 'SMS_NUMBER_REFUSED', error: "That phone number can't receive text messages. Check the number." },
      details: { error: 'sms', twilioCode: 21211, httpStatus: 400 },
    });
  });
  it('passes on a push error, and answers anything else generically', () => {
    expect(deliveryFailure(new PushError("We couldn't reach the device right now. Try again later."))).toEqual({
      refusal: { ok: false, code: 'PUSH_FAILED', error: "We couldn't reach the device right now. Try again later." },
      details: { error: 'push' },
    });
    expect(deliveryFailure(new Error('Two-Step: your verification code is 0421.'))).toMatchObject({
      refusal: { ok: false, code: 'SEND_FAILED' },
      details: { error: 'unknown' },
    });
    expect(deliveryFailure('a string')).toMatchObject({ refusal: { ok: false, code: 'SEND_FAILED' }, details: { error: 'unknown' } });
  });
});

describe('wrongCodesAlertEmail', () => {
  const at = new Date('2026-11-23T10:01:33Z');
  it('names the time, the addresses and the browsers, on one line each, whatever the user agent holds', () => {
    const mail = wrongCodesAlertEmail({
      name: 'Jane Holder',
      appleId: 'jane@example.com',
      at,
      timeZone: null,
      language: 'en' as const,
      wrongCodes: 10,
      sources: [
        { clientAddress: '203.0.113.7', userAgent: 'Evil/1.0\r\nBcc: attacker@example.com', attempts: 9, lastAt: at },
        { clientAddress: null, userAgent: null, attempts: 1, lastAt: at },
      ],
    });
    expect(mail.subject).toBe('Wrong verification codes were entered for your Apple ID');
    expect(mail.text).toContain('Dear Jane Holder,');
    expect(mail.text).toContain('10 wrong verification codes in a row had been entered for the Apple ID jane@example.com');
    expect(mail.text).toContain(
      '  - from 203.0.113.7, browser Evil/1.0 Bcc: attacker@example.com: 9 wrong codes, the last on Monday, November 23, 2026',
    );
    expect(mail.text).toContain('  - from an unknown address, browser an unknown browser: 1 wrong code,');
    expect(mail.text.split('\n').some((line) => line.startsWith('Bcc:'))).toBe(false);
  });
});
