// The codes of turning two-step verification on (the setup's steps) and off, and their sentences
// (src/result.ts).
import { sentences } from '../result.ts';

export const TWO_STEP_ERRORS = sentences('twoStep', {
  // ---- Setup cannot proceed (the refusal carries `stop`, the state that stops it)
  /** Get Started was not chosen (not an eligibility state). */
  SETUP_NOT_STARTED: null,
  /** The eligibility engine's state stops setup; its sentence is the explainer's (setupStopMessage, src/eligibility/explain.ts). */
  SETUP_STOPPED: (explained: string) => ({ explained }),

  // ---- The steps, in order
  /** Apple's FAQ (docs/rules.md#turning-it-on): at least one trusted phone number (src/devices/trusted-phones.ts). */
  NEEDS_TRUSTED_PHONE: null,
  NEEDS_KEY: null,
  NEEDS_CONFIRMED_KEY: null,
  /** Shown next to the Recovery Key field. */
  WRONG_KEY: null,
  /** Another tab got a new key between the check and the confirmation. */
  KEY_REPLACED: null,
  /** Shown next to the conditions' box. */
  ACCEPT_CONDITIONS: null,

  // ---- Turning it off
  ALREADY_OFF: null,
  /** Shown next to the birth date field. */
  WRONG_BIRTH_DATE: null,
});

export type TwoStepError = keyof typeof TWO_STEP_ERRORS;
