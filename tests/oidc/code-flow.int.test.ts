// The authorization code flow as an app sees it, through openid-client over real HTTP: discovery,
// PKCE, an ID token whose signature openid-client checks against the JWKS, the claims each scope
// gives, how the sign-in was made (acr, amr, auth_time), userinfo, and a public app.
import { describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { authorizationRequest, REDIRECT_URI, TestBrowser } from '../harness/oidc.ts';
import { markTwoStepOn } from '../harness/accounts.ts';
import { ACR } from '../../src/oidc/authentication.ts';
import { allowRequest, atApp, continueAt, exchange, portalPage, secondsAgo, signInToApp, withPortal } from './app-sign-in.ts';

const w = withPortal();

describe('discovery', () => {
  it('publishes the code flow with PKCE S256 only, pairwise subjects, both ACRs, and endpoints under /oidc/', async () => {
    const meta = w.app.config.serverMetadata();
    expect(meta.issuer).toBe(w.portal.url);
    expect(meta.response_types_supported).toEqual(['code']);
    expect(meta.response_modes_supported).toEqual(expect.arrayContaining(['query', 'form_post']));
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.subject_types_supported).toEqual(['pairwise']);
    expect(meta.acr_values_supported).toEqual([ACR.password, ACR.twoStep]);
    expect(meta.id_token_signing_alg_values_supported).toEqual(['RS256']);
    expect(meta.grant_types_supported).toContain('refresh_token');
    expect(meta.grant_types_supported).toContain('authorization_code');
    expect(meta.grant_types_supported).not.toContain('implicit');
    expect(meta.grant_types_supported).not.toContain('client_credentials');
    for (const endpoint of [
      'authorization_endpoint',
      'token_endpoint',
      'userinfo_endpoint',
      'jwks_uri',
      'revocation_endpoint',
      'end_session_endpoint',
    ] as const) {
      expect(meta[endpoint], endpoint).toMatch(new RegExp(`^${w.portal.url}/oidc/`));
    }
    // Nothing an app could use to bypass the portal's pages or read other holders' tokens.
    expect(meta).not.toHaveProperty('registration_endpoint');
    expect(meta).not.toHaveProperty('introspection_endpoint');
    expect(meta).not.toHaveProperty('device_authorization_endpoint');
  });
});

describe('the whole code flow', () => {
  it('sign-in page, then consent, then a code at the app; the ID token is signed, names the app and carries the sign-in', async () => {
    const browser = new TestBrowser(w.portal);
    const req = await authorizationRequest(w.app.config);

    // No portal session: the sign-in page, for this request.
    const first = portalPage(w, await browser.visit(req.url));
    expect(first.page).toBe('/sign-in');
    const signedInAt = secondsAgo(1);
    await browser.signIn(w.t.db, w.accountId, signedInAt);

    // Signed in; the app was never allowed: the consent page.
    const consent = portalPage(w, await browser.visit(continueAt(w, first.uid)));
    expect(consent.page).toBe('/sign-in/consent');
    await allowRequest(w, w.app, 'openid email profile');

    const visited = await browser.visit(continueAt(w, consent.uid));
    expect(atApp(visited).get('state')).toBe(req.state);
    // RFC 9207: the response names its issuer, so an app talking to several cannot be mixed up.
    expect(atApp(visited).get('iss')).toBe(w.portal.url);

    const tokens = await exchange(w.app, req, visited);
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.refresh_token).toBeUndefined(); // no offline_access asked
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({
      iss: w.portal.url,
      aud: w.app.clientId,
      nonce: req.nonce,
      email: 'Jane.Holder@Example.com',
      email_verified: true,
      name: 'Jane Holder',
      acr: ACR.password,
      amr: ['pwd'],
      auth_time: Math.floor(signedInAt.getTime() / 1000),
    });
    expect(claims.sub).not.toBe(w.accountId);
    expect(claims.sub).not.toContain(w.accountId);
  });

  it('two-step on and the sign-in finished with an SMS code: acr two-step, amr pwd + sms + mfa', async () => {
    const at = secondsAgo(1);
    await markTwoStepOn(w.t.db, w.accountId, at);
    const browser = new TestBrowser(w.portal);
    await browser.signIn(w.t.db, w.accountId, at, { secondStep: 'sms' });
    const { tokens } = await signInToApp(w, browser);
    expect(tokens.claims()).toMatchObject({ acr: ACR.twoStep, amr: ['pwd', 'sms', 'mfa'], auth_time: Math.floor(at.getTime() / 1000) });
  });

  it('userinfo answers the access token with the same subject and the claims of its scopes', async () => {
    const browser = new TestBrowser(w.portal);
    await browser.signIn(w.t.db, w.accountId, secondsAgo(1));
    const { tokens } = await signInToApp(w, browser);
    const sub = tokens.claims()!.sub;
    // fetchUserInfo also refuses an answer whose sub is not this one.
    expect(await client.fetchUserInfo(w.app.config, tokens.access_token, sub)).toEqual({
      sub,
      email: 'Jane.Holder@Example.com',
      email_verified: true,
      name: 'Jane Holder',
    });
  });

  it('a public app (no secret, PKCE alone) gets its tokens', async () => {
    const app = await w.newApp({ public: true, name: 'Phone App' });
    expect(app.secret).toBeNull();
    const browser = new TestBrowser(w.portal);
    await browser.signIn(w.t.db, w.accountId, secondsAgo(1));
    const { tokens } = await signInToApp(w, browser, app);
    expect(tokens.claims()?.aud).toBe(app.clientId);
    expect(await client.fetchUserInfo(app.config, tokens.access_token, tokens.claims()!.sub)).toMatchObject({
      email: 'Jane.Holder@Example.com',
    });
  });
});

