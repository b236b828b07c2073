// The codes of the support console (staff users, staff sign-in, finding an account, the support
// PIN) and their sentences (src/result.ts). A rule of this folder comes in as a fact (its constant,
// passed where the refusal is made), so this file imports nothing from beside it. The refusals of
// each kind of second factor are the kind's, included here.
import { durationText } from '../clock.ts';
import { MAX_PASSWORD_LENGTH } from '../accounts/password-policy.ts';
import { waitText } from '../throttle/throttle.ts';
import type { ErrorSentences } from '../result.ts';
import { STAFF_FACTOR_ERRORS } from '../kinds/staff-kinds-registry.ts';

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

  // ---- The second factor after the password (staff-factors.ts; each kind's own refusals follow)
  /** The session ended (timed out, signed out, or the factor was passed in another tab). */
  STAFF_SIGN_IN_AGAIN: 'Your sign-in has expired. Sign in again.',
  /** A setup asked for by someone who already has a factor: the password alone must not add another. */
  STAFF_FACTOR_EXISTS: 'You already have a second factor. Sign in with it.',
  /** STAFF_FACTOR_LIMITS, counted before the proof is checked. */
  STAFF_FACTOR_LOCKED: (until: Date, now: Date) => `Too many unsuccessful attempts. Try again in ${waitText(until, now)}.`,
  /** Each kind's, from its folder (src/kinds/<kind>/errors.ts), listed by src/kinds/staff-kinds-registry.ts. */
  ...STAFF_FACTOR_ERRORS,

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
