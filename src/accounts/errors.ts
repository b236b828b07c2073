// The codes of accounts/ (creating an account, its activation link, the security questions pass)
// and their sentences (src/result.ts).
import { waitFrom } from '../i18n/said.ts';
import { sentences } from '../result.ts';
import { MIN_AGE_YEARS } from './age.ts';

export const ACCOUNTS_ERRORS = sentences('accounts', {
  TOO_YOUNG: () => ({ years: MIN_AGE_YEARS }),
  /** createAccount only (seed, tests): the Create Account form never says so. */
  APPLE_ID_TAKEN: null,
  /** CREATIONS_PER_CLIENT_ADDRESS: too many sign-ups from one network. */
  TOO_MANY_SIGN_UPS: (until: Date, now: Date) => waitFrom(until, now),
  /** Malformed, unknown, expired or already used: one answer for all. */
  ACTIVATION_LINK_INVALID: null,
  ALREADY_ACTIVE: null,
  /** The session's pair of questions changed (or was never asked) since the form was shown. */
  QUESTIONS_NOT_CURRENT: null,
  WRONG_ANSWERS: null,
  /** QUESTION_LOCK: too many wrong answers in a row. */
  QUESTIONS_LOCKED: (until: Date, now: Date) => waitFrom(until, now),
  /**
   * The hashing line has no place for this request (hashing-line.ts, hashing-line-shares.ts):
   * refused before any guess was counted or anything written.
   */
  SERVER_BUSY: null,
  /** PER_APPLE_ID / PER_CLIENT_ADDRESS (password-guesses.ts): wherever a password is typed. */
  PASSWORD_LOCKED_OUT: (until: Date, now: Date) => waitFrom(until, now),
});

/** The fields say what is wrong (src/forms/errors.ts). */
export type AccountsError = keyof typeof ACCOUNTS_ERRORS | 'INVALID_FIELDS';
