// The kinds of trusted device, listed once. Everything outside the kind folders finds a device's
// kind here by its TrustedDevice.kind value and asks it (./kind.ts); adding a kind is adding a
// folder and a line here, not a branch in every flow.
import { smsKind } from './sms/kind.ts';
import { pushKind } from './push/kind.ts';
import { authenticatorAppKind } from './authenticator-app/kind.ts';
import { passkeyKind } from './passkey/kind.ts';
import { titleOf, type TrustedDeviceKind } from './kind.ts';
import { PHONE_NUMBER_ERRORS, SMS_CODE_ERRORS } from './sms/errors.ts';
import { IOS_DEVICE_ERRORS, PUSH_CODE_ERRORS } from './push/errors.ts';
import { APP_CODE_ERRORS } from './authenticator-app/errors.ts';

const KINDS = new Map<string, TrustedDeviceKind>([smsKind, pushKind, authenticatorAppKind, passkeyKind].map((k) => [k.id, k]));

/** The kinds' own reasons a code was not sent or not accepted: src/codes/errors.ts includes them in its map. */
export const KIND_CODE_ERRORS = { ...SMS_CODE_ERRORS, ...PUSH_CODE_ERRORS, ...APP_CODE_ERRORS } as const;

/** The kinds' own reasons a device was not added: src/devices/errors.ts includes them in its map. */
export const KIND_ADDING_ERRORS = { ...PHONE_NUMBER_ERRORS, ...IOS_DEVICE_ERRORS } as const;

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
