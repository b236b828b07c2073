// The code every form shares (src/result.ts): a form whose fields say what is wrong. Not a map of
// sentences: its one sentence is empty, and the fields' own messages are said in each language.

export const FORMS_ERRORS = {
  /** The fields say what is wrong, next to each; the form-wide sentence is empty so the form's summary lists only theirs. */
  INVALID_FIELDS: '',
} as const;

export type FormsError = keyof typeof FORMS_ERRORS;
