// The passkeys' sentences (src/kinds/passkey/errors.ts, with the browser's ./ceremony-errors.ts): each a
// full sentence; the refusals of a step say what to do next; a cancelled ceremony says so plainly.
import { describe, expect, it } from 'vitest';
import { PASSKEYS_ERRORS, PROVE_CEREMONY_SENTENCES, STAFF_PASSKEY_ERRORS } from '../../src/kinds/passkey/errors.ts';
import {
  CEREMONY_ERRORS,
  PROVE_CEREMONY_ERRORS,
  STAFF_CEREMONY_ERRORS,
  ceremonyErrorSentence,
  PASSKEY_NAME_EMPTY,
} from '../../src/kinds/passkey/ceremony-errors.ts';
import { fieldMessage } from '../../src/forms/field-messages.ts';
import { sentenceOf } from '../../src/result.ts';
import { everySentence } from '../harness/refusal-samples.ts';

describe('PASSKEYS_ERRORS', () => {
  it('every code has a sentence that starts with a capital and ends with a full stop', () => {
    for (const [code, s] of everySentence(PASSKEYS_ERRORS)) expect(s, code).toMatch(/^[A-Z].*\.$/);
  });

  it("the browser's copy of the empty name's message is the fields catalogue's English", () => {
    expect(PASSKEY_NAME_EMPTY).toBe(fieldMessage('deviceName.passkeyEmpty', { example: 'YubiKey 5C' }));
  });

  it("the browser's copies of the ceremony sentences are the maps' English", () => {
    const copies = [
      [CEREMONY_ERRORS, PASSKEYS_ERRORS],
      [PROVE_CEREMONY_ERRORS, PROVE_CEREMONY_SENTENCES],
      [STAFF_CEREMONY_ERRORS, STAFF_PASSKEY_ERRORS],
    ] as const;
    for (const [copy, map] of copies) {
      for (const [code, s] of Object.entries(copy)) expect(sentenceOf(map, code as keyof typeof CEREMONY_ERRORS), code).toBe(s);
    }
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
      expect(sentenceOf(PASSKEYS_ERRORS, code)).toMatch(/choose another trusted device\.$/);
    }
  });

  it('asked to prove it is the holder, a refused prompt may be passkey of another Apple ID: said first, with what to do next', () => {
    const said = ceremonyErrorSentence({ name: 'NotAllowedError' }, PROVE_CEREMONY_ERRORS);
    expect(said).toMatch(/^That passkey or security key isn't on this account/);
    expect(said).toMatch(/Use a passkey or security key you added to this Apple ID, or choose another trusted device\.$/);
    expect(ceremonyErrorSentence({ name: 'InvalidStateError' }, PROVE_CEREMONY_ERRORS)).toBe(CEREMONY_ERRORS.CEREMONY_ALREADY_ADDED);
  });
});
