// accounts/ sentences (src/accounts/errors.ts): full sentences, no rule number typed in (the age
// comes from MIN_AGE_YEARS, waits from waitText), and INVALID_FIELDS with no sentence of its own.
import { describe, expect, it } from 'vitest';
import { ACCOUNTS_ERRORS } from '../../src/accounts/errors.ts';
import { MIN_AGE_YEARS } from '../../src/accounts/age.ts';
import { waitText } from '../../src/throttle/throttle.ts';

const now = new Date('2026-01-01T12:00:00Z');
const later = new Date(now.getTime() + 15 * 60_000);

describe('ACCOUNTS_ERRORS', () => {
  it('every fixed sentence is a full sentence with no digit typed in; INVALID_FIELDS leaves the sentences to the fields', () => {
    for (const [code, s] of Object.entries(ACCOUNTS_ERRORS)) {
      if (typeof s !== 'string' || code === 'TOO_YOUNG') continue;
      if (code === 'INVALID_FIELDS') expect(s).toBe('');
      else expect(s, code).toMatch(/^[A-Z][^0-9]*\.$/);
    }
  });

  it('the age and the waits are the rules', () => {
    expect(ACCOUNTS_ERRORS.TOO_YOUNG).toBe(`You must be at least ${MIN_AGE_YEARS} years old to have an Apple ID.`);
    for (const code of ['TOO_MANY_SIGN_UPS', 'QUESTIONS_LOCKED', 'PASSWORD_LOCKED_OUT'] as const) {
      expect(ACCOUNTS_ERRORS[code](later, now), code).toMatch(new RegExp(`try again in ${waitText(later, now)}\\.$`, 'i'));
    }
  });
});
