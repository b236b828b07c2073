// Why the Recovery Key could not be replaced (src/result.ts explains the maps). Replacing it also
// needs a fresh code (step-up/).
import { sentences } from '../result.ts';

export const RECOVERY_KEY_ERRORS = sentences('recoveryKey', {
  /** Replace Lost Key is for a key that exists: two-step must be on. */
  REPLACE_NEEDS_TWO_STEP: null,
});

export type RecoveryKeyError = keyof typeof RECOVERY_KEY_ERRORS;
