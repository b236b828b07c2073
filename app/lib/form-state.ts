// What a server action returns to its form: a message for the form, messages next to fields,
// and the values typed so the form keeps them after an error. Passwords, one-time codes and PINs
// are never sent back (the form asks for them again); everything else is, security answers and a
// Recovery Key included: the person who typed them gets them back in the answer to their own request.
export interface FormState {
  error?: string;
  fieldErrors?: Partial<Record<string, string>>;
  values?: Record<string, string>;
  done?: boolean;
  /** A confirmation to show after a change succeeded. */
  notice?: string;
  /** With an error that ends by itself (a wait between codes): how long it lasts, in ms, by the portal's clock. */
  waitMs?: number;
}

export const EMPTY_FORM: FormState = {};

/** Field names never echoed: passwords (password, currentPassword, confirmPassword...), codes, PINs. */
const NEVER_ECHOED = /password|passcode|^code$|^pin$|secret|token/i;

// A server action is an HTTP endpoint: whatever its TypeScript type says, its arguments are what the
// request carried (React's reply format can send a string, a number, an object, a Map, ... in the
// place of the FormData). Anything that is not a FormData counts as a form with no fields, so the
// action answers with its form's own messages; a File in the place of a text field counts as empty.

/** The text fields of a submitted form, in order; none when `formData` is not a FormData. */
function textEntries(formData: unknown): Array<[string, string]> {
  if (!(formData instanceof FormData)) return [];
  const entries: Array<[string, string]> = [];
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string' && !name.startsWith('$')) entries.push([name, value]);
  }
  return entries;
}

export function formValues(formData: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of textEntries(formData)) if (!NEVER_ECHOED.test(name)) values[name] = value;
  return values;
}

/** The form fields as plain strings: what every action hands to its zod schema. */
export function formFields(formData: unknown): Record<string, string> {
  return Object.fromEntries(textEntries(formData));
}

/** One text field of the form ('' when missing, a file, or not a form at all). */
export function formField(formData: unknown, name: string): string {
  return formFields(formData)[name] ?? '';
}

/** What a second step's check answers (app/lib/proof-purposes.ts): a FormState, plus a new support PIN and its expiry, once. */
export interface ProofState extends FormState {
  pin?: { value: string; expiresAt: string };
}