describe('what each scope gives', () => {
  async function claimsFor(scope: string) {
    const browser = new TestBrowser(w.portal);
    await browser.signIn(w.t.db, w.accountId, secondsAgo(1));
    const { tokens } = await signInToApp(w, browser, w.app, { scope });
    return { id: tokens.claims()!, userinfo: await client.fetchUserInfo(w.app.config, tokens.access_token, tokens.claims()!.sub) };
  }

  it('openid alone: who and how, no email, no name', async () => {
    const { id, userinfo } = await claimsFor('openid');
    expect(id).toHaveProperty('sub');
    expect(id).toHaveProperty('auth_time');
    for (const claims of [id, userinfo]) {
      expect(claims).not.toHaveProperty('email');
      expect(claims).not.toHaveProperty('email_verified');
      expect(claims).not.toHaveProperty('name');
    }
  });

  it('email: the address and email_verified, no name', async () => {
    const { id, userinfo } = await claimsFor('openid email');
    for (const claims of [id, userinfo]) {
      expect(claims).toMatchObject({ email: 'Jane.Holder@Example.com', email_verified: true });
      expect(claims).not.toHaveProperty('name');
    }
  });

  it('profile: the name, no email', async () => {
    const { id, userinfo } = await claimsFor('openid profile');
    for (const claims of [id, userinfo]) {
      expect(claims).toMatchObject({ name: 'Jane Holder' });
      expect(claims).not.toHaveProperty('email');
    }
  });

  it('an app allowed more before gets only what this request asks for', async () => {
    // Consent is remembered per app; what one request may read is still only its own scopes.
    await allowRequest(w, w.app, 'openid email profile');
    const { id, userinfo } = await claimsFor('openid');
    for (const claims of [id, userinfo]) {
      expect(claims).not.toHaveProperty('email');
      expect(claims).not.toHaveProperty('name');
    }
  });
});

describe('the subject (sub) is pairwise', () => {
  it('two apps get different subjects for one holder; one app gets the same one at every sign-in', async () => {
    const other = await w.newApp({ name: 'Other App' });
    const subOf = async (app = w.app) => {
      const browser = new TestBrowser(w.portal);
      await browser.signIn(w.t.db, w.accountId, secondsAgo(1));
      return (await signInToApp(w, browser, app)).tokens.claims()!.sub;
    };
    const first = await subOf();
    const again = await subOf();
    const inOther = await subOf(other);
    expect(again).toBe(first);
    expect(inOther).not.toBe(first);
    for (const sub of [first, inOther]) {
      expect(sub).not.toContain(w.accountId);
      expect(sub).not.toContain('Jane.Holder');
    }
  });
});

describe('other ways an app may ask and be answered', () => {
  it('response_mode=form_post: a page posts the code to the redirect URI; its CSP lets the form go there and nowhere else', async () => {
    const browser = new TestBrowser(w.portal);
    await browser.signIn(w.t.db, w.accountId, secondsAgo(5));
    await allowRequest(w, w.app, 'openid email profile');
    const req = await authorizationRequest(w.app.config, { response_mode: 'form_post' });
    const page = await browser.visit(req.url);
    expect(page.status).toBe(200);
    const action = /<form method="post" action="([^"]+)">/.exec(page.body)?.[1];
    expect(action).toBe(REDIRECT_URI);
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(page.body)?.[1];
    expect(field('state')).toBe(req.state);
    const csp = page.headers?.get('content-security-policy') ?? '';
    expect(csp).toContain(`form-action 'self' ${new URL(REDIRECT_URI).origin}`);
    expect(csp).toMatch(/script-src [^;]*'sha256-/); // the auto-submit script, by its hash
    expect(csp).not.toContain('unsafe-inline');
    // The app receives it as a POST body and exchanges it like a redirect's code.
    const tokens = await client.authorizationCodeGrant(
      w.app.config,
      new Request(REDIRECT_URI, {
        method: 'POST',
        body: new URLSearchParams({ code: field('code')!, state: field('state')!, iss: field('iss')! }),
      }),
      {
        pkceCodeVerifier: req.verifier,
        expectedState: req.state,
        expectedNonce: req.nonce,
      },
    );
    expect(tokens.claims()?.email).toBe('Jane.Holder@Example.com');
  });
});

describe('the provider’s own pages carry the portal’s security headers', () => {
  async function headersOf(url: string) {
    const res = await new TestBrowser(w.portal).request(url);
    await res.body?.cancel();
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    return res.headers;
  }

  function expectPageHeaders(h: Headers) {
    const csp = h.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(h.get('x-frame-options')).toBe('DENY');
    expect(h.get('referrer-policy')).toBe('no-referrer');
    expect(h.get('x-content-type-options')).toBe('nosniff');
  }

  it('an error page (an unknown app)', async () => {
    const url = new URL(`${w.portal.url}/oidc/auth`);
    url.search = new URLSearchParams({
      client_id: 'nobody',
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
    }).toString();
    expectPageHeaders(await headersOf(url.href));
  });

  it('the bridge’s "request ended" page', async () => {
    expectPageHeaders(await headersOf(continueAt(w, 'no-such-request-0123456789')));
  });

  it('the logout page', async () => {
    const browser = new TestBrowser(w.portal);
    await browser.signIn(w.t.db, w.accountId, secondsAgo(1));
    const { tokens } = await signInToApp(w, browser);
    const res = await browser.request(client.buildEndSessionUrl(w.app.config, { id_token_hint: tokens.id_token! }).href);
    expect(res.status).toBe(200);
    await res.body?.cancel();
    expectPageHeaders(res.headers);
  });
});
