// What the sms kind is given by the composition root (src/runtime.ts, through ../deps-registry.ts):
// the Twilio adapter, which texts codes (./kind.ts) and looks up line types (./add.ts), built from
// the kind's settings (./settings.ts).
import { createTwilioSms, type LineTypeLookup, type SmsSender } from './twilio-sms.ts';
import type { SmsSettings } from './settings.ts';

/** What its codes are texted with (./kind.ts): all the code service needs of it. */
export interface SmsCodeDeps {
  sms: SmsSender;
}

/** ...and the line type lookup that adding a number needs (./add.ts). */
export interface SmsKindDeps {
  sms: SmsSender & LineTypeLookup;
}

export function smsKindDeps(c: SmsSettings): SmsKindDeps {
  return {
    sms: createTwilioSms({
      accountSid: c.TWILIO_ACCOUNT_SID,
      authToken: c.TWILIO_AUTH_TOKEN,
      from: c.TWILIO_FROM,
      apiBaseUrl: c.TWILIO_API_BASE_URL,
      lookupsBaseUrl: c.TWILIO_LOOKUPS_BASE_URL,
    }),
  };
}
