// What ends less than every app's access: Stop Using ends one app (its tokens and what it was
// allowed, nothing of another app's), and signing one browser out of the portal ends that
// browser's sign-in, not the offline access an app was given (it is for while the holder is not
// there, until they stop the app). Compare tests/oidc/app-access.int.test.ts, where everything ends.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import { stopUsingApp } from '../../src/oidc/app-authorizations.ts';
import { sessionIdOf, signOut } from '../../src/sessions/sessions.ts';
import { createTestDb, TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { BROWSER, freshAccount } from '../harness/accounts.ts';
import { relyingParty, startPortal, TestBrowser, testApp, type Portal } from '../harness/oidc.ts';
import { authorize, exchange, OFFLINE, refresh, userinfoStatus } from './sign-in-flow.ts';

describe(`the end of one app's access, or of one browser's sign-in (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let portal: Portal;
  let accountId: string;
  let browser: TestBrowser;
  let browserSession: string;

  beforeAll(async () => {
    t = await createTestDb();
    portal = await startPortal(t.db, systemClock);
  });
  afterAll(async () => {
    await portal?.close();
    await t?.drop();
  });
  beforeEach(async () => {
    ({ accountId } = await freshAccount(t.db, new Date().toISOString()));
    browser = new TestBrowser(portal);
    browserSession = await browser.signIn(t.db, accountId, new Date());
  });

  /** An app the holder allowed and signed in to from the browser: its offline tokens. */
  async function signedInApp(name: string) {
    const app = await testApp(t.db, new Date(), { name });
    const config = await relyingParty(portal, app);
    const tokens = await exchange(config, await authorize(t.db, browser, config, accountId, OFFLINE));
    return { app, config, refreshToken: tokens.refresh_token!, accessToken: tokens.access_token };
  }

  it('Stop Using ends that app’s tokens and what it was allowed; another app goes on', async () => {
    const stopped = await signedInApp('Calendar Web');
    const other = await signedInApp('Photo Print');

    const result = await stopUsingApp(
      { db: t.db, clock: systemClock },
      { accountId, sessionId: sessionIdOf(browserSession) },
      stopped.app.clientId,
      BROWSER,
    );
    expect(result).toEqual({ ok: true, name: 'Calendar Web' });

    expect(await refresh(portal.url, stopped.app, stopped.refreshToken)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await userinfoStatus(portal.url, stopped.accessToken)).toBe(401);
    expect(await t.db.appAuthorization.findMany({ where: { accountId }, select: { clientId: true } })).toEqual([
      { clientId: other.app.clientId },
    ]);

    expect(await userinfoStatus(portal.url, other.accessToken)).toBe(200);
    expect(await refresh(portal.url, other.app, other.refreshToken)).toMatchObject({
      status: 200,
      body: { refresh_token: expect.any(String) },
    });

    // The stopped app may ask again, and the holder is asked again (the browser is still signed in).
    expect((await authorize(t.db, browser, stopped.config, accountId, { scope: 'openid' })).pages).toEqual(['/sign-in/consent']);
  });

  it('signing the browser out of the portal leaves the app’s offline access, and the app’s next sign-in there needs the sign-in again', async () => {
    const { app, config, refreshToken, accessToken } = await signedInApp('Calendar Web');

    await signOut({ db: t.db, clock: systemClock }, browserSession, BROWSER);

    expect(await userinfoStatus(portal.url, accessToken)).toBe(200);
    expect(await refresh(portal.url, app, refreshToken)).toMatchObject({ status: 200, body: { refresh_token: expect.any(String) } });
    expect((await authorize(t.db, browser, config, accountId, { scope: 'openid' })).pages).toEqual(['/sign-in']);
  });
});
