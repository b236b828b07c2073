// Why signing in did not go on (src/result.ts explains the maps). Signing in also refuses with the
// codes of accounts/ (PASSWORD_LOCKED_OUT), codes/ and sessions/, passed up as they are.
import type { ErrorSentences } from '../result.ts';
import { waitText } from '../throttle/throttle.ts';

export const SIGN_IN_ERRORS = {
  /** Never which of the two was wrong. */
  WRONG_CREDENTIALS: 'Your Apple ID or password was incorrect.',
  /** The password-stage session is gone (PASSWORD_STAGE_MS passed, or the sign-in finished in another request). */
  SIGN_IN_EXPIRED: 'Your sign-in has expired. Sign in again with your password.',
  ENTER_RECOVERY_KEY: 'Enter your Recovery Key.',
  WRONG_RECOVERY_KEY: "That Recovery Key isn't right. Check it and try again.",
  NO_RECOVERY_KEY: 'This account has no Recovery Key.',
  /** RECOVERY_KEY_TRIES used up: locked until the wait ends. */
  RECOVERY_KEY_LOCKED: (until: Date, now: Date) => `Too many wrong Recovery Keys. Try again in ${waitText(until, now)}.`,
} as const satisfies ErrorSentences;

export type SignInError = keyof typeof SIGN_IN_ERRORS;
