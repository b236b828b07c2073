// Why a password reset did not go on, by emailed link or by Recovery Key (src/result.ts explains
// the maps). A reset also refuses with the codes of accounts/ (the security questions: WRONG_ANSWERS,
// QUESTIONS_LOCKED) and codes/, passed up as they are.
import type { ErrorSentences } from '../result.ts';
import { waitText } from '../throttle/throttle.ts';

export const PASSWORD_RESET_ERRORS = {
  /** REQUESTS_PER_CLIENT_ADDRESS: requests for a link from one network are slowed. */
  TOO_MANY_RESET_REQUESTS: (until: Date, now: Date) =>
    `Too many requests to reset a password came from your network. Try again in ${waitText(until, now)}.`,
  /** Unknown, malformed, expired, used, dead, or two-step turned on since: one answer for all. */
  LINK_INVALID: 'This link has expired or was already used. Ask for a new one.',
  /** The refused answers (their sentence comes first) used up the link's MAX_WRONG_ANSWERS. */
  LINK_DIED: (answersSentence: string) => `${answersSentence} This link no longer works: ask for a new one.`,
  /** A wrong key, an unknown Apple ID and an account without two-step get the same answer. */
  KEY_MISMATCH: "That Recovery Key doesn't match this Apple ID, or two-step verification isn't on for it.",
  /** KEY_RESET_PER_APPLE_ID / KEY_RESET_PER_CLIENT_ADDRESS. */
  KEY_RESET_LOCKED: (until: Date, now: Date) => `Too many wrong Recovery Keys. For your security, try again in ${waitText(until, now)}.`,
  /** KEY_RESET_TTL_MS passed, the reset was used or replaced, or two-step was turned off. */
  KEY_RESET_EXPIRED: 'This password reset has expired. Start again with your Recovery Key.',
  /** The new password comes after the code step. */
  CODE_FIRST: 'Enter a code from one of your trusted devices first.',
} as const satisfies ErrorSentences;

export type PasswordResetError = keyof typeof PASSWORD_RESET_ERRORS;
