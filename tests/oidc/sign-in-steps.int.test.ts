// What the portal asks of the person before it answers an app (src/oidc/authentication.ts through
// the bridge): sign in, confirm with a trusted device, allow the app, or tell the app no. Each
// test follows the browser from the app's request to the portal page it lands on, and checks that
// no code reaches the app before the step is done.
import { describe, expect, it } from 'vitest';
import { authorizationRequest, TestBrowser } from '../harness/oidc.ts';
import { accountInput, BROWSER, markTwoStepOn, testDeps } from '../harness/accounts.ts';
import { ACR } from '../../src/oidc/authentication.ts';
import { SESSION_COOKIE } from '../../src/sessions/browser-cookies.ts';
import { sessionIdOf, signOut } from '../../src/sessions/sessions.ts';
import { createAccount } from '../../src/accounts/create-account.ts';
import { systemClock } from '../../src/clock.ts';
import { allowRequest, atApp, continueAt, exchange, portalPage, secondsAgo, signInToApp, withPortal } from './app-sign-in.ts';

const w = withPortal();

/** A browser signed in to the portal a little while ago (two-step as the account has it). */
async function signedInBrowser(opts: { secondStep?: 'sms' | 'otp' } = {}) {
  const browser = new TestBrowser(w.portal);
  const at = secondsAgo(5);
  const token = await browser.signIn(w.t.db, w.accountId, at, opts);
  return { browser, token, at };
}

async function twoStepOn() {
  await markTwoStepOn(w.t.db, w.accountId, secondsAgo(60));
}

describe('prompt=none', () => {
  it('without a portal session: the app is told login_required, and no page is shown', async () => {
    const req = await authorizationRequest(w.app.config, { prompt: 'none' });
    const back = atApp(await new TestBrowser(w.portal).visit(req.url));
    expect(back.get('error')).toBe('login_required');
    expect(back.get('state')).toBe(req.state);
    expect(back.has('code')).toBe(false);
  });

  it('signed in, but the app was never allowed: consent_required, no page', async () => {
    const { browser } = await signedInBrowser();
    const back = atApp(await browser.visit((await authorizationRequest(w.app.config, { prompt: 'none' })).url));
    expect(back.get('error')).toBe('consent_required');
    expect(back.has('code')).toBe(false);
  });

  it('signed in and the app allowed before: a code at once, no page', async () => {
    await allowRequest(w, w.app, 'openid email profile');
    const { browser } = await signedInBrowser();
    const req = await authorizationRequest(w.app.config, { prompt: 'none' });
    const tokens = await exchange(w.app, req, await browser.visit(req.url));
    expect(tokens.claims()?.email).toBe('Jane.Holder@Example.com');
  });
});

describe('consent is remembered per app', () => {
  it('a later sign-in in another browser session, asking no more, goes straight to the app', async () => {
    const first = await signedInBrowser();
    await signInToApp(w, first.browser);
    const { browser } = await signedInBrowser();
    const req = await authorizationRequest(w.app.config);
    const tokens = await exchange(w.app, req, await browser.visit(req.url));
    expect(tokens.claims()?.name).toBe('Jane Holder');
  });

  it('asking for more than was allowed shows the consent page again', async () => {
    const { browser } = await signedInBrowser();
    await signInToApp(w, browser, w.app, { scope: 'openid email' });
    // offline_access counts only with prompt=consent (OIDC Core 11; tokens.int.test.ts).
    for (const params of [{ scope: 'openid email profile' }, { scope: 'openid email offline_access', prompt: 'consent' }] as Record<
      string,
      string
    >[]) {
      const req = await authorizationRequest(w.app.config, params);
      expect(portalPage(w, await browser.visit(req.url)).page, params.scope).toBe('/sign-in/consent');
    }
  });

  it('prompt=consent asks again though the app was allowed, and only an Allow pressed after the request lets it on', async () => {
    const { browser } = await signedInBrowser();
    await signInToApp(w, browser);
    // That Allow was a while ago (a request's time is kept in whole seconds: keep them apart).
    await w.t.db.appAuthorization.updateMany({ data: { allowedAt: secondsAgo(5) } });
    const req = await authorizationRequest(w.app.config, { prompt: 'consent' });
    const { page, uid } = portalPage(w, await browser.visit(req.url));
    expect(page).toBe('/sign-in/consent');
    // Going on without pressing Allow again is going back to the consent page.
    expect(portalPage(w, await browser.visit(continueAt(w, uid))).page).toBe('/sign-in/consent');
    await allowRequest(w, w.app, 'openid email profile');
    const tokens = await exchange(w.app, req, await browser.visit(continueAt(w, uid)));
    expect(tokens.claims()?.email).toBe('Jane.Holder@Example.com');
  });

  it('Cancel on the consent page: the app is told access_denied, with its state', async () => {
    const { browser } = await signedInBrowser();
    const req = await authorizationRequest(w.app.config);
    const { page, uid } = portalPage(w, await browser.visit(req.url));
    expect(page).toBe('/sign-in/consent');
    const back = atApp(await browser.visit(`${continueAt(w, uid)}/cancel`));
    expect(back.get('error')).toBe('access_denied');
    expect(back.get('state')).toBe(req.state);
    expect(back.has('code')).toBe(false);
    expect(await w.t.db.appAuthorization.count()).toBe(0);
  });
});

