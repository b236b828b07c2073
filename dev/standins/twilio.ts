// The Twilio stand-in: speaks the two Twilio REST endpoints the app uses (send an SMS, look up a
// number's line type) exactly as Twilio does, so development and the tests run the real `twilio`
// SDK against it and nothing leaves the machine. It keeps what it received in memory for the dev
// SMS inbox, and can be told to fail, so the app's handling of Twilio outages can be exercised.
//
//   POST /2010-04-01/Accounts/{AccountSid}/Messages.json   send an SMS (Basic auth)
//   GET  /v2/PhoneNumbers/{E164}?Fields=line_type_intelligence   Lookup v2 (Basic auth)
//   GET|DELETE /_standin/sms        list (newest first) | clear the received messages
//   POST /_standin/sms/fault        {"mode":"none"|"http500"|"twilio-error","code"?,"times"?}
//
// Line types come from line-types.json: the longest matching prefix wins; other numbers are mobile.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { readBody, sendJson, type StandinHandler } from './http.ts';
import defaultLineTypes from './line-types.json';
import { LINE_TYPES, type LineType } from '../../src/kinds/sms/line-types.ts';

export type TwilioLineType = LineType;

const lineTypeRangeSchema = z.object({
  prefix: z.string().regex(/^\+[1-9]\d*$/, 'prefix must be "+" and digits'),
  type: z.enum(LINE_TYPES),
  carrier: z.string().min(1),
  mcc: z.string().optional(),
  mnc: z.string().optional(),
});
export type LineTypeRange = z.infer<typeof lineTypeRangeSchema>;

/** The ranges shipped in line-types.json, checked once so a typo in the file fails loudly. */
export const DEFAULT_LINE_TYPES: LineTypeRange[] = z.array(lineTypeRangeSchema).parse(defaultLineTypes);

export interface SmsRecord {
  sid: string;
  to: string;
  /** The From number, or the MessagingServiceSid when the message was sent through a service. */
  from: string;
  body: string;
  /** ISO 8601. */
  createdAt: string;
}

/** A failure to play for the next `times` sends (all of them when `times` is absent). */
export interface Fault {
  mode: 'http500' | 'twilio-error';
  /** Twilio error code for 'twilio-error'; 21211 when absent. */
  code?: number;
  times?: number;
}

const faultSchema = z.object({
  mode: z.enum(['none', 'http500', 'twilio-error']),
  code: z.number().int().min(10000).max(99999).optional(),
  times: z.number().int().positive().optional(),
});

const E164 = /^\+[1-9]\d{6,14}$/;
const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const LOOKUP_PATH = /^\/v2\/PhoneNumbers\/([^/]+)$/;

// The HTTP status and message Twilio answers with for the error codes we play. Other codes get 400
// and a generic message, which is enough for the app: it only looks at the code and status.
const TWILIO_ERRORS: Record<number, { status: number; message: (to: string) => string }> = {
  20003: { status: 401, message: () => 'Authenticate' },
  20004: { status: 405, message: () => 'Method not allowed' },
  20429: { status: 429, message: () => 'Too Many Requests' },
  21211: { status: 400, message: (to) => `The 'To' number ${to} is not a valid phone number.` },
  21408: {
    status: 400,
    message: (to) => `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${to}.`,
  },
  21602: { status: 400, message: () => 'Message body is required.' },
  21603: { status: 400, message: () => "A 'From' or 'MessagingServiceSid' parameter is required to send a message." },
  21604: { status: 400, message: () => "A 'To' phone number is required." },
  21610: { status: 400, message: () => 'Attempt to send to unsubscribed recipient' },
  21614: { status: 400, message: (to) => `'To' number ${to} is not a valid mobile number` },
  21617: { status: 400, message: () => 'The concatenated message body exceeds the 1600 character limit.' },
};

