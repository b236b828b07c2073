// The rules of an app's sign-in through the portal (src/oidc/authentication.ts), on fixed dates:
// which sign-in an app is told of (acr, amr, auth_time), and what the portal asks of the person
// before it answers the app. The bridge and the provider decide nothing else; the integration
// tests (code-flow.int.test.ts) check that they follow these answers.
import { describe, expect, it } from 'vitest';
import { ACR, appLogin, nextStep, requiresTwoStep, type AppRequest, type PortalSession } from '../../src/oidc/authentication.ts';

const SIGNED_IN_AT = new Date('2026-11-23T10:00:00Z');
const ASKED_AT = new Date('2026-11-23T10:20:00Z');
const seconds = (s: number) => s * 1000;

/** A signed-in session in a browser known to the account, two-step off. */
function session(overrides: Partial<PortalSession> = {}): PortalSession {
  return {
    accountId: 'acct-1',
    stage: 'full',
    twoStepOn: false,
    signedInAt: SIGNED_IN_AT,
    codeVerifiedAt: null,
    secondStep: null,
    knownBrowser: true,
    ...overrides,
  };
}

/** Two-step on, and the sign-in finished with a code sent by SMS (codeVerifiedAt = the sign-in). */
function twoStepSession(overrides: Partial<PortalSession> = {}): PortalSession {
  return session({ twoStepOn: true, codeVerifiedAt: SIGNED_IN_AT, secondStep: 'sms', ...overrides });
}

function request(overrides: Partial<AppRequest> = {}): AppRequest {
  return { startedAt: ASKED_AT, freshSignIn: false, acrValues: [], ...overrides };
}

describe('the sign-in an app is told of (appLogin)', () => {
  it('there is none without a session', () => {
    expect(appLogin(null)).toBeNull();
  });

  it('a session that only gave its password (waiting for its code) or a Recovery Key session is no sign-in for an app', () => {
    expect(appLogin(session({ stage: 'password' }))).toBeNull();
    expect(appLogin(session({ stage: 'recovery' }))).toBeNull();
  });

  it('a browser that never completed a sign-in to the account (a copied session cookie) is no sign-in for an app', () => {
    expect(appLogin(session({ knownBrowser: false }))).toBeNull();
    expect(appLogin(twoStepSession({ knownBrowser: false }))).toBeNull();
  });

  it('two-step off: the password, password ACR, auth_time the sign-in', () => {
    expect(appLogin(session())).toEqual({ accountId: 'acct-1', acr: ACR.password, amr: ['pwd'], authTime: SIGNED_IN_AT });
  });

  it('two-step on with a trusted device in the session: password, that device, mfa; two-step ACR', () => {
    expect(appLogin(twoStepSession())).toEqual({
      accountId: 'acct-1',
      acr: ACR.twoStep,
      amr: ['pwd', 'sms', 'mfa'],
      authTime: SIGNED_IN_AT,
    });
    expect(appLogin(twoStepSession({ secondStep: 'hwk' }))?.amr).toEqual(['pwd', 'hwk', 'mfa']);
  });

  it('two-step on but no record of how the second step was proven: only the password is claimed', () => {
    // An app is never told of a factor the portal cannot name.
    expect(appLogin(twoStepSession({ secondStep: null }))).toMatchObject({ acr: ACR.password, amr: ['pwd'] });
    expect(appLogin(twoStepSession({ codeVerifiedAt: null }))).toMatchObject({ acr: ACR.password, amr: ['pwd'] });
  });

  it('a trusted device confirmed later in the session moves auth_time to that moment', () => {
    const confirmedAt = new Date(SIGNED_IN_AT.getTime() + seconds(600));
    expect(appLogin(twoStepSession({ codeVerifiedAt: confirmedAt, secondStep: 'otp' }))).toMatchObject({
      authTime: confirmedAt,
      amr: ['pwd', 'otp', 'mfa'],
    });
  });

  it('a code verified before the sign-in completed never moves auth_time back', () => {
    const before = new Date(SIGNED_IN_AT.getTime() - seconds(30));
    expect(appLogin(twoStepSession({ codeVerifiedAt: before }))?.authTime).toEqual(SIGNED_IN_AT);
  });
});

