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

/**
 * A support staff member's authenticator app, their second factor for the console (./staff.ts): why
 * a code was not accepted. Staff have no other trusted device to turn to, so these say what to do
 * instead. src/kinds/staff-kinds-registry.ts lists them, and the support console's map
 * (src/support/errors.ts) includes them.
 */
export const STAFF_APP_ERRORS = {
  STAFF_CODE_FORMAT: (digits: number) => `Enter the ${digits}-digit code from your authenticator app.`,
  STAFF_CODE_WRONG:
    "That code isn't right. Enter the code your authenticator app shows now, and check that your device's clock is set automatically.",
  /** A code of a time step already accepted (replay), once per step. */
  STAFF_CODE_USED: (stepSeconds: number) =>
    `This code was already used. Wait for your authenticator app to show a new one (every ${stepSeconds} seconds).`,
  /** The sealed secret does not open (TOTP_ENCRYPTION_KEY changed): logged for the operator. */
  STAFF_APP_UNREADABLE: "We can't check codes from your authenticator app right now. Ask the operator to reset your second factor.",
  /** A staff member who set up no app sent a code. */
  STAFF_NO_APP: 'You have no authenticator app set up. Use your passkey or security key.',
  /** A code sent for an app whose setup was not started (or was replaced). */
  STAFF_APP_NOT_STARTED: 'Start setting up the authenticator app again.',
} as const satisfies ErrorSentences;
