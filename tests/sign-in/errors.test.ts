// Signing in's sentences (src/sign-in/errors.ts): each one a full sentence, the lock's wait built
// from the time left, never typed in.
import { describe, expect, it } from 'vitest';
import { SIGN_IN_ERRORS } from '../../src/sign-in/errors.ts';
import { waitText } from '../../src/throttle/throttle.ts';
import { HOUR } from '../../src/clock.ts';
import { sentenceOf } from '../../src/result.ts';

const now = new Date('2026-01-01T12:00:00Z');
const inAnHour = new Date(now.getTime() + HOUR);

describe('SIGN_IN_ERRORS', () => {
  it('every code has a non-empty sentence that ends with a full stop', () => {
    for (const [code, s] of Object.entries(SIGN_IN_ERRORS)) {
      const sentence =
        'facts' in s
          ? sentenceOf(SIGN_IN_ERRORS, 'RECOVERY_KEY_LOCKED', inAnHour, now)
          : sentenceOf(SIGN_IN_ERRORS, code as 'NO_RECOVERY_KEY');
      expect(sentence, code).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('the Recovery Key lock says the wait, as waitText writes it', () => {
    expect(sentenceOf(SIGN_IN_ERRORS, 'RECOVERY_KEY_LOCKED', inAnHour, now)).toContain(`in ${waitText(inAnHour, now)}.`);
    expect(sentenceOf(SIGN_IN_ERRORS, 'RECOVERY_KEY_LOCKED', new Date(now.getTime() + 61_000), now)).toContain('in 2 minutes.');
  });
});
