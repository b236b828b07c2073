// What the demo apps share: an OpenID Connect relying party on openid-client (panva), sessions in
// memory behind a cookie, and the authorization request and its callback as every app makes them
// (PKCE S256, state, nonce; the code exchanged with every check).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as client from 'openid-client';
import { CLOCK_TOLERANCE_S } from '../../../src/oidc/signing-keys.ts';
import type { Notice } from './html.ts';

export interface RelyingParty {
  issuer: string;
  /** The client configuration, from the portal's discovery document: fetched on first use and kept. */
  configuration(): Promise<client.Configuration>;
}

export function relyingParty(opts: { issuer: string; clientId: string; clientSecret: string | null }): RelyingParty {
  let discovered: Promise<client.Configuration> | null = null;
  return {
    issuer: opts.issuer,
    configuration() {
      // Lazily: the stand-ins start before the portal (npm start), which may not answer yet. A
      // failed discovery is not kept, so the next request tries again.
      discovered ??= client
        .discovery(
          new URL(opts.issuer),
          opts.clientId,
          { [client.clockTolerance]: CLOCK_TOLERANCE_S },
          opts.clientSecret ? client.ClientSecretBasic(opts.clientSecret) : client.None(),
          // Only because the local issuer is http://localhost: a real app talks to https only.
          { execute: [client.allowInsecureRequests] },
        )
        .catch((e: unknown) => {
          discovered = null;
          throw e;
        });
      return discovered;
    },
  };
}

/** An authorization request sent and not yet answered, found again by its state. */
export interface Pending<P extends string> {
  purpose: P;
  verifier: string;
  nonce: string;
  /** When the app asked (Date.now()). */
  startedAt: number;
}

/** Who is signed in to the app, from the ID token and the tokens that came with it. */
export interface SignedIn {
  claims: client.IDToken;
  idToken: string;
  accessToken: string;
  /** When the access token expires (epoch ms), when the portal said. */
  accessExpiresAt: number | null;
  refreshToken: string | null;
  userinfo: client.UserInfoResponse | null;
}

export interface Session<P extends string> {
  csrf: string;
  pending: Map<string, Pending<P>>;
  user: SignedIn | null;
  /** Said once, on the next page. */
  notice?: Notice;
}

const MAX_SESSIONS = 1000;
const MAX_PENDING = 5;

/** Sessions in memory, behind a random HttpOnly SameSite=Lax cookie limited to the app's path. */
export class Sessions<P extends string> {
  private readonly byId = new Map<string, Session<P>>();

  constructor(private readonly cookie: { name: string; path: string }) {}

  private idOf(req: IncomingMessage): string | undefined {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === this.cookie.name) return value.join('=');
    }
    return undefined;
  }

  find(req: IncomingMessage): Session<P> | undefined {
    const id = this.idOf(req);
    return id ? this.byId.get(id) : undefined;
  }

  /** The browser's session, or a new one (its cookie set on `res`). */
  open(req: IncomingMessage, res: ServerResponse): Session<P> {
    const found = this.find(req);
    if (found) return found;
    // The oldest go first: a demo keeps a bounded number of sessions.
    if (this.byId.size >= MAX_SESSIONS) this.byId.delete(this.byId.keys().next().value!);
    const id = randomBytes(24).toString('base64url');
    const session: Session<P> = { csrf: randomBytes(24).toString('base64url'), pending: new Map(), user: null };
    this.byId.set(id, session);
    res.setHeader('Set-Cookie', `${this.cookie.name}=${id}; Path=${this.cookie.path}; HttpOnly; SameSite=Lax`);
    return session;
  }
}

