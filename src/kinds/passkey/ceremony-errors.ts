// The sentences for what goes wrong in the browser's own ceremony, before anything reaches the
// server (the holder cancelled, the key timed out, or it already holds a credential of this
// account). Apart from ./errors.ts only because the browser shows them: this file imports nothing,
// so a client component can. ./errors.ts includes them, so the map is still one.
export const CEREMONY_ERRORS = {
  /** NotAllowedError: cancelled, timed out, or no key answered. */
  CEREMONY_CANCELLED: 'The passkey or security key request was cancelled or timed out. Try again, or choose another trusted device.',
  /** InvalidStateError while adding: this authenticator already holds a passkey of the account. */
  CEREMONY_ALREADY_ADDED: 'That passkey or security key is already added. Use another one.',
  /** No WebAuthn in this browser, or any other failure of the ceremony. */
  CEREMONY_FAILED: "Your browser couldn't use a passkey or security key. Try again, or choose another trusted device.",
} as const;

/**
 * The same three when a passkey is asked for to prove it is the holder (sign-in, a fresh code, the
 * Recovery Key reset). The browser offers only this account's passkeys, so a passkey saved for
 * another Apple ID makes it answer NotAllowedError, as a cancelled prompt does: the page cannot
 * tell the two apart, so the sentence names the likelier mistake first and says what to do.
 */
export const PROVE_CEREMONY_ERRORS = {
  ...CEREMONY_ERRORS,
  CEREMONY_CANCELLED:
    "That passkey or security key isn't on this account, or the request was cancelled or timed out. Use a passkey or security key you added to this Apple ID, or choose another trusted device.",
} as const;

/** The same three sentences, for other readers (support staff: STAFF_CEREMONY_ERRORS below). */
export type CeremonySentences = Record<keyof typeof CEREMONY_ERRORS, string>;

/**
 * The same three, said to support staff signing in to the console with a passkey as their second
 * factor (./staff.ts): the holders' sentences send them to "another trusted device", which staff do
 * not have. ./errors.ts includes them in the staff factor's refusals (STAFF_PASSKEY_ERRORS).
 */
export const STAFF_CEREMONY_ERRORS = {
  CEREMONY_CANCELLED: 'The passkey or security key request was cancelled or timed out. Try again.',
  CEREMONY_ALREADY_ADDED: 'That passkey or security key is already set up for you. Sign in with it, or use another one.',
  CEREMONY_FAILED: "Your browser couldn't use a passkey or security key. Try again, or use an authenticator app.",
} as const satisfies CeremonySentences;

/** The sentence for an error thrown by @simplewebauthn/browser's startAuthentication/startRegistration. */
export function ceremonyErrorSentence(e: unknown, sentences: CeremonySentences = CEREMONY_ERRORS): string {
  const name = (e as { name?: string; cause?: { name?: string } } | null)?.cause?.name ?? (e as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'AbortError') return sentences.CEREMONY_CANCELLED;
  if (name === 'InvalidStateError') return sentences.CEREMONY_ALREADY_ADDED;
  return sentences.CEREMONY_FAILED;
}

/** The name field left empty: checked in the browser before the ceremony, and again by the server. */
export const PASSKEY_NAME_EMPTY = 'Enter a name for the passkey or security key, such as “YubiKey 5C”.';
