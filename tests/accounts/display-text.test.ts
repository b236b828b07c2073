// The one rule for names and labels (src/accounts/display-text.ts), and every schema that uses it:
// account names, registered device names, app-specific password labels, staff display names.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DISPLAY_TEXT_MESSAGE, displayText, hasVisibleText, isPlainText } from '../../src/accounts/display-text.ts';
import { accountNameField } from '../../src/accounts/fields.ts';
import { createAccountSchema } from '../../src/accounts/create-account.ts';
import { labelField } from '../../src/app-passwords/app-passwords.ts';
import { displayNameField } from '../../src/support/staff.ts';

const field = displayText(20, { empty: 'Enter a name.', tooLong: 'Too long.' });
const messageOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : r.error.issues[0]!.message;
};

const CONTROLS = ['\u0000', '\u0007', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009b'];
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const INVISIBLE_ONLY = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u200b\u200b\u200b',
  ' \u200b ',
  '\u00ad',
  '\u3164',
  '\u115f\u1160',
  '\u2800',
  '\u0301',
  '\ufe0f',
  '\u00a0\u2003',
];

describe('names and labels: one line of plain, visible text', () => {
  it('keeps ordinary names from every script, emoji sequences and punctuation', () => {
    for (const name of [
      'Jane Appleseed',
      'Zoë O’Brien-Smith',
      '山田 太郎',
      'محمد',
      'Ἀριστοτέλης',
      '👩‍💻 Dev’s iPhone',
      'می‌خواهم',
      'A',
      'Mail #1: “work”',
    ]) {
      expect(field.safeParse(name)).toEqual({ success: true, data: name });
    }
  });

  it('trims surrounding white space and stores NFC', () => {
    expect(field.parse('  Jane  ')).toBe('Jane');
    expect(field.parse('Zoe\u0308')).toBe('Zoë');
    expect(field.parse('Zoe\u0308')).toHaveLength(3);
    expect(field.parse('\u00a0Jane\u3000')).toBe('Jane');
  });

  it.each(CONTROLS.map((c) => [JSON.stringify(c), c]))('refuses the control character %s, also at the edges', (_, c) => {
    for (const value of [`Jane${c}Doe`, `${c}Jane`, `Jane${c}`]) expect(messageOf(field, value)).toBe(DISPLAY_TEXT_MESSAGE);
  });

  it.each(BIDI.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))('refuses the bidi formatting character %s', (_, c) => {
    expect(messageOf(field, `${c}moc.elppa`)).toBe(DISPLAY_TEXT_MESSAGE);
    expect(messageOf(field, `Jane${c}`)).toBe(DISPLAY_TEXT_MESSAGE);
  });

  it('refuses line and paragraph separators and lone surrogates', () => {
    for (const value of ['Jane\u2028Doe', 'Jane\u2029', 'Jane\ud800', '\udc00Jane'])
      expect(messageOf(field, value)).toBe(DISPLAY_TEXT_MESSAGE);
  });

  it.each(INVISIBLE_ONLY.map((s) => [JSON.stringify(s), s]))('counts invisible-only text %s as empty', (_, s) => {
    expect(hasVisibleText(s)).toBe(false);
    expect(messageOf(field, s)).toBe('Enter a name.');
  });

  it('keeps zero-width joiners inside visible text', () => {
    expect(field.parse('Jane\u200dDoe')).toBe('Jane\u200dDoe');
  });

  it('anything that is not a string is empty; length counts after trimming and NFC', () => {
    for (const v of [undefined, null, 42, {}, ['Jane'], true]) expect(messageOf(field, v)).toBe('Enter a name.');
    expect(messageOf(field, '')).toBe('Enter a name.');
    expect(field.parse(`  ${'x'.repeat(20)}  `)).toHaveLength(20);
    expect(messageOf(field, 'x'.repeat(21))).toBe('Too long.');
    expect(field.parse('e\u0301'.repeat(20))).toBe('é'.repeat(20));
  });

  it('isPlainText and hasVisibleText agree with the field', () => {
    expect(isPlainText('Jane Doe')).toBe(true);
    expect(isPlainText('Jane\u202eDoe')).toBe(false);
    expect(hasVisibleText('\u200b.')).toBe(true);
  });
});

describe('every schema for a name or label uses the rule', () => {
  const unsafe = ['Jane\u0000', 'Jane\nDoe', '\u202eenaJ', 'Jane\u2066'];
  const invisible = ['\u200b', '\u200b\u200c\u200d\ufeff', '\u2060'];

  it('the account name (create account)', () => {
    for (const v of unsafe) expect(messageOf(accountNameField, v)).toBe(DISPLAY_TEXT_MESSAGE);
    for (const v of invisible) expect(messageOf(accountNameField, v)).toBe('Enter your name.');
    expect(createAccountSchema.shape.name).toBe(accountNameField);
    expect(accountNameField.parse(' Jane Appleseed ')).toBe('Jane Appleseed');
  });

  it('the app-specific password label', () => {
    for (const v of unsafe) expect(messageOf(labelField, v)).toBe(DISPLAY_TEXT_MESSAGE);
    for (const v of invisible) expect(messageOf(labelField, v)).toBe('Enter a label, such as the name of the app.');
    expect(labelField.parse(' Mail ')).toBe('Mail');
  });

  it("the staff display name (the operator's line breaks and tabs become spaces; bidi and invisible-only are refused)", () => {
    expect(displayNameField.parse('  Sam \n\t Staff ')).toBe('Sam Staff');
    expect(messageOf(displayNameField, 'Sam\u202eStaff')).toBe(DISPLAY_TEXT_MESSAGE);
    expect(messageOf(displayNameField, '\u200b')).toBe('Give a display name.');
  });
});
