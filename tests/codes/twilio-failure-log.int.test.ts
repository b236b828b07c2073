// A Twilio failure reaches the operator: the Twilio stand-in (real `twilio` SDK, on loopback) is
// told to fail, and the log line names Twilio's error code and HTTP status (once this was
// {"error":"unknown"}); the failures metric counts it under that code. The code itself, and the
// message body, are in no line.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER } from '../harness/accounts.ts';
import { startStandinSenders, type StandinSenders } from '../harness/standins.ts';
import { captureLog, type CapturedLog } from '../harness/log-capture.ts';
import { fixedClock } from '../../src/clock.ts';
import { register } from '../../src/observability/metrics.ts';
import { sendCode, type CodeDeps } from '../../src/codes/codes.ts';
import { CODE_KEY, TOTP_KEY, PHONE, START, newAccount, resetTables, smsDevice } from './helpers.ts';

async function failures(twilioCode: string): Promise<number> {
  const { values } = await register.getSingleMetric('two_step_code_send_failures_total')!.get();
  return values.find((v) => v.labels.channel === 'sms' && v.labels.twilio_code === twilioCode)?.value ?? 0;
}

describe('a Twilio failure in the log and the metrics', () => {
  let t: TestDb;
  let senders: StandinSenders;
  let log: CapturedLog;
  let deps: CodeDeps;
  let accountId: string;
  let phoneId: string;

  beforeAll(async () => {
    t = await createTestDb();
    senders = await startStandinSenders();
  });
  afterAll(async () => {
    await senders.stop();
    await t.drop();
  });
  beforeEach(async () => {
    await resetTables(t.db);
    await senders.reset();
    const clock = fixedClock(START);
    deps = { db: t.db, clock, codeKey: CODE_KEY, codeDigits: 4, totpKey: TOTP_KEY, sms: senders.sms, push: senders.push };
    accountId = await newAccount(t.db, clock);
    phoneId = await smsDevice(t.db, accountId, PHONE);
    log = captureLog();
  });
  afterEach(() => log.restore());

  const send = () => sendCode(deps, { accountId, trustedDeviceId: phoneId, purpose: 'sign-in' }, BROWSER);

  it('bad credentials (20003, HTTP 401): an error line for the operator and a warn line for the event, with code and status', async () => {
    const before = await failures('20003');
    senders.standins.twilio.setFault({ mode: 'twilio-error', code: 20003, times: 1 });
    expect(await send()).toMatchObject({ ok: false, code: 'SMS_UNAVAILABLE' });

    const operator = log.lines.find((l) => l.event === 'sms-failed');
    expect(operator).toMatchObject({ level: 'error', twilioCode: 20003, httpStatus: 401, fault: 'service' });
    expect(String(operator!.msg)).toContain('TWILIO_AUTH_TOKEN');
    const event = log.lines.find((l) => l.event === 'code-send-failed');
    expect(event).toMatchObject({
      level: 'warn',
      accountId,
      details: { channel: 'sms', error: 'sms', twilioCode: 20003, httpStatus: 401 },
    });
    expect(await failures('20003')).toBe(before + 1);
  });

  it("a number Twilio refuses (21211, HTTP 400): the person's to fix, so only the event line, with code and status", async () => {
    const before = await failures('21211');
    senders.standins.twilio.setFault({ mode: 'twilio-error', code: 21211, times: 1 });
    expect(await send()).toMatchObject({ ok: false, code: 'SMS_NUMBER_REFUSED' });
    expect(log.lines.filter((l) => l.event === 'sms-failed')).toEqual([]);
    expect(log.lines.find((l) => l.event === 'code-send-failed')).toMatchObject({ details: { twilioCode: 21211, httpStatus: 400 } });
    expect(await failures('21211')).toBe(before + 1);
  });

  it('Twilio down (HTTP 500, no error code): the status is logged and counted under "none"; a sent code is logged without the code', async () => {
    const before = await failures('none');
    senders.standins.twilio.setFault({ mode: 'http500', times: 1 });
    expect(await send()).toMatchObject({ ok: false, code: 'SMS_UNAVAILABLE' });
    expect(log.lines.find((l) => l.event === 'sms-failed')).toMatchObject({ httpStatus: 500 });
    expect(await failures('none')).toBe(before + 1);

    expect(await send()).toMatchObject({ ok: true });
    expect(log.lines.find((l) => l.event === 'code-sent')).toMatchObject({
      level: 'info',
      details: { channel: 'sms', purpose: 'sign-in' },
    });
    const code = /code is (\d+)/.exec(senders.sms.sent.at(-1)!.body)![1]!;
    expect(log.text()).not.toContain(`code is ${code}`);
    expect(log.text()).not.toMatch(new RegExp(`"${code}"`));
  });
});