describe('prompt=login', () => {
  it('a live session is not enough: the sign-in page, and the app gets the new sign-in', async () => {
    await allowRequest(w, w.app, 'openid email profile');
    const { browser } = await signedInBrowser();
    const req = await authorizationRequest(w.app.config, { prompt: 'login' });
    const { page, uid } = portalPage(w, await browser.visit(req.url));
    expect(page).toBe('/sign-in');
    // Going on without signing in again still lands on the sign-in page.
    expect(portalPage(w, await browser.visit(continueAt(w, uid))).page).toBe('/sign-in');

    const again = new Date(Date.now() + 1000); // after the request, whose time is kept in whole seconds
    await browser.signIn(w.t.db, w.accountId, again);
    const tokens = await exchange(w.app, req, await browser.visit(continueAt(w, uid)));
    expect(tokens.claims()?.auth_time).toBe(Math.floor(again.getTime() / 1000));
  });
});

describe('max_age', () => {
  it('max_age=0 is prompt=login (OIDC Core 3.1.2.1): a whole new sign-in, even with two-step on', async () => {
    // oidc-provider turns max_age=0 into prompt=login before the bridge sees the request: stricter
    // than confirming with a trusted device, which is what an older sign-in than max_age > 0 asks.
    await twoStepOn();
    await allowRequest(w, w.app, 'openid email profile');
    const { browser } = await signedInBrowser({ secondStep: 'sms' });
    const req = await authorizationRequest(w.app.config, { max_age: '0' });
    const { page, uid } = portalPage(w, await browser.visit(req.url));
    expect(page).toBe('/sign-in');
    expect(portalPage(w, await browser.visit(continueAt(w, uid))).page).toBe('/sign-in');
  });

  it('a sign-in older than max_age, two-step on: confirm with a trusted device; the app gets that moment as auth_time and the device in amr', async () => {
    await twoStepOn();
    await allowRequest(w, w.app, 'openid email profile');
    const { browser, token } = await signedInBrowser({ secondStep: 'sms' }); // 5 seconds ago
    const askedAt = Math.floor(Date.now() / 1000);
    const req = await authorizationRequest(w.app.config, { max_age: '1' });
    const { page, uid, why } = portalPage(w, await browser.visit(req.url));
    expect(page).toBe('/sign-in/confirm');
    expect(why).toBe('too-old');
    // Not confirmed yet: going on leads back to the same page, never to the app.
    expect(portalPage(w, await browser.visit(continueAt(w, uid))).page).toBe('/sign-in/confirm');

    // The holder confirms with an authenticator app in this session (as the confirm page records it).
    await w.t.db.session.update({ where: { id: sessionIdOf(token) }, data: { codeVerifiedAt: new Date(), secondStep: 'otp' } });
    const tokens = await exchange(w.app, req, await browser.visit(continueAt(w, uid)));
    const claims = tokens.claims()!;
    expect(claims.auth_time).toBeGreaterThanOrEqual(askedAt);
    expect(claims).toMatchObject({ acr: ACR.twoStep, amr: ['pwd', 'otp', 'mfa'] });
  });

  it('a sign-in older than max_age, two-step off: the password again (the sign-in page)', async () => {
    await allowRequest(w, w.app, 'openid email profile');
    const { browser } = await signedInBrowser();
    const req = await authorizationRequest(w.app.config, { max_age: '1' });
    expect(portalPage(w, await browser.visit(req.url)).page).toBe('/sign-in');
  });

  it('a sign-in within max_age: a code at once, with auth_time', async () => {
    await allowRequest(w, w.app, 'openid email profile');
    const { browser, at } = await signedInBrowser();
    const req = await authorizationRequest(w.app.config, { max_age: '3600' });
    const claims = (await exchange(w.app, req, await browser.visit(req.url))).claims()!;
    expect(claims.auth_time).toBe(Math.floor(at.getTime() / 1000));
  });
});

