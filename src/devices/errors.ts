// The codes of trusted and registered devices (adding, verifying, resending, removing) and their
// sentences (src/result.ts). A rule of this folder comes in as a fact (its constant, passed where
// the refusal is made), so this file imports nothing from beside it.
import { SMS_BAD_NUMBER } from '../sms/twilio-sms.ts';
import { waitText } from '../throttle/throttle.ts';
import type { ErrorSentences } from '../result.ts';

const NEEDS_MOBILE = 'Two-step verification needs a mobile number that can receive text messages.';

export const DEVICES_ERRORS = {
  // ---- Adding a phone number (the messages sit next to the field)
  CHOOSE_COUNTRY: 'Choose a country or region.',
  /** Not a possible number for the country (libphonenumber). */
  INVALID_NUMBER: (countryName: string) => `Enter a valid phone number for ${countryName}.`,
  NUMBER_ALREADY_TRUSTED: 'This number is already one of your trusted devices.',
  NUMBER_AWAITING_CODE: 'This number is already waiting for its code. Enter the code below, or send a new one.',
  /** Twilio Lookup says the number cannot be texted at all. */
  NUMBER_REFUSED: SMS_BAD_NUMBER,
  /** Apple's FAQ (docs/rules.md#trusted-devices): "You can't use landline or web-based (VOIP) phone services for two-step verification." */
  LANDLINE: `This is a landline number. ${NEEDS_MOBILE}`,
  VOIP: `This is a web-based (VoIP) number. ${NEEDS_MOBILE}`,
  /** LOOKUPS_PER_ACCOUNT: line type lookups cost money. */
  TOO_MANY_LOOKUPS: (until: Date, now: Date) => `You have checked many phone numbers in a short time. Try again in ${waitText(until, now)}.`,
  /** Twilio Lookup failed for a reason of ours or theirs: nothing was sent. */
  LOOKUP_UNAVAILABLE: "We can't check this number right now, so no code was sent. Try again later.",

  // ---- Limits (MAX_TRUSTED_DEVICES; MAX_REGISTERED_DEVICES of src/kinds/push/registered.ts)
  TOO_MANY_DEVICES: (max: number) => `You have ${max} trusted and pending devices, the most an account can have. Remove one first.`,
  TOO_MANY_REGISTERED: (max: number) => `You have ${max} registered devices, the most an account can have.`,

  // ---- iOS devices
  NOT_REGISTERED: "That device isn't registered to your account.",
  DEVICE_ALREADY_TRUSTED: (label: string) => `${label} is already a trusted device.`,
  DEVICE_AWAITING_CODE: (label: string) => `${label} is already waiting for its code.`,

  // ---- Verifying, resending, removing
  /** Removed meanwhile, someone else's, or never there. */
  DEVICE_GONE: 'That device is no longer on your account.',
  /** Apple's FAQ (docs/rules.md#trusted-devices): at least one SMS-capable number while two-step is on. */
  LAST_TRUSTED_PHONE: 'This is your only trusted phone number, and two-step verification needs at least one. Add and verify another number first.',
} as const satisfies ErrorSentences;

export type DevicesError = keyof typeof DEVICES_ERRORS;
