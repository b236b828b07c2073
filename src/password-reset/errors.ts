// Why a password reset did not go on, by emailed link or by Recovery Key (src/result.ts explains
// the maps). A reset also refuses with the codes of accounts/ (the security questions: WRONG_ANSWERS,
// QUESTIONS_LOCKED) and codes/, passed up as they are.
import { saidOfEnglish, waitFrom } from '../i18n/said.ts';
import { sentences, type Failure } from '../result.ts';

export const PASSWORD_RESET_ERRORS = sentences('passwordReset', {
  /** REQUESTS_PER_CLIENT_ADDRESS: requests for a link from one network are slowed. */
  TOO_MANY_RESET_REQUESTS: (until: Date, now: Date) => waitFrom(until, now),
  /** Unknown, malformed, expired, used, dead, or two-step turned on since: one answer for all. */
  LINK_INVALID: null,
  /**
   * The refused answers used up the link's MAX_WRONG_ANSWERS: their refusal (WRONG_ANSWERS, or
   * QUESTIONS_LOCKED with its wait) comes first, in the same sentence.
   */
  LINK_DIED: (answers: Failure) => ({ ...(answers.said ?? saidOfEnglish(answers.error))?.facts, answers: answers.code }),
  /** A wrong key, an unknown Apple ID and an account without two-step get the same answer. */
  KEY_MISMATCH: null,
  /** KEY_RESET_PER_APPLE_ID / KEY_RESET_PER_CLIENT_ADDRESS. */
  KEY_RESET_LOCKED: (until: Date, now: Date) => waitFrom(until, now),
  /** KEY_RESET_TTL_MS passed, the reset was used or replaced, or two-step was turned off. */
  KEY_RESET_EXPIRED: null,
  /** The new password comes after the code step. */
  CODE_FIRST: null,
});

export type PasswordResetError = keyof typeof PASSWORD_RESET_ERRORS;
