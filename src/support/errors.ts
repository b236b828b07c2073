// The codes of the support console (staff users, staff sign-in, finding an account, the support
// PIN) and their sentences (src/result.ts). A rule of this folder comes in as a fact (its constant,
// passed where the refusal is made), so this file imports nothing from beside it. The refusals of
// each kind of second factor are the kind's, included here.
import { MAX_PASSWORD_LENGTH } from '../accounts/password-policy.ts';
import { waitFrom } from '../i18n/said.ts';
import { sentences } from '../result.ts';
import { STAFF_FACTOR_ERRORS } from '../kinds/staff-kinds-registry.ts';

export const SUPPORT_ERRORS = sentences('support', {
  // ---- The operator command (staff-admin.ts) and staff users (staff.ts)
  /** What node:util's parseArgs says about the arguments (an unknown option, a missing value). */
  BAD_ARGUMENTS: (problem: string) => ({ problem }),
  UNKNOWN_COMMAND: (command: string) => ({ command }),
  ADD_NEEDS_EMAIL: null,
  REMOVE_NEEDS_EMAIL: null,
  LIST_TAKES_NO_ARGUMENTS: null,
  RESET_FACTOR_NEEDS_EMAIL: null,
  /** reset-factor and remove name someone who is not a staff user. */
  NO_SUCH_STAFF_USER: (email: string) => ({ email }),
  /** The email or display name given to `add`, with its field's own message. */
  INVALID_STAFF_USER: (problem: string) => ({ problem }),
  STAFF_PASSWORD_TOO_SHORT: (minLength: number) => ({ minLength }),
  STAFF_PASSWORD_TOO_LONG: () => ({ maxLength: MAX_PASSWORD_LENGTH }),
  STAFF_PASSWORD_COMMON: null,
  STAFF_PASSWORD_CONTAINS_EMAIL: null,
  STAFF_USER_EXISTS: (emailKey: string) => ({ emailKey }),

  // ---- Staff sign-in (staff.ts): one answer for an unknown email and a wrong password
  STAFF_WRONG_CREDENTIALS: null,
  /** PER_APPLE_ID / PER_CLIENT_ADDRESS, counted under the staff keys. */
  STAFF_LOCKED_OUT: (until: Date, now: Date) => waitFrom(until, now),

  // ---- The second factor after the password (staff-factors.ts; each kind's own refusals follow)
  /** The session ended (timed out, signed out, or the factor was passed in another tab). */
  STAFF_SIGN_IN_AGAIN: null,
  /** A setup asked for by someone who already has a factor: the password alone must not add another. */
  STAFF_FACTOR_EXISTS: null,
  /** STAFF_FACTOR_LIMITS, counted before the proof is checked. */
  STAFF_FACTOR_LOCKED: (until: Date, now: Date) => waitFrom(until, now),
  /** Each kind's, from its folder (src/kinds/<kind>/errors.ts), listed by src/kinds/staff-kinds-registry.ts. */
  ...STAFF_FACTOR_ERRORS,

  // ---- The console (console.ts)
  NO_SUCH_ACCOUNT: null,
  /** A PIN entered before the staff session found an account. */
  NO_ACCOUNT_FOUND: null,

  // ---- The support PIN (pin.ts): the holder makes it, staff enter it
  TWO_STEP_OFF: null,
  PIN_FORMAT: (digits: number) => ({ digits }),
  /** Wrong, expired, dead after MAX_PIN_TRIES, or no PIN at all: one answer, which never says whether a PIN exists. */
  PIN_REFUSED: (ttlMs: number, maxTries: number) => ({ lasts: { duration: ttlMs }, maxTries }),
  /** Bound to the first staff member who entered it. */
  PIN_OTHER_STAFF: null,
});

export type SupportError = keyof typeof SUPPORT_ERRORS;
