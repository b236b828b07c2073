// The token endpoint's refusals, as an app (or someone holding what an app holds) meets them
// through openid-client: PKCE, codes used twice, late or exchanged by another app, client
// authentication, and a grant the holder stopped. Each is a 4xx with its OAuth error, never a 5xx,
// and a refused code issues nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as client from 'openid-client';
import { authorizationRequest, REDIRECT_URI, TestBrowser } from '../harness/oidc.ts';
import { BROWSER } from '../harness/accounts.ts';
import { systemClock } from '../../src/clock.ts';
import { stopUsingApp } from '../../src/oidc/app-authorizations.ts';
import { TTL } from '../../src/oidc/provider.ts';
import { sessionIdOf } from '../../src/sessions/sessions.ts';
import {
  allowRequest,
  atApp,
  continueAt,
  exchange,
  oauthError,
  portalPage,
  secondsAgo,
  signInToApp,
  withPortal,
  type TestApp,
} from './app-sign-in.ts';

const w = withPortal();

const OFFLINE = { scope: 'openid offline_access', prompt: 'consent' };

/** The app's request and the code at its redirect URI, not yet exchanged. */
async function codeAtApp(params: Record<string, string> = {}) {
  const scope = params.scope ?? 'openid email profile';
  await allowRequest(w, w.app, scope);
  const browser = new TestBrowser(w.portal);
  await browser.signIn(w.t.db, w.accountId, secondsAgo(1));
  const req = await authorizationRequest(w.app.config, params);
  let visited = await browser.visit(req.url);
  // With prompt=consent only an Allow pressed after the request began counts, the request's start
  // being in whole seconds: unless both fell in one second, the holder is asked, and allows.
  if (params.prompt === 'consent' && !visited.url.startsWith(REDIRECT_URI)) {
    const { page, uid } = portalPage(w, visited);
    expect(page).toBe('/sign-in/consent');
    await allowRequest(w, w.app, scope);
    visited = await browser.visit(continueAt(w, uid));
  }
  expect(atApp(visited).get('code')).toBeTruthy();
  return { req, visited, callback: new URL(visited.url) };
}

const issuedTokens = () => w.t.db.oidcRecord.count({ where: { kind: { in: ['AccessToken', 'RefreshToken'] } } });
const userinfo = (app: TestApp, accessToken: string) => client.fetchUserInfo(app.config, accessToken, client.skipSubjectCheck);

afterEach(() => {
  vi.useRealTimers();
});

describe('PKCE at the token endpoint', () => {
  it('a wrong code_verifier: invalid_grant, and nothing issued', async () => {
    const { req, callback } = await codeAtApp();
    const refused = await oauthError(
      client.authorizationCodeGrant(w.app.config, callback, {
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
        expectedState: req.state,
        expectedNonce: req.nonce,
      }),
    );
    expect(refused).toEqual({ error: 'invalid_grant', status: 400 });
    expect(await issuedTokens()).toBe(0);
  });

  it('no code_verifier: refused, and nothing issued', async () => {
    const { req, callback } = await codeAtApp();
    const refused = await oauthError(
      client.authorizationCodeGrant(w.app.config, callback, { expectedState: req.state, expectedNonce: req.nonce }),
    );
    expect(refused).toEqual({ error: 'invalid_grant', status: 400 });
    expect(await issuedTokens()).toBe(0);
  });
});

