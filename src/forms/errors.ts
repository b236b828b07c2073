// The code every form shares (src/result.ts): a form whose fields say what is wrong.
import type { ErrorSentences } from '../result.ts';

export const FORMS_ERRORS = {
  /** The fields say what is wrong, next to each; the form-wide sentence is empty so the form's summary lists only theirs. */
  INVALID_FIELDS: '',
} as const satisfies ErrorSentences;

export type FormsError = keyof typeof FORMS_ERRORS;
