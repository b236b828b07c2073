// Why a request that needed its session could not go on (src/result.ts explains the maps).
import { sentences } from '../result.ts';

export const SESSIONS_ERRORS = sentences('sessions', {
  /** The session ended while the request ran (signed out elsewhere, or everywhere). */
  SESSION_ENDED: null,
  /** Sign Out on a browser of the list that is already signed out (elsewhere, or it timed out). */
  BROWSER_UNKNOWN: null,
});

export type SessionsError = keyof typeof SESSIONS_ERRORS;
