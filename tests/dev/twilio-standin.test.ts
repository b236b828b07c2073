// The Twilio stand-in over real HTTP on a loopback port, spoken to with plain fetch the way the SDK
// (or curl) would: Basic auth, form-urlencoded bodies, Twilio's JSON answers.
import { startHttp } from '../harness/net.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTwilioStandin, DEFAULT_LINE_TYPES } from '../../dev/standins/twilio.ts';

const SID = `AC${'a1'.repeat(16)}`;
const TOKEN = 'stand-in-auth-token-0123456789';
const FROM = '+15005550006';
const MOBILE = '+15550101234';

const standin = createTwilioStandin({ accountSid: SID, authToken: TOKEN });
let http: Awaited<ReturnType<typeof startHttp>>;

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function sendSms(fields: Record<string, string>, opts: { auth?: string | null; accountSid?: string } = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const auth = opts.auth === undefined ? basic(SID, TOKEN) : opts.auth;
  if (auth) headers.Authorization = auth;
  return fetch(`${http.url}/2010-04-01/Accounts/${opts.accountSid ?? SID}/Messages.json`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(fields),
  });
}

function lookup(number: string, auth = basic(SID, TOKEN)) {
  return fetch(`${http.url}/v2/PhoneNumbers/${encodeURIComponent(number)}?Fields=line_type_intelligence`, {
    headers: { Authorization: auth },
  });
}

async function listed(): Promise<Array<{ sid: string; to: string; from: string; body: string; createdAt: string }>> {
  const res = await fetch(`${http.url}/_standin/sms`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: [] }).messages;
}

function setFault(fault: Record<string, unknown>) {
  return fetch(`${http.url}/_standin/sms/fault`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
}

beforeAll(async () => {
  http = await startHttp([standin.handle]);
});
afterAll(async () => {
  await http.close();
});
beforeEach(() => standin.reset());

describe('Messages.json: authentication', () => {
  const authenticateError = {
    code: 20003,
    message: 'Authenticate',
    more_info: 'https://www.twilio.com/docs/errors/20003',
    status: 401,
  };

  it.each([
    ['a wrong auth token', basic(SID, 'not-the-token-at-all')],
    ['a wrong account SID', basic(`AC${'b2'.repeat(16)}`, TOKEN)],
    ['no Authorization header', null],
    ['a non-Basic Authorization header', 'Bearer abc'],
  ])('answers 401 with Twilio error 20003 for %s, and records nothing', async (_label, auth) => {
    const res = await sendSms({ To: MOBILE, From: FROM, Body: 'hello' }, { auth });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(await res.json()).toEqual(authenticateError);
    expect(standin.messages()).toEqual([]);
  });

  it('answers 401 when the path names another account than the credentials', async () => {
    const res = await sendSms({ To: MOBILE, From: FROM, Body: 'hello' }, { accountSid: `AC${'c3'.repeat(16)}` });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: number }).code).toBe(20003);
    expect(standin.messages()).toEqual([]);
  });
});

describe('Messages.json: validation', () => {
  it.each(['5550101234', '+0155501012', '+1555', '+1555010123456789', '+1 555 010 1234', 'hello'])(
    "answers 400 / 21211 for the 'To' number %j",
    async (to) => {
      const res = await sendSms({ To: to, From: FROM, Body: 'hello' });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        code: 21211,
        message: `The 'To' number ${to} is not a valid phone number.`,
        more_info: 'https://www.twilio.com/docs/errors/21211',
        status: 400,
      });
      expect(standin.messages()).toEqual([]);
    },
  );

  it('answers 400 / 21602 without a Body', async () => {
    const res = await sendSms({ To: MOBILE, From: FROM });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 21602, status: 400, message: 'Message body is required.' });
  });

  it('answers 400 / 21603 without From or MessagingServiceSid', async () => {
    const res = await sendSms({ To: MOBILE, Body: 'hello' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 21603, status: 400 });
    expect(standin.messages()).toEqual([]);
  });

  it('answers 405 / 20004 to a GET', async () => {
    const res = await fetch(`${http.url}/2010-04-01/Accounts/${SID}/Messages.json`, { headers: { Authorization: basic(SID, TOKEN) } });
    expect(res.status).toBe(405);
    expect(((await res.json()) as { code: number }).code).toBe(20004);
  });
});

