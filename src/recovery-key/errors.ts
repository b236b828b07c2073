// Why the Recovery Key could not be replaced (src/result.ts explains the maps). Replacing it also
// needs a fresh code (step-up/).
import type { ErrorSentences } from '../result.ts';

export const RECOVERY_KEY_ERRORS = {
  /** Replace Lost Key is for a key that exists: two-step must be on. */
  REPLACE_NEEDS_TWO_STEP: 'Replace Lost Key is for accounts with two-step verification on.',
} as const satisfies ErrorSentences;

export type RecoveryKeyError = keyof typeof RECOVERY_KEY_ERRORS;
