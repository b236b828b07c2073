// Two instances of the portal starting at once on an empty database (a new deployment): each may
// make a signing key and a pairwise salt before it sees the other's (src/oidc/signing-keys.ts,
// src/oidc/subjects.ts). Once both have read the key table, as each does every KEY_RELOAD_MS,
// they must be one provider to an app: the same keys published, the same key signing, and the same
// subject for the holder, whichever instance answers. Set up as tests/oidc/instances.int.test.ts
// (a balancer in front, a Prisma client each on PostgreSQL, one shared on SQLite).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { createDb, type Db } from '../../src/db/client.ts';
import { fixedClock } from '../../src/clock.ts';
import { KEY_PUBLISH_LEAD_MS } from '../../src/oidc/signing-keys.ts';
import { ROUTES } from '../../src/oidc/paths.ts';
import { createTestDb, TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { freshAccount } from '../harness/accounts.ts';
import { relyingParty, startPortal, TestBrowser, testApp, type Portal } from '../harness/oidc.ts';
import { roundRobin, startBalancer, type Balancer } from '../harness/balancer.ts';
import { authorize, exchange } from './sign-in-flow.ts';

describe(`two instances starting at once on an empty database (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let second: Db;
  let balancer: Balancer;
  let a: Portal;
  let b: Portal;
  const clock = fixedClock(new Date());

  beforeAll(async () => {
    t = await createTestDb();
    second = TEST_ENGINE === 'postgresql' ? createDb(t.url) : t.db;
    balancer = await startBalancer();
    [a, b] = await Promise.all([
      startPortal(t.db, clock, undefined, { appUrl: balancer.url }),
      startPortal(second, clock, undefined, { appUrl: balancer.url }),
    ]);
    balancer.pick = roundRobin(a.address, b.address);
  });
  afterAll(async () => {
    await balancer?.close();
    await a?.close();
    await b?.close();
    if (second !== t.db) await second?.$disconnect();
    await t?.drop();
  });

  const jwksOf = async (instance: Portal) =>
    ((await (await fetch(new URL(ROUTES.jwks, instance.address))).json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);

  it('once both read the key table, they publish the same keys, sign with the same one, and give the holder the same subject', async () => {
    await a.oidc.reloadKeys();
    await b.oidc.reloadKeys();
    expect(await jwksOf(a)).toEqual(await jwksOf(b));

    const { accountId } = await freshAccount(t.db, clock.now().toISOString());
    const app = await testApp(t.db, clock.now());
    const portal = { ...a, url: balancer.url };
    const config = await relyingParty(portal, app);
    const browser = new TestBrowser(portal);
    await browser.signIn(t.db, accountId, clock.now());
    /** A sign-in answered wholly by one instance: its ID token. */
    const idTokenFrom = async (instance: Portal) => {
      balancer.pick = () => instance.address;
      return (await exchange(config, await authorize(t.db, browser, config, accountId, { scope: 'openid' }, () => clock.now()))).id_token!;
    };
    /** An app's check against one instance's JWKS. */
    const verifiedBy = async (instance: Portal, idToken: string) =>
      (
        await jwtVerify(idToken, createRemoteJWKSet(new URL(ROUTES.jwks, instance.address)), {
          issuer: balancer.url,
          audience: app.clientId,
        })
      ).payload.sub;

    for (const moved of [0, KEY_PUBLISH_LEAD_MS]) {
      // The second round: past the lead, where a key made by the instance that lost the race
      // would begin to sign. Both must switch together (or neither).
      clock.advance(moved);
      await a.oidc.reloadKeys();
      await b.oidc.reloadKeys();
      const fromA = await idTokenFrom(a);
      const fromB = await idTokenFrom(b);
      expect(decodeProtectedHeader(fromA).kid).toBe(decodeProtectedHeader(fromB).kid);
      const subjects = await Promise.all([verifiedBy(b, fromA), verifiedBy(a, fromB), verifiedBy(a, fromA)]);
      expect(new Set(subjects).size).toBe(1);
    }
    expect(await t.db.oidcSetting.count()).toBe(1);
  });
});
