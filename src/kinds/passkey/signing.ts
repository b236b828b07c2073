// What a flow gives and asks of a proof by signature, in the layer of what a kind is (below
// src/codes/), so that src/kinds/registry.ts can hand it to the flows under neutral names
// (SignatureDeps, SignaturePurpose, SIGNATURE_PURPOSES) without naming this kind. The proof
// itself, above src/codes/, is ./prove.ts.
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import type { RelyingParty } from './relying-party.ts';

export interface PasskeyDeps {
  db: Db;
  clock: Clock;
  webauthn: RelyingParty;
}

/**
 * The purposes a passkey can complete: the steps that ask a trusted device to prove itself. Each is
 * a CodePurpose (src/codes/codes.ts, a layer above): ./prove.ts and src/proof/second-step.ts take
 * them where a CodePurpose is expected, so the typecheck fails on any other.
 */
export const PASSKEY_PURPOSES = ['sign-in', 'confirm-identity', 'reset-password'] as const;
export type PasskeyPurpose = (typeof PASSKEY_PURPOSES)[number];

/** What the browser is given to sign: the challenge and the account's passkeys. */
export type PasskeyRequestOptions = PublicKeyCredentialRequestOptionsJSON;
