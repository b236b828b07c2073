// The signing keys on a database (src/oidc/signing-keys.ts), as apps see them: sealed at rest,
// only public halves in the JWKS, and a rotation an app never notices (a token signed before it
// still checks against the JWKS; tokens signed after the lead name the new key). The portal's
// clock is a fixed clock moved by hand past the lead and past the retired key's time; the
// provider reads the keys when told (reloadKeys), as it does every KEY_RELOAD_MS.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { fixedClock } from '../../src/clock.ts';
import {
  ensureSigningKey,
  KEY_PUBLISH_LEAD_MS,
  publishedKeys,
  RETIRED_KEY_PUBLISHED_MS,
  rotateSigningKeys,
} from '../../src/oidc/signing-keys.ts';
import { ROUTES } from '../../src/oidc/paths.ts';
import { createTestDb, TEST_ENGINE, type TestDb } from '../harness/db.ts';
import { freshAccount } from '../harness/accounts.ts';
import { KEY_ENCRYPTION_KEY, relyingParty, startPortal, TestBrowser, testApp, type Portal } from '../harness/oidc.ts';
import { authorize, exchange } from './sign-in-flow.ts';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

describe(`signing keys (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let portal: Portal;
  const clock = fixedClock(new Date());
  let accountId: string;
  let app: Awaited<ReturnType<typeof testApp>>;

  beforeAll(async () => {
    t = await createTestDb();
    portal = await startPortal(t.db, clock);
  });
  afterAll(async () => {
    await portal?.close();
    await t?.drop();
  });
  beforeEach(async () => {
    ({ accountId } = await freshAccount(t.db, clock.now().toISOString()));
    app = await testApp(t.db, clock.now());
  });

  const jwksUrl = () => new URL(ROUTES.jwks, portal.url);
  const jwks = async () => ((await (await fetch(jwksUrl())).json()) as { keys: Array<Record<string, unknown>> }).keys;
  /** An app's check of an ID token: the signature against the JWKS as published now (fetched afresh), issuer and audience. */
  const verify = (idToken: string) => jwtVerify(idToken, createRemoteJWKSet(jwksUrl()), { issuer: portal.url, audience: app.clientId });
  /** A new sign-in to the app, signed in on the portal at the portal's time: its ID token. */
  async function idToken(): Promise<string> {
    const config = await relyingParty(portal, app);
    const tokens = await exchange(
      config,
      await authorize(t.db, new TestBrowser(portal), config, accountId, { scope: 'openid' }, () => clock.now()),
    );
    return tokens.id_token!;
  }
  const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid;

  it('a key is stored sealed: no member of the private JWK in the row, and it opens only with OIDC_KEY_ENCRYPTION_KEY', async () => {
    const rows = await t.db.oidcSigningKey.findMany();
    expect(rows).toHaveLength(1);
    const [jwk] = await publishedKeys(t.db, KEY_ENCRYPTION_KEY, clock.now());
    expect(jwk).toMatchObject({ kid: rows[0]!.kid, kty: 'RSA', d: expect.any(String), n: expect.any(String) });
    const sealed = rows[0]!.sealedJwk;
    const decoded = Buffer.from(sealed.split('.')[1] ?? '', 'base64url').toString('latin1');
    for (const stored of [sealed, decoded]) {
      for (const value of [jwk!.d, jwk!.n, jwk!.p, jwk!.q, jwk!.dp, jwk!.dq, jwk!.qi]) expect(stored).not.toContain(value!.slice(0, 16));
      expect(stored).not.toMatch(/"(kty|d|n|e|p|q)"\s*:/);
    }
    await expect(publishedKeys(t.db, randomBytes(32), clock.now())).rejects.toThrow(new RegExp(`${rows[0]!.kid}.*OIDC_KEY_ENCRYPTION_KEY`));
  });

  it('the JWKS publishes the public halves only', async () => {
    const keys = await jwks();
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      expect(k).toMatchObject({
        kty: 'RSA',
        alg: 'RS256',
        use: 'sig',
        kid: expect.any(String),
        n: expect.any(String),
        e: expect.any(String),
      });
      for (const member of PRIVATE_MEMBERS) expect(k).not.toHaveProperty(member);
    }
  });

  it('a rotation: both keys published, the old one signing until the lead passes, then the new one; a token signed before still checks until the old key retires', async () => {
    const before = await idToken();
    const oldKid = kidOf(before);
    clock.advance(1000);
    const { added } = await rotateSigningKeys(t.db, KEY_ENCRYPTION_KEY, clock.now());
    await portal.oidc.reloadKeys();
    expect((await jwks()).map((k) => k.kid).sort()).toEqual([oldKid, added].sort());
    expect(kidOf(await idToken())).toBe(oldKid);
    await verify(before);

    clock.advance(KEY_PUBLISH_LEAD_MS);
    await portal.oidc.reloadKeys();
    const after = await idToken();
    expect(kidOf(after)).toBe(added);
    await verify(after);
    await verify(before);
    expect((await jwks()).map((k) => k.kid)).toEqual([added, oldKid]);

    clock.advance(RETIRED_KEY_PUBLISHED_MS);
    await portal.oidc.reloadKeys();
    expect((await jwks()).map((k) => k.kid)).toEqual([added]);
    await expect(verify(before)).rejects.toThrow(/no applicable key found/i);
    await verify(after);
  });

  it('a rotation dated no later than the newest key (in the same millisecond, or by a machine whose clock is behind) still waits for the lead', async () => {
    await t.db.oidcSigningKey.deleteMany();
    await ensureSigningKey(t.db, KEY_ENCRYPTION_KEY, clock.now());
    const [first] = await publishedKeys(t.db, KEY_ENCRYPTION_KEY, clock.now());
    const now = clock.now().getTime();
    const same = await rotateSigningKeys(t.db, KEY_ENCRYPTION_KEY, new Date(now));
    const behind = await rotateSigningKeys(t.db, KEY_ENCRYPTION_KEY, new Date(now - 30_000));
    const signer = async (ms: number) => (await publishedKeys(t.db, KEY_ENCRYPTION_KEY, new Date(ms)))[0]!.kid;
    expect(await signer(now)).toBe(first!.kid);
    expect(await signer(now + KEY_PUBLISH_LEAD_MS - 1)).toBe(first!.kid);
    for (const rotation of [same, behind]) {
      expect(rotation.signsAt.getTime()).toBeGreaterThanOrEqual(now + KEY_PUBLISH_LEAD_MS);
      expect(await signer(rotation.signsAt.getTime())).toBe(rotation.added);
    }
    expect((await publishedKeys(t.db, KEY_ENCRYPTION_KEY, new Date(now))).map((k) => k.kid).sort()).toEqual(
      [first!.kid, same.added, behind.added].sort(),
    );
  });

  it('a portal started with another OIDC_KEY_ENCRYPTION_KEY than the keys were sealed with refuses to start, and says which setting', async () => {
    const keys = await t.db.oidcSigningKey.count();
    await expect(startPortal(t.db, clock, randomBytes(32))).rejects.toThrow(/OIDC_KEY_ENCRYPTION_KEY/);
    expect(await t.db.oidcSigningKey.count()).toBe(keys);
  });
});
