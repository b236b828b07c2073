// The signal table: every kind of security event has a log line, and the kinds that feed a metric
// move it. Read back from prom-client's registry (what /metrics serves), not from a spy.
import { afterEach, describe, expect, it } from 'vitest';
import { register } from '../../src/observability/metrics.ts';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '../../src/security-events/record.ts';
import { SIGNALS, countLockout, sendSignals } from '../../src/security-events/signals.ts';
import { captureLog, type CapturedLog } from '../harness/log-capture.ts';

let log: CapturedLog;
afterEach(() => log?.restore());

async function value(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = register.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return values
    .filter((v) => Object.entries(labels).every(([k, want]) => String(v.labels[k]) === want))
    .reduce((sum, v) => sum + v.value, 0);
}

/** For each kind that feeds a metric beyond the per-kind count: the details it is recorded with, and the series it moves. */
const MAPPED: Array<[SecurityEventKind, Record<string, string | number>, string, Record<string, string>]> = [
  ['signed-in', {}, 'two_step_sign_ins_total', { result: 'signed-in' }],
  ['sign-in-failed', {}, 'two_step_sign_ins_total', { result: 'wrong-password' }],
  ['recovery-key-failed', {}, 'two_step_sign_ins_total', { result: 'wrong-recovery-key' }],
  ['app-sign-in-failed', {}, 'two_step_sign_ins_total', { result: 'app-refused' }],
  ['codes-paused', { wrongInARow: 6 }, 'two_step_lockouts_total', { scope: 'codes' }],
  ['code-sent', { purpose: 'sign-in', channel: 'sms' }, 'two_step_codes_sent_total', { channel: 'sms' }],
  ['code-sent', { purpose: 'sign-in', channel: 'push' }, 'two_step_codes_sent_total', { channel: 'push' }],
  [
    'code-send-failed',
    { channel: 'sms', error: 'sms', twilioCode: 20003, httpStatus: 401 },
    'two_step_code_send_failures_total',
    { channel: 'sms', twilio_code: '20003' },
  ],
  ['code-send-failed', { channel: 'push', error: 'push' }, 'two_step_code_send_failures_total', { channel: 'push', twilio_code: 'none' }],
  ['code-verified', {}, 'two_step_code_verifications_total', { result: 'verified' }],
  ['code-wrong', { wrongTries: 1 }, 'two_step_code_verifications_total', { result: 'wrong' }],
  ['code-reused', {}, 'two_step_code_verifications_total', { result: 'reused' }],
  ['waiting-period-started', { reason: 'password-reset' }, 'two_step_waiting_periods_started_total', { reason: 'password-reset' }],
  ['support-looked-up', { staffName: 'Sam Staff' }, 'two_step_support_looks_total', { kind: 'looked-up' }],
  ['support-details-viewed', {}, 'two_step_support_looks_total', { kind: 'details-viewed' }],
  ['support-pin-accepted', {}, 'two_step_support_looks_total', { kind: 'pin-accepted' }],
  ['support-pin-failed', {}, 'two_step_support_looks_total', { kind: 'pin-failed' }],
];

describe('security event signals', () => {
  it('every kind has a signal', () => {
    expect(Object.keys(SIGNALS).sort()).toEqual([...SECURITY_EVENT_KINDS].sort());
  });

  it.each(MAPPED)('%s %j moves %s %j by one', async (kind, details, metric, labels) => {
    log = captureLog();
    const before = await value(metric, labels);
    sendSignals({ accountId: 'acc-1', kind, details }, '192.0.2.7');
    expect(await value(metric, labels)).toBe(before + 1);
  });

  it.each(SECURITY_EVENT_KINDS.map((k) => [k]))(
    '%s: one log line with the event, account, address and details, and the per-kind count',
    async (kind) => {
      log = captureLog();
      const before = await value('two_step_security_events_total', { kind });
      sendSignals({ accountId: 'acc-1', kind, details: { purpose: 'sign-in' } }, '192.0.2.7');
      expect(await value('two_step_security_events_total', { kind })).toBe(before + 1);
      expect(log.lines).toHaveLength(1);
      expect(log.lines[0]).toMatchObject({
        event: kind,
        accountId: 'acc-1',
        clientAddress: '192.0.2.7',
        details: { purpose: 'sign-in' },
        level: SIGNALS[kind].level,
        msg: SIGNALS[kind].message,
      });
    },
  );

  it('a failed sign-in and a failed send are warnings; the Twilio code and status are on the line', () => {
    log = captureLog();
    sendSignals(
      { accountId: 'a', kind: 'code-send-failed', details: { channel: 'sms', error: 'sms', twilioCode: 20429, httpStatus: 429 } },
      null,
    );
    expect(log.lines[0]).toMatchObject({ level: 'warn', details: { twilioCode: 20429, httpStatus: 429 } });
  });

  it('a lock of an attempt counter counts as a lockout under its scope, and logs the scope only', async () => {
    log = captureLog();
    for (const [key, scope] of [
      ['sign-in:apple-id:jane@example.com', 'sign-in'],
      ['app:sign-in:browser:xyz', 'app:sign-in'],
      ['recovery-key:acc-1', 'recovery-key'],
      ['staff-sign-in:email:sam@example.com', 'staff-sign-in'],
    ] as const) {
      const before = await value('two_step_lockouts_total', { scope });
      countLockout(key, new Date('2026-11-30T12:00:00Z'));
      expect(await value('two_step_lockouts_total', { scope })).toBe(before + 1);
    }
    expect(log.lines.map((l) => l.scope)).toEqual(['sign-in', 'app:sign-in', 'recovery-key', 'staff-sign-in']);
    expect(log.text()).not.toMatch(/jane@example.com|sam@example.com|xyz|acc-1/);
  });
});
