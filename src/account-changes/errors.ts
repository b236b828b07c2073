// The codes of the changes on the Password and Security page (password, security questions,
// rescue email, birth date) and their sentences (src/result.ts). Each is shown next to its field.
import { waitFrom } from '../i18n/said.ts';
import { sentences } from '../result.ts';

export const ACCOUNT_CHANGES_ERRORS = sentences('accountChanges', {
  /** PER_APPLE_ID, counted under the change's own key: wrong current passwords. */
  CURRENT_PASSWORD_LOCKED: (until: Date, now: Date) => waitFrom(until, now),
  WRONG_CURRENT_PASSWORD: null,
  SAME_PASSWORD: null,
  RESCUE_EMAIL_UNCHANGED: null,
  NO_RESCUE_EMAIL: null,
  BIRTH_DATE_UNCHANGED: null,
});

export type AccountChangesError = keyof typeof ACCOUNT_CHANGES_ERRORS;
