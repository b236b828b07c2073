// The codes of turning two-step verification on (the setup's steps) and off, and their sentences
// (src/result.ts).
import type { ErrorSentences } from '../result.ts';

export const TWO_STEP_ERRORS = {
  // ---- Setup cannot proceed (the refusal carries `stop`, the state that stops it)
  /** Get Started was not chosen (not an eligibility state). */
  SETUP_NOT_STARTED: 'No setup is in progress. Choose Get Started on the Password and Security page first.',
  /** The eligibility engine's state stops setup; its sentence is the explainer's (setupStopMessage, src/eligibility/explain.ts). */
  SETUP_STOPPED: (explained: string) => explained,

  // ---- The steps, in order
  /** Apple's FAQ (docs/rules.md#turning-it-on): at least one trusted phone number (src/devices/trusted-phones.ts). */
  NEEDS_TRUSTED_PHONE:
    'Add a phone number and enter the code we text to it first: two-step verification needs at least one trusted phone number.',
  NEEDS_KEY: 'Get your Recovery Key first.',
  NEEDS_CONFIRMED_KEY: 'Confirm your Recovery Key first: type it in from your printed copy.',
  /** Shown next to the Recovery Key field. */
  WRONG_KEY: "That isn't the Recovery Key shown to you. Check your printed copy and type it again, or get a new key.",
  /** Another tab got a new key between the check and the confirmation. */
  KEY_REPLACED: 'Your Recovery Key was replaced meanwhile. Type in the newest key you got.',
  /** Shown next to the conditions' box. */
  ACCEPT_CONDITIONS: 'To turn on two-step verification, tick the box to accept these conditions.',

  // ---- Turning it off
  ALREADY_OFF: 'Two-step verification is already off.',
  /** Shown next to the birth date field. */
  WRONG_BIRTH_DATE: "That isn't the birth date on your account.",
} as const satisfies ErrorSentences;

export type TwoStepError = keyof typeof TWO_STEP_ERRORS;
