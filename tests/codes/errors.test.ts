// The codes' sentences (src/codes/errors.ts): each one a full sentence, the waits and counts in
// them built from the facts, never typed in.
import { describe, expect, it } from 'vitest';
import { CODES_ERRORS } from '../../src/codes/errors.ts';
import { waitText } from '../../src/throttle/throttle.ts';
import { sentenceOf } from '../../src/result.ts';

import { everySentence, IN_25S as in25s, NOW as now } from '../harness/refusal-samples.ts';

/** Every code's sentence, facts filled in with plausible values. */
function sentences(): [string, string][] {
  return everySentence(CODES_ERRORS).map(([code, s]) =>
    code === 'PUSH_FAILED'
      ? [code, sentenceOf(CODES_ERRORS, 'PUSH_FAILED', "We couldn't reach the device right now. Try again later.")]
      : [code, s],
  );
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
    expect(sentenceOf(CODES_ERRORS, 'CODE_WRONG', 1)).toContain('1 more time.');
    expect(sentenceOf(CODES_ERRORS, 'CODE_WRONG', 2)).toContain('2 more times.');
    expect(sentenceOf(CODES_ERRORS, 'CODE_MALFORMED', 6)).toBe('Enter the 6-digit code.');
    expect(sentenceOf(CODES_ERRORS, 'TOO_MANY_TO_DESTINATION', 'push', in25s, now)).toContain('this device');
  });
});
