// The SMS adapter: sends text messages and looks up line types through the real `twilio` SDK. The
// only code that knows about Twilio; the rest of the app sees SmsSender, LineTypeLookup and
// SmsError. In development and in the tests the SDK talks to the local Twilio stand-in
// (dev/standins/twilio.ts) because apiBaseUrl / lookupsBaseUrl point it there.
//
// The message body carries a verification code, so it never goes into an error, a log or a cause.
import twilio from 'twilio';
import { isLineType, type LineType } from './line-types.ts';
import { sentenceOf } from '../../result.ts';
import { SMS_CODE_ERRORS } from './errors.ts';

export type { LineType } from './line-types.ts';

export interface SmsSender {
  send(to: string, body: string): Promise<{ sid: string }>;
}

export interface LineTypeLookup {
  lineType(e164: string): Promise<LineType>;
}

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** E.164 sender number. */
  from: string;
  /** Replaces https://api.twilio.com (Messages); only for the local stand-in. */
  apiBaseUrl?: string;
  /** Replaces https://lookups.twilio.com (Lookup v2); only for the local stand-in. */
  lookupsBaseUrl?: string;
  /** Per request; 10 seconds when absent. */
  timeoutMs?: number;
}

/**
 * A failure to send or look up. `userMessage` is safe to show to the person; `message` is for the
 * operator's logs (never contains the message body, the auth token or the account SID).
 *
 * Recognise one with `isSmsError`, never `instanceof`: the runtime (and the SMS adapter in it) is
 * built once per process and cached on globalThis, while Next.js bundles this module into several
 * server chunks, each with its own copy of the class. An SmsError made by one copy is not an
 * instance of another, so `instanceof` silently fails; the `kind` field survives bundling.
 */
export class SmsError extends Error {
  readonly kind = 'sms-error' as const;
  /**
   * Whose problem it is: 'number' when the person can fix it (not a mobile number, invalid,
   * unsubscribed), 'service' when it is ours or Twilio's (credentials, outage, timeout), which the
   * operator has to hear about.
   */
  readonly fault: 'number' | 'service';
  constructor(
    public readonly userMessage: string,
    public readonly twilioCode?: number,
    public readonly httpStatus?: number,
    operatorMessage?: string,
  ) {
    super(operatorMessage ?? userMessage);
    this.name = 'SmsError';
    this.fault = userMessage === SMS_BAD_NUMBER ? 'number' : 'service';
  }
}

/** True for an SmsError from any copy of this module (see SmsError: not `instanceof`). */
export function isSmsError(e: unknown): e is SmsError {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as { kind?: unknown; userMessage?: unknown; message?: unknown; fault?: unknown };
  return (
    x.kind === 'sms-error' &&
    typeof x.userMessage === 'string' &&
    typeof x.message === 'string' &&
    (x.fault === 'number' || x.fault === 'service')
  );
}

// The person's sentences (SmsError.userMessage) are the sms kind's refusals, in English.
export const SMS_UNAVAILABLE = sentenceOf(SMS_CODE_ERRORS, 'SMS_UNAVAILABLE');
export const SMS_BAD_NUMBER = sentenceOf(SMS_CODE_ERRORS, 'SMS_NUMBER_REFUSED');

// Twilio error codes that mean "this number", not "our service": the person can fix them.
// 21211 invalid 'To' number, 21614 not a mobile number, 21610 the recipient replied STOP,
// 20404 (Lookup) no such number.
const BAD_NUMBER_CODES = new Set([21211, 21614, 21610, 20404]);

const DEFAULT_TIMEOUT_MS = 10_000;

/** Turns whatever the SDK threw into an SmsError, keeping only codes and statuses. */
function toSmsError(err: unknown, what: 'send' | 'lookup'): SmsError {
  const e = (err ?? {}) as { status?: unknown; code?: unknown; isAxiosError?: unknown };
  // RestException / TwilioServiceException: Twilio (or the stand-in) answered with an error status.
  if (typeof e.status === 'number' && e.isAxiosError !== true) {
    const status = e.status;
    const code = typeof e.code === 'number' ? e.code : undefined;
    const tag = `HTTP ${status}${code ? `, Twilio error ${code}` : ''}`;
    if (status === 401 || code === 20003) {
      return new SmsError(
        SMS_UNAVAILABLE,
        code,
        status,
        `SMS service rejected our credentials (${tag}): check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.`,
      );
    }
    if (code !== undefined && BAD_NUMBER_CODES.has(code)) {
      return new SmsError(SMS_BAD_NUMBER, code, status, `Twilio refused the phone number (${tag}).`);
    }
    if (status >= 500) return new SmsError(SMS_UNAVAILABLE, code, status, `SMS service failed (${tag}).`);
    return new SmsError(SMS_UNAVAILABLE, code, status, `SMS service refused the ${what} request (${tag}).`);
  }
  // No answer at all: connection refused, DNS, timeout. Only the error code is kept: an axios
  // error carries the request, body included.
  const reason = typeof e.code === 'string' ? e.code : err instanceof Error ? err.name : 'unknown error';
  return new SmsError(SMS_UNAVAILABLE, undefined, undefined, `SMS service unreachable for ${what} (${reason}).`);
}

export function createTwilioSms(settings: TwilioSettings): SmsSender & LineTypeLookup {
  const client = twilio(settings.accountSid, settings.authToken, {
    timeout: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // Never 'debug' from TWILIO_LOG_LEVEL: debug logging prints every request.
    logLevel: 'info',
    autoRetry: false,
  });
  // TWILIO_REGION / TWILIO_EDGE (read from the environment by the SDK) would rewrite the host name
  // of every request, e.g. api.twilio.com → api.sydney.au1.twilio.com, and "localhost" into
  // nonsense. We neither use regions nor want the environment to change where codes are sent.
  client.region = undefined;
  client.edge = undefined;
  // Each SDK domain joins its baseUrl with the resource path when it makes a request, so
  // replacing baseUrl sends every request of that domain to the stand-in.
  if (settings.apiBaseUrl) client.api.baseUrl = settings.apiBaseUrl;
  if (settings.lookupsBaseUrl) client.lookups.baseUrl = settings.lookupsBaseUrl;

  return {
    async send(to, body) {
      try {
        const message = await client.messages.create({ to, from: settings.from, body });
        return { sid: message.sid };
      } catch (err) {
        throw toSmsError(err, 'send');
      }
    },

    async lineType(e164) {
      let result;
      try {
        // Encoded so that "+" survives and a stray "/" or "?" cannot change the path.
        result = await client.lookups.v2.phoneNumbers(encodeURIComponent(e164)).fetch({ fields: 'line_type_intelligence' });
      } catch (err) {
        throw toSmsError(err, 'lookup');
      }
      // Lookup answers 200 for numbers that are not valid; it says so in `valid`.
      if (!result.valid) {
        const why = (result.validationErrors ?? []).join(', ') || 'no reason given';
        throw new SmsError(SMS_BAD_NUMBER, undefined, 200, `Lookup says the number is not valid (${why}).`);
      }
      const type = result.lineTypeIntelligence?.type;
      return isLineType(type) ? type : 'unknown';
    },
  };
}
