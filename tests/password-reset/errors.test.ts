// The password resets' sentences (src/password-reset/errors.ts): each one a full sentence, the
// waits built from the time left, never typed in.
import { describe, expect, it } from 'vitest';
import { PASSWORD_RESET_ERRORS } from '../../src/password-reset/errors.ts';
import { waitText } from '../../src/throttle/throttle.ts';
import { failure, sentenceOf } from '../../src/result.ts';
import { ACCOUNTS_ERRORS } from '../../src/accounts/errors.ts';

const now = new Date('2026-01-01T12:00:00Z');
const in30s = new Date(now.getTime() + 30_000);
const ANSWERS = failure(ACCOUNTS_ERRORS, 'WRONG_ANSWERS');

function sentence(code: keyof typeof PASSWORD_RESET_ERRORS): string {
  if (code === 'LINK_DIED') return sentenceOf(PASSWORD_RESET_ERRORS, 'LINK_DIED', ANSWERS);
  if (code === 'TOO_MANY_RESET_REQUESTS' || code === 'KEY_RESET_LOCKED') return sentenceOf(PASSWORD_RESET_ERRORS, code, in30s, now);
  return sentenceOf(PASSWORD_RESET_ERRORS, code);
}

describe('PASSWORD_RESET_ERRORS', () => {
  it('every code has a non-empty sentence that ends with a full stop', () => {
    for (const code of Object.keys(PASSWORD_RESET_ERRORS) as (keyof typeof PASSWORD_RESET_ERRORS)[])
      expect(sentence(code), code).toMatch(/^[A-Z].*\.$/);
  });

  it('the refusals with a wait say it, as waitText writes it', () => {
    for (const code of ['TOO_MANY_RESET_REQUESTS', 'KEY_RESET_LOCKED'] as const)
      expect(sentence(code), code).toContain(`in ${waitText(in30s, now)}.`);
  });

  it('a link that died says why first, then that it no longer works', () => {
    expect(sentenceOf(PASSWORD_RESET_ERRORS, 'LINK_DIED', ANSWERS)).toBe(`${ANSWERS.error} This link no longer works: ask for a new one.`);
    const locked = failure(ACCOUNTS_ERRORS, 'QUESTIONS_LOCKED', in30s, now);
    expect(sentenceOf(PASSWORD_RESET_ERRORS, 'LINK_DIED', locked)).toBe(`${locked.error} This link no longer works: ask for a new one.`);
  });
});