describe('a browser that never signed in to the account (a copied session cookie)', () => {
  async function copiedCookieBrowser() {
    const { browser } = await signedInBrowser({ secondStep: 'sms' });
    await allowRequest(w, w.app, 'openid email profile');
    const thief = new TestBrowser(w.portal);
    thief.cookies.set(SESSION_COOKIE.name, browser.cookies.get(SESSION_COOKIE.name)!);
    return thief;
  }

  it('two-step on: sent to confirm with a trusted device, and never gets a code', async () => {
    await twoStepOn();
    const thief = await copiedCookieBrowser();
    for (const params of [{}, { prompt: 'none' }] as Record<string, string>[]) {
      const visited = await thief.visit((await authorizationRequest(w.app.config, params)).url);
      if (params.prompt === 'none') {
        expect(atApp(visited).get('error')).toBe('login_required');
        continue;
      }
      const { page, uid, why } = portalPage(w, visited);
      expect(page).toBe('/sign-in/confirm');
      expect(why).toBe('new-browser');
      expect(portalPage(w, await thief.visit(continueAt(w, uid))).page).toBe('/sign-in/confirm');
    }
    expect(await w.t.db.oidcRecord.count({ where: { kind: 'AuthorizationCode' } })).toBe(0);
  });

  it('two-step off: sent to the sign-in page (the password again)', async () => {
    const thief = await copiedCookieBrowser();
    expect(portalPage(w, await thief.visit((await authorizationRequest(w.app.config)).url)).page).toBe('/sign-in');
    expect(await w.t.db.oidcRecord.count({ where: { kind: 'AuthorizationCode' } })).toBe(0);
  });
});

describe('an app that requires two-step (acr_values)', () => {
  const twoStepOnly = { acr_values: ACR.twoStep };

  it('two-step off: the holder is told why, and Cancel tells the app unmet_authentication_requirements', async () => {
    await allowRequest(w, w.app, 'openid email profile');
    const { browser } = await signedInBrowser();
    const req = await authorizationRequest(w.app.config, twoStepOnly);
    const { page, uid } = portalPage(w, await browser.visit(req.url));
    expect(page).toBe('/sign-in/two-step-required');
    expect(portalPage(w, await browser.visit(continueAt(w, uid))).page).toBe('/sign-in/two-step-required');
    const back = atApp(await browser.visit(`${continueAt(w, uid)}/cancel`));
    expect(back.get('error')).toBe('unmet_authentication_requirements');
    expect(back.get('state')).toBe(req.state);
    expect(back.has('code')).toBe(false);
  });

  it('two-step on but no trusted device in this session: confirm with one first', async () => {
    await twoStepOn();
    await allowRequest(w, w.app, 'openid email profile');
    const { browser, token } = await signedInBrowser();
    const req = await authorizationRequest(w.app.config, twoStepOnly);
    const { page, uid, why } = portalPage(w, await browser.visit(req.url));
    expect(page).toBe('/sign-in/confirm');
    expect(why).toBe('needs-device');
    await w.t.db.session.update({ where: { id: sessionIdOf(token) }, data: { codeVerifiedAt: new Date(), secondStep: 'hwk' } });
    const tokens = await exchange(w.app, req, await browser.visit(continueAt(w, uid)));
    expect(tokens.claims()).toMatchObject({ acr: ACR.twoStep, amr: ['pwd', 'hwk', 'mfa'] });
  });

  it('two-step on with a trusted device in the session: a code at once', async () => {
    await twoStepOn();
    await allowRequest(w, w.app, 'openid email profile');
    const { browser } = await signedInBrowser({ secondStep: 'sms' });
    const req = await authorizationRequest(w.app.config, twoStepOnly);
    expect((await exchange(w.app, req, await browser.visit(req.url))).claims()?.acr).toBe(ACR.twoStep);
  });
});

