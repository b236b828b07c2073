// Where the provider answers. The issuer is APP_URL itself, so discovery is at
// /.well-known/openid-configuration; every endpoint is under /oidc. Apart from the provider
// (src/oidc/provider.ts) so that the portal's pages can link to the bridge without loading it.
export const OIDC_PREFIX = '/oidc';
export const DISCOVERY_PATH = '/.well-known/openid-configuration';
export const ROUTES = {
  authorization: `${OIDC_PREFIX}/auth`,
  token: `${OIDC_PREFIX}/token`,
  userinfo: `${OIDC_PREFIX}/userinfo`,
  jwks: `${OIDC_PREFIX}/jwks`,
  revocation: `${OIDC_PREFIX}/token/revocation`,
  end_session: `${OIDC_PREFIX}/session/end`,
} as const;
/** The bridge: where the provider sends a person whose sign-in needs them (src/oidc/bridge.ts). */
export const INTERACTION_PATH = `${OIDC_PREFIX}/interaction`;

/** Where a page sends the browser to go on with the app's sign-in (the bridge decides what comes next). */
export function continueUrl(uid: string): string {
  return `${INTERACTION_PATH}/${uid}`;
}

/** Where "Cancel" goes: the app is told the holder did not go on. */
export function cancelUrl(uid: string): string {
  return `${INTERACTION_PATH}/${uid}/cancel`;
}

/** Whether a request path is the provider's or the bridge's (the HTTP server hands these to them, not to Next.js). */
export function isOidcPath(path: string): boolean {
  return path === DISCOVERY_PATH || path === OIDC_PREFIX || path.startsWith(`${OIDC_PREFIX}/`);
}
