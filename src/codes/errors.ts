// Why a verification code was not sent or not accepted (src/result.ts explains the maps). The
// limits' numbers never appear here: a wait is the time left, from waitText.
import { sentences } from '../result.ts';
import { waitFrom } from '../i18n/said.ts';
import { isKnownKind, kindOf, KIND_CODE_ERRORS } from '../kinds/registry.ts';

/** A destination whose kind is labelled by its number is "this number"; any other, "this device". */
const destinationNoun = (kind: string) => (isKnownKind(kind) && kindOf(kind).labelIs === 'number' ? 'number' : 'device');

export const CODES_ERRORS = sentences('codes', {
  /** The forms that send a code to a trusted device the person picks (sign-in, step-up, reset): no device chosen. */
  CHOOSE_DEVICE: null,
  /** ...and the forms that check it: no device, or no code. */
  CHOOSE_DEVICE_AND_CODE: null,
  /** Not a device of this account (or a malformed id): nothing is said about other accounts' devices. */
  DEVICE_UNKNOWN: null,
  /** A pending device receives and checks only the codes that verify it. */
  DEVICE_NOT_VERIFIED: null,
  /** Neither a number nor a registered iOS device behind the row. */
  DEVICE_CANNOT_RECEIVE: null,
  NO_CODE: null,
  /** Not `digits` digits: not a try, the code lives on. */
  CODE_MALFORMED: (digits: number) => ({ digits }),
  CODE_WRONG: (triesLeft: number) => ({ triesLeft }),
  CODE_EXPIRED: null,
  CODE_USED: null,
  /** The code's last wrong try was used. */
  CODE_DEAD: null,
  /** A newer code for the same purpose and device replaced it. */
  CODE_REPLACED: null,
  /** Too many wrong codes in a row on the account: sending and checking pause. */
  CODES_PAUSED: (until: Date, now: Date) => waitFrom(until, now),
  /** SENDS_PER_DEVICE (limits.ts): the first sending limit checked. */
  WAIT_BEFORE_ANOTHER_CODE: (until: Date, now: Date) => waitFrom(until, now),
  /** SENDS_PER_DESTINATION: the number or registered device, whichever account asks, in the send's budget (limits.ts). */
  TOO_MANY_TO_DESTINATION: (kind: string, until: Date, now: Date) => ({ destination: destinationNoun(kind), ...waitFrom(until, now) }),
  /** SENDS_PER_ACCOUNT (pending devices, and trusted ones from unknown browsers). */
  TOO_MANY_FOR_ACCOUNT: (until: Date, now: Date) => waitFrom(until, now),
  /** SENDS_PER_CLIENT_ADDRESS (pending devices, and trusted ones from unknown browsers). */
  TOO_MANY_FROM_NETWORK: (until: Date, now: Date) => waitFrom(until, now),
  /** Delivery failed (delivery.ts), or a code of a kind that makes its own was refused: the kind's reasons. */
  ...KIND_CODE_ERRORS,
  /** A code a device made itself, refused, for a kind with no sentences of its own (OWN_CODE_REFUSALS): a wrong code. */
  OWN_CODE_WRONG: null,
  /** ...a code already accepted once (not counted as wrong). */
  OWN_CODE_USED: null,
  /** ...a device whose codes cannot be checked now (the operator's problem). */
  OWN_CODE_UNREADABLE: null,
  /** Any other failure: its message might quote the code, so it is never shown. */
  SEND_FAILED: null,
});

export type CodesError = keyof typeof CODES_ERRORS;

/** A refused code a device made itself, for a kind that gives no sentences of its own (src/kinds/kind.ts, `refusals`). */
export const OWN_CODE_REFUSALS = { wrong: 'OWN_CODE_WRONG', used: 'OWN_CODE_USED', unreadable: 'OWN_CODE_UNREADABLE' } as const;