describe('the provider follows the portal session of the browser', () => {
  async function otherHolder() {
    const made = await createAccount(
      testDeps(w.t.db),
      accountInput({ appleId: 'Sam.Other@Example.com', name: 'Sam Other', rescueEmail: 'sam.rescue@example.org' }),
      BROWSER,
    );
    if (!made.ok) throw new Error('second account');
    return made.accountId;
  }

  it('signed out of the portal: the next request shows the sign-in page, and prompt=none is told login_required', async () => {
    const { browser, token } = await signedInBrowser();
    await signInToApp(w, browser);
    await signOut({ db: w.t.db, clock: systemClock }, token, BROWSER);
    expect(portalPage(w, await browser.visit((await authorizationRequest(w.app.config)).url)).page).toBe('/sign-in');
    expect(atApp(await browser.visit((await authorizationRequest(w.app.config, { prompt: 'none' })).url)).get('error')).toBe(
      'login_required',
    );
  });

  it('a session still waiting for its code (password stage) is not signed in for an app', async () => {
    await twoStepOn();
    await allowRequest(w, w.app, 'openid email profile');
    const browser = new TestBrowser(w.portal);
    await browser.signIn(w.t.db, w.accountId, secondsAgo(5), { stage: 'password' });
    expect(portalPage(w, await browser.visit((await authorizationRequest(w.app.config)).url)).page).toBe('/sign-in');
  });

  it('another Apple ID signing in on the same browser: the app is told of that one, never the first', async () => {
    const { browser } = await signedInBrowser();
    const first = (await signInToApp(w, browser)).tokens.claims()!;
    const other = await otherHolder();
    await allowRequest(w, w.app, 'openid email profile', other);
    await browser.signIn(w.t.db, other, secondsAgo(1));
    const req = await authorizationRequest(w.app.config);
    const claims = (await exchange(w.app, req, await browser.visit(req.url))).claims()!;
    expect(claims.email).toBe('Sam.Other@Example.com');
    expect(claims.sub).not.toBe(first.sub);
  });

  it('an app that names its user (id_token_hint) gets a code for that user only; another Apple ID on the browser: login_required', async () => {
    // OIDC Core 3.1.2.1: a positive answer only if the End-User the ID token names is signed in
    // (or signs in by this request); otherwise an error such as login_required.
    const { browser } = await signedInBrowser();
    const jane = (await signInToApp(w, browser)).tokens;
    const same = await authorizationRequest(w.app.config, { id_token_hint: jane.id_token! });
    expect((await exchange(w.app, same, await browser.visit(same.url))).claims()?.sub).toBe(jane.claims()?.sub);

    const other = await otherHolder();
    await allowRequest(w, w.app, 'openid email profile', other);
    const samsBrowser = new TestBrowser(w.portal);
    await samsBrowser.signIn(w.t.db, other, secondsAgo(1));
    const back = atApp(await samsBrowser.visit((await authorizationRequest(w.app.config, { id_token_hint: jane.id_token! })).url));
    expect(back.get('error')).toBe('login_required');
    expect(back.has('code')).toBe(false);
    expect(await w.t.db.oidcRecord.count({ where: { kind: 'AuthorizationCode', accountId: other } })).toBe(0);
  });

  it('the Apple ID changed while the consent page was open: the app is told login_required, no code for either', async () => {
    const { browser } = await signedInBrowser();
    const req = await authorizationRequest(w.app.config);
    const { page, uid } = portalPage(w, await browser.visit(req.url));
    expect(page).toBe('/sign-in/consent');
    const other = await otherHolder();
    await allowRequest(w, w.app, 'openid email profile', other);
    await allowRequest(w, w.app, 'openid email profile');
    await browser.signIn(w.t.db, other, secondsAgo(1));
    const back = atApp(await browser.visit(continueAt(w, uid)));
    expect(back.get('error')).toBe('login_required');
    expect(back.has('code')).toBe(false);
  });
});