describe('Messages.json: success', () => {
  it('answers 201 with a Message resource shaped like Twilio’s', async () => {
    const before = Date.now();
    const res = await sendSms({ To: MOBILE, From: FROM, Body: 'Two-Step: your verification code is 123456.' });
    const after = Date.now();
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const m = (await res.json()) as Record<string, unknown>;
    expect(m).toMatchObject({
      account_sid: SID,
      to: MOBILE,
      from: FROM,
      body: 'Two-Step: your verification code is 123456.',
      status: 'queued',
      num_segments: '1',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      price: null,
      error_code: null,
      error_message: null,
      messaging_service_sid: null,
    });
    expect(m.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(m.uri).toBe(`/2010-04-01/Accounts/${SID}/Messages/${m.sid}.json`);
    // RFC 2822 with a numeric zone, e.g. "Thu, 24 Aug 2023 05:01:45 +0000".
    const rfc2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/;
    expect(m.date_created).toMatch(rfc2822);
    expect(m.date_updated).toMatch(rfc2822);
    // Dated while it was sent (RFC 2822 keeps whole seconds), however long that took.
    expect(Date.parse(m.date_created as string)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(m.date_created as string)).toBeLessThanOrEqual(after);
  });

  it('counts segments: 160 GSM characters are one, 161 are two, 71 non-GSM are two', async () => {
    const segs = async (body: string) =>
      ((await (await sendSms({ To: MOBILE, From: FROM, Body: body })).json()) as { num_segments: string }).num_segments;
    expect(await segs('a'.repeat(160))).toBe('1');
    expect(await segs('a'.repeat(161))).toBe('2');
    expect(await segs('é'.repeat(71))).toBe('2');
  });

  it('accepts a MessagingServiceSid instead of From', async () => {
    const service = `MG${'d4'.repeat(16)}`;
    const res = await sendSms({ To: MOBILE, MessagingServiceSid: service, Body: 'hi' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ from: null, messaging_service_sid: service, status: 'accepted' });
    expect(standin.messages()[0]).toMatchObject({ to: MOBILE, from: service, body: 'hi' });
  });
});

describe('dev endpoints: listing and clearing', () => {
  it('lists what was sent, newest first, and clears it on DELETE', async () => {
    const first = (await (await sendSms({ To: MOBILE, From: FROM, Body: 'first' })).json()) as { sid: string };
    const second = (await (await sendSms({ To: '+447700900123', From: FROM, Body: 'second' })).json()) as { sid: string };

    const messages = await listed();
    expect(messages.map((m) => [m.sid, m.to, m.from, m.body])).toEqual([
      [second.sid, '+447700900123', FROM, 'second'],
      [first.sid, MOBILE, FROM, 'first'],
    ]);
    expect(new Date(messages[0]!.createdAt).toISOString()).toBe(messages[0]!.createdAt);
    expect(standin.messages()).toEqual(messages);

    const del = await fetch(`${http.url}/_standin/sms`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(await listed()).toEqual([]);
    expect(standin.messages()).toEqual([]);
  });

  it('leaves paths that are not its own to the next handler', async () => {
    const res = await fetch(`${http.url}/_standin/push`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('not found');
  });
});

describe('dev endpoints: faults (sending only)', () => {
  it('http500 answers 500 with a plain body for the next `times` sends, then sends again', async () => {
    expect((await setFault({ mode: 'http500', times: 2 })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await sendSms({ To: MOBILE, From: FROM, Body: 'x' });
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toMatch(/Internal Server Error/);
    }
    expect(await listed()).toEqual([]);
    expect((await sendSms({ To: MOBILE, From: FROM, Body: 'x' })).status).toBe(201);
    expect(await listed()).toHaveLength(1);
  });

  it('twilio-error answers 400 with the Twilio error JSON of that code until cleared', async () => {
    await setFault({ mode: 'twilio-error', code: 21614 });
    for (let i = 0; i < 3; i++) {
      const res = await sendSms({ To: MOBILE, From: FROM, Body: 'x' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 21614, status: 400, more_info: 'https://www.twilio.com/docs/errors/21614' });
    }
    expect((await setFault({ mode: 'none' })).status).toBe(200);
    expect((await sendSms({ To: MOBILE, From: FROM, Body: 'x' })).status).toBe(201);
  });

  it('twilio-error without a code plays 21211 for the To number sent', async () => {
    await setFault({ mode: 'twilio-error', times: 1 });
    const res = await sendSms({ To: MOBILE, From: FROM, Body: 'x' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 21211, message: `The 'To' number ${MOBILE} is not a valid phone number.` });
  });

  it('does not fail lookups, and still answers 401 before playing a fault', async () => {
    standin.setFault({ mode: 'http500', times: 1 });
    expect((await lookup(MOBILE)).status).toBe(200);
    expect((await sendSms({ To: MOBILE, From: FROM, Body: 'x' }, { auth: basic(SID, 'wrong-token-wrong-token') })).status).toBe(401);
    // The fault was not used up by the lookup or the rejected request.
    expect((await sendSms({ To: MOBILE, From: FROM, Body: 'x' })).status).toBe(500);
    expect((await sendSms({ To: MOBILE, From: FROM, Body: 'x' })).status).toBe(201);
  });

  it('rejects a fault it does not understand', async () => {
    const res = await setFault({ mode: 'explode' });
    expect(res.status).toBe(400);
    expect((await sendSms({ To: MOBILE, From: FROM, Body: 'x' })).status).toBe(201);
  });
});

describe('Lookup v2', () => {
  async function lineType(number: string): Promise<{ type: string; carrier_name: string }> {
    const res = await lookup(number);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { valid: boolean; line_type_intelligence: { type: string; carrier_name: string } };
    expect(body.valid).toBe(true);
    return body.line_type_intelligence;
  }

  it.each([
    ['+15550101234', 'mobile'],
    ['+15550201234', 'landline'],
    ['+15550301234', 'fixedVoip'],
    ['+15550311234', 'nonFixedVoip'],
    ['+15550991234', 'unknown'],
    ['+18005550100', 'tollFree'],
    ['+447700900123', 'mobile'],
    ['+442079460000', 'landline'],
    ['+442071234567', 'landline'],
    ['+441632960000', 'mobile'], // no range: the default
    ['+9779801234567', 'mobile'], // no range: the default
  ])('%s is %s', async (number, type) => {
    expect((await lineType(number)).type).toBe(type);
  });

  it('names the carrier from the ranges file', async () => {
    expect((await lineType('+15550201234')).carrier_name).toBe('Stand-in Landline Co');
  });

  it('answers the whole Lookup v2 shape', async () => {
    const res = await lookup('+15550201234');
    expect(await res.json()).toEqual({
      calling_country_code: '1',
      country_code: 'US',
      phone_number: '+15550201234',
      national_format: '(555) 020-1234',
      valid: true,
      validation_errors: [],
      caller_name: null,
      sim_swap: null,
      call_forwarding: null,
      line_status: null,
      line_type_intelligence: {
        carrier_name: 'Stand-in Landline Co',
        error_code: null,
        mobile_country_code: null,
        mobile_network_code: null,
        type: 'landline',
      },
      identity_match: null,
      reassigned_number: null,
      sms_pumping_risk: null,
      phone_number_quality_score: null,
      pre_fill: null,
      url: 'https://lookups.twilio.com/v2/PhoneNumbers/%2B15550201234',
    });
  });

  it('gives the country of UK and Nepal numbers', async () => {
    expect(await (await lookup('+447700900123')).json()).toMatchObject({ calling_country_code: '44', country_code: 'GB' });
    expect(await (await lookup('+9779801234567')).json()).toMatchObject({ calling_country_code: '977', country_code: 'NP' });
  });

  it('leaves line_type_intelligence null when the field is not asked for', async () => {
    const res = await fetch(`${http.url}/v2/PhoneNumbers/%2B15550201234`, { headers: { Authorization: basic(SID, TOKEN) } });
    expect(await res.json()).toMatchObject({ valid: true, line_type_intelligence: null });
  });

  it.each([
    ['+1555', 'TOO_SHORT'],
    ['+1555010123456789', 'TOO_LONG'],
    ['hello', 'NOT_A_NUMBER'],
  ])('answers 200 with valid false for %j (%s)', async (number, why) => {
    const res = await lookup(number);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      phone_number: number,
      valid: false,
      validation_errors: [why],
      line_type_intelligence: null,
      country_code: null,
    });
  });

  it('answers 401 / 20003 to wrong credentials', async () => {
    const res = await lookup(MOBILE, basic(SID, 'wrong-token-wrong-token'));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 20003, message: 'Authenticate', status: 401 });
  });

  it('uses the longest matching prefix of custom ranges', async () => {
    const custom = createTwilioStandin({
      accountSid: SID,
      authToken: TOKEN,
      lineTypes: [
        { prefix: '+1', type: 'landline', carrier: 'Short' },
        { prefix: '+1555', type: 'pager', carrier: 'Longer' },
        { prefix: '+15551', type: 'voicemail', carrier: 'Longest' },
      ],
    });
    const own = await startHttp([custom.handle]);
    try {
      const get = async (n: string) =>
        (
          (await (
            await fetch(`${own.url}/v2/PhoneNumbers/${encodeURIComponent(n)}?Fields=line_type_intelligence`, {
              headers: { Authorization: basic(SID, TOKEN) },
            })
          ).json()) as { line_type_intelligence: { type: string } }
        ).line_type_intelligence.type;
      expect(await get('+15551000000')).toBe('voicemail');
      expect(await get('+15552000000')).toBe('pager');
      expect(await get('+12125550000')).toBe('landline');
      expect(await get('+447700900123')).toBe('mobile');
    } finally {
      await own.close();
    }
  });

  it('ships the documented ranges', () => {
    expect(DEFAULT_LINE_TYPES.map((r) => [r.prefix, r.type])).toEqual(
      expect.arrayContaining([
        ['+1555010', 'mobile'],
        ['+1555020', 'landline'],
        ['+1555030', 'fixedVoip'],
        ['+1555031', 'nonFixedVoip'],
        ['+44207', 'landline'],
        ['+447', 'mobile'],
      ]),
    );
  });
});