function twilioError(res: ServerResponse, code: number, to = ''): void {
  const known = TWILIO_ERRORS[code];
  const status = known?.status ?? 400;
  if (status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="Twilio API"');
  sendJson(res, status, {
    code,
    message: known ? known.message(to) : `Twilio error ${code}`,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  });
}

// Calling code → ISO country, for Lookup's country_code. Not every country: a number with a code
// missing here is still answered as valid, with country_code null. +1 is answered as US (the
// stand-in does not tell the NANP countries apart).
const CALLING_CODES: Record<string, string> = {
  '1': 'US',
  '7': 'RU',
  '20': 'EG',
  '27': 'ZA',
  '30': 'GR',
  '31': 'NL',
  '32': 'BE',
  '33': 'FR',
  '34': 'ES',
  '36': 'HU',
  '39': 'IT',
  '40': 'RO',
  '41': 'CH',
  '43': 'AT',
  '44': 'GB',
  '45': 'DK',
  '46': 'SE',
  '47': 'NO',
  '48': 'PL',
  '49': 'DE',
  '52': 'MX',
  '54': 'AR',
  '55': 'BR',
  '56': 'CL',
  '57': 'CO',
  '60': 'MY',
  '61': 'AU',
  '62': 'ID',
  '63': 'PH',
  '64': 'NZ',
  '65': 'SG',
  '66': 'TH',
  '81': 'JP',
  '82': 'KR',
  '84': 'VN',
  '86': 'CN',
  '90': 'TR',
  '91': 'IN',
  '92': 'PK',
  '234': 'NG',
  '351': 'PT',
  '352': 'LU',
  '353': 'IE',
  '354': 'IS',
  '358': 'FI',
  '420': 'CZ',
  '852': 'HK',
  '853': 'MO',
  '880': 'BD',
  '886': 'TW',
  '971': 'AE',
  '972': 'IL',
  '977': 'NP',
};

function callingCode(e164: string): string | undefined {
  for (const len of [3, 2, 1]) {
    const code = e164.slice(1, 1 + len);
    if (CALLING_CODES[code]) return code;
  }
  return undefined;
}

/** Twilio's dates are RFC 2822 with a numeric zone: "Thu, 24 Aug 2023 05:01:45 +0000". */
function rfc2822(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

// GSM-7 fits 160 characters in one segment (153 each when split), anything else is UCS-2 (70/67).
// Printable ASCII stands in for the GSM-7 alphabet: close enough, the count is only informational.
function segments(body: string): number {
  const gsm = /^[\x20-\x7E\r\n]*$/.test(body);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const length = [...body].length;
  return length <= single ? 1 : Math.ceil(length / multi);
}

/** The Basic auth user name when user and password are right, else undefined. */
function authenticatedUser(req: IncomingMessage, accountSid: string, authToken: string): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const [user, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  return user === accountSid && password === authToken ? user : undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function createTwilioStandin(opts: { accountSid: string; authToken: string; lineTypes?: LineTypeRange[] }) {
  const { accountSid, authToken } = opts;
  // Longest prefix first, so the first match is the longest one.
  const ranges = [...(opts.lineTypes ?? DEFAULT_LINE_TYPES)].sort((a, b) => b.prefix.length - a.prefix.length);
  let received: SmsRecord[] = [];
  let fault: { mode: Fault['mode']; code: number; remaining: number } | null = null;

  function setFault(f: Fault | null): void {
    fault = f ? { mode: f.mode, code: f.code ?? 21211, remaining: f.times ?? Infinity } : null;
  }

  async function sendMessage(req: IncomingMessage, res: ServerResponse, pathAccountSid: string): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    // Twilio answers 20003 both for bad credentials and for another account's resources.
    if (!authenticatedUser(req, accountSid, authToken) || pathAccountSid !== accountSid) return twilioError(res, 20003);

    const to = form.get('To') ?? '';
    if (fault) {
      const { mode, code } = fault;
      if (--fault.remaining <= 0) fault = null;
      if (mode === 'http500') {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('Internal Server Error (stand-in fault)');
        return;
      }
      return twilioError(res, code, to);
    }

    const from = form.get('From') || null;
    const serviceSid = form.get('MessagingServiceSid') || null;
    const body = form.get('Body') ?? '';
    if (!to) return twilioError(res, 21604);
    if (!from && !serviceSid) return twilioError(res, 21603);
    if (!body) return twilioError(res, 21602);
    if (body.length > 1600) return twilioError(res, 21617);
    if (!E164.test(to)) return twilioError(res, 21211, to);

    const sid = `SM${randomBytes(16).toString('hex')}`;
    const now = new Date();
    received.unshift({ sid, to, from: from ?? serviceSid!, body, createdAt: now.toISOString() });
    const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}`;
    sendJson(res, 201, {
      account_sid: accountSid,
      api_version: '2010-04-01',
      body,
      date_created: rfc2822(now),
      date_sent: null,
      date_updated: rfc2822(now),
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from,
      messaging_service_sid: serviceSid,
      num_media: '0',
      num_segments: String(segments(body)),
      price: null,
      price_unit: 'USD',
      sid,
      // Twilio answers "accepted" when a Messaging Service picks the sender later.
      status: from ? 'queued' : 'accepted',
      subresource_uris: { media: `${uri}/Media.json` },
      to,
      uri: `${uri}.json`,
    });
  }

  function lookup(req: IncomingMessage, res: ServerResponse, url: URL, number: string): void {
    if (!authenticatedUser(req, accountSid, authToken)) return twilioError(res, 20003);
    const fields = (url.searchParams.get('Fields') ?? '').split(',').map((f) => f.trim());
    const base = {
      calling_country_code: null as string | null,
      country_code: null as string | null,
      phone_number: number,
      national_format: null as string | null,
      valid: false,
      validation_errors: [] as string[],
      caller_name: null,
      sim_swap: null,
      call_forwarding: null,
      line_status: null,
      line_type_intelligence: null as Record<string, unknown> | null,
      identity_match: null,
      reassigned_number: null,
      sms_pumping_risk: null,
      phone_number_quality_score: null,
      pre_fill: null,
      url: `https://lookups.twilio.com/v2/PhoneNumbers/${encodeURIComponent(number)}`,
    };

    // Twilio answers 200 for invalid numbers too: valid false, why in validation_errors, no data.
    if (!E164.test(number)) {
      const digits = number.replace(/^\+/, '');
      const why = !/^\d+$/.test(digits)
        ? 'NOT_A_NUMBER'
        : digits.length < 7
          ? 'TOO_SHORT'
          : digits.length > 15
            ? 'TOO_LONG'
            : 'INVALID_COUNTRY_CODE';
      return sendJson(res, 200, { ...base, validation_errors: [why] });
    }

    const code = callingCode(number);
    const national = code ? number.slice(1 + code.length) : number.slice(1);
    const nanp = code === '1' && national.length === 10;
    const range = ranges.find((r) => number.startsWith(r.prefix));
    sendJson(res, 200, {
      ...base,
      calling_country_code: code ?? null,
      country_code: code ? CALLING_CODES[code] : null,
      national_format: nanp ? `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}` : national,
      valid: true,
      line_type_intelligence: fields.includes('line_type_intelligence')
        ? {
            carrier_name: range?.carrier ?? 'Stand-in Mobile',
            error_code: null,
            mobile_country_code: range?.mcc ?? null,
            mobile_network_code: range?.mnc ?? null,
            type: range?.type ?? 'mobile',
          }
        : null,
    });
  }

  async function dev(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/_standin/sms' && req.method === 'GET') return sendJson(res, 200, { messages: received });
    if (path === '/_standin/sms' && req.method === 'DELETE') {
      received = [];
      res.writeHead(204).end();
      return;
    }
    if (path === '/_standin/sms/fault' && req.method === 'POST') {
      let parsed;
      try {
        parsed = faultSchema.safeParse(JSON.parse((await readBody(req)) || '{}'));
      } catch {
        return sendJson(res, 400, { error: 'body must be JSON' });
      }
      if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues[0]?.message });
      const { mode, code, times } = parsed.data;
      setFault(mode === 'none' ? null : { mode, code, times });
      return sendJson(res, 200, { fault: fault && { mode: fault.mode, code: fault.code, times: fault.remaining } });
    }
    sendJson(res, 405, { error: 'method not allowed' });
  }

  const handle: StandinHandler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    const path = url.pathname;
    const messagesMatch = MESSAGES_PATH.exec(path);
    const lookupMatch = LOOKUP_PATH.exec(path);
    if (!messagesMatch && !lookupMatch && path !== '/_standin/sms' && path !== '/_standin/sms/fault') return false;
    try {
      if (messagesMatch) {
        if (req.method === 'POST') await sendMessage(req, res, decodeSegment(messagesMatch[1]!));
        else twilioError(res, 20004);
      } else if (lookupMatch) {
        if (req.method === 'GET') lookup(req, res, url, decodeSegment(lookupMatch[1]!));
        else twilioError(res, 20004);
      } else {
        await dev(req, res, path);
      }
    } catch {
      // Only readBody throws here: it refuses bodies over 64 KiB.
      if (!res.headersSent) sendJson(res, 413, { error: 'request body too large' });
    }
    return true;
  };

  return {
    handle,
    /** Newest first. */
    messages: (): SmsRecord[] => received.slice(),
    /** Forgets the received messages and any fault. */
    reset(): void {
      received = [];
      fault = null;
    },
    setFault,
  };
}

export type TwilioStandin = ReturnType<typeof createTwilioStandin>;
