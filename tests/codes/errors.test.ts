// The codes' sentences (src/codes/errors.ts): each one a full sentence, the waits and counts in
// them built from the facts, never typed in.
import { describe, expect, it } from 'vitest';
import { CODES_ERRORS } from '../../src/codes/errors.ts';
import { waitText } from '../../src/throttle/throttle.ts';

const now = new Date('2026-01-01T12:00:00Z');
const in25s = new Date(now.getTime() + 25_000);

/** Every code's sentence, facts filled in with plausible values. */
function sentences(): [string, string][] {
  return Object.entries(CODES_ERRORS).map(([code, s]) => {
    if (typeof s === 'string') return [code, s];
    if (code === 'TOO_MANY_TO_DESTINATION') return [code, CODES_ERRORS.TOO_MANY_TO_DESTINATION('sms', in25s, now)];
    if (code === 'PUSH_FAILED') return [code, CODES_ERRORS.PUSH_FAILED("We couldn't reach the device right now. Try again later.")];
    return [code, (s as (...a: unknown[]) => string)(...(s.length === 1 ? [3] : [in25s, now]))];
  });
}

describe('CODES_ERRORS', () => {
  it('every code has a non-empty sentence that ends with a full stop', () => {
    for (const [code, sentence] of sentences()) expect(sentence, code).toMatch(/^[A-Z].*\.$/);
  });

  it('every refusal with a wait says the wait, as waitText writes it', () => {
    const waits = [
      'CODES_PAUSED',
      'WAIT_BEFORE_ANOTHER_CODE',
      'TOO_MANY_TO_DESTINATION',
      'TOO_MANY_FOR_ACCOUNT',
      'TOO_MANY_FROM_NETWORK',
    ] as const;
    for (const code of waits) expect(Object.fromEntries(sentences())[code], code).toContain(waitText(in25s, now));
  });

  it('the tries left and the digits are the facts given', () => {
    expect(CODES_ERRORS.CODE_WRONG(1)).toContain('1 more time.');
    expect(CODES_ERRORS.CODE_WRONG(2)).toContain('2 more times.');
    expect(CODES_ERRORS.CODE_MALFORMED(6)).toBe('Enter the 6-digit code.');
    expect(CODES_ERRORS.TOO_MANY_TO_DESTINATION('push', in25s, now)).toContain('this device');
  });
});
