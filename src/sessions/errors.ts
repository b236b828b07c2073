// Why a request that needed its session could not go on (src/result.ts explains the maps).
import type { ErrorSentences } from '../result.ts';

export const SESSIONS_ERRORS = {
  /** The session ended while the request ran (signed out elsewhere, or everywhere). */
  SESSION_ENDED: 'You were signed out. Sign in again to continue.',
  /** Sign Out on a browser of the list that is already signed out (elsewhere, or it timed out). */
  BROWSER_UNKNOWN: 'That browser is already signed out. The list below is up to date.',
} as const satisfies ErrorSentences;

export type SessionsError = keyof typeof SESSIONS_ERRORS;
