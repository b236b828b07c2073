// A passkey or security key (WebAuthn): proven by a signature over our challenge, not a code. The
// ceremonies are ./ceremonies.ts; adding one is ./add.ts, and proving a step with one
// src/kinds/passkey/prove.ts.
import { namedByHolder, type TrustedDeviceKind } from '../kind.ts';

export const passkeyKind: TrustedDeviceKind = {
  id: 'passkey',
  noun: 'passkey or security key',
  channel: 'no code needed', // its signature is the proof; repeating its noun next to its label says nothing
  icon: { text: 'KEY', tone: 'key' },
  labelIs: 'name',
  codeSentTo: null,
  trustedUses: 'It can now be used to verify your identity, without a code.',
  method: 'hwk', // until its assertion says (./method.ts)
  ...namedByHolder('passkey or security key'),
  proof: { by: 'signature' },
};
