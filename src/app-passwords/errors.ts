// The codes of app-specific passwords (creating, revoking, an app signing in) and their sentences
// (src/result.ts). A rule of this folder comes in as a fact (its constant, passed where the refusal
// is made), so this file imports nothing from beside it.
import { sentences } from '../result.ts';

export const APP_PASSWORDS_ERRORS = sentences('appPasswords', {
  /** They exist only with two-step on (docs/rules.md#app-specific-passwords). */
  TWO_STEP_NEEDED: null,
  /** MAX_APP_PASSWORDS active at once. */
  TOO_MANY_APP_PASSWORDS: (max: number) => ({ max }),
  /** Revoked already, someone else's, or never there. */
  APP_PASSWORD_GONE: null,
  NONE_TO_REVOKE: null,
  /**
   * One answer for every refused password, whatever it was: the right main password of an account
   * with two-step on gets it too, so the app endpoint cannot tell someone holding a phished password
   * that it is right (the sign-in form would ask for a code next; here nothing follows).
   */
  APP_SIGN_IN_FAILED: null,
});

export type AppPasswordsError = keyof typeof APP_PASSWORDS_ERRORS;
