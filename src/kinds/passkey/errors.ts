// Why a passkey or security key was not added or not accepted (src/result.ts explains the maps).
// Each sentence says what to do next; none names a credential id or a key.
import type { ErrorSentences } from '../../result.ts';
import { waitText } from '../../throttle/throttle.ts';
import { CEREMONY_ERRORS, STAFF_CEREMONY_ERRORS } from './ceremony-errors.ts';

export const PASSKEYS_ERRORS = {
  ...CEREMONY_ERRORS,
  /** Not the JSON a browser's WebAuthn ceremony gives (or nothing at all). */
  RESPONSE_MALFORMED: "We couldn't read the answer from your passkey or security key. Try again, or choose another trusted device.",
  /** The challenge is unknown, was used, expired, or belongs to another step or account. */
  CHALLENGE_GONE: 'This request has expired or was already used. Try again, or choose another trusted device.',
  /** The account has no passkey to ask for. */
  NO_PASSKEY: "There's no passkey or security key on your account. Choose another trusted device.",
  /** A credential this account does not hold (another account's, removed, or never seen). */
  CREDENTIAL_UNKNOWN: "That passkey or security key isn't on your account. Try another one, or choose another trusted device.",
  /** The signature, origin, RP ID or user presence did not check out. */
  SIGNATURE_REFUSED: "Your passkey or security key couldn't be verified. Try again, or choose another trusted device.",
  /** The signature counter did not go up: a cloned authenticator, or a replayed answer. */
  COUNTER_REFUSED:
    'This passkey or security key may have been copied, so it was not accepted. Choose another trusted device, and consider removing it.',
  /** The account-wide pause after wrong codes (src/codes/limits.ts) holds for passkeys too. */
  PAUSED: (until: Date, now: Date) => `Too many wrong codes were entered. For your security, try again in ${waitText(until, now)}.`,
  /** Registration: the attestation did not verify. */
  REGISTRATION_REFUSED: "We couldn't add that passkey or security key. Try again, or use another one.",
  /** Registration: the credential is already on an account (this one or another). */
  ALREADY_ADDED: 'That passkey or security key is already added. Use another one.',
} as const satisfies ErrorSentences;

export type PasskeysError = keyof typeof PASSKEYS_ERRORS;

/**
 * A support staff member's passkey or security key, their second factor for the console (./staff.ts):
 * why it was not set up or not accepted. Staff have no trusted devices, so none sends them to
 * another one. src/kinds/staff-kinds-registry.ts lists them, and the support console's map
 * (src/support/errors.ts) includes them.
 */
export const STAFF_PASSKEY_ERRORS = {
  /** A staff member who set up no passkey asked to sign in with one. */
  STAFF_NO_PASSKEY: 'You have no passkey or security key set up. Use your authenticator app.',
  ...STAFF_CEREMONY_ERRORS,
  STAFF_PASSKEY_MALFORMED: "We couldn't read the answer from your passkey or security key. Try again.",
  /** The challenge is unknown, was used, expired, or is another staff member's or another step's. */
  STAFF_PASSKEY_EXPIRED: 'This request has expired or was already used. Try again.',
  STAFF_PASSKEY_UNKNOWN: "That passkey or security key isn't set up for you. Try another one.",
  STAFF_PASSKEY_REFUSED: "Your passkey or security key couldn't be verified. Try again.",
  STAFF_PASSKEY_COUNTER:
    'This passkey or security key may have been copied, so it was not accepted. Ask the operator to reset your second factor.',
  STAFF_PASSKEY_NOT_ADDED: "We couldn't set up that passkey or security key. Try again, or use another one.",
} as const satisfies ErrorSentences;
