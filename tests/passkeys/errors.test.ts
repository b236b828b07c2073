// The passkeys' sentences (src/kinds/passkey/errors.ts, with the browser's ./ceremony-errors.ts): each a
// full sentence; the refusals of a step say what to do next; a cancelled ceremony says so plainly.
import { describe, expect, it } from 'vitest';
import { PASSKEYS_ERRORS } from '../../src/kinds/passkey/errors.ts';
import { CEREMONY_ERRORS, PROVE_CEREMONY_ERRORS, ceremonyErrorSentence } from '../../src/kinds/passkey/ceremony-errors.ts';

const now = new Date('2026-01-01T12:00:00Z');
const sentence = (s: (typeof PASSKEYS_ERRORS)[keyof typeof PASSKEYS_ERRORS]) =>
  typeof s === 'string' ? s : s(new Date(now.getTime() + 25_000), now);

describe('PASSKEYS_ERRORS', () => {
  it('every code has a sentence that starts with a capital and ends with a full stop', () => {
    for (const [code, s] of Object.entries(PASSKEYS_ERRORS)) expect(sentence(s), code).toMatch(/^[A-Z].*\.$/);
  });

  it('the ceremony sentences are part of the one map', () => {
    for (const [code, s] of Object.entries(CEREMONY_ERRORS)) expect(PASSKEYS_ERRORS[code as keyof typeof PASSKEYS_ERRORS]).toBe(s);
  });

  it('a cancelled or timed-out ceremony says so; an already-added key says so; anything else is a failure', () => {
    expect(ceremonyErrorSentence({ name: 'NotAllowedError' })).toBe(CEREMONY_ERRORS.CEREMONY_CANCELLED);
    expect(ceremonyErrorSentence({ name: 'WebAuthnError', cause: { name: 'NotAllowedError' } })).toBe(CEREMONY_ERRORS.CEREMONY_CANCELLED);
    expect(ceremonyErrorSentence({ name: 'InvalidStateError' })).toBe(CEREMONY_ERRORS.CEREMONY_ALREADY_ADDED);
    expect(ceremonyErrorSentence(new TypeError('x'))).toBe(CEREMONY_ERRORS.CEREMONY_FAILED);
    expect(ceremonyErrorSentence(null)).toBe(CEREMONY_ERRORS.CEREMONY_FAILED);
  });

  it('the refusals of a step leave the other ways open', () => {
    for (const code of ['RESPONSE_MALFORMED', 'CHALLENGE_GONE', 'CREDENTIAL_UNKNOWN', 'SIGNATURE_REFUSED', 'CEREMONY_CANCELLED'] as const) {
      expect(PASSKEYS_ERRORS[code]).toMatch(/choose another trusted device\.$/);
    }
  });

  it('asked to prove it is the holder, a refused prompt may be passkey of another Apple ID: said first, with what to do next', () => {
    const said = ceremonyErrorSentence({ name: 'NotAllowedError' }, PROVE_CEREMONY_ERRORS);
    expect(said).toMatch(/^That passkey or security key isn't on this account/);
    expect(said).toMatch(/Use a passkey or security key you added to this Apple ID, or choose another trusted device\.$/);
    expect(ceremonyErrorSentence({ name: 'InvalidStateError' }, PROVE_CEREMONY_ERRORS)).toBe(CEREMONY_ERRORS.CEREMONY_ALREADY_ADDED);
  });
});
