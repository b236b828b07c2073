// The codes of eligibility/ (Get Started, the country-offer email) and their sentences
// (src/result.ts).
import { sentences } from '../result.ts';

export const ELIGIBILITY_ERRORS = sentences('eligibility', {
  /** Get Started while the engine says setup cannot start: the sentence is the Two-Step section's (explain.ts). */
  SETUP_UNAVAILABLE: (why: string) => ({ why }),
  /** The country-offer email: two-step is offered in the account's country already. */
  COUNTRY_OFFERED: null,
  /** The country-offer email: two-step is on, so there is nothing to wait for. */
  TWO_STEP_ALREADY_ON: null,
});

export type EligibilityError = keyof typeof ELIGIBILITY_ERRORS;
