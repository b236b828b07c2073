// The authenticator-app kind's own refusals of a code (src/result.ts explains the maps).
// src/kinds/registry.ts lists them with the other kinds', and the code service's map
// (src/codes/errors.ts) includes them: src/codes/codes.ts answers with them when ./check.ts refuses.
import { sentences } from '../../result.ts';
import { TOTP_STEP_SECONDS } from './totp.ts';

export const APP_CODE_ERRORS = sentences('authenticatorApp', {
  /** An authenticator app's code that matches none of the steps around now (TOTP_DRIFT_STEPS): one wrong code. */
  TOTP_WRONG: null,
  /** A code of a time step already accepted (a code works once): not counted as wrong. */
  TOTP_USED: () => ({ stepSeconds: TOTP_STEP_SECONDS }),
  /** The sealed secret does not open (TOTP_ENCRYPTION_KEY changed): logged for the operator. */
  TOTP_UNREADABLE: null,
});

/**
 * A support staff member's authenticator app, their second factor for the console (./staff.ts): why
 * a code was not accepted. Staff have no other trusted device to turn to, so these say what to do
 * instead. src/kinds/staff-kinds-registry.ts lists them, and the support console's map
 * (src/support/errors.ts) includes them.
 */
export const STAFF_APP_ERRORS = sentences('staffApp', {
  STAFF_CODE_FORMAT: (digits: number) => ({ digits }),
  STAFF_CODE_WRONG: null,
  /** A code of a time step already accepted (replay), once per step. */
  STAFF_CODE_USED: (stepSeconds: number) => ({ stepSeconds }),
  /** The sealed secret does not open (TOTP_ENCRYPTION_KEY changed): logged for the operator. */
  STAFF_APP_UNREADABLE: null,
  /** A staff member who set up no app sent a code. */
  STAFF_NO_APP: null,
  /** A code sent for an app whose setup was not started (or was replaced). */
  STAFF_APP_NOT_STARTED: null,
});
