// The codes of app-specific passwords (creating, revoking, an app signing in) and their sentences
// (src/result.ts). A rule of this folder comes in as a fact (its constant, passed where the refusal
// is made), so this file imports nothing from beside it.
import type { ErrorSentences } from '../result.ts';

export const APP_PASSWORDS_ERRORS = {
  /** They exist only with two-step on (docs/rules.md#app-specific-passwords). */
  TWO_STEP_NEEDED: 'App-specific passwords are for accounts with two-step verification on.',
  /** MAX_APP_PASSWORDS active at once. */
  TOO_MANY_APP_PASSWORDS: (max: number) =>
    `You have ${max} app-specific passwords, the most an account can have. Revoke one you no longer use first.`,
  /** Revoked already, someone else's, or never there. */
  APP_PASSWORD_GONE: 'That app-specific password is no longer on your account.',
  NONE_TO_REVOKE: 'There are no app-specific passwords to revoke.',
  /**
   * One answer for every refused password, whatever it was: the right main password of an account
   * with two-step on gets it too, so the app endpoint cannot tell someone holding a phished password
   * that it is right (the sign-in form would ask for a code next; here nothing follows).
   */
  APP_SIGN_IN_FAILED:
    'Your Apple ID or password was incorrect. With two-step verification on, apps sign in with an app-specific password, not your Apple ID password: create one in Password and Security → App-Specific Passwords.',
} as const satisfies ErrorSentences;

export type AppPasswordsError = keyof typeof APP_PASSWORDS_ERRORS;
