// Why a sensitive change needs a fresh code first (src/result.ts explains the maps). Confirming
// with a code refuses with the codes of codes/ and sessions/ as well.
import { sentences } from '../result.ts';

export const STEP_UP_ERRORS = sentences('stepUp', {
  /** With two-step on, no code was entered within FRESH_CODE_MS (or the session is not fully signed in). */
  FRESH_CODE_NEEDED: null,
});

export type StepUpError = keyof typeof STEP_UP_ERRORS;
