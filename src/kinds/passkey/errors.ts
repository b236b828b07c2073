// Why a passkey or security key was not added or not accepted (src/result.ts explains the maps).
// Each sentence says what to do next; none names a credential id or a key.
import type { ErrorSentences } from '../../result.ts';
import { waitText } from '../../throttle/throttle.ts';
import { CEREMONY_ERRORS } from './ceremony-errors.ts';

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
