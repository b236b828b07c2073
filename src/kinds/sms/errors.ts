// The sms kind's own refusals (src/result.ts explains the maps): why a code could not be texted,
// and why a number was not added. src/kinds/registry.ts lists them with the other kinds', and the
// code service's map (src/codes/errors.ts) and the devices' map (src/devices/errors.ts) include them.
import { SMS_BAD_NUMBER, SMS_UNAVAILABLE } from './twilio-sms.ts';
import { waitText } from '../../throttle/throttle.ts';
import type { ErrorSentences } from '../../result.ts';

/** Delivery failed (src/codes/delivery.ts asks ./kind.ts, deliveryFailure). */
export const SMS_CODE_ERRORS = {
  /** Twilio refused the number (the SMS adapter's sentence). */
  SMS_NUMBER_REFUSED: SMS_BAD_NUMBER,
  /** The SMS service failed or was unreachable (logged for the operator). */
  SMS_UNAVAILABLE: SMS_UNAVAILABLE,
} as const satisfies ErrorSentences;

const NEEDS_MOBILE = 'Two-step verification needs a mobile number that can receive text messages.';

/** Adding a phone number (./add.ts): the messages sit next to the field. */
export const PHONE_NUMBER_ERRORS = {
  CHOOSE_COUNTRY: 'Choose a country or region.',
  /** Not a possible number for the country (libphonenumber). */
  INVALID_NUMBER: (countryName: string) => `Enter a valid phone number for ${countryName}.`,
  NUMBER_ALREADY_TRUSTED: 'This number is already one of your trusted devices.',
  NUMBER_AWAITING_CODE: 'This number is already waiting for its code: enter it under Waiting for a Code, or send a new one there.',
  /** Twilio Lookup says the number cannot be texted at all. */
  NUMBER_REFUSED: SMS_BAD_NUMBER,
  /** Apple's FAQ (docs/rules.md#trusted-devices): "You can't use landline or web-based (VOIP) phone services for two-step verification." */
  LANDLINE: `This is a landline number. ${NEEDS_MOBILE}`,
  VOIP: `This is a web-based (VoIP) number. ${NEEDS_MOBILE}`,
  /** LOOKUPS_PER_ACCOUNT (./add.ts): line type lookups cost money. */
  TOO_MANY_LOOKUPS: (until: Date, now: Date) =>
    `You have checked many phone numbers in a short time. Try again in ${waitText(until, now)}.`,
  /** Twilio Lookup failed for a reason of ours or theirs: nothing was sent. */
  LOOKUP_UNAVAILABLE: "We can't check this number right now, so no code was sent. Try again later.",
} as const satisfies ErrorSentences;
