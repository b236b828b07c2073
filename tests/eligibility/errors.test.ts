// eligibility/ sentences (src/eligibility/errors.ts): full sentences; Get Started's refusal says
// why in the Two-Step section's own words (src/eligibility/explain.ts).
import { describe, expect, it } from 'vitest';
import { ELIGIBILITY_ERRORS } from '../../src/eligibility/errors.ts';
import { setupUnavailable } from '../../src/eligibility/waiting-periods.ts';
import { explainEligibility, partsText } from '../../src/eligibility/explain.ts';

describe('ELIGIBILITY_ERRORS', () => {
  it('every fixed sentence is a full sentence with no digit typed in', () => {
    for (const [code, s] of Object.entries(ELIGIBILITY_ERRORS)) if (typeof s === 'string') expect(s, code).toMatch(/^[A-Z][^0-9]*\.$/);
  });

  it("SETUP_UNAVAILABLE carries the state and the holder's sentence for it", () => {
    const waiting = {
      state: 'waiting',
      endsAt: new Date('2026-11-26T10:00:00Z'),
      reason: 'password-changed',
      reasonAt: new Date('2026-11-23T10:00:00Z'),
    } as const;
    const refused = setupUnavailable(waiting);
    expect(refused).toEqual({
      ok: false,
      code: 'SETUP_UNAVAILABLE',
      error: partsText(explainEligibility(waiting, 'holder').sentence),
      eligibility: waiting,
    });
    expect(refused.error).toMatch(/^Setup is paused until .*2026.*, because your password was changed on /);
  });
});
