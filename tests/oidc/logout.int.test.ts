// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): the app sends the browser to the
// end-session endpoint with its ID token; the portal asks the person, and the form they submit
// (with its xsrf token, in this browser) ends the app's sign-in and returns them to the app.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { authorizationRequest, POST_LOGOUT_URI, TestBrowser } from '../harness/oidc.ts';
import { exchange, oauthError, portalPage, secondsAgo, signInToApp, withPortal } from './app-sign-in.ts';
import { BROWSER } from '../harness/accounts.ts';
import { systemClock } from '../../src/clock.ts';
import { sessionIdOf, signOut } from '../../src/sessions/sessions.ts';
import { SESSION_COOKIE } from '../../src/sessions/browser-cookies.ts';

const w = withPortal();

async function signedInToApp() {
  const browser = new TestBrowser(w.portal);
  const portalToken = await browser.signIn(w.t.db, w.accountId, secondsAgo(1));
  const { tokens } = await signInToApp(w, browser);
  return { browser, portalToken, tokens };
}

/** The logout page the app sends the browser to, and the form on it. */
async function logoutPage(browser: TestBrowser, idToken: string, state = 'app-state-1') {
  const url = client.buildEndSessionUrl(w.app.config, { id_token_hint: idToken, post_logout_redirect_uri: POST_LOGOUT_URI, state });
  const res = await browser.request(url.href);
  const body = await res.text();
  const action = /<form id="op\.logoutForm" method="post" action="([^"]+)">/.exec(body)?.[1];
  const xsrf = /<input type="hidden" name="xsrf" value="([^"]+)"\/>/.exec(body)?.[1];
  return { status: res.status, body, action, xsrf };
}

async function submit(browser: TestBrowser, action: string, fields: Record<string, string>) {
  const res = await browser.request(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  await res.body?.cancel();
  return res;
}

const userinfo = (accessToken: string) => client.fetchUserInfo(w.app.config, accessToken, client.skipSubjectCheck);

describe('RP-initiated logout', () => {
  it('the page asks, naming the app, with a form to this provider carrying an xsrf token', async () => {
    const { browser, tokens } = await signedInToApp();
    const page = await logoutPage(browser, tokens.id_token!);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Test App is signing you out.');
    expect(page.action).toBe(`${w.portal.url}/oidc/session/end/confirm`);
    expect(page.xsrf).toMatch(/^[0-9a-f]{32,}$/);
    expect(page.body).toMatch(/<button[^>]*name="logout" value="yes"/);
  });

  it('Sign Out: back to the app’s post-logout URI with its state; the app’s tokens are refused', async () => {
    const { browser, tokens } = await signedInToApp();
    const page = await logoutPage(browser, tokens.id_token!);
    const res = await submit(browser, page.action!, { xsrf: page.xsrf!, logout: 'yes' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${POST_LOGOUT_URI}?state=app-state-1`);
    expect(await oauthError(userinfo(tokens.access_token))).toEqual({ error: 'invalid_token', status: 401 });
  });

  it('Sign Out also signs the browser out of the portal: the next request from this browser shows the sign-in page', async () => {
    // The provider's session only mirrors the portal's: ending one without the other would leave
    // the browser signed in to every app at its next request.
    const { browser, portalToken, tokens } = await signedInToApp();
    const page = await logoutPage(browser, tokens.id_token!);
    expect((await submit(browser, page.action!, { xsrf: page.xsrf!, logout: 'yes' })).status).toBe(303);
    expect(browser.cookies.has('two_step_oidc')).toBe(false);
    expect(browser.cookies.has(SESSION_COOKIE.name)).toBe(false);
    expect(await w.t.db.session.count({ where: { id: sessionIdOf(portalToken) } })).toBe(0);
    expect(await w.t.db.securityEvent.count({ where: { accountId: w.accountId, kind: 'signed-out' } })).toBe(1);

    expect(portalPage(w, await browser.visit((await authorizationRequest(w.app.config)).url)).page).toBe('/sign-in');
  });

  it('Sign Out ends this browser only: the holder’s other browsers stay signed in', async () => {
    const other = new TestBrowser(w.portal);
    const otherToken = await other.signIn(w.t.db, w.accountId, secondsAgo(1));
    const { browser, tokens } = await signedInToApp();
    const page = await logoutPage(browser, tokens.id_token!);
    await submit(browser, page.action!, { xsrf: page.xsrf!, logout: 'yes' });
    expect(await w.t.db.session.count({ where: { id: sessionIdOf(otherToken) } })).toBe(1);
    const req = await authorizationRequest(w.app.config);
    expect((await exchange(w.app, req, await other.visit(req.url))).claims()?.sub).toBe(tokens.claims()?.sub);
  });

  it('Stay Signed In: back to the app; the app’s tokens from this browser end, the portal session stays', async () => {
    const { browser, portalToken, tokens } = await signedInToApp();
    const page = await logoutPage(browser, tokens.id_token!);
    const res = await submit(browser, page.action!, { xsrf: page.xsrf! });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${POST_LOGOUT_URI}?state=app-state-1`);
    expect(browser.cookies.has('two_step_oidc')).toBe(true);
    expect(await oauthError(userinfo(tokens.access_token))).toEqual({ error: 'invalid_token', status: 401 });
    // Still signed in to the portal: the app's next request needs no sign-in.
    expect(await w.t.db.session.count({ where: { id: sessionIdOf(portalToken) } })).toBe(1);
    const req = await authorizationRequest(w.app.config);
    expect((await exchange(w.app, req, await browser.visit(req.url))).claims()?.sub).toBe(tokens.claims()?.sub);
  });

  it('the form posted without this browser’s xsrf token (a cross-site post) signs nobody out', async () => {
    const { browser, tokens } = await signedInToApp();
    const page = await logoutPage(browser, tokens.id_token!);
    const res = await submit(browser, page.action!, { xsrf: 'f'.repeat(page.xsrf!.length), logout: 'yes' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(browser.cookies.has('two_step_oidc')).toBe(true);
    expect((await userinfo(tokens.access_token)).sub).toBe(tokens.claims()?.sub);
  });

  it('a browser no longer signed in to the portal: nothing to ask, the page sends itself on and the browser returns to the app', async () => {
    const { browser, portalToken, tokens } = await signedInToApp();
    await signOut({ db: w.t.db, clock: systemClock }, portalToken, BROWSER);
    const url = client.buildEndSessionUrl(w.app.config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: POST_LOGOUT_URI,
      state: 'app-state-2',
    });
    const res = await browser.request(url.href);
    const body = await res.text();
    expect(res.status).toBe(200);
    // oidc-provider's self-submitting form: its one inline script is allowed by its hash, not by 'unsafe-inline'.
    const script = /<script>([\s\S]*?)<\/script>/.exec(body)?.[1];
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`'sha256-${createHash('sha256').update(script!).digest('base64')}'`);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(body)?.[1];
    expect(body).toMatch(/name="logout" value="yes"/);
    const back = await submit(browser, `${w.portal.url}/oidc/session/end/confirm`, { xsrf: xsrf!, logout: 'yes' });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`${POST_LOGOUT_URI}?state=app-state-2`);
  });

  it('a post-logout URI the app did not register is refused with a page, never followed', async () => {
    const { browser, tokens } = await signedInToApp();
    const url = client.buildEndSessionUrl(w.app.config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: 'https://evil.example/bye',
    });
    const res = await browser.request(url.href);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).not.toContain('op.logoutForm');
  });
});