describe('what an app’s sign-in still needs (nextStep)', () => {
  it('no session: the sign-in page', () => {
    expect(nextStep(null, request())).toEqual({ step: 'sign-in' });
  });

  it('a session that is not signed in yet (waiting for its code, or a Recovery Key session): the sign-in page', () => {
    expect(nextStep(session({ stage: 'password' }), request())).toEqual({ step: 'sign-in' });
    expect(nextStep(twoStepSession({ stage: 'recovery' }), request())).toEqual({ step: 'sign-in' });
  });

  it('a signed-in session in a known browser: done, with the sign-in appLogin names', () => {
    expect(nextStep(session(), request())).toEqual({ step: 'done', login: appLogin(session()) });
    expect(nextStep(twoStepSession(), request())).toEqual({ step: 'done', login: appLogin(twoStepSession()) });
  });

  it('an unknown browser with two-step on: confirm with a trusted device before any app is answered', () => {
    expect(nextStep(twoStepSession({ knownBrowser: false }), request())).toEqual({ step: 'second-step', why: 'new-browser' });
  });

  it('an unknown browser with two-step off: the password again, the only step there is', () => {
    expect(nextStep(session({ knownBrowser: false }), request())).toEqual({ step: 'sign-in' });
  });

  describe('prompt=login', () => {
    it('a sign-in older than the app’s request: a whole new sign-in', () => {
      expect(nextStep(twoStepSession(), request({ freshSignIn: true }))).toEqual({ step: 'sign-in' });
      expect(nextStep(session(), request({ freshSignIn: true }))).toEqual({ step: 'sign-in' });
    });

    it('a sign-in completed after the app asked: done', () => {
      const after = new Date(ASKED_AT.getTime() + seconds(40));
      expect(nextStep(twoStepSession({ signedInAt: after, codeVerifiedAt: after }), request({ freshSignIn: true }))).toMatchObject({
        step: 'done',
        login: { authTime: after },
      });
    });

    it('a trusted device confirmed after the request is not a new sign-in: the password was given before', () => {
      const after = new Date(ASKED_AT.getTime() + seconds(40));
      expect(nextStep(twoStepSession({ codeVerifiedAt: after }), request({ freshSignIn: true }))).toEqual({ step: 'sign-in' });
    });
  });

  describe('max_age', () => {
    it('within max_age: done', () => {
      // Signed in 20 minutes before the request; the app accepts up to 30.
      expect(nextStep(twoStepSession(), request({ maxAgeSeconds: 30 * 60 }))).toMatchObject({ step: 'done' });
      expect(nextStep(session(), request({ maxAgeSeconds: 30 * 60 }))).toMatchObject({ step: 'done' });
    });

    it('exactly max_age old: still done (the limit is inclusive)', () => {
      expect(nextStep(twoStepSession(), request({ maxAgeSeconds: 20 * 60 }))).toMatchObject({ step: 'done' });
    });

    it('older than max_age, two-step on: confirm with a trusted device', () => {
      expect(nextStep(twoStepSession(), request({ maxAgeSeconds: 20 * 60 - 1 }))).toEqual({ step: 'second-step', why: 'too-old' });
    });

    it('older than max_age, two-step off: the password again', () => {
      expect(nextStep(session(), request({ maxAgeSeconds: 60 }))).toEqual({ step: 'sign-in' });
    });

    it('a trusted device confirmed within max_age counts as the latest proof', () => {
      const confirmedAt = new Date(ASKED_AT.getTime() - seconds(10));
      expect(nextStep(twoStepSession({ codeVerifiedAt: confirmedAt, secondStep: 'otp' }), request({ maxAgeSeconds: 60 }))).toMatchObject({
        step: 'done',
        login: { authTime: confirmedAt, amr: ['pwd', 'otp', 'mfa'] },
      });
    });

    // The rule for max_age=0 itself; in the running provider oidc-provider turns max_age=0 into
    // prompt=login first (OIDC Core 3.1.2.1), so the bridge asks for a whole new sign-in
    // (sign-in-steps.int.test.ts).
    it('max_age=0: any proof before the request is too old; one at or after it is enough', () => {
      const justBefore = new Date(ASKED_AT.getTime() - 1);
      expect(nextStep(twoStepSession({ codeVerifiedAt: justBefore }), request({ maxAgeSeconds: 0 }))).toEqual({
        step: 'second-step',
        why: 'too-old',
      });
      expect(nextStep(session({ signedInAt: justBefore }), request({ maxAgeSeconds: 0 }))).toEqual({ step: 'sign-in' });
      expect(nextStep(twoStepSession({ codeVerifiedAt: ASKED_AT }), request({ maxAgeSeconds: 0 }))).toMatchObject({
        step: 'done',
        login: { authTime: ASKED_AT },
      });
    });
  });

  describe('acr_values naming two-step', () => {
    const twoStepOnly = request({ acrValues: [ACR.twoStep] });

    it('two-step off: the holder is told the app requires it (no sign-in can satisfy it)', () => {
      expect(nextStep(session(), twoStepOnly)).toEqual({ step: 'two-step-required' });
    });

    it('two-step on, but no trusted device proven in this session: confirm with one', () => {
      expect(nextStep(twoStepSession({ secondStep: null }), twoStepOnly)).toEqual({ step: 'second-step', why: 'needs-device' });
    });

    it('two-step on with a trusted device in the session: done, with the two-step ACR', () => {
      expect(nextStep(twoStepSession(), twoStepOnly)).toMatchObject({ step: 'done', login: { acr: ACR.twoStep } });
    });

    it('an app that also accepts the password ACR does not require two-step', () => {
      expect(requiresTwoStep({ acrValues: [ACR.twoStep, ACR.password] })).toBe(false);
      expect(requiresTwoStep({ acrValues: [ACR.password, ACR.twoStep] })).toBe(false);
      expect(nextStep(session(), request({ acrValues: [ACR.twoStep, ACR.password] }))).toMatchObject({
        step: 'done',
        login: { acr: ACR.password },
      });
    });

    it('only the two-step ACR (among unknown values) requires it; the password ACR or nothing does not', () => {
      expect(requiresTwoStep({ acrValues: [ACR.twoStep] })).toBe(true);
      expect(requiresTwoStep({ acrValues: ['urn:example:other', ACR.twoStep] })).toBe(true);
      expect(requiresTwoStep({ acrValues: [ACR.password] })).toBe(false);
      expect(requiresTwoStep({ acrValues: [] })).toBe(false);
    });

    it('a new browser still confirms with a trusted device first, even when the app requires two-step', () => {
      expect(nextStep(twoStepSession({ knownBrowser: false }), twoStepOnly)).toEqual({ step: 'second-step', why: 'new-browser' });
    });
  });
});
