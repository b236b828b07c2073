// The kinds of trusted device, listed once. Everything outside the kind folders finds a device's
// kind here by its TrustedDevice.kind value and asks it (./kind.ts); adding a kind is adding a
// folder and a line here, not a branch in every flow.
import { smsKind } from './sms/kind.ts';
import { pushKind } from './push/kind.ts';
import { authenticatorAppKind } from './authenticator-app/kind.ts';
import { passkeyKind } from './passkey/kind.ts';
import { titleOf, type TrustedDeviceKind } from './kind.ts';

// A proof by signature, as the flows name it (a kind's proof is a sent code, its own code or a
// signature: ./kind.ts ProofBy): what it needs, for which purposes, what the browser signs and its
// refusals, under the kind-neutral names the flows use.
export type {
  PasskeyDeps as SignatureDeps,
  PasskeyPurpose as SignaturePurpose,
  PasskeyRequestOptions as SignatureOptions,
} from './passkey/signing.ts';
export { PASSKEY_PURPOSES as SIGNATURE_PURPOSES } from './passkey/signing.ts';
export type { PasskeysError as SignatureError } from './passkey/errors.ts';

/** What a step proven by a signature was proven with, as the sign-in event records it: "passkey or security key". */
export const SIGNATURE_NOUN = passkeyKind.noun;

const KINDS = new Map<string, TrustedDeviceKind>([smsKind, pushKind, authenticatorAppKind, passkeyKind].map((k) => [k.id, k]));

// The kinds' own refusals (of a code: src/codes/errors.ts includes them; of adding a device:
// src/devices/errors.ts), listed in ./errors-registry.ts so that ./kind.ts can name their codes.
export { KIND_CODE_ERRORS, KIND_ADDING_ERRORS } from './errors-registry.ts';

/** Every kind, in the order pages list them. */
export const allKinds = (): TrustedDeviceKind[] => [...KINDS.values()];

/** The kind of a stored device. An unknown value is a bug (or a row of a kind no longer built), not input. */
export function kindOf(id: string): TrustedDeviceKind {
  const kind = KINDS.get(id);
  if (!kind) throw new Error(`unknown kind of trusted device: ${JSON.stringify(id)}`);
  return kind;
}

/** The kind's noun at the start of a line, as the support console's Kind column shows it: "Authenticator app". */
export const kindTitle = (id: string): string => titleOf(kindOf(id).noun);

export const isKnownKind = (id: string): boolean => KINDS.has(id);

/**
 * Adds a kind to the registry, for a kind built outside this repository's list (a test's fake
 * kind proves the flows take any kind). A kind's id is taken once.
 */
export function addKind(kind: TrustedDeviceKind): void {
  if (KINDS.has(kind.id)) throw new Error(`a kind of trusted device is already called ${JSON.stringify(kind.id)}`);
  KINDS.set(kind.id, kind);
}

/** The digits of a kind's codes: its own (an app's) or the sent codes' (CODE_DIGITS); null when its proof is no code. */
export function digitsOf(kind: TrustedDeviceKind, codeDigits: number): number | null {
  if (kind.proof.by === 'own-code') return kind.proof.digits;
  return kind.proof.by === 'sent-code' ? codeDigits : null;
}
