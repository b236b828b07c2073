// The support console's sentences (src/support/errors.ts): the PIN's digits, lifetime and tries, the
// staff password's length and the authenticator app's digits and step come from their constants,
// never typed in.
import { describe, expect, it } from 'vitest';
import { SUPPORT_ERRORS } from '../../src/support/errors.ts';
import { MAX_PIN_TRIES, SUPPORT_PIN_DIGITS, SUPPORT_PIN_TTL_MS } from '../../src/support/pin.ts';
import { MIN_STAFF_PASSWORD_LENGTH } from '../../src/support/staff.ts';
import { MAX_PASSWORD_LENGTH } from '../../src/accounts/password-policy.ts';
import { TOTP_DIGITS, TOTP_STEP_SECONDS } from '../../src/kinds/authenticator-app/totp.ts';
import { sentenceOf } from '../../src/result.ts';

// The operator command's answers are lower-case messages for a terminal, not sentences.
const COMMAND_LINE = [
  'BAD_ARGUMENTS',
  'UNKNOWN_COMMAND',
  'ADD_NEEDS_EMAIL',
  'REMOVE_NEEDS_EMAIL',
  'LIST_TAKES_NO_ARGUMENTS',
  'RESET_FACTOR_NEEDS_EMAIL',
  'INVALID_STAFF_USER',
];

describe('SUPPORT_ERRORS', () => {
  it('every fixed sentence is a full sentence with no digit typed in', () => {
    for (const [code, s] of Object.entries(SUPPORT_ERRORS)) {
      if (typeof s === 'string' && !COMMAND_LINE.includes(code) && code !== 'STAFF_PASSWORD_TOO_LONG')
        expect(s, code).toMatch(/^[A-Z][^0-9]*\.$/);
    }
  });

  it('the numbers in the sentences are the rules', () => {
    expect(sentenceOf(SUPPORT_ERRORS, 'PIN_FORMAT', SUPPORT_PIN_DIGITS)).toBe('Enter the 6-digit PIN.');
    expect(sentenceOf(SUPPORT_ERRORS, 'PIN_REFUSED', SUPPORT_PIN_TTL_MS, MAX_PIN_TRIES)).toContain(
      '(a PIN lasts 30 minutes and allows 5 tries)',
    );
    expect(sentenceOf(SUPPORT_ERRORS, 'STAFF_PASSWORD_TOO_SHORT', MIN_STAFF_PASSWORD_LENGTH)).toBe(
      'A staff password needs at least 15 characters.',
    );
    expect(sentenceOf(SUPPORT_ERRORS, 'STAFF_PASSWORD_TOO_LONG')).toBe(
      `A staff password can be at most ${MAX_PASSWORD_LENGTH} characters.`,
    );
    expect(sentenceOf(SUPPORT_ERRORS, 'STAFF_CODE_FORMAT', TOTP_DIGITS)).toBe('Enter the 6-digit code from your authenticator app.');
    expect(sentenceOf(SUPPORT_ERRORS, 'STAFF_CODE_USED', TOTP_STEP_SECONDS)).toContain('(every 30 seconds)');
  });
});