/** Whether a posted form carries the session's CSRF token. */
export function csrfMatches(session: Session<string>, form: URLSearchParams): boolean {
  const given = Buffer.from(form.get('csrf') ?? '');
  const expected = Buffer.from(session.csrf);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Starts an authorization request and answers the portal's address to send the browser to. */
export async function authorizationUrl<P extends string>(
  rp: RelyingParty,
  session: Session<P>,
  request: { purpose: P; redirectUri: string; scope: string; params?: Record<string, string> },
): Promise<URL> {
  const config = await rp.configuration();
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  if (session.pending.size >= MAX_PENDING) session.pending.delete(session.pending.keys().next().value!);
  session.pending.set(state, { purpose: request.purpose, verifier, nonce, startedAt: Date.now() });
  return client.buildAuthorizationUrl(config, {
    redirect_uri: request.redirectUri,
    scope: request.scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...request.params,
  });
}

export type CallbackOutcome<P extends string> =
  { ok: true; pending: Pending<P>; user: SignedIn } | { ok: false; pending: Pending<P> | null; error: string; description?: string };

/**
 * The portal's answer at the redirect URI: the code exchanged (PKCE verifier, state, nonce, the ID
 * token's signature, issuer, audience and times checked by openid-client), or the error it sent.
 * `currentUrl` is the callback's address as the app registered it.
 */
export async function completeAuthorization<P extends string>(
  rp: RelyingParty,
  session: Session<P>,
  currentUrl: URL,
): Promise<CallbackOutcome<P>> {
  const state = currentUrl.searchParams.get('state') ?? '';
  const pending = session.pending.get(state) ?? null;
  // Single use: a replayed or foreign answer finds nothing.
  session.pending.delete(state);
  if (!pending) return { ok: false, pending: null, error: 'unknown_state' };
  const config = await rp.configuration();
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    return { ok: true, pending, user: signedIn(tokens) };
  } catch (e) {
    if (e instanceof client.AuthorizationResponseError || e instanceof client.ResponseBodyError)
      return { ok: false, pending, error: e.error, description: e.error_description };
    throw e;
  }
}

export function signedIn(tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers, before?: SignedIn): SignedIn {
  const claims = tokens.claims() ?? before?.claims;
  if (!claims) throw new Error('the portal answered without an ID token');
  return {
    claims,
    idToken: tokens.id_token ?? before!.idToken,
    accessToken: tokens.access_token,
    accessExpiresAt: tokens.expires_in === undefined ? null : Date.now() + tokens.expires_in * 1000,
    refreshToken: tokens.refresh_token ?? before?.refreshToken ?? null,
    userinfo: before?.userinfo ?? null,
  };
}

/** Whether an error is the portal not answering at all (not started yet, stopped). */
export function unreachable(e: unknown): boolean {
  return e instanceof TypeError && /fetch failed/i.test(e.message);
}

/** RFC 8176 methods (the ID token's amr), in words. */
export const METHOD_WORDS: Readonly<Record<string, string>> = {
  pwd: 'password',
  sms: 'a code sent by text message',
  mca: 'a code shown on a trusted device',
  otp: 'a code from an authenticator app',
  hwk: 'a security key',
  swk: 'a passkey',
  mfa: 'more than one factor',
};

export function methodsInWords(amr: unknown): string {
  const list = Array.isArray(amr) ? amr.map(String) : [];
  return list.map((m) => METHOD_WORDS[m] ?? m).join(', ');
}

/** The errors an authorization request may come back with, as the person reads them. */
export function authorizationErrorWords(error: string, description: string | undefined, appName: string): string {
  switch (error) {
    case 'access_denied':
      return `You didn\u2019t continue on the Apple ID page, so nothing was shared with ${appName}.`;
    case 'login_required':
      return 'Your Apple ID is no longer signed in on this browser. Sign in again.';
    case 'unmet_authentication_requirements':
      return 'This needs two-step verification, which is off for your Apple ID.';
    case 'unknown_state':
      return 'This answer doesn\u2019t belong to a sign-in started here (it was used already, or started in another browser). Sign in again.';
    default:
      return `The sign-in didn\u2019t complete (${error}${description ? `: ${description}` : ''}).`;
  }
}
