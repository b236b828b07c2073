// Requests the provider refuses before anyone signs in to anything: at the authorization endpoint,
// on the bridge, at end-session. Each answer is a 4xx page or an error sent to a redirect URI the
// app registered, never a 5xx; a page is shown instead of a redirect whenever the redirect URI
// cannot be trusted (RFC 6749 4.1.2.1); and a refused request leaves no code behind.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { authorizationRequest, REDIRECT_URI, TestBrowser } from '../harness/oidc.ts';
import { allowRequest, atApp, continueAt, exchange, portalPage, secondsAgo, signInToApp, withPortal } from './app-sign-in.ts';

const w = withPortal();

async function signedInBrowser() {
  const browser = new TestBrowser(w.portal);
  await browser.signIn(w.t.db, w.accountId, secondsAgo(1));
  return browser;
}

/** The authorization request openid-client builds for the app, with some parameters changed (undefined: left out). */
async function requestUrl(changes: Record<string, string | undefined>): Promise<string> {
  const url = new URL((await authorizationRequest(w.app.config)).url);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  return url.href;
}

/** One request, no redirect followed: its status, where it sends the browser, its page. */
async function answer(url: string, browser?: TestBrowser, headers: Record<string, string> = {}) {
  const res = await (browser ?? (await signedInBrowser())).request(url, { headers });
  const body = await res.text();
  expect(res.status, `${url} answered ${res.status}`).toBeLessThan(500);
  return { status: res.status, location: res.headers.get('location'), body, type: res.headers.get('content-type') ?? '' };
}

/** An error page shown instead of redirecting: 400, HTML, no Location, the protocol error for the app's developer. */
function expectErrorPage(a: Awaited<ReturnType<typeof answer>>, error: string) {
  expect(a.status).toBe(400);
  expect(a.location).toBeNull();
  expect(a.type).toMatch(/^text\/html/);
  expect(a.body).toContain('This sign-in can’t continue');
  expect(a.body).toContain(`For the app’s developer: ${error}`);
}

/** An error sent back to the app's registered redirect URI, carrying no code or token. */
function expectErrorAtApp(a: Awaited<ReturnType<typeof answer>>, error: string, where: '?' | '#' = '?') {
  expect(a.status).toBe(303);
  expect(a.location?.startsWith(`${REDIRECT_URI}${where}`), String(a.location)).toBe(true);
  const params = new URLSearchParams(a.location!.slice(REDIRECT_URI.length + 1));
  expect(params.get('error')).toBe(error);
  for (const leaked of ['code', 'access_token', 'id_token']) expect(params.has(leaked)).toBe(false);
}

const nothingStarted = async () =>
  expect(await w.t.db.oidcRecord.count({ where: { kind: { in: ['Interaction', 'AuthorizationCode'] } } })).toBe(0);

