// The codes of the changes on the Password and Security page (password, security questions,
// rescue email, birth date) and their sentences (src/result.ts). Each is shown next to its field.
import { waitText } from '../throttle/throttle.ts';
import type { ErrorSentences } from '../result.ts';

export const ACCOUNT_CHANGES_ERRORS = {
  /** PER_APPLE_ID, counted under the change's own key: wrong current passwords. */
  CURRENT_PASSWORD_LOCKED: (until: Date, now: Date) => `Too many wrong passwords. Try again in ${waitText(until, now)}.`,
  WRONG_CURRENT_PASSWORD: "That isn't your current password.",
  SAME_PASSWORD: 'Choose a password different from your current one.',
  RESCUE_EMAIL_UNCHANGED: 'That is already your rescue email.',
  NO_RESCUE_EMAIL: 'There is no rescue email to remove.',
  BIRTH_DATE_UNCHANGED: 'That is already your birth date.',
} as const satisfies ErrorSentences;

export type AccountChangesError = keyof typeof ACCOUNT_CHANGES_ERRORS;
