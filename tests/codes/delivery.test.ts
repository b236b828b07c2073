// Our error types keep their meaning across copies of their module. Next.js bundles a module into
// each server chunk that imports it, while the runtime (and the SMS and push adapters in it) is
// made once and cached on globalThis: an SmsError made by one copy is not `instanceof` another
// copy's class. A second copy is made here with vi.resetModules, as a second chunk would be.
import { describe, expect, it, vi } from 'vitest';
import { deliveryFailure } from '../../src/codes/delivery.ts';
import { isSmsError, SmsError, SMS_BAD_NUMBER, SMS_UNAVAILABLE } from '../../src/kinds/sms/twilio-sms.ts';
import { isPushError, PushError } from '../../src/kinds/push/push-sender.ts';

async function otherCopies() {
  vi.resetModules();
  const sms = await import('../../src/kinds/sms/twilio-sms.ts');
  const push = await import('../../src/kinds/push/push-sender.ts');
  return { OtherSmsError: sms.SmsError, OtherPushError: push.PushError };
}

describe('errors from another copy of their module', () => {
  it('are not instanceof this copy (what broke every Twilio failure), but isSmsError / isPushError know them', async () => {
    const { OtherSmsError, OtherPushError } = await otherCopies();
    expect(OtherSmsError).not.toBe(SmsError);
    const sms = new OtherSmsError(SMS_BAD_NUMBER, 21614, 400, 'Twilio refused the phone number (HTTP 400, Twilio error 21614).');
    const push = new OtherPushError("We couldn't reach the device right now. Try again later.");
    expect(sms).not.toBeInstanceOf(SmsError);
    expect(push).not.toBeInstanceOf(PushError);
    expect(isSmsError(sms)).toBe(true);
    expect(isPushError(push)).toBe(true);
  });

  it("21614 (not a mobile number) keeps the can't-receive message and its code for the security log", async () => {
    const { OtherSmsError } = await otherCopies();
    const log = { error: vi.fn() };
    const f = deliveryFailure(
      new OtherSmsError(SMS_BAD_NUMBER, 21614, 400, 'Twilio refused the phone number (HTTP 400, Twilio error 21614).'),
      log,
    );
    expect(f).toEqual({
      refusal: { ok: false, code: 'SMS_NUMBER_REFUSED', error: SMS_BAD_NUMBER },
      details: { error: 'sms', twilioCode: 21614, httpStatus: 400 },
    });
    expect(log.error).not.toHaveBeenCalled(); // the person's number, not the operator's problem
  });

  it('20003 (bad credentials) is logged for the operator, naming the settings and no secret', async () => {
    const { OtherSmsError } = await otherCopies();
    const log = { error: vi.fn() };
    const operator = 'SMS service rejected our credentials (HTTP 401, Twilio error 20003): check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.';
    const f = deliveryFailure(new OtherSmsError(SMS_UNAVAILABLE, 20003, 401, operator), log);
    expect(f).toEqual({
      refusal: { ok: false, code: 'SMS_UNAVAILABLE', error: SMS_UNAVAILABLE },
      details: { error: 'sms', twilioCode: 20003, httpStatus: 401 },
    });
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0][0]).toMatchObject({ twilioCode: 20003, httpStatus: 401 });
    expect(log.error.mock.calls[0][1]).toContain('Twilio error 20003');
    expect(log.error.mock.calls[0][1]).toContain('TWILIO_AUTH_TOKEN');
  });

  it('a push error from another copy keeps its message', async () => {
    const { OtherPushError } = await otherCopies();
    expect(deliveryFailure(new OtherPushError('The device is off.'), { error: vi.fn() })).toEqual({
      refusal: { ok: false, code: 'PUSH_FAILED', error: 'The device is off.' },
      details: { error: 'push' },
    });
  });
});

describe('isSmsError', () => {
  it('knows SmsError by its fault: number for 21614-like refusals, service for the rest', () => {
    expect(new SmsError(SMS_BAD_NUMBER, 21614, 400).fault).toBe('number');
    expect(new SmsError(SMS_UNAVAILABLE, 20003, 401).fault).toBe('service');
  });

  it('refuses look-alikes that lack the fields, and foreign errors (whose message might quote the code)', () => {
    for (const x of [
      null,
      undefined,
      'sms-error',
      42,
      new Error('x'),
      { kind: 'sms-error' },
      { kind: 'sms-error', userMessage: 'hi', message: 'x' },
      { kind: 'other', userMessage: 'hi', message: 'x', fault: 'service' },
    ]) {
      expect(isSmsError(x)).toBe(false);
    }
    const log = { error: vi.fn() };
    expect(deliveryFailure(new Error('Two-Step: your verification code is 0421.'), log)).toMatchObject({
      refusal: { ok: false, code: 'SEND_FAILED' },
      details: { error: 'unknown' },
    });
    expect(JSON.stringify(log.error.mock.calls[0])).not.toContain('0421');
  });
});