describe('the authorization endpoint', () => {
  it('an unknown client_id: a 400 page, no redirect', async () => {
    expectErrorPage(await answer(await requestUrl({ client_id: 'no-such-app' })), 'invalid_client');
    await nothingStarted();
  });

  it('a redirect_uri the app did not register, even one differing by a trailing slash or a query: a 400 page, never a redirect', async () => {
    for (const redirectUri of [
      'https://evil.example/callback',
      `${REDIRECT_URI}/`,
      `${REDIRECT_URI}?next=/`,
      REDIRECT_URI.toUpperCase(),
      'http://127.0.0.1:9/Callback',
    ]) {
      const a = await answer(await requestUrl({ redirect_uri: redirectUri }));
      expectErrorPage(a, 'invalid_redirect_uri');
    }
    await nothingStarted();
  });

  it('no code_challenge: invalid_request sent to the app (its redirect URI is known), no sign-in begun', async () => {
    // The redirect URI was checked first, so telling the app is safe (RFC 6749 4.1.2.1).
    expectErrorAtApp(await answer(await requestUrl({ code_challenge: undefined, code_challenge_method: undefined })), 'invalid_request');
    expectErrorAtApp(await answer(await requestUrl({ code_challenge: undefined })), 'invalid_request');
    await nothingStarted();
  });

  it('code_challenge_method=plain, or none given: refused (only S256)', async () => {
    expectErrorAtApp(await answer(await requestUrl({ code_challenge_method: 'plain' })), 'invalid_request');
    expectErrorAtApp(await answer(await requestUrl({ code_challenge_method: undefined })), 'invalid_request');
    await nothingStarted();
  });

  it('response_type token, id_token, or code id_token: unsupported_response_type, no token in the answer', async () => {
    // Those response types answer in the fragment, so oidc-provider sends the error there.
    for (const responseType of ['token', 'id_token', 'code id_token', 'id_token token']) {
      expectErrorAtApp(await answer(await requestUrl({ response_type: responseType })), 'unsupported_response_type', '#');
    }
    await nothingStarted();
  });

  it('prompt=none with another prompt, and a negative max_age: invalid_request sent to the app', async () => {
    expectErrorAtApp(await answer(await requestUrl({ prompt: 'none login' })), 'invalid_request');
    expectErrorAtApp(await answer(await requestUrl({ max_age: '-1' })), 'invalid_request');
    await nothingStarted();
  });
});

