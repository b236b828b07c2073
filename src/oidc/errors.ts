// The codes of other apps signing in through the portal, and their sentences (src/result.ts).
import { sentences } from '../result.ts';

export const OIDC_ERRORS = sentences('oidc', {
  // ---- The operator's command (npm run apps)
  APP_INVALID: null,
  APP_EXISTS: null,
  /** What node:util's parseArgs says about the arguments (an unknown option, a missing value). */
  BAD_ARGUMENTS: (problem: string) => ({ problem }),
  UNKNOWN_COMMAND: (command: string) => ({ command }),
  ADD_NEEDS_NAME: null,
  REMOVE_NEEDS_CLIENT_ID: null,
  TAKES_NO_ARGUMENTS: (command: string) => ({ command }),
  APP_NOT_REGISTERED: (clientId: string) => ({ clientId }),
  KEY_ENCRYPTION_KEY_MISSING: null,
  KEY_ENCRYPTION_KEY_MALFORMED: null,
  KEY_ENCRYPTION_KEY_WRONG: null,

  // ---- The holder's pages
  /** The interaction is gone (finished, expired after an hour, or begun in another browser). */
  SIGN_IN_REQUEST_GONE: null,
  /** Consent pressed for an interaction that belongs to another Apple ID than the signed-in one. */
  SIGN_IN_REQUEST_NOT_YOURS: null,
  APP_UNKNOWN: null,
});

export type OidcError = keyof typeof OIDC_ERRORS;

/**
 * What the error page says to a person for each OAuth error oidc-provider may show instead of
 * sending them back to the app (RFC 6749 4.1.2.1: never to a redirect URI it cannot trust). The
 * protocol's own words stay in the page, smaller, for the app's developer. `other`: any other error.
 */
export const PROTOCOL_ERROR_SENTENCES = sentences('oidcProtocol', {
  invalid_redirect_uri: null,
  invalid_client: null,
  invalid_request: null,
  unsupported_response_type: null,
  invalid_scope: null,
  session_not_found: null,
  server_error: null,
  other: null,
});

/** The error page's sentence for the protocol's error `code`. */
export const protocolErrorCode = (code: string): keyof typeof PROTOCOL_ERROR_SENTENCES =>
  Object.hasOwn(PROTOCOL_ERROR_SENTENCES, code) && code !== 'other' ? (code as keyof typeof PROTOCOL_ERROR_SENTENCES) : 'other';
