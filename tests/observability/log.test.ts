// The log's redaction (every secret key, at every depth, whoever logs it) and the request id that
// every line logged inside a request carries.
import { afterEach, describe, expect, it } from 'vitest';
import { CENSOR, REDACT_DEPTH, SECRET_KEYS, logContext, runWithLogContext } from '../../src/observability/log.ts';
import { captureLog, type CapturedLog } from '../harness/log-capture.ts';

let log: CapturedLog;
afterEach(() => log?.restore());

/** `{ [key]: value }` nested `depth` levels down: depth 2 is { a: { a: { key: value } } }. */
function nested(key: string, value: string, depth: number): Record<string, unknown> {
  let obj: Record<string, unknown> = { [key]: value };
  for (let d = 0; d < depth; d++) obj = { a: obj };
  return obj;
}

describe('redaction', () => {
  it.each(SECRET_KEYS.map((k) => [k]))('"%s" is redacted at every depth from 0 to REDACT_DEPTH, in objects and arrays', (key) => {
    log = captureLog();
    for (let depth = 0; depth <= REDACT_DEPTH; depth++) {
      const secret = `s3cret-${key}-${depth}`;
      log.logger.info(nested(key, secret, depth), 'line');
      // In a list: the list and the index are two of the levels.
      if (depth >= 2) log.logger.info({ list: [nested(key, `${secret}-in-a-list`, depth - 2)] }, 'line');
    }
    expect(log.text()).not.toContain('s3cret');
    expect(log.text()).toContain(CENSOR);
    // The line is still there, with its other fields.
    expect(log.lines.every((l) => l.msg === 'line' && l.level === 'info')).toBe(true);
  });

  it('keeps what is not a secret: the event, the Twilio error code and status, the route', () => {
    log = captureLog();
    log.logger.warn(
      { event: 'code-send-failed', details: { twilioCode: 21211, httpStatus: 400, channel: 'sms' }, route: '/sign-in' },
      'code send failed',
    );
    expect(log.lines[0]).toMatchObject({
      event: 'code-send-failed',
      details: { twilioCode: 21211, httpStatus: 400, channel: 'sms' },
      route: '/sign-in',
      level: 'warn',
    });
  });

  it('redacts HTTP headers that carry a session: cookie, set-cookie, authorization', () => {
    log = captureLog();
    log.logger.info(
      {
        req: { headers: { cookie: 'two-step-session=abc', authorization: 'Basic dXNlcjpwYXNz' } },
        res: { headers: { 'set-cookie': 'two-step-session=def' } },
      },
      'headers',
    );
    expect(log.text()).not.toMatch(/abc|dXNlcjpwYXNz|def/);
  });
});

describe('the request id', () => {
  it('is on every line logged inside a request, and on none outside', async () => {
    log = captureLog();
    log.logger.info('before');
    await runWithLogContext({ requestId: 'req-1' }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      log.logger.info('inside, after an await');
      expect(logContext()).toEqual({ requestId: 'req-1' });
    });
    log.logger.info('after');
    expect(log.lines.map((l) => [l.msg, l.reqId])).toEqual([
      ['before', undefined],
      ['inside, after an await', 'req-1'],
      ['after', undefined],
    ]);
  });
});
