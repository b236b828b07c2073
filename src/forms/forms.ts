// Form plumbing every flow shares: a form's fields as strings, zod's issues as messages next to the
// fields, and the refusals those messages explain. Cross-field rules run on the raw form even when
// single fields are invalid, so that every problem shows at once (a zod refinement would wait for
// the other fields to pass). The fields and rules themselves live with what they are about (an
// account's in src/accounts/fields.ts).
import { z } from 'zod';
import { sentenceOf, type ErrorSentences, type Failure, type FactsOf, type Result } from '../result.ts';
import { FORMS_ERRORS } from './errors.ts';

export type FieldErrors = Partial<Record<string, string>>;

/**
 * A refusal the form's fields explain: `code` says why, `fieldErrors` holds the messages next to
 * the fields, and `error` is empty (the form's summary lists the fields' messages; a sentence above
 * them would say it twice).
 */
export type FieldFailure<C extends string = string> = Failure<C> & { fieldErrors: FieldErrors };

/** What a form's domain function answers: a Result whose refusals may carry messages next to fields. */
export type FormResult<T extends object = object, C extends string = string> = Result<T, C> & { fieldErrors?: FieldErrors };

/** The refusal `code` of `sentences`, its sentence (built from `facts` when it needs any) shown next to `field`. */
export function fieldFailure<M extends ErrorSentences, C extends keyof M & string>(
  sentences: M,
  code: C,
  field: string,
  ...facts: FactsOf<M[C]>
): FieldFailure<C> {
  return { ok: false, code, error: '', fieldErrors: { [field]: sentenceOf(sentences, code, ...facts) } };
}

/** INVALID_FIELDS: the fields' own messages say what is wrong. */
export function invalidFields(fieldErrors: FieldErrors): FieldFailure<'INVALID_FIELDS'> {
  return { ok: false, code: 'INVALID_FIELDS', error: FORMS_ERRORS.INVALID_FIELDS, fieldErrors };
}

/** The form's fields as strings; anything else counts as empty. */
export function rawFields(input: unknown): (name: string) => string {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  return (name) => (typeof raw[name] === 'string' ? (raw[name] as string) : '');
}

/** zod's issues as messages next to the fields: the first issue of each field (`form` for the form itself). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return errors;
}

/**
 * `errors` in the order of `fields` (then any other, as they came). The form's error summary lists
 * the messages in the order they come, and a summary is read top to bottom like the form itself.
 */
export function inFieldOrder(errors: FieldErrors, fields: readonly string[]): FieldErrors {
  const rank = (name: string) => (fields.includes(name) ? fields.indexOf(name) : fields.length);
  const names = Object.keys(errors).sort((a, b) => rank(a) - rank(b)); // a stable sort keeps the others as they came
  return Object.fromEntries(names.map((name) => [name, errors[name]]));
}

/**
 * Parses a form: zod's field errors win over the cross-field ones for the same field. An object
 * schema's keys are declared in the order the form shows its fields, so its errors come in that
 * order whichever rule found them.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
  crossField: FieldErrors,
): { ok: true; data: z.output<S> } | FieldFailure<'INVALID_FIELDS'> {
  const parsed = schema.safeParse(input);
  const fieldErrors = { ...crossField, ...(parsed.success ? {} : fieldErrorsOf(parsed.error)) };
  const fields = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return invalidFields(inFieldOrder(fieldErrors, fields));
  return { ok: true, data: parsed.data };
}
