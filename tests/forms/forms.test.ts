// The form plumbing every flow shares (src/forms/forms.ts): refusals whose messages sit next to the
// fields, taken from the capability's own map of sentences (src/result.ts), and the parsing that
// shows every problem of a form at once.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsOf, fieldFailure, inFieldOrder, invalidFields, parseForm, rawFields } from '../../src/forms/forms.ts';
import { FORMS_ERRORS } from '../../src/forms/errors.ts';
import { ACCOUNTS_ERRORS } from '../../src/accounts/errors.ts';
import { failure, type ErrorSentences } from '../../src/result.ts';

/** A map of two codes, with sentences of the catalogue. */
const SENTENCES = {
  WRONG_THING: { key: 'errors.accountChanges.SAME_PASSWORD' },
  TOO_MANY: { key: 'errors.appPasswords.TOO_MANY_APP_PASSWORDS', facts: (limit: number) => ({ max: limit }) },
} as const satisfies ErrorSentences;
const WRONG_THING = 'Choose a password different from your current one.';

describe('fieldFailure', () => {
  it("puts the code's sentence from the given map next to the field, and no sentence above the fields", () => {
    expect(fieldFailure(SENTENCES, 'WRONG_THING', 'thing')).toEqual({
      ok: false,
      code: 'WRONG_THING',
      error: '',
      fieldErrors: { thing: WRONG_THING },
    });
  });

  it('builds the sentence from its facts', () => {
    expect(fieldFailure(SENTENCES, 'TOO_MANY', 'count', 3).fieldErrors).toEqual({
      count: 'You have 3 app-specific passwords, the most an account can have. Revoke one you no longer use first.',
    });
  });

  it('takes the sentence of the map it is given, so two maps with the same code give their own', () => {
    const other = { WRONG_THING: { key: 'errors.twoStep.ALREADY_OFF' } } as const satisfies ErrorSentences;
    expect(fieldFailure(other, 'WRONG_THING', 'thing').fieldErrors).toEqual({ thing: 'Two-step verification is already off.' });
  });

  it('says next to the field what failure() says above a form', () => {
    expect(fieldFailure(ACCOUNTS_ERRORS, 'TOO_YOUNG', 'birthDate').fieldErrors.birthDate).toBe(failure(ACCOUNTS_ERRORS, 'TOO_YOUNG').error);
  });
});

describe('invalidFields', () => {
  it("is INVALID_FIELDS with the fields' own messages and the code's empty sentence", () => {
    expect(invalidFields({ name: 'Enter your name.' })).toEqual({
      ok: false,
      code: 'INVALID_FIELDS',
      error: FORMS_ERRORS.INVALID_FIELDS,
      fieldErrors: { name: 'Enter your name.' },
    });
    expect(FORMS_ERRORS.INVALID_FIELDS).toBe('');
  });
});

describe('parseForm', () => {
  const schema = z.object({ name: z.string().min(1, 'Enter your name.'), colour: z.string().min(1, 'Choose a colour.') });

  it('gives the parsed data when the fields and the cross-field rules pass', () => {
    expect(parseForm(schema, { name: 'Jane', colour: 'blue' }, {})).toEqual({ ok: true, data: { name: 'Jane', colour: 'blue' } });
  });

  it("shows every problem at once: zod's for single fields, the cross-field ones for the others", () => {
    expect(parseForm(schema, { name: '', colour: 'blue' }, { colour: 'Blue is taken.' })).toEqual(
      invalidFields({ name: 'Enter your name.', colour: 'Blue is taken.' }),
    );
  });

  it("lets zod's message win over a cross-field one for the same field", () => {
    expect(parseForm(schema, { name: 'Jane', colour: '' }, { colour: 'Blue is taken.' })).toEqual(
      invalidFields({ colour: 'Choose a colour.' }),
    );
  });

  it("lists the errors in the order of the schema's keys (the form's order), whichever rule found them", () => {
    const result = parseForm(schema, { name: '', colour: 'blue' }, { colour: 'Blue is taken.', form: 'Something else.' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors)).toEqual(['name', 'colour', 'form']);
  });

  it('refuses a form whose fields parse but a cross-field rule fails', () => {
    expect(parseForm(schema, { name: 'Jane', colour: 'blue' }, { colour: 'Blue is taken.' })).toEqual(
      invalidFields({ colour: 'Blue is taken.' }),
    );
  });
});

describe('inFieldOrder', () => {
  it('puts the named fields first, in the order given, and keeps the others in the order they came', () => {
    const errors = { c: 'C.', other2: 'O2.', a: 'A.', other1: 'O1.', b: 'B.' };
    expect(Object.entries(inFieldOrder(errors, ['a', 'b', 'c']))).toEqual([
      ['a', 'A.'],
      ['b', 'B.'],
      ['c', 'C.'],
      ['other2', 'O2.'],
      ['other1', 'O1.'],
    ]);
  });
});

describe('rawFields and fieldErrorsOf', () => {
  it('reads text fields as strings and anything else as empty', () => {
    const field = rawFields({ name: 'Jane', age: 42, list: ['a'] });
    expect([field('name'), field('age'), field('list'), field('missing')]).toEqual(['Jane', '', '', '']);
    expect(rawFields(null)('name')).toBe('');
  });

  it("keeps each field's first message, and names a problem of the whole form 'form'", () => {
    const schema = z.object({ code: z.string().min(6, 'Too short.').regex(/^\d+$/, 'Digits only.') });
    expect(fieldErrorsOf(schema.safeParse({ code: 'ab' }).error!)).toEqual({ code: 'Too short.' });
    expect(fieldErrorsOf(schema.safeParse('not a form').error!)).toEqual({ form: expect.any(String) });
  });
});
