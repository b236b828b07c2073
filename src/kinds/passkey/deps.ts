// What the passkey kind is given by the composition root (src/runtime.ts, through
// ../deps-registry.ts): the WebAuthn relying party, derived from APP_URL (./relying-party.ts).
import { relyingParty, type RelyingParty } from './relying-party.ts';

export interface PasskeyKindDeps {
  /** The WebAuthn relying party (RP ID = APP_URL's host name, origin = its origin). */
  webauthn: RelyingParty;
}

export function passkeyKindDeps(c: { APP_URL: string }): PasskeyKindDeps {
  return { webauthn: relyingParty(c.APP_URL) };
}