describe('authorization codes', () => {
  it('a code used twice: invalid_grant, and every token issued from it is revoked (RFC 6749 4.1.2)', async () => {
    const { req, visited, callback } = await codeAtApp(OFFLINE);
    const tokens = await exchange(w.app, req, visited);
    expect(tokens.refresh_token).toBeTruthy();

    const again = await oauthError(
      client.authorizationCodeGrant(w.app.config, callback, {
        pkceCodeVerifier: req.verifier,
        expectedState: req.state,
        expectedNonce: req.nonce,
      }),
    );
    expect(again).toEqual({ error: 'invalid_grant', status: 400 });
    expect(await oauthError(userinfo(w.app, tokens.access_token))).toEqual({ error: 'invalid_token', status: 401 });
    expect(await oauthError(client.refreshTokenGrant(w.app.config, tokens.refresh_token!))).toEqual({
      error: 'invalid_grant',
      status: 400,
    });
  });

  it(`a code older than its ${TTL.AuthorizationCode} seconds: invalid_grant`, async () => {
    const { req, callback } = await codeAtApp();
    // oidc-provider reads the system clock: move it, not the test's pace.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (TTL.AuthorizationCode + 1) * 1000);
    const refused = await oauthError(
      client.authorizationCodeGrant(w.app.config, callback, {
        pkceCodeVerifier: req.verifier,
        expectedState: req.state,
        expectedNonce: req.nonce,
      }),
    );
    expect(refused).toEqual({ error: 'invalid_grant', status: 400 });
    expect(await issuedTokens()).toBe(0);
  });

  it('a code a little younger than that still works (the limit above is the one that refused)', async () => {
    const { req, visited } = await codeAtApp();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (TTL.AuthorizationCode - 5) * 1000);
    expect((await exchange(w.app, req, visited)).access_token).toBeTruthy();
  });

  it('a code is for the app it was issued to: another app presenting it gets invalid_grant', async () => {
    const { req, callback } = await codeAtApp();
    const other = await w.newApp({ name: 'Other App' });
    const refused = await oauthError(
      client.authorizationCodeGrant(other.config, callback, {
        pkceCodeVerifier: req.verifier,
        expectedState: req.state,
        expectedNonce: req.nonce,
      }),
    );
    expect(refused).toEqual({ error: 'invalid_grant', status: 400 });
    expect(await issuedTokens()).toBe(0);
  });

  it('a code is bound to its redirect URI: exchanged with another one, invalid_grant', async () => {
    const { req, callback } = await codeAtApp();
    const elsewhere = new URL(callback.href.replace(REDIRECT_URI, `${REDIRECT_URI}/other`));
    const refused = await oauthError(
      client.authorizationCodeGrant(w.app.config, elsewhere, {
        pkceCodeVerifier: req.verifier,
        expectedState: req.state,
        expectedNonce: req.nonce,
      }),
    );
    expect(refused).toEqual({ error: 'invalid_grant', status: 400 });
  });
});

describe('client authentication', () => {
  async function withAuth(auth: client.ClientAuth) {
    return client.discovery(new URL(w.portal.url), w.app.clientId, undefined, auth, { execute: [client.allowInsecureRequests] });
  }

  async function refusedWith(config: client.Configuration) {
    const { req, callback } = await codeAtApp();
    const refused = await oauthError(
      client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: req.verifier,
        expectedState: req.state,
        expectedNonce: req.nonce,
      }),
    );
    expect(await issuedTokens()).toBe(0);
    return refused;
  }

  it('a wrong secret: invalid_client, 401', async () => {
    expect(await refusedWith(await withAuth(client.ClientSecretBasic('not-the-secret')))).toEqual({ error: 'invalid_client', status: 401 });
  });

  it('a wrong secret in the body (client_secret_post) is refused too', async () => {
    expect(await refusedWith(await withAuth(client.ClientSecretPost('not-the-secret')))).toEqual({ error: 'invalid_client', status: 401 });
  });

  it('the stored SHA-256 of the secret is not the secret (a leaked database row authenticates nothing)', async () => {
    const row = await w.t.db.oidcClient.findUniqueOrThrow({ where: { id: w.app.clientId } });
    expect(await refusedWith(await withAuth(client.ClientSecretBasic(row.secretHash!)))).toEqual({ error: 'invalid_client', status: 401 });
  });

  it('a confidential app presenting no secret: invalid_client, 401', async () => {
    expect(await refusedWith(await withAuth(client.None()))).toEqual({ error: 'invalid_client', status: 401 });
  });
});

describe('a grant the holder stopped (Stop Using)', () => {
  it('its refresh token gets invalid_grant and its access token is refused at userinfo', async () => {
    const browser = new TestBrowser(w.portal);
    const portalToken = await browser.signIn(w.t.db, w.accountId, secondsAgo(1));
    const { tokens } = await signInToApp(w, browser, w.app, OFFLINE);
    expect((await userinfo(w.app, tokens.access_token)).sub).toBe(tokens.claims()?.sub);

    const stopped = await stopUsingApp(
      { db: w.t.db, clock: systemClock },
      { accountId: w.accountId, sessionId: sessionIdOf(portalToken) },
      w.app.clientId,
      BROWSER,
    );
    expect(stopped).toEqual({ ok: true, name: 'Test App' });

    expect(await oauthError(client.refreshTokenGrant(w.app.config, tokens.refresh_token!))).toEqual({
      error: 'invalid_grant',
      status: 400,
    });
    expect(await oauthError(userinfo(w.app, tokens.access_token))).toEqual({ error: 'invalid_token', status: 401 });
  });

  it('and the app must ask again: the next sign-in shows the consent page', async () => {
    const browser = new TestBrowser(w.portal);
    const portalToken = await browser.signIn(w.t.db, w.accountId, secondsAgo(1));
    await signInToApp(w, browser);
    await stopUsingApp(
      { db: w.t.db, clock: systemClock },
      { accountId: w.accountId, sessionId: sessionIdOf(portalToken) },
      w.app.clientId,
      BROWSER,
    );
    const visited = await browser.visit((await authorizationRequest(w.app.config)).url);
    expect(new URL(visited.url).pathname).toBe('/sign-in/consent');
  });
});
