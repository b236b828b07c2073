// The codes of accounts/ (creating an account, its activation link, the security questions pass)
// and their sentences (src/result.ts).
import { waitText } from '../throttle/throttle.ts';
import type { ErrorSentences } from '../result.ts';
import { MIN_AGE_YEARS } from './age.ts';
import { FORMS_ERRORS } from '../forms/errors.ts';

export const ACCOUNTS_ERRORS = {
  /** The fields say what is wrong (src/forms/errors.ts). */
  INVALID_FIELDS: FORMS_ERRORS.INVALID_FIELDS,
  TOO_YOUNG: `You must be at least ${MIN_AGE_YEARS} years old to have an Apple ID.`,
  /** createAccount only (seed, tests): the Create Account form never says so. */
  APPLE_ID_TAKEN: 'This email address is already used as an Apple ID.',
  /** CREATIONS_PER_CLIENT_ADDRESS: too many sign-ups from one network. */
  TOO_MANY_SIGN_UPS: (until: Date, now: Date) =>
    `Too many Apple IDs were asked for from your network in the last hour. Try again in ${waitText(until, now)}.`,
  /** Malformed, unknown, expired or already used: one answer for all. */
  ACTIVATION_LINK_INVALID:
    'This link has expired or was already used. To create your Apple ID, fill in the form again: we will send a new link.',
  ALREADY_ACTIVE: 'This Apple ID is already active. Sign in with it.',
  /** The session's pair of questions changed (or was never asked) since the form was shown. */
  QUESTIONS_NOT_CURRENT: 'Those questions are no longer current. Answer the questions shown now.',
  WRONG_ANSWERS: "Your answers don't match the ones on file. Check them and try again.",
  /** QUESTION_LOCK: too many wrong answers in a row. */
  QUESTIONS_LOCKED: (until: Date, now: Date) => `Too many wrong answers. For your security, try again in ${waitText(until, now)}.`,
  /**
   * The hashing line has no place for this request (hashing-line.ts, hashing-line-shares.ts):
   * refused before any guess was counted or anything written.
   */
  SERVER_BUSY: 'The server is busy. Try again in a moment.',
  /** PER_APPLE_ID / PER_CLIENT_ADDRESS (password-guesses.ts): wherever a password is typed. */
  PASSWORD_LOCKED_OUT: (until: Date, now: Date) =>
    `Too many unsuccessful sign-in attempts. For your security, try again in ${waitText(until, now)}.`,
} as const satisfies ErrorSentences;

export type AccountsError = keyof typeof ACCOUNTS_ERRORS;
