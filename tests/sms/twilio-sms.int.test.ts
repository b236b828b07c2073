// The SMS adapter end to end: the real `twilio` SDK, pointed at the Twilio stand-in on a random
// loopback port. Assertions are on what the stand-in received over HTTP and on what the adapter
// returned or threw; nothing in the SDK is mocked.
import { startHttp, freePort, type Handler } from '../harness/net.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTwilioStandin } from '../../dev/standins/twilio.ts';
import { createTwilioSms, SmsError, type TwilioSettings } from '../../src/kinds/sms/twilio-sms.ts';
import { verificationSms } from '../../src/kinds/sms/sms-text.ts';

const SID = `AC${'0f'.repeat(16)}`;
const TOKEN = 'stand-in-auth-token-0123456789';
const FROM = '+15005550006';
const MOBILE = '+15550101234';
const UNAVAILABLE = "We couldn't send a text message right now. Try again later.";
const BAD_NUMBER = "That phone number can't receive text messages. Check the number.";

const standin = createTwilioStandin({ accountSid: SID, authToken: TOKEN });
// What arrived on the wire, as the stand-in saw it (recorded before the stand-in answers).
let requests: Array<{ method: string; path: string; authorization?: string; contentType?: string }> = [];
const recordRequest: Handler = (req) => {
  requests.push({
    method: req.method ?? '',
    path: req.url ?? '',
    authorization: req.headers.authorization,
    contentType: req.headers['content-type'],
  });
  return false;
};
let http: Awaited<ReturnType<typeof startHttp>>;

function sms(overrides: Partial<TwilioSettings> = {}) {
  return createTwilioSms({
    accountSid: SID,
    authToken: TOKEN,
    from: FROM,
    apiBaseUrl: http.url,
    lookupsBaseUrl: http.url,
    timeoutMs: 5_000,
    ...overrides,
  });
}

async function caught(promise: Promise<unknown>): Promise<SmsError> {
  const err = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SmsError);
  return err as SmsError;
}

/** The secret must not leak into anything an error handler might log. */
function expectNoSecret(err: SmsError, secret: string): void {
  for (const text of [err.message, err.userMessage, String(err), err.stack ?? '', JSON.stringify(err)]) {
    expect(text).not.toContain(secret);
  }
  expect(err.cause).toBeUndefined();
}

