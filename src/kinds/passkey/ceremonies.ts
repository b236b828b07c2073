// The WebAuthn ceremonies themselves, whoever the key belongs to (a holder's trusted device in
// ./passkeys.ts, a staff member's second factor in ./staff.ts): the options
// @simplewebauthn/server makes, and its checks of an answer against our challenge, origin and RP ID.
// No database, no owner: the callers store the challenge, find the credential and write the counter.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { passkeyMethod } from './method.ts';
import type { AuthMethod } from '../../sessions/auth-methods.ts';
import type { RelyingParty } from './relying-party.ts';
import { authenticationResponse, challengeOf, parseResponse, registrationResponse } from './responses.ts';

type Transport = 'ble' | 'cable' | 'hybrid' | 'internal' | 'nfc' | 'smart-card' | 'usb';

/** The transports column (JSON text) as the library takes them. */
export function transportsOf(json: string | null): Transport[] | undefined {
  try {
    const list: unknown = json ? JSON.parse(json) : null;
    return Array.isArray(list) ? (list.filter((t) => typeof t === 'string') as Transport[]) : undefined;
  } catch {
    return undefined;
  }
}

/** A stored credential as options name it: its id and transports (public values). */
export interface CredentialRef {
  id: string;
  transports?: Transport[];
}

/** Who the new credential is for, as the authenticator keeps it. `handle` is opaque and stable, never personal. */
export interface CredentialUser {
  name: string;
  displayName: string;
  handle: Uint8Array<ArrayBuffer>;
}

/**
 * Options for a registration: user verification and resident keys preferred, attestation none (we
 * trust the ceremony, not a vendor's certificate), the owner's credentials excluded.
 */
export function registrationOptionsFor(
  rp: RelyingParty,
  user: CredentialUser,
  exclude: CredentialRef[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpId,
    userName: user.name,
    userDisplayName: user.displayName,
    userID: user.handle,
    attestationType: 'none',
    excludeCredentials: exclude,
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** Options for an assertion by one of `allow`. */
export function authenticationOptionsFor(rp: RelyingParty, allow: CredentialRef[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({ rpID: rp.rpId, allowCredentials: allow, userVerification: 'preferred' });
}

/** What every ceremony's answer is checked against: our challenge, our origin, our RP ID. */
function expectations(rp: RelyingParty, challenge: string) {
  return {
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpId,
    // Preferred, not required: security keys without a PIN are still a possession factor.
    requireUserVerification: false,
  };
}

/** An answer parsed as the untrusted input it is, with the challenge it says it signed; null when malformed. */
export function registrationAnswer(raw: unknown) {
  const response = parseResponse(registrationResponse, raw);
  const challenge = response && challengeOf(response.response.clientDataJSON);
  return response && challenge ? { response, challenge } : null;
}

export function assertionAnswer(raw: unknown) {
  const response = parseResponse(authenticationResponse, raw);
  const challenge = response && challengeOf(response.response.clientDataJSON);
  return response && challenge ? { response, challenge } : null;
}

export interface NewCredential {
  credentialId: string;
  /** COSE public key, base64url. */
  publicKey: string;
  signCount: number;
  transports: string[];
}

/** Checks a registration answer against a challenge the caller already claimed; null when refused. */
export async function checkRegistration(
  rp: RelyingParty,
  answer: NonNullable<ReturnType<typeof registrationAnswer>>,
): Promise<NewCredential | null> {
  try {
    const checked = await verifyRegistrationResponse({ response: answer.response, ...expectations(rp, answer.challenge) });
    if (!checked.verified) return null;
    const c = checked.registrationInfo.credential;
    return {
      credentialId: c.id,
      publicKey: Buffer.from(c.publicKey).toString('base64url'),
      signCount: c.counter,
      transports: c.transports ?? [],
    };
  } catch {
    // The library throws on every mismatch (origin, RP ID, type, malformed CBOR): a refusal.
    return null;
  }
}

/** A credential as stored: its id, COSE public key (base64url), counter and transports (JSON). */
export interface StoredKey {
  credentialId: string;
  publicKey: string;
  signCount: number;
  transports: string | null;
}

export type AssertionCheck = { ok: true; newCounter: number; method: AuthMethod } | { ok: false; reason: 'counter' | 'signature' };

/**
 * Checks an assertion against a challenge the caller already claimed and the credential it names.
 * 'counter': the signature counter did not go up (a copied key, or a replayed answer); the caller
 * still writes the new counter only if the stored one is unchanged (two answers checked against
 * one value cannot both pass).
 */
export async function checkAssertion(
  rp: RelyingParty,
  answer: NonNullable<ReturnType<typeof assertionAnswer>>,
  key: StoredKey,
): Promise<AssertionCheck> {
  try {
    const checked = await verifyAuthenticationResponse({
      response: answer.response,
      ...expectations(rp, answer.challenge),
      credential: {
        id: key.credentialId,
        publicKey: new Uint8Array(Buffer.from(key.publicKey, 'base64url')),
        counter: key.signCount,
        transports: transportsOf(key.transports),
      },
    });
    if (!checked.verified) return { ok: false, reason: 'signature' };
    return {
      ok: true,
      newCounter: checked.authenticationInfo.newCounter,
      method: passkeyMethod(checked.authenticationInfo.credentialDeviceType),
    };
  } catch (e) {
    // The library throws on a counter that did not go up ("...counter value...") and on every other mismatch.
    return { ok: false, reason: e instanceof Error && /counter/i.test(e.message) ? 'counter' : 'signature' };
  }
}
