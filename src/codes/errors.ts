// Why a verification code was not sent or not accepted (src/result.ts explains the maps). The
// limits' numbers never appear here: a wait is the time left, from waitText.
import type { ErrorSentences } from '../result.ts';
import { waitText } from '../throttle/throttle.ts';
import { isKnownKind, kindOf, KIND_CODE_ERRORS } from '../kinds/registry.ts';

/** A destination whose kind is labelled by its number is "this number"; any other, "this device". */
const destinationNoun = (kind: string) => (isKnownKind(kind) && kindOf(kind).labelIs === 'number' ? 'number' : 'device');

export const CODES_ERRORS = {
  /** The forms that send a code to a trusted device the person picks (sign-in, step-up, reset): no device chosen. */
  CHOOSE_DEVICE: 'Choose a trusted device.',
  /** ...and the forms that check it: no device, or no code. */
  CHOOSE_DEVICE_AND_CODE: 'Choose a trusted device and enter its code.',
  /** Not a device of this account (or a malformed id): nothing is said about other accounts' devices. */
  DEVICE_UNKNOWN: "That trusted device isn't on your account.",
  /** A pending device receives and checks only the codes that verify it. */
  DEVICE_NOT_VERIFIED: "That device hasn't been verified yet. Verify it before using it for codes.",
  /** Neither a number nor a registered iOS device behind the row. */
  DEVICE_CANNOT_RECEIVE: "That device can't receive codes.",
  NO_CODE: 'Ask for a code first.',
  /** Not `digits` digits: not a try, the code lives on. */
  CODE_MALFORMED: (digits: number) => `Enter the ${digits}-digit code.`,
  CODE_WRONG: (triesLeft: number) => `That code isn't right. You can try ${triesLeft} more time${triesLeft === 1 ? '' : 's'}.`,
  CODE_EXPIRED: 'This code has expired. Ask for a new one.',
  CODE_USED: 'This code was already used. Ask for a new one.',
  /** The code's last wrong try was used. */
  CODE_DEAD: 'Too many wrong tries for this code. Ask for a new one.',
  /** A newer code for the same purpose and device replaced it. */
  CODE_REPLACED: 'This code is no longer valid. Ask for a new one.',
  /** Too many wrong codes in a row on the account: sending and checking pause. */
  CODES_PAUSED: (until: Date, now: Date) => `Too many wrong codes were entered. For your security, try again in ${waitText(until, now)}.`,
  /** SENDS_PER_DEVICE (limits.ts): the first sending limit checked. */
  WAIT_BEFORE_ANOTHER_CODE: (until: Date, now: Date) => `Wait ${waitText(until, now)} before asking for another code.`,
  /** SENDS_PER_DESTINATION: the number or registered device, whichever account asks, in the send's budget (limits.ts). */
  TOO_MANY_TO_DESTINATION: (kind: string, until: Date, now: Date) =>
    `Too many codes were sent to this ${destinationNoun(kind)}. Try again in ${waitText(until, now)}.`,
  /** SENDS_PER_ACCOUNT (pending devices, and trusted ones from unknown browsers). */
  TOO_MANY_FOR_ACCOUNT: (until: Date, now: Date) => `Too many codes were sent for this Apple ID. Try again in ${waitText(until, now)}.`,
  /** SENDS_PER_CLIENT_ADDRESS (pending devices, and trusted ones from unknown browsers). */
  TOO_MANY_FROM_NETWORK: (until: Date, now: Date) =>
    `Too many codes were requested from your network. Try again in ${waitText(until, now)}.`,
  /** Delivery failed (delivery.ts), or a code of a kind that makes its own was refused: the kind's reasons. */
  ...KIND_CODE_ERRORS,
  /** A code a device made itself, refused, for a kind with no sentences of its own (OWN_CODE_REFUSALS): a wrong code. */
  OWN_CODE_WRONG: "That code isn't right. Enter the code your device shows now.",
  /** ...a code already accepted once (not counted as wrong). */
  OWN_CODE_USED: 'This code was already used. Enter a new code from your device.',
  /** ...a device whose codes cannot be checked now (the operator's problem). */
  OWN_CODE_UNREADABLE: "We can't check codes from this device right now. Use another trusted device.",
  /** Any other failure: its message might quote the code, so it is never shown. */
  SEND_FAILED: "We couldn't send a code right now. Try again later.",
} as const satisfies ErrorSentences;

export type CodesError = keyof typeof CODES_ERRORS;

/** A refused code a device made itself, for a kind that gives no sentences of its own (src/kinds/kind.ts, `refusals`). */
export const OWN_CODE_REFUSALS = { wrong: 'OWN_CODE_WRONG', used: 'OWN_CODE_USED', unreadable: 'OWN_CODE_UNREADABLE' } as const;
