// Why signing in did not go on (src/result.ts explains the maps). Signing in also refuses with the
// codes of accounts/ (PASSWORD_LOCKED_OUT), codes/ and sessions/, passed up as they are.
import { sentences } from '../result.ts';
import { waitFrom } from '../i18n/said.ts';

export const SIGN_IN_ERRORS = sentences('signIn', {
  /** Never which of the two was wrong. */
  WRONG_CREDENTIALS: null,
  /** The password-stage session is gone (PASSWORD_STAGE_MS passed, or the sign-in finished in another request). */
  SIGN_IN_EXPIRED: null,
  ENTER_RECOVERY_KEY: null,
  WRONG_RECOVERY_KEY: null,
  NO_RECOVERY_KEY: null,
  /** RECOVERY_KEY_TRIES used up: locked until the wait ends. */
  RECOVERY_KEY_LOCKED: (until: Date, now: Date) => waitFrom(until, now),
});

export type SignInError = keyof typeof SIGN_IN_ERRORS;
