// The stand-ins' demo apps against the real provider over real HTTP, with openid-client as they run
// it: "iCloud (demo)" (confidential) signs in, shows the ID token's claims, calls userinfo, refreshes
// until its access is ended, and signs out through the portal; "Store (demo)" (public) asks for a
// fresh second step from a trusted device for a purchase and accepts only an ID token that proves it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { freshAccount, markTwoStepOn, BROWSER } from '../harness/accounts.ts';
import { startPortal, TestBrowser, SESSION_SECRET, type Portal } from '../harness/oidc.ts';
import { browse, cancelSignIn, continueSignIn, press, startDemoApps, throughPortal, type DemoApps } from '../harness/demo-apps.ts';
import { freePort } from '../harness/net.ts';
import { MINUTE, systemClock } from '../../src/clock.ts';
import { ACR } from '../../src/oidc/authentication.ts';
import { stopUsingApp } from '../../src/oidc/app-authorizations.ts';
import { secretMatches } from '../../src/oidc/apps.ts';
import { CLOCK_TOLERANCE_S } from '../../src/oidc/signing-keys.ts';
import { seedDemoApps } from '../../dev/seed/demo-apps.ts';
import { DEMO_APPS, demoClientSecret } from '../../dev/standins/demo-apps/registration.ts';
import { purchaseRefusal } from '../../dev/standins/demo-apps/store.ts';
import { startStandins } from '../../dev/standins/server.ts';
import type { SignedIn } from '../../dev/standins/demo-apps/relying-party.ts';

const ICLOUD_SCOPES = ['openid', 'email', 'profile', 'offline_access'];
const STORE_SCOPES = ['openid', 'email', 'profile'];

/** A table row of a page: header and value, as the apps render them. */
const row = (header: string, value: string) => `<th scope="row">${header}</th><td>${value}</td>`;

