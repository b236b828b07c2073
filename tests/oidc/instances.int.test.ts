// The provider on two instances of the portal behind one balancer (tests/oidc/two-portals.ts),
// under parallel requests: an app (openid-client) cannot tell which instance answered.
//
// What must hold: an app's sign-in may be begun on one instance and finished on the other; a code
// or refresh token is used once however many requests race for it, across instances, and a race
// is answered as a reuse (the grant revoked); many sign-ins at once from one browser all succeed
// and email the holder once.
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { systemClock } from '../../src/clock.ts';
import { allowApp } from '../../src/oidc/app-authorizations.ts';
import { TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { freshAccount } from '../harness/accounts.ts';
import { authorizationRequest, relyingParty, TestBrowser, testApp, type Portal } from '../harness/oidc.ts';
import { roundRobin, type Balancer } from '../harness/balancer.ts';
import { twoPortals } from './two-portals.ts';
import { authorize, codeExchange, exchange, OFFLINE, refresh, tabOf, userinfoStatus } from './sign-in-flow.ts';

const PARALLEL_USES = 50;
const PARALLEL_SIGN_INS = 100;

/**
 * Time stands still for the rest of the test (timers still run): on a busy machine a hundred
 * sign-ins can take longer than a code lives (60 s) before the first is exchanged, and what these
 * tests check is the races, not the codes' lifetime (tests/oidc/token-refusals.int.test.ts is).
 */
function timeStandsStill() {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  onTestFinished(() => {
    vi.useRealTimers();
  });
}

describe(`the provider on two instances (${TEST_ENGINE})`, () => {
  const s = twoPortals();
  let accountId: string;
  let app: Awaited<ReturnType<typeof testApp>>;
  let t: TestDb;
  let second: Db;
  let balancer: Balancer;
  let a: Portal;
  let b: Portal;

  beforeEach(async () => {
    ({ t, second, balancer, a, b } = s);
    ({ accountId } = await freshAccount(t.db, new Date().toISOString()));
    app = await testApp(t.db, new Date());
    balancer.pick = roundRobin(a.address, b.address);
    balancer.served.length = 0;
  });

  const portal = () => s.portal;
  const only = (instance: Portal) => () => instance.address;

  it('a sign-in begun on one instance is finished on the other, and its code exchanged there', async () => {
    const config = await relyingParty(portal(), app);
    const browser = new TestBrowser(portal());
    await browser.signIn(t.db, accountId, new Date());
    balancer.pick = only(a);
    const request = await authorizationRequest(config, OFFLINE);
    const first = await browser.visit(request.url);
    expect(first.url).toMatch(/\/sign-in\/consent\?interaction=/);
    const uid = new URL(first.url).searchParams.get('interaction')!;

    balancer.pick = only(b);
    const from = balancer.served.length;
    await allowApp(
      t.db,
      systemClock,
      { accountId, clientId: app.clientId, scopes: ['openid', 'offline_access'] },
      { clientAddress: null, userAgent: null },
    );
    const done = await browser.visit(`${balancer.url}/oidc/interaction/${uid}`);
    const tokens = await exchange(config, { callback: done.url, request });
    expect(tokens.claims()?.aud).toBe(app.clientId);
    expect(await userinfoStatus(balancer.url, tokens.access_token)).toBe(200);
    // The request went to A, and the bridge, the resumed request and the token endpoint to B.
    expect(
      balancer.served
        .slice(0, from)
        .filter((s) => s.path === '/oidc/auth')
        .map((s) => s.to),
    ).toEqual([a.address]);
    expect(balancer.served.slice(from).map((s) => s.path)).toEqual(
      expect.arrayContaining([`/oidc/interaction/${uid}`, `/oidc/auth/${uid}`, '/oidc/token', '/oidc/userinfo']),
    );
    expect(new Set(balancer.served.slice(from).map((s) => s.to))).toEqual(new Set([b.address]));
  });

  it(`${PARALLEL_USES} parallel exchanges of one code over both instances: one gets tokens, the rest invalid_grant, and the tokens given are revoked`, async () => {
    const config = await relyingParty(portal(), app);
    const browser = new TestBrowser(portal());
    const signedIn = await authorize(t.db, browser, config, accountId);
    const answers = await Promise.all(Array.from({ length: PARALLEL_USES }, () => codeExchange(balancer.url, app, signedIn)));

    expect(answers.filter((r) => r.status >= 500)).toEqual([]);
    const won = answers.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((r) => r.status === 400 && r.body.error === 'invalid_grant')).toHaveLength(PARALLEL_USES - 1);
    const exchanges = balancer.served.filter((s) => s.path === '/oidc/token');
    expect(new Set(exchanges.map((s) => s.to))).toEqual(new Set([a.address, b.address]));

    // RFC 6749 4.1.2: a code used twice revokes what it was exchanged for, whichever request came first.
    const tokens = won[0]!.body as { access_token: string; refresh_token: string };
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(await userinfoStatus(balancer.url, tokens.access_token)).toBe(401);
    expect(await refresh(balancer.url, app, tokens.refresh_token)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it(`${PARALLEL_USES} parallel uses of one refresh token over both instances: one new token, the rest invalid_grant, and the grant ends revoked`, async () => {
    const config = await relyingParty(portal(), app);
    const browser = new TestBrowser(portal());
    const first = await exchange(config, await authorize(t.db, browser, config, accountId));
    expect(first.refresh_token).toEqual(expect.any(String));
    const answers = await Promise.all(Array.from({ length: PARALLEL_USES }, () => refresh(balancer.url, app, first.refresh_token!)));

    expect(answers.filter((r) => r.status >= 500)).toEqual([]);
    const won = answers.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((r) => r.status === 400 && r.body.error === 'invalid_grant')).toHaveLength(PARALLEL_USES - 1);

    // The requests that lost were each a use of a refresh token that was, or was being, used: the
    // provider cannot tell a race from a stolen token replayed beside the app, so every one is a
    // reuse (OAuth 2.0 Security BCP 4.14.2) and ends the grant. The app signs the holder in again.
    const rotated = won[0]!.body as { access_token: string; refresh_token: string };
    expect(rotated.refresh_token).not.toBe(first.refresh_token);
    expect(await refresh(balancer.url, app, rotated.refresh_token)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await userinfoStatus(balancer.url, rotated.access_token)).toBe(401);
    expect(await userinfoStatus(balancer.url, first.access_token)).toBe(401);
    // What the holder allowed stays: the app's next sign-in asks for no consent.
    expect(await t.db.appAuthorization.count({ where: { accountId, clientId: app.clientId } })).toBe(1);
  });

  it(`${PARALLEL_SIGN_INS} parallel sign-ins of one app from one browser with remembered consent: all get a code, and the holder is emailed once`, async () => {
    timeStandsStill();
    const config = await relyingParty(portal(), app);
    await allowApp(
      t.db,
      systemClock,
      { accountId, clientId: app.clientId, scopes: ['openid', 'offline_access'] },
      { clientAddress: null, userAgent: null },
    );
    const browser = new TestBrowser(portal());
    await browser.signIn(t.db, accountId, new Date());
    const requests = await Promise.all(Array.from({ length: PARALLEL_SIGN_INS }, () => authorizationRequest(config, { scope: 'openid' })));
    const landed = await Promise.all(requests.map((r) => browser.visit(r.url)));

    expect(landed.filter((l) => l.status >= 500)).toEqual([]);
    expect(landed.filter((l) => !new URL(l.url).searchParams.get('code')).map((l) => l.url)).toEqual([]);
    expect(new Set(landed.map((l) => new URL(l.url).searchParams.get('code'))).size).toBe(PARALLEL_SIGN_INS);
    const tokens = await Promise.all(landed.map((l, i) => exchange(config, { callback: l.url, request: requests[i]! })));
    expect(new Set(tokens.map((x) => x.claims()?.sub)).size).toBe(1);

    expect(await t.db.appBrowser.count({ where: { accountId, clientId: app.clientId } })).toBe(1);
    await expectOneNewBrowserEmail();
  });

  it(`${PARALLEL_SIGN_INS} parallel sign-ins asking for offline access from tabs of one browser, through the bridge and the consent page: all get a code and a refresh token`, async () => {
    timeStandsStill();
    const config = await relyingParty(portal(), app);
    const browser = new TestBrowser(portal());
    await browser.signIn(t.db, accountId, new Date());
    const signedIn = await Promise.all(
      Array.from({ length: PARALLEL_SIGN_INS }, () => authorize(t.db, tabOf(browser), config, accountId, OFFLINE)),
    );
    // Each asked on the consent page, unless an Allow pressed in another tab after it asked had already answered it.
    expect(signedIn.filter((s) => s.pages.join() !== '/sign-in/consent' && s.pages.length)).toEqual([]);
    expect(signedIn.some((s) => s.pages.length)).toBe(true);

    const tokens = await Promise.all(signedIn.map((s) => exchange(config, s)));
    expect(tokens.filter((x) => typeof x.refresh_token === 'string')).toHaveLength(PARALLEL_SIGN_INS);
    await expectOneNewBrowserEmail();
  });

  it(`${PARALLEL_SIGN_INS} consent pages allowing one app at once: one authorization, no error`, async () => {
    const allowed = await Promise.allSettled(
      Array.from({ length: PARALLEL_SIGN_INS }, (_, i) =>
        allowApp(
          i % 2 ? second : t.db,
          systemClock,
          { accountId, clientId: app.clientId, scopes: ['openid', 'offline_access'] },
          { clientAddress: null, userAgent: null },
        ),
      ),
    );
    expect(allowed.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await t.db.appAuthorization.findMany({ where: { accountId }, select: { scope: true } })).toEqual([
      { scope: 'openid offline_access' },
    ]);
  });

  /** The first use of the app from this browser was emailed, once, to each address on file. */
  async function expectOneNewBrowserEmail() {
    const mail = await t.db.emailOutbox.findMany({ where: { kind: 'app-new-browser', accountId } });
    expect(mail.map((m) => m.toAddress).sort()).toEqual(['Jane.Holder@Example.com', 'jane.rescue@example.org']);
    expect(await t.db.securityEvent.count({ where: { kind: 'app-used-from-new-browser', accountId } })).toBe(1);
  }
});
