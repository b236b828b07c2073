// The codes of the support console (staff users, staff sign-in, finding an account, the support
// PIN) and their sentences (src/result.ts). A rule of this folder comes in as a fact (its constant,
// passed where the refusal is made), so this file imports nothing from beside it.
import { durationText } from '../clock.ts';
import { MAX_PASSWORD_LENGTH } from '../accounts/password-policy.ts';
import { waitText } from '../throttle/throttle.ts';
import type { ErrorSentences } from '../result.ts';
import { STAFF_CEREMONY_ERRORS } from './staff-ceremony-errors.ts';

export const SUPPORT_ERRORS = {
  // ---- The operator command (staff-admin.ts) and staff users (staff.ts)
  /** What node:util's parseArgs says about the arguments (an unknown option, a missing value). */
  BAD_ARGUMENTS: (problem: string) => problem,
  UNKNOWN_COMMAND: (command: string) => `unknown command "${command}"`,
  ADD_NEEDS_EMAIL: 'add needs one email address',
  REMOVE_NEEDS_EMAIL: 'remove needs one email address',
  LIST_TAKES_NO_ARGUMENTS: 'list takes no arguments',
  RESET_FACTOR_NEEDS_EMAIL: 'reset-factor needs one email address',
  /** reset-factor and remove name someone who is not a staff user. */
  NO_SUCH_STAFF_USER: (email: string) => `no staff user ${email}`,
  /** The email or display name given to `add`, with its field's own message. */
  INVALID_STAFF_USER: (problem: string) => problem,
  STAFF_PASSWORD_TOO_SHORT: (minLength: number) => `A staff password needs at least ${minLength} characters.`,
  STAFF_PASSWORD_TOO_LONG: `A staff password can be at most ${MAX_PASSWORD_LENGTH} characters.`,
  STAFF_PASSWORD_COMMON: 'This password is one of the most commonly used. Choose another.',
  STAFF_PASSWORD_CONTAINS_EMAIL: "The password can't contain the email address.",
  STAFF_USER_EXISTS: (emailKey: string) => `A staff user ${emailKey} already exists.`,

  // ---- Staff sign-in (staff.ts): one answer for an unknown email and a wrong password
  STAFF_WRONG_CREDENTIALS: 'Your email or password was incorrect.',
  /** PER_APPLE_ID / PER_CLIENT_ADDRESS, counted under the staff keys. */
  STAFF_LOCKED_OUT: (until: Date, now: Date) => `Too many unsuccessful sign-in attempts. Try again in ${waitText(until, now)}.`,

  // ---- The second factor after the password (staff-factors.ts, staff-totp.ts, staff-passkeys.ts)
  /** The session ended (timed out, signed out, or the factor was passed in another tab). */
  STAFF_SIGN_IN_AGAIN: 'Your sign-in has expired. Sign in again.',
  /** A setup asked for by someone who already has a factor: the password alone must not add another. */
  STAFF_FACTOR_EXISTS: 'You already have a second factor. Sign in with it.',
  /** STAFF_FACTOR_LIMITS, counted before the code or key is checked. */
  STAFF_FACTOR_LOCKED: (until: Date, now: Date) => `Too many unsuccessful attempts. Try again in ${waitText(until, now)}.`,
  STAFF_CODE_FORMAT: (digits: number) => `Enter the ${digits}-digit code from your authenticator app.`,
  STAFF_CODE_WRONG:
    "That code isn't right. Enter the code your authenticator app shows now, and check that your device's clock is set automatically.",
  /** A code of a time step already accepted (replay), once per step. */
  STAFF_CODE_USED: (stepSeconds: number) =>
    `This code was already used. Wait for your authenticator app to show a new one (every ${stepSeconds} seconds).`,
  /** The sealed secret does not open (TOTP_ENCRYPTION_KEY changed): logged for the operator. */
  STAFF_APP_UNREADABLE: "We can't check codes from your authenticator app right now. Ask the operator to reset your second factor.",
  STAFF_NO_APP: 'You have no authenticator app set up. Use your passkey or security key.',
  /** A code sent for an app whose setup was not started (or was replaced). */
  STAFF_APP_NOT_STARTED: 'Start setting up the authenticator app again.',
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

  // ---- The console (console.ts)
  NO_SUCH_ACCOUNT: 'No account has that Apple ID.',
  /** A PIN entered before the staff session found an account. */
  NO_ACCOUNT_FOUND: 'Find an account first.',

  // ---- The support PIN (pin.ts): the holder makes it, staff enter it
  TWO_STEP_OFF: 'Two-step verification is off, so Apple Support needs no PIN to help you.',
  PIN_FORMAT: (digits: number) => `Enter the ${digits}-digit PIN.`,
  /** Wrong, expired, dead after MAX_PIN_TRIES, or no PIN at all: one answer, which never says whether a PIN exists. */
  PIN_REFUSED: (ttlMs: number, maxTries: number) =>
    `That PIN isn't right, or it is no longer valid (a PIN lasts ${durationText(ttlMs)} and allows ${maxTries} tries). Ask the holder to read it again, or to make a new one in Password and Security on their account page.`,
  /** Bound to the first staff member who entered it. */
  PIN_OTHER_STAFF: 'This PIN was already used by another staff member. Ask the holder to make a new one.',
} as const satisfies ErrorSentences;

export type SupportError = keyof typeof SUPPORT_ERRORS;