describe('the demo apps', () => {
  let t: TestDb;
  let portal: Portal;
  let apps: DemoApps;
  let accountId: string;
  const clock = systemClock;

  beforeAll(async () => {
    t = await createTestDb();
    portal = await startPortal(t.db, clock);
    apps = await startDemoApps(t.db, portal, clock.now());
  });
  afterAll(async () => {
    await apps?.stop();
    await portal?.close();
    await t?.drop();
  });
  beforeEach(async () => {
    ({ accountId } = await freshAccount(t.db, clock.now().toISOString()));
  });

  /**
   * Signs in to the app through the portal's pages. The store's sign-in is dated a minute back, so
   * that Buy, a moment later, is never in the same second (max_age counts whole seconds).
   */
  const signIn = async (browser: TestBrowser, app: 'icloud' | 'store', opts: { secondStep?: 'sms' } = {}) => {
    const started = await browse(browser, `${apps.url(app)}sign-in`);
    const { clientId } = DEMO_APPS[app];
    const at = app === 'store' ? { now: () => new Date(Date.now() - MINUTE) } : clock;
    return throughPortal(t.db, at, browser, started, {
      accountId,
      clientId,
      scopes: app === 'icloud' ? ICLOUD_SCOPES : STORE_SCOPES,
      ...opts,
    });
  };

  it('iCloud: signs in through the portal\u2019s pages and shows who signed in and the ID token\u2019s claims', async () => {
    await markTwoStepOn(t.db, accountId, clock.now());
    const browser = new TestBrowser(portal);
    const before = Math.floor(Date.now() / 1000);
    const { landing, pages } = await signIn(browser, 'icloud', { secondStep: 'sms' });
    expect(pages).toEqual(['/sign-in', '/sign-in/consent']);
    expect(landing).toMatchObject({ status: 200, url: new URL(apps.url('icloud')) });
    const page = landing.body;
    expect(page).toContain('<h1>Welcome, Jane Holder</h1>');
    expect(page).toContain('<strong>Jane.Holder@Example.com</strong>');
    expect(page).toContain(row('acr', ACR.twoStep));
    expect(page).toContain(row('amr', 'pwd, sms, mfa \u2014 password, a code sent by text message, more than one factor'));
    expect(page).toContain(row('iss', portal.url));
    expect(page).toContain(row('aud', 'icloud-demo'));
    const authTime = Number(/<th scope="row">auth_time<\/th><td>[^<]*\((\d+)\)<\/td>/.exec(page)?.[1]);
    expect(authTime).toBeGreaterThanOrEqual(before);
    expect(page).toContain(`${new Date(authTime * 1000).toUTCString()} (${authTime})`);
    // Pairwise: not the account's row id.
    expect(page).toMatch(/<th scope="row">sub<\/th><td>[A-Za-z0-9_-]{43}<\/td>/);
    expect(page).not.toContain(accountId);
    expect(page).toContain('The app holds a refresh token');
    // Accessible and self-contained: a language, headings, no script, no handler, nothing remote.
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page).toContain('<title>Signed in \u2013 iCloud (demo)</title>');
    expect(page).not.toMatch(/<script|\son[a-z]+=|https?:\/\/(?!127\.0\.0\.1)/);
  });

  it('iCloud: userinfo, refresh, and the access ending when the holder stops the app', async () => {
    const browser = new TestBrowser(portal);
    const { landing } = await signIn(browser, 'icloud');
    expect(landing.body).toContain(row('acr', ACR.password));

    const info = await press(browser, landing, '/icloud/userinfo');
    expect(info.body).toContain('userinfo answered');
    expect(info.body).toContain(row('email', 'Jane.Holder@Example.com'));
    expect(info.body).toContain(row('name', 'Jane Holder'));

    const refreshed = await press(browser, info, '/icloud/refresh');
    expect(refreshed.body).toMatch(
      /Access refreshed: the new access token expires [A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\./,
    );

    // Stop Using in Password and Security: every token the app holds is gone.
    expect(await stopUsingApp({ db: t.db, clock }, { accountId } as never, 'icloud-demo', BROWSER)).toMatchObject({ ok: true });
    const ended = await press(browser, refreshed, '/icloud/refresh');
    expect(ended.body).toContain(
      'Your access ended: the Apple ID portal no longer accepts this app\u2019s refresh token. Sign in again to continue.',
    );
    expect(ended.body).toContain('href="/icloud/sign-in">Sign in with your Apple ID</a>');
  });

  it('iCloud: Sign Out goes through the portal\u2019s logout and comes back signed out', async () => {
    const browser = new TestBrowser(portal);
    const { landing } = await signIn(browser, 'icloud');
    const logout = await press(browser, landing, '/icloud/sign-out');
    expect(logout.url.origin).toBe(portal.url);
    expect(logout.url.pathname).toBe('/oidc/session/end');
    expect(logout.url.searchParams.get('post_logout_redirect_uri')).toBe(apps.url('icloud'));
    expect(logout.url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(logout.body).toContain('iCloud (demo) is signing you out.');
    // The confirmation is a form whose answer redirects to the app: a browser allows that only if form-action names it.
    expect(logout.headers.get('content-security-policy')).toContain(`form-action 'self' ${new URL(apps.url('icloud')).origin};`);

    const back = await press(browser, logout, '/oidc/session/end/confirm', { logout: 'yes' });
    expect(back).toMatchObject({ status: 200, url: new URL(apps.url('icloud')) });
    expect(back.body).toContain('You signed out of iCloud (demo).');
    expect(back.body).toContain('Sign in with your Apple ID');
  });

  it('iCloud: the holder not going on is said in words', async () => {
    const browser = new TestBrowser(portal);
    const started = await browse(browser, `${apps.url('icloud')}sign-in`);
    expect(started.url.pathname).toBe('/sign-in');
    const back = await cancelSignIn(browser, started);
    expect(back.url.href).toBe(apps.url('icloud'));
    expect(back.body).toContain('role="alert">You didn\u2019t continue on the Apple ID page, so nothing was shared with iCloud (demo).');
  });

  it('Store: Buy asks for a new sign-in with a trusted device, and the purchase is confirmed by it', async () => {
    // On before the store's sign-in (a minute back): a session older than turning it on does not count.
    await markTwoStepOn(t.db, accountId, new Date(Date.now() - 2 * MINUTE));
    const browser = new TestBrowser(portal);
    const { landing } = await signIn(browser, 'store', { secondStep: 'sms' });
    expect(landing.body).toContain('Signed in as Jane Holder (Jane.Holder@Example.com).');

    const bought = await press(browser, landing, '/store/buy');
    // A sign-in with a trusted device a minute ago is not enough: max_age=0 is prompt=login (OIDC
    // Core 3.1.2.1), a whole new sign-in, whose second step is the fresh one the store checks.
    expect(bought.url.pathname).toBe('/sign-in');
    await browser.signIn(t.db, accountId, new Date(), { secondStep: 'sms' });
    const confirmed = await continueSignIn(browser, bought);
    expect(confirmed.url.href).toBe(apps.url('store'));
    expect(confirmed.body).toContain(
      'role="status"><strong>Purchase confirmed (demo).</strong> Demo Headphones: confirmed with password, a code sent by text message, more than one factor (amr: pwd, sms, mfa).',
    );
  });

  it('Store: with two-step off, the purchase is refused and the holder sent to turn it on', async () => {
    const browser = new TestBrowser(portal);
    const { landing } = await signIn(browser, 'store');
    const bought = await press(browser, landing, '/store/buy');
    // Signing in again comes first (max_age=0), then the portal says why it stops.
    expect(bought.url.pathname).toBe('/sign-in');
    await browser.signIn(t.db, accountId, new Date());
    const told = await continueSignIn(browser, bought);
    expect(told.url.pathname).toBe('/sign-in/two-step-required');
    const back = await cancelSignIn(browser, told);
    expect(back.url.href).toBe(apps.url('store'));
    expect(back.body).toContain(
      `Purchases need two-step verification, which is off for your Apple ID. Turn it on in <a href="${portal.url}/account/security">Password and Security</a>, then buy again.`,
    );
    expect(back.body).not.toContain('Purchase confirmed');
  });

  it('Store: an ID token confirms a purchase only if it is the buyer\u2019s, from after Buy, with a trusted device', () => {
    const pressedAt = Date.UTC(2026, 10, 23, 10, 0, 0);
    const user = (claims: Record<string, unknown>) =>
      ({
        claims: { sub: 'buyer', auth_time: pressedAt / 1000 + 5, acr: ACR.twoStep, amr: ['pwd', 'sms', 'mfa'], ...claims },
      }) as unknown as SignedIn;
    const pending = { purpose: 'buy' as const, verifier: '', nonce: '', startedAt: pressedAt };
    expect(purchaseRefusal(user({}), 'buyer', pending)).toBeNull();
    expect(purchaseRefusal(user({ auth_time: pressedAt / 1000 - CLOCK_TOLERANCE_S }), 'buyer', pending)).toBeNull();
    expect(purchaseRefusal(user({ auth_time: pressedAt / 1000 - CLOCK_TOLERANCE_S - 1 }), 'buyer', pending)).toContain(
      'did not ask you to confirm it again',
    );
    expect(purchaseRefusal(user({ auth_time: undefined }), 'buyer', pending)).toContain('did not ask you to confirm it again');
    expect(purchaseRefusal(user({ acr: ACR.password, amr: ['pwd'] }), 'buyer', pending)).toContain('not confirmed with a trusted device');
    expect(purchaseRefusal(user({ amr: ['pwd', 'sms'] }), 'buyer', pending)).toContain('not confirmed with a trusted device');
    expect(purchaseRefusal(user({ sub: 'someone else' }), 'buyer', pending)).toContain('another Apple ID');
  });

  it('the apps refuse a form without the session\u2019s token, an answer they did not ask for, and say when the portal is down', async () => {
    const browser = new TestBrowser(portal);
    const home = await browse(browser, apps.url('icloud'));
    expect(home.body).toContain('Sign in with your Apple ID');
    const forged = await browse(browser, `${apps.url('icloud')}sign-out`, new URLSearchParams({ csrf: 'guess' }));
    expect(forged.status).toBe(403);

    const stray = await browse(browser, `${apps.url('store')}callback?code=abc&state=never-sent`);
    expect(stray.body).toContain('This answer doesn\u2019t belong to a sign-in started here');

    // Discovery happens on first use, so the stand-ins may start before the portal answers.
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const early = await startStandins({ demoApps: { issuer: nowhere, sessionSecret: SESSION_SECRET } });
    try {
      const down = await browse(new TestBrowser(portal), `${early.httpUrl}/icloud/sign-in`);
      expect(down.status).toBe(503);
      expect(down.body).toContain(`signs you in with the portal at ${nowhere}, which isn\u2019t answering`);
    } finally {
      await early.stop();
    }
  });

  it('the seed registers both apps once, follows a new stand-ins address, and a new SESSION_SECRET', async () => {
    const icloud = await t.db.oidcClient.findUniqueOrThrow({ where: { id: 'icloud-demo' } });
    const store = await t.db.oidcClient.findUniqueOrThrow({ where: { id: 'store-demo' } });
    expect(secretMatches(icloud.secretHash!, demoClientSecret(DEMO_APPS.icloud, SESSION_SECRET))).toBe(true);
    expect(store.secretHash).toBeNull();
    expect(JSON.parse(store.redirectUris)).toEqual([`${apps.standins.httpUrl}/store/callback`]);
    expect(JSON.parse(icloud.postLogoutRedirectUris)).toEqual([`${apps.standins.httpUrl}/icloud/`]);

    const seed = (standinsUrl: string, sessionSecret = SESSION_SECRET) => seedDemoApps(t.db, { standinsUrl, sessionSecret }, clock.now());
    expect(await seed(apps.standins.httpUrl)).toEqual([]);
    await t.db.appAuthorization.create({
      data: {
        accountId,
        clientId: 'icloud-demo',
        scope: 'openid',
        createdAt: clock.now(),
        allowedAt: clock.now(),
        lastUsedAt: clock.now(),
      },
    });
    try {
      expect(await seed('http://127.0.0.1:4999')).toEqual([
        'iCloud (demo) (redirect URIs updated)',
        'Store (demo) (redirect URIs updated)',
      ]);
      expect(JSON.parse((await t.db.oidcClient.findUniqueOrThrow({ where: { id: 'icloud-demo' } })).redirectUris)).toEqual([
        'http://127.0.0.1:4999/icloud/callback',
      ]);
      expect(await t.db.appAuthorization.count({ where: { clientId: 'icloud-demo' } })).toBe(1);

      const other = 'another-session-secret-0123456789abcdef-xyz';
      expect(await seed('http://127.0.0.1:4999', other)).toEqual(['iCloud (demo)']);
      const again = await t.db.oidcClient.findUniqueOrThrow({ where: { id: 'icloud-demo' } });
      expect(secretMatches(again.secretHash!, demoClientSecret(DEMO_APPS.icloud, other))).toBe(true);
    } finally {
      await seed(apps.standins.httpUrl);
    }
  });
});
