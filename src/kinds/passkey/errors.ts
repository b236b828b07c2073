// Why a passkey or security key was not added or not accepted (src/result.ts explains the maps).
// Each sentence says what to do next; none names a credential id or a key.
import { waitFrom } from '../../i18n/said.ts';
import { sentences } from '../../result.ts';

export const PASSKEYS_ERRORS = sentences('passkeys', {
  /**
   * What goes wrong in the browser's own ceremony (./ceremony-errors.ts, whose English copy the
   * browser shows: that file imports nothing): cancelled or timed out, already added, failed.
   */
  CEREMONY_CANCELLED: null,
  CEREMONY_ALREADY_ADDED: null,
  CEREMONY_FAILED: null,
  /** Not the JSON a browser's WebAuthn ceremony gives (or nothing at all). */
  RESPONSE_MALFORMED: null,
  /** The challenge is unknown, was used, expired, or belongs to another step or account. */
  CHALLENGE_GONE: null,
  /** The account has no passkey to ask for. */
  NO_PASSKEY: null,
  /** A credential this account does not hold (another account's, removed, or never seen). */
  CREDENTIAL_UNKNOWN: null,
  /** The signature, origin, RP ID or user presence did not check out. */
  SIGNATURE_REFUSED: null,
  /** The signature counter did not go up: a cloned authenticator, or a replayed answer. */
  COUNTER_REFUSED: null,
  /** The account-wide pause after wrong codes (src/codes/limits.ts) holds for passkeys too. */
  PAUSED: (until: Date, now: Date) => waitFrom(until, now),
  /** Registration: the attestation did not verify. */
  REGISTRATION_REFUSED: null,
  /** Registration: the credential is already on an account (this one or another). */
  ALREADY_ADDED: null,
});

export type PasskeysError = keyof typeof PASSKEYS_ERRORS;

/**
 * The ceremony's sentences when a passkey is asked for to prove it is the holder (sign-in, a fresh
 * code, the Recovery Key reset): ./ceremony-errors.ts PROVE_CEREMONY_ERRORS explains the one that
 * differs from PASSKEYS_ERRORS's.
 */
export const PROVE_CEREMONY_SENTENCES = sentences('proveCeremony', {
  CEREMONY_CANCELLED: null,
  CEREMONY_ALREADY_ADDED: PASSKEYS_ERRORS.CEREMONY_ALREADY_ADDED,
  CEREMONY_FAILED: PASSKEYS_ERRORS.CEREMONY_FAILED,
});

/**
 * A support staff member's passkey or security key, their second factor for the console (./staff.ts):
 * why it was not set up or not accepted. Staff have no trusted devices, so none sends them to
 * another one. src/kinds/staff-kinds-registry.ts lists them, and the support console's map
 * (src/support/errors.ts) includes them.
 */
export const STAFF_PASSKEY_ERRORS = sentences('staffPasskey', {
  /** A staff member who set up no passkey asked to sign in with one. */
  STAFF_NO_PASSKEY: null,
  /** The browser's ceremony, said to staff (./ceremony-errors.ts STAFF_CEREMONY_ERRORS). */
  CEREMONY_CANCELLED: null,
  CEREMONY_ALREADY_ADDED: null,
  CEREMONY_FAILED: null,
  STAFF_PASSKEY_MALFORMED: null,
  /** The challenge is unknown, was used, expired, or is another staff member's or another step's. */
  STAFF_PASSKEY_EXPIRED: null,
  STAFF_PASSKEY_UNKNOWN: null,
  STAFF_PASSKEY_REFUSED: null,
  STAFF_PASSKEY_COUNTER: null,
  STAFF_PASSKEY_NOT_ADDED: null,
});
