// The app-specific passwords' sentences (src/app-passwords/errors.ts): full sentences, the limit
// from MAX_APP_PASSWORDS, never typed in.
import { describe, expect, it } from 'vitest';
import { APP_PASSWORDS_ERRORS } from '../../src/app-passwords/errors.ts';
import { MAX_APP_PASSWORDS } from '../../src/app-passwords/app-passwords.ts';
import { sentenceOf } from '../../src/result.ts';

describe('APP_PASSWORDS_ERRORS', () => {
  it('every fixed sentence is a full sentence with no digit typed in', () => {
    for (const [code, s] of Object.entries(APP_PASSWORDS_ERRORS)) if (typeof s === 'string') expect(s, code).toMatch(/^[A-Z][^0-9]*\.$/);
  });

  it('the limit is the rule', () => {
    expect(sentenceOf(APP_PASSWORDS_ERRORS, 'TOO_MANY_APP_PASSWORDS', MAX_APP_PASSWORDS)).toMatch(
      /^You have 25 app-specific passwords, the most an account can have\./,
    );
  });
});
