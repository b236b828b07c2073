// What a server action returns to its form: a message for the form, messages next to fields,
// and the values typed (never passwords or answers) so the form keeps them.
export interface FormState {
  error?: string;
  fieldErrors?: Partial<Record<string, string>>;
  values?: Record<string, string>;
  done?: boolean;
  /** A confirmation to show after a change succeeded. */
  notice?: string;
}

export const EMPTY_FORM: FormState = {};

const NEVER_ECHOED = /password|answer|code|key/i;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string' && !name.startsWith('$') && !NEVER_ECHOED.test(name)) values[name] = value;
  }
  return values;
}

/** The form fields as plain strings: what every action hands to its zod schema. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string' && !name.startsWith('$')) fields[name] = value;
  }
  return fields;
}
