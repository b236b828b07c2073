// accounts/ sentences (src/accounts/errors.ts): full sentences, no rule number typed in (the age
// comes from MIN_AGE_YEARS, waits from waitText), and INVALID_FIELDS with no sentence of its own.
import { describe, expect, it } from 'vitest';
import { ACCOUNTS_ERRORS } from '../../src/accounts/errors.ts';
import { MIN_AGE_YEARS } from '../../src/accounts/age.ts';
import { waitText } from '../../src/throttle/throttle.ts';
import { sentenceOf } from '../../src/result.ts';
import { FORMS_ERRORS } from '../../src/forms/errors.ts';

const now = new Date('2026-01-01T12:00:00Z');
const later = new Date(now.getTime() + 15 * 60_000);

describe('ACCOUNTS_ERRORS', () => {
  it('every fixed sentence is a full sentence with no digit typed in; INVALID_FIELDS leaves the sentences to the fields', () => {
    for (const [code, s] of Object.entries(ACCOUNTS_ERRORS)) {
      if ('facts' in s) continue;
      expect(sentenceOf(ACCOUNTS_ERRORS, code as keyof typeof ACCOUNTS_ERRORS & string), code).toMatch(/^[A-Z][^0-9]*\.$/);
    }
    expect(FORMS_ERRORS.INVALID_FIELDS).toBe('');
  });

  it('the age and the waits are the rules', () => {
    expect(sentenceOf(ACCOUNTS_ERRORS, 'TOO_YOUNG')).toBe(`You must be at least ${MIN_AGE_YEARS} years old to have an Apple ID.`);
    for (const code of ['TOO_MANY_SIGN_UPS', 'QUESTIONS_LOCKED', 'PASSWORD_LOCKED_OUT'] as const) {
      expect(sentenceOf(ACCOUNTS_ERRORS, code, later, now), code).toMatch(new RegExp(`try again in ${waitText(later, now)}\\.$`, 'i'));
    }
  });
});
