// The password resets' sentences (src/password-reset/errors.ts): each one a full sentence, the
// waits built from the time left, never typed in.
import { describe, expect, it } from 'vitest';
import { PASSWORD_RESET_ERRORS } from '../../src/password-reset/errors.ts';
import { waitText } from '../../src/throttle/throttle.ts';

const now = new Date('2026-01-01T12:00:00Z');
const in30s = new Date(now.getTime() + 30_000);
const ANSWERS_SENTENCE = "Your answers don't match the ones on file. Check them and try again.";

function sentenceOf(code: keyof typeof PASSWORD_RESET_ERRORS): string {
  const s = PASSWORD_RESET_ERRORS[code];
  if (typeof s === 'string') return s;
  return code === 'LINK_DIED' ? PASSWORD_RESET_ERRORS.LINK_DIED(ANSWERS_SENTENCE) : (s as (until: Date, now: Date) => string)(in30s, now);
}

describe('PASSWORD_RESET_ERRORS', () => {
  it('every code has a non-empty sentence that ends with a full stop', () => {
    for (const code of Object.keys(PASSWORD_RESET_ERRORS) as (keyof typeof PASSWORD_RESET_ERRORS)[])
      expect(sentenceOf(code), code).toMatch(/^[A-Z].*\.$/);
  });

  it('the refusals with a wait say it, as waitText writes it', () => {
    for (const code of ['TOO_MANY_RESET_REQUESTS', 'KEY_RESET_LOCKED'] as const)
      expect(sentenceOf(code), code).toContain(`in ${waitText(in30s, now)}.`);
  });

  it('a link that died says why first, then that it no longer works', () => {
    expect(PASSWORD_RESET_ERRORS.LINK_DIED(ANSWERS_SENTENCE)).toBe(`${ANSWERS_SENTENCE} This link no longer works: ask for a new one.`);
  });
});
