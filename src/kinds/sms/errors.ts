// The sms kind's own refusals (src/result.ts explains the maps): why a code could not be texted,
// and why a number was not added. src/kinds/registry.ts lists them with the other kinds', and the
// code service's map (src/codes/errors.ts) and the devices' map (src/devices/errors.ts) include them.
import { waitFrom } from '../../i18n/said.ts';
import { sentences } from '../../result.ts';

/** Delivery failed (src/codes/delivery.ts asks ./kind.ts, deliveryFailure). */
export const SMS_CODE_ERRORS = sentences('sms', {
  /** Twilio refused the number (the SMS adapter's sentence, ./twilio-sms.ts SMS_BAD_NUMBER). */
  SMS_NUMBER_REFUSED: null,
  /** The SMS service failed or was unreachable (logged for the operator). */
  SMS_UNAVAILABLE: null,
});

/** Adding a phone number (./add.ts): the messages sit next to the field. */
export const PHONE_NUMBER_ERRORS = sentences('phoneNumber', {
  CHOOSE_COUNTRY: null,
  /** Not a possible number for the country (libphonenumber). */
  INVALID_NUMBER: (country: string) => ({ country }),
  NUMBER_ALREADY_TRUSTED: null,
  NUMBER_AWAITING_CODE: null,
  /** Twilio Lookup says the number cannot be texted at all: the adapter's sentence. */
  NUMBER_REFUSED: SMS_CODE_ERRORS.SMS_NUMBER_REFUSED,
  /**
   * Apple's FAQ (docs/rules.md#trusted-devices): "You can't use landline or web-based (VOIP) phone
   * services for two-step verification." Both say that two-step needs a mobile number.
   */
  LANDLINE: null,
  VOIP: null,
  /** LOOKUPS_PER_ACCOUNT (./add.ts): line type lookups cost money. */
  TOO_MANY_LOOKUPS: (until: Date, now: Date) => waitFrom(until, now),
  /** Twilio Lookup failed for a reason of ours or theirs: nothing was sent. */
  LOOKUP_UNAVAILABLE: null,
});
