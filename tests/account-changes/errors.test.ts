// The Password and Security changes' sentences (src/account-changes/errors.ts): full sentences,
// the wait from waitText, never typed in.
import { describe, expect, it } from 'vitest';
import { ACCOUNT_CHANGES_ERRORS } from '../../src/account-changes/errors.ts';
import { waitText } from '../../src/throttle/throttle.ts';
import { sentenceOf } from '../../src/result.ts';

const now = new Date('2026-01-01T12:00:00Z');
const later = new Date(now.getTime() + 15 * 60_000);

describe('ACCOUNT_CHANGES_ERRORS', () => {
  it('every fixed sentence is a full sentence with no digit typed in', () => {
    for (const [code, s] of Object.entries(ACCOUNT_CHANGES_ERRORS)) if (typeof s === 'string') expect(s, code).toMatch(/^[A-Z][^0-9]*\.$/);
  });

  it('the lock says the time left', () => {
    expect(sentenceOf(ACCOUNT_CHANGES_ERRORS, 'CURRENT_PASSWORD_LOCKED', later, now)).toBe(
      `Too many wrong passwords. Try again in ${waitText(later, now)}.`,
    );
  });
});
