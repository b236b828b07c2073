// Turning two-step on and off (src/two-step/errors.ts): full sentences with no digit typed in (a
// stopped setup's sentence is the eligibility explainer's, tested there).
import { describe, expect, it } from 'vitest';
import { TWO_STEP_ERRORS } from '../../src/two-step/errors.ts';

describe('TWO_STEP_ERRORS', () => {
  it('every fixed sentence is a full sentence with no digit typed in', () => {
    for (const [code, s] of Object.entries(TWO_STEP_ERRORS)) if (typeof s === 'string') expect(s, code).toMatch(/^[A-Z][^0-9]*\.$/);
  });
});