describe('the bridge (/oidc/interaction/...)', () => {
  it('an id that names no request: the "request ended" 400 page; a malformed one: 404', async () => {
    for (const path of ['no-such-request-0123456789', 'no-such-request-0123456789/cancel']) {
      const a = await answer(continueAt(w, path));
      expect(a.status).toBe(400);
      expect(a.body).toContain('This sign-in request has ended or was started in another browser.');
    }
    for (const path of ['x.y', '..%2F..%2Fetc', 'abcdefghijklmnop/other']) expect((await answer(continueAt(w, path))).status).toBe(404);
  });

  it('another browser cannot go on with, or cancel, someone else’s request: the "request ended" page, and the request still works for its own browser', async () => {
    await allowRequest(w, w.app, 'openid email profile');
    const holder = new TestBrowser(w.portal);
    const req = await authorizationRequest(w.app.config);
    const { uid } = portalPage(w, await holder.visit(req.url));
    await holder.signIn(w.t.db, w.accountId, secondsAgo(1));

    // A stranger signed in to the same account elsewhere (or to their own) who got the link.
    const stranger = await signedInBrowser();
    for (const path of [uid, `${uid}/cancel`]) {
      const a = await answer(continueAt(w, path), stranger);
      expect(a.status).toBe(400);
      expect(a.location).toBeNull();
      expect(a.body).toContain('This sign-in request has ended or was started in another browser.');
    }
    // The cookie of a request the stranger began does not open someone else's either.
    expect(portalPage(w, await stranger.visit((await authorizationRequest(w.app.config, { prompt: 'login' })).url)).page).toBe('/sign-in');
    expect((await answer(continueAt(w, uid), stranger)).status).toBe(400);
    expect(await w.t.db.oidcRecord.count({ where: { kind: 'AuthorizationCode' } })).toBe(0);

    expect((await exchange(w.app, req, await holder.visit(continueAt(w, uid)))).claims()?.email).toBe('Jane.Holder@Example.com');
  });

  it('a request with an RSC header (Next.js fetching a redirect target) gets 204 and finishes nothing', async () => {
    const browser = await signedInBrowser();
    const req = await authorizationRequest(w.app.config);
    const { uid } = portalPage(w, await browser.visit(req.url));
    await allowRequest(w, w.app, 'openid email profile');
    // Without the header this request would finish with a code; with it, nothing happens.
    for (const path of [uid, `${uid}/cancel`]) {
      const res = await browser.request(continueAt(w, path), { headers: { RSC: '1' } });
      expect(res.status).toBe(204);
      expect(res.headers.get('location')).toBeNull();
      await res.body?.cancel();
    }
    expect(await w.t.db.oidcRecord.count({ where: { kind: 'AuthorizationCode' } })).toBe(0);
    expect((await exchange(w.app, req, await browser.visit(continueAt(w, uid)))).access_token).toBeTruthy();
  });

  it('only GET goes on: a HEAD or a POST to the bridge is 405 and finishes nothing', async () => {
    const browser = await signedInBrowser();
    const req = await authorizationRequest(w.app.config);
    const { uid } = portalPage(w, await browser.visit(req.url));
    await allowRequest(w, w.app, 'openid email profile');
    for (const method of ['HEAD', 'POST']) {
      const res = await browser.request(continueAt(w, uid), { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('location')).toBeNull();
      await res.body?.cancel();
    }
    expect(await w.t.db.oidcRecord.count({ where: { kind: 'AuthorizationCode' } })).toBe(0);
    expect((await exchange(w.app, req, await browser.visit(continueAt(w, uid)))).access_token).toBeTruthy();
  });

  it('a finished request cannot be finished again', async () => {
    const browser = await signedInBrowser();
    await allowRequest(w, w.app, 'openid email profile');
    const req = await authorizationRequest(w.app.config, { prompt: 'login' });
    const { uid } = portalPage(w, await browser.visit(req.url));
    await browser.signIn(w.t.db, w.accountId, new Date(Date.now() + 1000));
    atApp(await browser.visit(continueAt(w, uid)));
    const again = await answer(continueAt(w, uid), browser);
    expect(again.status).toBe(400);
    expect(again.body).toContain('This sign-in request has ended');
  });

  it('two-step-required cannot be skipped by going on: only Cancel ends it', async () => {
    await allowRequest(w, w.app, 'openid email profile');
    const browser = await signedInBrowser();
    const { uid } = portalPage(
      w,
      await browser.visit((await authorizationRequest(w.app.config, { acr_values: 'urn:two-step:acr:two-step' })).url),
    );
    for (let i = 0; i < 2; i++) expect(portalPage(w, await browser.visit(continueAt(w, uid))).page).toBe('/sign-in/two-step-required');
    expect(await w.t.db.oidcRecord.count({ where: { kind: 'AuthorizationCode' } })).toBe(0);
  });
});

describe('end-session with an id_token_hint that is not the provider’s', () => {
  async function signedInWithTokens() {
    const browser = await signedInBrowser();
    const { tokens } = await signInToApp(w, browser);
    return { browser, tokens };
  }

  async function expectNoLogout(
    browser: TestBrowser,
    hint: string,
    tokens: { access_token: string; claims(): { sub: string } | undefined },
  ) {
    const a = await answer(client.buildEndSessionUrl(w.app.config, { id_token_hint: hint }).href, browser);
    expect(a.status).toBe(400);
    expect(a.location).toBeNull();
    expect(a.body).not.toContain('op.logoutForm');
    // Nothing was ended: the app's token still works.
    expect((await client.fetchUserInfo(w.app.config, tokens.access_token, client.skipSubjectCheck)).sub).toBe(tokens.claims()?.sub);
  }

  it('one character of the signature changed: 400, no logout', async () => {
    const { browser, tokens } = await signedInWithTokens();
    const [header, payload, signature] = tokens.id_token!.split('.');
    const i = 20;
    const tampered = `${header}.${payload}.${signature!.slice(0, i)}${signature![i] === 'A' ? 'B' : 'A'}${signature!.slice(i + 1)}`;
    await expectNoLogout(browser, tampered, tokens);
  });

  it('the same claims signed by another key (under the provider’s key id): 400, no logout', async () => {
    const { browser, tokens } = await signedInWithTokens();
    const [header, payload] = tokens.id_token!.split('.');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = `${header}.${payload}.${createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey).toString('base64url')}`;
    await expectNoLogout(browser, forged, tokens);
  });

  it('an unsigned token (alg none): 400, no logout', async () => {
    const { browser, tokens } = await signedInWithTokens();
    const [, payload] = tokens.id_token!.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
    await expectNoLogout(browser, none, tokens);
  });
});