beforeAll(async () => {
  http = await startHttp([recordRequest, standin.handle]);
});
afterAll(async () => {
  await http.close();
});
beforeEach(() => {
  standin.reset();
  requests = [];
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('send', () => {
  it('delivers To, From and Body to the stand-in with Basic auth, and returns its sid', async () => {
    const body = verificationSms('482913');
    const { sid } = await sms().send(MOBILE, body);

    expect(standin.messages()).toEqual([{ sid, to: MOBILE, from: FROM, body, createdAt: expect.any(String) }]);
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(requests).toEqual([
      {
        method: 'POST',
        path: `/2010-04-01/Accounts/${SID}/Messages.json`,
        authorization: `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`,
        contentType: 'application/x-www-form-urlencoded',
      },
    ]);
  });

  it('sends the verification text: names the service, carries the code, no link', async () => {
    const body = verificationSms('1234');
    expect(body).toBe("Two-Step: your verification code is 1234. Don't share it.");
    expect(body).not.toMatch(/https?:|www\.|\.\w{2,}\//);
    await sms().send(MOBILE, body);
    expect(standin.messages()[0]?.body).toBe(body);
  });

  it('a wrong auth token: SmsError, HTTP 401, an operator message about credentials, nothing sent', async () => {
    const err = await caught(sms({ authToken: 'this-is-not-the-token' }).send(MOBILE, verificationSms('918273')));
    expect(err.httpStatus).toBe(401);
    expect(err.twilioCode).toBe(20003);
    expect(err.message).toMatch(/^SMS service rejected our credentials/);
    expect(err.userMessage).toBe(UNAVAILABLE);
    expectNoSecret(err, '918273');
    expect(standin.messages()).toEqual([]);
  });

  it("an invalid 'To' number: the stand-in's 21211 becomes the can't-receive message", async () => {
    const err = await caught(sms().send('+1555', verificationSms('918273')));
    expect(err.twilioCode).toBe(21211);
    expect(err.httpStatus).toBe(400);
    expect(err.userMessage).toBe(BAD_NUMBER);
    expectNoSecret(err, '918273');
    expect(standin.messages()).toEqual([]);
  });

  it.each([21211, 21614])("a played Twilio error %i becomes the can't-receive message", async (code) => {
    standin.setFault({ mode: 'twilio-error', code, times: 1 });
    const err = await caught(sms().send(MOBILE, verificationSms('918273')));
    expect(err).toMatchObject({ twilioCode: code, httpStatus: 400, userMessage: BAD_NUMBER });
    expectNoSecret(err, '918273');
    expect(standin.messages()).toEqual([]);
    // The fault was for one request only: the next one goes through.
    await sms().send(MOBILE, 'next');
    expect(standin.messages()).toHaveLength(1);
  });

  it('a stand-in 500: SmsError with the try-later message, and no message recorded', async () => {
    standin.setFault({ mode: 'http500' });
    const err = await caught(sms().send(MOBILE, verificationSms('918273')));
    expect(err.httpStatus).toBe(500);
    expect(err.twilioCode).toBeUndefined();
    expect(err.userMessage).toBe(UNAVAILABLE);
    expectNoSecret(err, '918273');
    expect(standin.messages()).toEqual([]);
    expect(requests).toHaveLength(1); // no retry
  });

  it('nothing listening: SmsError with the try-later message', async () => {
    const port = await freePort();
    const err = await caught(sms({ apiBaseUrl: `http://127.0.0.1:${port}` }).send(MOBILE, verificationSms('918273')));
    expect(err.httpStatus).toBeUndefined();
    expect(err.userMessage).toBe(UNAVAILABLE);
    expect(err.message).toMatch(/ECONNREFUSED/);
    expectNoSecret(err, '918273');
  });

  it('no answer within timeoutMs: SmsError with the try-later message', async () => {
    let received = 0;
    const silent = await startHttp([() => (received++, true)]); // takes each request and never answers
    try {
      // A request on the default timeout (10 s) goes first; the one with timeoutMs: 200 must give
      // up while that one still waits. Which ends first, not how long they took: a busy machine
      // cannot turn the order round (the default waits fifty times as long).
      let defaultSettled = false;
      void caught(sms({ apiBaseUrl: silent.url }).send(MOBILE, verificationSms('918273'))).finally(() => (defaultSettled = true));
      while (received < 1) await new Promise((r) => setTimeout(r, 5));
      const err = await caught(sms({ apiBaseUrl: silent.url, timeoutMs: 200 }).send(MOBILE, verificationSms('918273')));
      expect(defaultSettled).toBe(false);
      expect(err.message).toMatch(/ECONNABORTED|ETIMEDOUT|timeout/i);
      expect(err.httpStatus).toBeUndefined();
      expect(err.userMessage).toBe(UNAVAILABLE);
      expectNoSecret(err, '918273');
    } finally {
      await silent.close();
    }
  });

  it('ignores TWILIO_REGION and TWILIO_EDGE, which would rewrite the host name', async () => {
    vi.stubEnv('TWILIO_REGION', 'au1');
    vi.stubEnv('TWILIO_EDGE', 'sydney');
    // By host name: the SDK would make "localhost" into "localhost.sydney.au1.localhost". (An IP
    // address would not show it: the URL parser refuses the rewritten one and keeps the address.)
    const byName = http.url.replace('127.0.0.1', 'localhost');
    const client = sms({ apiBaseUrl: byName, lookupsBaseUrl: byName });
    await client.send(MOBILE, 'hello');
    expect(standin.messages()).toHaveLength(1);
    expect(await client.lineType('+15550201234')).toBe('landline');
  });
});

describe('lineType (Lookup v2)', () => {
  it.each([
    ['+15550201234', 'landline'],
    ['+15550311234', 'nonFixedVoip'],
    ['+15550301234', 'fixedVoip'],
    ['+15550101234', 'mobile'],
    ['+447700900123', 'mobile'],
    ['+442079460000', 'landline'],
    ['+15550991234', 'unknown'],
  ])('%s is %s', async (number, type) => {
    expect(await sms().lineType(number)).toBe(type);
  });

  it('asks Lookup v2 for line_type_intelligence with Basic auth', async () => {
    await sms().lineType(MOBILE);
    expect(requests).toHaveLength(1);
    const url = new URL(requests[0]!.path, 'http://x');
    expect(url.pathname).toBe('/v2/PhoneNumbers/%2B15550101234');
    expect(url.searchParams.get('Fields')).toBe('line_type_intelligence');
    expect(requests[0]!.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
  });

  it("an invalid number: SmsError with the can't-receive message", async () => {
    const err = await caught(sms().lineType('+1555'));
    expect(err.userMessage).toBe(BAD_NUMBER);
    expect(err.message).toMatch(/TOO_SHORT/);
  });

  it('a number with a slash cannot change the path', async () => {
    const err = await caught(sms().lineType('+1555/../../2010-04-01'));
    expect(err.userMessage).toBe(BAD_NUMBER);
    expect(requests.map((r) => new URL(r.path, 'http://x').pathname)).toEqual(['/v2/PhoneNumbers/%2B1555%2F..%2F..%2F2010-04-01']);
  });

  it('a wrong auth token: SmsError with HTTP 401', async () => {
    const err = await caught(sms({ authToken: 'this-is-not-the-token' }).lineType(MOBILE));
    expect(err.httpStatus).toBe(401);
    expect(err.message).toMatch(/^SMS service rejected our credentials/);
    expect(err.userMessage).toBe(UNAVAILABLE);
  });

  it('faults are for sending only: lookups keep working', async () => {
    standin.setFault({ mode: 'http500' });
    expect(await sms().lineType('+15550201234')).toBe('landline');
  });
});
