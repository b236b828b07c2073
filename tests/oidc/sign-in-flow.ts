// Getting an app signed in quickly, for the tests of what happens around it (instances, keys, the
// end of an app's access, the fuzz): the app's request, the portal's pages done through the domain
// as the real pages do them (sign-in: TestBrowser.signIn; consent: allowApp), the code exchanged.
import * as client from 'openid-client';
import type { Db } from '../../src/db/client.ts';
import { allowApp } from '../../src/oidc/app-authorizations.ts';
import { INTERACTION_PATH, ROUTES } from '../../src/oidc/paths.ts';
import { authorizationRequest, REDIRECT_URI, TestBrowser } from '../harness/oidc.ts';

/**
 * A sign-in that gets a refresh token: offline_access is honoured only with prompt=consent (OIDC
 * Core 11; oidc-provider drops it otherwise), so the consent page asks every time.
 */
export const OFFLINE = { scope: 'openid offline_access', prompt: 'consent' };
const NO_CONTEXT = { clientAddress: null, userAgent: null };

export type AppRequest = Awaited<ReturnType<typeof authorizationRequest>>;

/**
 * The app asks, and the browser goes through the portal's pages until the app gets its answer:
 * the sign-in page signs `accountId` in (when the browser is not already), the consent page allows
 * what was asked; both at `at()`, the portal's time. Answers the address the app's redirect URI
 * was called with, the request, and the portal pages the browser was sent to on the way.
 */
export async function authorize(
  db: Db,
  browser: TestBrowser,
  config: client.Configuration,
  accountId: string,
  params: Record<string, string> = OFFLINE,
  at: () => Date = () => new Date(),
): Promise<{ callback: string; request: AppRequest; pages: string[] }> {
  const request = await authorizationRequest(config, params);
  const pages: string[] = [];
  let landed = await browser.visit(request.url);
  for (let step = 0; step < 4; step++) {
    const url = new URL(landed.url);
    if (landed.url.startsWith(`${REDIRECT_URI}?`)) return { callback: landed.url, request, pages };
    pages.push(url.pathname);
    const uid = url.searchParams.get('interaction');
    if (!uid) throw new Error(`the sign-in ended at ${landed.status} ${landed.url}: ${landed.body.slice(0, 300)}`);
    if (url.pathname === '/sign-in') await browser.signIn(db, accountId, at());
    else if (url.pathname === '/sign-in/consent') {
      const clientId = config.clientMetadata().client_id;
      await allowApp(db, { now: at }, { accountId, clientId, scopes: (params.scope ?? '').split(' ') }, NO_CONTEXT);
    } else throw new Error(`no page for ${landed.url} in this helper`);
    landed = await browser.visit(new URL(`${INTERACTION_PATH}/${uid}`, browser.portal.url).href);
  }
  throw new Error(`the sign-in did not end: ${landed.url}`);
}

/**
 * Another tab of the same browser: the same cookies, as they are now. For sign-ins run in
 * parallel: the provider's interaction cookies are each kept to their own request's path, which a
 * browser keeps apart and TestBrowser's one jar (it ignores paths) would not.
 */
export function tabOf(browser: TestBrowser): TestBrowser {
  const tab = new TestBrowser(browser.portal);
  for (const [name, value] of browser.cookies) tab.cookies.set(name, value);
  return tab;
}

/** The app exchanges the code (openid-client checks the ID token, state, nonce and PKCE). */
export async function exchange(config: client.Configuration, signedIn: { callback: string; request: AppRequest }) {
  const { request } = signedIn;
  return client.authorizationCodeGrant(config, new URL(signedIn.callback), {
    pkceCodeVerifier: request.verifier,
    expectedState: request.state,
    expectedNonce: request.nonce,
  });
}

/** A POST to the token endpoint as an app sends it, without openid-client: for parallel requests and their raw answers. */
export async function tokenRequest(
  base: string,
  app: { clientId: string; secret: string | null },
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const body = new URLSearchParams(form);
  if (app.secret)
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.secret)}`).toString('base64')}`;
  else body.set('client_id', app.clientId);
  const res = await fetch(new URL(ROUTES.token, base), { method: 'POST', headers, body });
  const text = await res.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed };
}

/** The code exchange as a raw request. */
export function codeExchange(
  base: string,
  app: { clientId: string; secret: string | null },
  signedIn: { callback: string; request: AppRequest },
) {
  const code = new URL(signedIn.callback).searchParams.get('code');
  if (!code) throw new Error(`no code in ${signedIn.callback}`);
  return tokenRequest(base, app, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: signedIn.request.verifier,
  });
}

/** A refresh as a raw request. */
export function refresh(base: string, app: { clientId: string; secret: string | null }, refreshToken: string) {
  return tokenRequest(base, app, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** The userinfo endpoint's status for an access token (200: the token works). */
export async function userinfoStatus(base: string, accessToken: string): Promise<number> {
  const res = await fetch(new URL(ROUTES.userinfo, base), { headers: { authorization: `Bearer ${accessToken}` } });
  await res.body?.cancel();
  return res.status;
}
