// A passkey or security key (WebAuthn): proven by a signature over our challenge, not a code. The
// ceremonies are ./ceremonies.ts; adding one is ./add.ts, and proving a step with one
// src/kinds/passkey/prove.ts.
import type { AuthMethod } from '../../sessions/auth-methods.ts';
import { namedByHolder, type TrustedDeviceKind } from '../kind.ts';

/**
 * A passkey's method from what its assertion says of it: a proof of possession of a key, 'hwk'
 * when it is bound to one device and 'swk' when it is synced between devices in software
 * ('multiDevice': WebAuthn's backup eligibility, decided at each use).
 */
export function passkeyMethod(credentialDeviceType: string): AuthMethod {
  return credentialDeviceType === 'multiDevice' ? 'swk' : 'hwk';
}

export const passkeyKind: TrustedDeviceKind = {
  id: 'passkey',
  noun: 'passkey or security key',
  channel: 'no code needed', // its signature is the proof; repeating its noun next to its label says nothing
  icon: { text: 'KEY', tone: 'key' },
  labelIs: 'name',
  codeSentTo: null,
  trustedUses: 'It can now be used to verify your identity, without a code.',
  method: 'hwk',
  ...namedByHolder('passkey or security key'),
  proof: { by: 'signature' },
};
