// The codes of other apps signing in through the portal, and their sentences (src/result.ts).
import type { ErrorSentences } from '../result.ts';

export const OIDC_ERRORS = {
  // ---- The operator's command (npm run apps)
  APP_INVALID: 'The app cannot be registered as given.',
  APP_EXISTS: 'An app with this client id is registered already.',
  /** What node:util's parseArgs says about the arguments (an unknown option, a missing value). */
  BAD_ARGUMENTS: (problem: string) => problem,
  UNKNOWN_COMMAND: (command: string) => `unknown command "${command}"`,
  ADD_NEEDS_NAME: 'add needs the app\'s name, in quotes when it has spaces: add "My App" --redirect-uri https://app.example/callback',
  REMOVE_NEEDS_CLIENT_ID: 'remove needs one client id (npm run apps -- list shows them)',
  TAKES_NO_ARGUMENTS: (command: string) => `${command} takes no arguments`,
  APP_NOT_REGISTERED: (clientId: string) => `No app has the client id ${clientId}.`,
  KEY_ENCRYPTION_KEY_MISSING:
    'rotate-keys needs OIDC_KEY_ENCRYPTION_KEY, the key every instance runs with (in the environment, .env, or data/oidc-key for npm start).',
  KEY_ENCRYPTION_KEY_MALFORMED: 'OIDC_KEY_ENCRYPTION_KEY must be 32 bytes in base64url (43 characters).',
  KEY_ENCRYPTION_KEY_WRONG:
    'OIDC_KEY_ENCRYPTION_KEY does not open the stored signing keys: use the key the portal runs with. Nothing was changed.',

  // ---- The holder's pages
  /** The interaction is gone (finished, expired after an hour, or begun in another browser). */
  SIGN_IN_REQUEST_GONE: 'This sign-in request has ended or was started in another browser. Go back to the app and sign in again.',
  /** Consent pressed for an interaction that belongs to another Apple ID than the signed-in one. */
  SIGN_IN_REQUEST_NOT_YOURS: 'This sign-in request was started for another Apple ID. Go back to the app and sign in again.',
  APP_UNKNOWN: 'That app is not using your Apple ID.',
} as const satisfies ErrorSentences;

export type OidcError = keyof typeof OIDC_ERRORS;

/**
 * What the error page says to a person for each OAuth error oidc-provider may show instead of
 * sending them back to the app (RFC 6749 4.1.2.1: never to a redirect URI it cannot trust). The
 * protocol's own words stay in the page, smaller, for the app's developer.
 */
export const PROTOCOL_ERROR_SENTENCES: Readonly<Record<string, string>> = {
  invalid_redirect_uri:
    'The app asked to send you back to an address it never registered with us, so we stopped here. Nothing was shared with it.',
  invalid_client: 'We don’t know the app that sent you here, so we stopped here. Nothing was shared with it.',
  invalid_request:
    'The app sent a sign-in request we can’t use. Nothing was shared with it. Go back to the app and try again; if it happens again, tell the app’s makers.',
  unsupported_response_type: 'The app asked to sign you in in a way we don’t support. Nothing was shared with it.',
  invalid_scope: 'The app asked for something we can’t give it. Nothing was shared with it.',
  session_not_found: 'This sign-in request has ended or was started in another browser. Go back to the app and sign in again.',
  server_error: 'Something went wrong on our side. Go back to the app and try again in a moment.',
};
export const DEFAULT_PROTOCOL_SENTENCE =
  'The app’s sign-in request can’t be used. Nothing was shared with it. Go back to the app and try again.';
