// The WebAuthn relying party: the portal as passkeys and security keys know it. Derived from
// APP_URL (no setting of its own), so it cannot disagree with the address people use: the RP ID is
// APP_URL's host name (a credential is bound to it and works on it and its subdomains), and the
// origin a browser reports must be APP_URL's origin exactly (scheme, host and port).

export interface RelyingParty {
  /** The host name of APP_URL ("appleid.example.com", "localhost", "127.0.0.1"). */
  rpId: string;
  /** What authenticators show next to the credential. */
  rpName: string;
  /** APP_URL's origin: the only origin whose ceremonies are accepted. */
  origin: string;
}

export const RP_NAME = 'Two-Step';

export function relyingParty(appUrl: string): RelyingParty {
  const url = new URL(appUrl);
  return { rpId: url.hostname, rpName: RP_NAME, origin: url.origin };
}
