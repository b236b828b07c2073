// The support staff's second factor is one unit per kind too: each kind's factor lives in its folder
// (src/kinds/<kind>/staff.ts), listed by src/kinds/staff-registry.ts, its pages by
// app/_kinds/staff-registry.tsx, and its refusals in its errors.ts, which the support console's map
// includes through src/kinds/staff-kinds-registry.ts. A spread map can lose an entry silently when
// two maps use one code, and a list can miss a kind: these checks fail then.
import { describe, expect, it } from 'vitest';
import { STAFF_FACTOR_ERRORS, STAFF_FACTOR_KINDS as LISTED_KINDS } from '../../src/kinds/staff-kinds-registry.ts';
import { isStaffFactorKind, STAFF_FACTOR_KINDS, staffFactorOf } from '../../src/kinds/staff-registry.ts';
import { STAFF_APP_ERRORS } from '../../src/kinds/authenticator-app/errors.ts';
import { STAFF_PASSKEY_ERRORS } from '../../src/kinds/passkey/errors.ts';
import { CEREMONY_ERRORS, STAFF_CEREMONY_ERRORS } from '../../src/kinds/passkey/ceremony-errors.ts';
import { SUPPORT_ERRORS } from '../../src/support/errors.ts';
import { sentenceOf } from '../../src/result.ts';
import { STAFF_FACTOR_PAGES } from '../../app/_kinds/staff-registry.tsx';
import { translator } from '../../src/i18n/translate.ts';
import { setUpAtSignIn, STAFF_USAGE } from '../../src/support/staff-admin.ts';

const sizeOf = (...maps: object[]) => maps.reduce((n, m) => n + Object.keys(m).length, 0);

describe("the staff factor kinds' refusals", () => {
  it('are listed by the registry, no kind taking another kind’s code', () => {
    expect(Object.keys(STAFF_FACTOR_ERRORS)).toHaveLength(sizeOf(STAFF_APP_ERRORS, STAFF_PASSKEY_ERRORS));
  });

  it('are in the support console’s map as the kinds wrote them (no code of the console replaces one)', () => {
    for (const [code, sentence] of Object.entries(STAFF_FACTOR_ERRORS))
      expect(SUPPORT_ERRORS[code as keyof typeof SUPPORT_ERRORS], code).toBe(sentence);
  });

  it("include the browser ceremony's sentences said to staff, one for each of the holders'", () => {
    expect(Object.keys(STAFF_CEREMONY_ERRORS).sort()).toEqual(Object.keys(CEREMONY_ERRORS).sort());
    for (const [code, sentence] of Object.entries(STAFF_CEREMONY_ERRORS)) {
      expect(sentenceOf(STAFF_FACTOR_ERRORS, code as keyof typeof STAFF_CEREMONY_ERRORS), code).toBe(sentence);
      expect(sentence, code).not.toMatch(/trusted device/);
    }
  });
});

describe('the staff factor kinds', () => {
  it('are the same list for the factors and for what src/support/ says of them, the stored values unchanged', () => {
    expect(STAFF_FACTOR_KINDS).toEqual(LISTED_KINDS);
    expect([...STAFF_FACTOR_KINDS]).toEqual(['totp', 'passkey']);
  });

  it('each have their factor, under their own id; anything else has none', () => {
    for (const kind of STAFF_FACTOR_KINDS) expect(staffFactorOf(kind)?.id, kind).toBe(kind);
    for (const other of ['sms', 'push', 'TOTP', '', null, undefined, {}, ['totp'], 'constructor', '__proto__']) {
      expect(staffFactorOf(other), String(other)).toBeNull();
      expect(isStaffFactorKind(other), String(other)).toBe(false);
    }
  });

  it('each have their part of the sign-in pages, in the order the setup page offers them', () => {
    expect(STAFF_FACTOR_PAGES.map((p) => p.id)).toEqual([...STAFF_FACTOR_KINDS]);
    const t = translator({ locale: 'en', timeZone: null });
    expect(STAFF_FACTOR_PAGES.map((p) => t(`clientStaffFactors.${p.headingKey}`))).toEqual([
      'Authenticator App',
      'Passkey or Security Key',
    ]);
  });
});

describe("the operator command's words for the kinds", () => {
  it('are each kind’s noun, from the list of kinds', () => {
    expect(STAFF_USAGE).toContain(
      'then a second factor:\nan authenticator app or a passkey or security key, which each staff user sets up at their first sign-in.',
    );
    expect(setUpAtSignIn('next')).toBe(
      'Their next sign-in at /support asks them to set up a second factor: an authenticator app, or a passkey or security key.',
    );
  });
});
