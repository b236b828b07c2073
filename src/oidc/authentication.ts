// How a person signed in, as an app is told, and what an app's sign-in still needs before the
// portal may answer it: the rules of "other apps sign in with the Apple ID" (docs/other-apps.md).
// Pure functions on facts already read, tested on fixed dates (tests/oidc/authentication.test.ts).
//
// An app's sign-in is the portal's sign-in. The facts come from the portal session of the browser
// (src/oidc/portal-login.ts); the provider keeps no sign-in state of its own:
//  - no live, fully signed-in portal session: sign in (password, then a trusted device with two-step on);
//  - a browser that never completed a sign-in to this account (no device cookie for it: a new
//    device, docs/rules.md#other-apps, or a copied session cookie), or whose entry was forgotten
//    since (Sign Out Everywhere, a password change or reset: src/sessions/known-browsers.ts): the
//    second step again before any app gets a token (two-step off: the password again, the only
//    step there is);
//  - `prompt=login`: a whole new sign-in, begun after the app asked;
//  - `max_age` passed: prove it is you again with the step that makes the account's sign-in
//    strong: a trusted device (two-step off: the password). max_age=0 is prompt=login (OIDC Core
//    3.1.2.1; oidc-provider turns one into the other before the bridge sees the request);
//  - `acr_values` naming two-step (an app that requires it): a trusted device in this session; a
//    holder with two-step off cannot give one, and the app is told so
//    (unmet_authentication_requirements) after the holder was told why.
import type { AuthMethod } from '../sessions/auth-methods.ts';

/** Authentication context classes (the ID token's acr): password only, or password and a trusted device. */
export const ACR = {
  password: 'urn:two-step:acr:password',
  twoStep: 'urn:two-step:acr:two-step',
} as const;
export type Acr = (typeof ACR)[keyof typeof ACR];

/** What the portal session of a browser says, read for an app's sign-in. */
export interface PortalSession {
  accountId: string;
  /** 'full': signed in; anything else (waiting for its code, a Recovery Key session) is not, for an app. */
  stage: string;
  twoStepOn: boolean;
  /** When the session's sign-in completed. */
  signedInAt: Date;
  /** When a trusted device last proved it is the holder in this session, and how. */
  codeVerifiedAt: Date | null;
  secondStep: AuthMethod | null;
  /** The browser completed a sign-in to this account before (its device cookie, whose record still exists). */
  knownBrowser: boolean;
}

/** What oidc-provider records of a sign-in (its login result). */
export interface AppLogin {
  accountId: string;
  acr: Acr;
  amr: AuthMethod[];
  /** When the person last actively proved who they are: the ID token's auth_time. */
  authTime: Date;
}

/**
 * The sign-in an app is told of, when the session is one: signed in fully, in a browser known to the
 * account. Two-step on and a trusted device proven in the session: password, that device, 'mfa'.
 */
export function appLogin(s: PortalSession | null): AppLogin | null {
  if (!s || s.stage !== 'full' || !s.knownBrowser) return null;
  const twoSteps = s.twoStepOn && s.codeVerifiedAt !== null && s.secondStep !== null;
  const authTime = s.codeVerifiedAt && s.codeVerifiedAt > s.signedInAt ? s.codeVerifiedAt : s.signedInAt;
  return twoSteps
    ? { accountId: s.accountId, acr: ACR.twoStep, amr: ['pwd', s.secondStep!, 'mfa'], authTime }
    : { accountId: s.accountId, acr: ACR.password, amr: ['pwd'], authTime };
}

/** What the app's request asks of the sign-in. */
export interface AppRequest {
  /** When the app asked (the interaction began). */
  startedAt: Date;
  /** prompt=login. */
  freshSignIn: boolean;
  /** max_age, in seconds. */
  maxAgeSeconds?: number;
  /** acr_values, in the app's order. */
  acrValues: string[];
}

/** Whether the app accepts only a sign-in with a trusted device (acr_values names two-step and nothing weaker). */
export function requiresTwoStep(r: Pick<AppRequest, 'acrValues'>): boolean {
  return r.acrValues.includes(ACR.twoStep) && !r.acrValues.includes(ACR.password);
}

/**
 * The next step of an app's sign-in, on the portal's pages:
 *  - 'sign-in': the sign-in page (password, then a trusted device with two-step on);
 *  - 'second-step': confirm it is you with a trusted device, in the live session;
 *  - 'two-step-required': the app requires two-step and the holder has it off;
 *  - 'done': the app may be answered with this sign-in.
 */
export type NextStep =
  { step: 'sign-in' } | { step: 'second-step'; why: SecondStepReason } | { step: 'two-step-required' } | { step: 'done'; login: AppLogin };

/** Why a signed-in holder is asked for a trusted device again (the page says it in words). */
export const SECOND_STEP_REASONS = ['new-browser', 'too-old', 'needs-device'] as const;
export type SecondStepReason = (typeof SECOND_STEP_REASONS)[number];

export function nextStep(s: PortalSession | null, r: AppRequest): NextStep {
  if (!s || s.stage !== 'full') return { step: 'sign-in' };
  if (r.freshSignIn && s.signedInAt < r.startedAt) return { step: 'sign-in' };
  // The step that proves it again: a trusted device, or the password where there is none.
  const again = (why: SecondStepReason): NextStep => (s.twoStepOn ? { step: 'second-step', why } : { step: 'sign-in' });
  if (!s.knownBrowser) return again('new-browser');
  const login = appLogin(s)!;
  if (r.maxAgeSeconds !== undefined && login.authTime.getTime() < r.startedAt.getTime() - r.maxAgeSeconds * 1000) return again('too-old');
  if (requiresTwoStep(r)) {
    if (!s.twoStepOn) return { step: 'two-step-required' };
    if (login.acr !== ACR.twoStep) return { step: 'second-step', why: 'needs-device' };
  }
  return { step: 'done', login };
}
