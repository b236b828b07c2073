// What the OpenID Connect tests of this folder share: a portal (provider + bridge) on a real
// database, a fresh holder and app per test, and the steps an app's sign-in goes through, done as
// the app does them (openid-client over HTTP) and as a browser does them (TestBrowser).
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import * as client from 'openid-client';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { BROWSER, freshAccount } from '../harness/accounts.ts';
import { authorizationRequest, REDIRECT_URI, relyingParty, startPortal, testApp, TestBrowser, type Portal } from '../harness/oidc.ts';
import { systemClock } from '../../src/clock.ts';
import { allowApp } from '../../src/oidc/app-authorizations.ts';
import { exchange as exchangeCode, type AppRequest } from './sign-in-flow.ts';
import { scopesOf } from '../../src/oidc/scopes.ts';
import { knownBrowserKey } from '../../src/sessions/known-browsers.ts';
import type { Db } from '../../src/db/client.ts';

export interface TestApp {
  clientId: string;
  secret: string | null;
  config: client.Configuration;
}

export interface OidcWorld {
  t: TestDb;
  portal: Portal;
  accountId: string;
  app: TestApp;
  /** Registers another app and configures openid-client for it. */
  newApp(opts?: { public?: boolean; name?: string }): Promise<TestApp>;
}

/**
 * One database and portal for the file; before each test a clean slate: one holder (two-step off),
 * one confidential app, nothing of the provider's stored.
 */
export function withPortal(): OidcWorld {
  const w = {} as OidcWorld;
  w.newApp = async (opts = {}) => {
    const made = await testApp(w.t.db, new Date(), opts);
    return { ...made, config: await relyingParty(w.portal, made) };
  };
  beforeAll(async () => {
    w.t = await createTestDb();
    w.portal = await startPortal(w.t.db, systemClock);
  });
  afterAll(async () => {
    await w.portal?.close();
    await w.t?.drop();
  });
  beforeEach(async () => {
    await w.t.db.oidcRecord.deleteMany();
    await w.t.db.oidcClient.deleteMany();
    w.accountId = (await freshAccount(w.t.db, new Date().toISOString())).accountId;
    w.app = await w.newApp();
  });
  return w;
}

/**
 * A moment a little before now: a session signed in then is unambiguously older than a request made
 * now (whose time oidc-provider keeps in whole seconds).
 */
export function secondsAgo(s: number): Date {
  return new Date(Date.now() - s * 1000);
}

/** The portal page a visit ended on, the request (interaction) it serves, and why it asks (Verify Your Identity). */
export function portalPage(w: OidcWorld, visited: { url: string }): { page: string; uid: string; why: string | null } {
  const url = new URL(visited.url, w.portal.url);
  expect(url.origin, `expected a portal page, got ${visited.url}`).toBe(w.portal.url);
  const uid = url.searchParams.get('interaction');
  expect(uid, `expected ?interaction= on ${visited.url}`).toBeTruthy();
  return { page: url.pathname, uid: uid!, why: url.searchParams.get('why') };
}

/** Where "go on" sends the browser for this request (the bridge). */
export function continueAt(w: OidcWorld, uid: string): string {
  return `${w.portal.url}/oidc/interaction/${uid}`;
}

/** The app's redirect URI as the browser reached it: its query parameters (a code, or an error). */
export function atApp(visited: { url: string }): URLSearchParams {
  expect(visited.url.startsWith(`${REDIRECT_URI}?`), `expected the app's redirect URI, got ${visited.url}`).toBe(true);
  return new URL(visited.url).searchParams;
}

/** The holder allows the app what this request asks for (the consent page's Allow). */
export async function allowRequest(w: OidcWorld, app: TestApp, scope: string, accountId = w.accountId): Promise<void> {
  await allowApp(w.t.db, systemClock, { accountId, clientId: app.clientId, scopes: scopesOf(scope) }, BROWSER);
}

/** The app exchanges the code it received at its redirect URI (sign-in-flow.ts's exchange, once the visit is checked to end there). */
export async function exchange(app: TestApp, req: AppRequest, visited: { url: string }) {
  atApp(visited);
  return exchangeCode(app.config, { callback: visited.url, request: req });
}

/**
 * The app's sign-in for a browser already signed in to the portal: the request, the consent page
 * when it comes (the holder allows), and the code exchanged for tokens.
 */
export async function signInToApp(w: OidcWorld, browser: TestBrowser, app: TestApp = w.app, params: Record<string, string> = {}) {
  const req = await authorizationRequest(app.config, params);
  let visited = await browser.visit(req.url);
  if (!visited.url.startsWith(REDIRECT_URI)) {
    const { page, uid } = portalPage(w, visited);
    expect(page).toBe('/sign-in/consent');
    await allowRequest(w, app, params.scope ?? 'openid email profile');
    visited = await browser.visit(continueAt(w, uid));
  }
  return { req, tokens: await exchange(app, req, visited) };
}

/** The OAuth error of a refused request made through openid-client. */
export async function oauthError(p: Promise<unknown>): Promise<{ error: string; status: number }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof client.ResponseBodyError) return { error: e.error, status: e.status };
    if (e instanceof client.WWWAuthenticateChallengeError)
      return { error: e.cause[0]?.parameters.error ?? e.code, status: e.response.status };
    throw e;
  }
  throw new Error('the request was not refused');
}

/** This browser holds a device cookie with its own id for the account, and its record: another browser the holder signed in from before. */
export async function giveDeviceCookie(db: Db, browser: TestBrowser, accountId: string, browserId: string): Promise<void> {
  const now = new Date();
  await db.knownBrowser.create({ data: { idHash: knownBrowserKey(browserId), accountId, createdAt: now, lastUsedAt: now } });
  await browser.setDeviceEntries([{ accountId, id: browserId }]);
}
