// The authenticator-app kind's own refusals of a code (src/result.ts explains the maps).
// src/kinds/registry.ts lists them with the other kinds', and the code service's map
// (src/codes/errors.ts) includes them: src/codes/codes.ts answers with them when ./check.ts refuses.
import type { ErrorSentences } from '../../result.ts';
import { TOTP_STEP_SECONDS } from './totp.ts';

export const APP_CODE_ERRORS = {
  /** An authenticator app's code that matches none of the steps around now (TOTP_DRIFT_STEPS): one wrong code. */
  TOTP_WRONG:
    "That code isn't right. Enter the code your authenticator app shows now, and check that your device's clock is set automatically.",
  /** A code of a time step already accepted (a code works once): not counted as wrong. */
  TOTP_USED: `This code was already used. Wait for your authenticator app to show a new one (every ${TOTP_STEP_SECONDS} seconds).`,
  /** The sealed secret does not open (TOTP_ENCRYPTION_KEY changed): logged for the operator. */
  TOTP_UNREADABLE: "We can't check codes from this authenticator app right now. Use another trusted device.",
} as const satisfies ErrorSentences;
