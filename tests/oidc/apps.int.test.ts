// Registering an app (src/oidc/apps.ts), the operator's only way to add one: what a redirect URI
// may be, the app's name, and the client secret, which exists outside the app only in the answer
// to its registration (the database keeps its SHA-256).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { clientMetadata, listApps, registerApp, secretMatches, type AppRegistration } from '../../src/oidc/apps.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

function app(overrides: Partial<AppRegistration> = {}): AppRegistration {
  return { name: 'Photo Print', redirectUris: ['https://print.example.com/callback'], confidential: true, ...overrides };
}

describe('registering an app', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.drop();
  });
  beforeEach(async () => {
    await t.db.oidcClient.deleteMany();
  });

  async function refused(input: AppRegistration): Promise<string[]> {
    const made = await registerApp(t.db, input, NOW);
    expect(made.ok).toBe(false);
    if (made.ok) return [];
    expect(made.code).toBe('APP_INVALID');
    expect(await t.db.oidcClient.count()).toBe(0);
    return made.problems ?? [];
  }

  it('gets a client id of letters and digits, never one a command line reads as an option', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const made = await registerApp(t.db, app(), NOW);
      expect(made.ok).toBe(true);
      if (made.ok) ids.add(made.clientId);
    }
    expect(ids.size).toBe(40);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/);
  });

  describe('redirect URIs', () => {
    it('https anywhere, and http only on a loopback host (RFC 8252 7.3), are accepted', async () => {
      for (const uri of [
        'https://print.example.com/cb?from=portal',
        'http://127.0.0.1:8080/cb',
        'http://localhost:3001/cb',
        'http://[::1]/cb',
      ]) {
        const made = await registerApp(t.db, app({ redirectUris: [uri] }), NOW);
        expect(made.ok, uri).toBe(true);
      }
    });

    it('http on any other host is refused, including hosts that only start like a loopback one', async () => {
      for (const uri of [
        'http://print.example.com/cb',
        'http://localhost.example.com/cb',
        'http://127.0.0.1.example.com/cb',
        'http://10.0.0.1/cb',
      ]) {
        expect((await refused(app({ redirectUris: [uri] }))).join(' '), uri).toMatch(/must be https/);
      }
    });

    it('other schemes are refused (javascript:, data:, a custom scheme)', async () => {
      for (const uri of ['javascript:alert(1)', 'data:text/html,hi', 'com.example.print:/cb', 'ftp://print.example.com/cb']) {
        expect((await refused(app({ redirectUris: [uri] }))).length, uri).toBeGreaterThan(0);
      }
    });

    it('a relative or malformed URI is refused', async () => {
      expect((await refused(app({ redirectUris: ['/callback'] }))).join(' ')).toMatch(/not an absolute URL/);
      expect((await refused(app({ redirectUris: ['https://'] }))).join(' ')).toMatch(/not an absolute URL/);
    });

    it('a fragment is refused (RFC 6749 3.1.2), even an empty one', async () => {
      expect((await refused(app({ redirectUris: ['https://print.example.com/cb#x'] }))).join(' ')).toMatch(/fragment/);
      expect((await refused(app({ redirectUris: ['https://print.example.com/cb#'] }))).join(' ')).toMatch(/fragment/);
    });

    it('a user name or password in the URI is refused', async () => {
      expect((await refused(app({ redirectUris: ['https://user@print.example.com/cb'] }))).join(' ')).toMatch(/user name or password/);
      expect((await refused(app({ redirectUris: ['https://user:pw@print.example.com/cb'] }))).join(' ')).toMatch(/user name or password/);
    });

    it('every redirect URI of an app is on one host (the pairwise subject is tied to it)', async () => {
      expect((await refused(app({ redirectUris: ['https://print.example.com/a', 'https://other.example.com/b'] }))).join(' ')).toMatch(
        /one host/,
      );
      // A different port is a different host too.
      expect((await refused(app({ redirectUris: ['https://print.example.com/a', 'https://print.example.com:8443/b'] }))).join(' ')).toMatch(
        /one host/,
      );
      expect((await registerApp(t.db, app({ redirectUris: ['https://print.example.com/a', 'https://print.example.com/b'] }), NOW)).ok).toBe(
        true,
      );
    });

    it('at least one redirect URI, and at most ten', async () => {
      expect((await refused(app({ redirectUris: [] }))).join(' ')).toMatch(/at least one redirect URI/);
      await refused(app({ redirectUris: Array.from({ length: 11 }, (_, i) => `https://print.example.com/cb${i}`) }));
    });

    it('post-logout redirect URIs follow the same rules', async () => {
      expect((await refused(app({ postLogoutRedirectUris: ['http://print.example.com/bye'] }))).join(' ')).toMatch(/must be https/);
      expect((await refused(app({ postLogoutRedirectUris: ['https://print.example.com/bye#x'] }))).join(' ')).toMatch(/fragment/);
    });

    it('the URIs are stored exactly as given: oidc-provider matches them whole', async () => {
      const uris = ['https://print.example.com/cb?from=portal', 'https://print.example.com/cb/'];
      const made = await registerApp(t.db, app({ redirectUris: uris, postLogoutRedirectUris: ['https://print.example.com/bye'] }), NOW);
      if (!made.ok) throw new Error(made.code);
      expect(await clientMetadata(t.db, made.clientId)).toMatchObject({
        redirect_uris: uris,
        post_logout_redirect_uris: ['https://print.example.com/bye'],
      });
    });
  });

  describe('the app’s name', () => {
    it('is required, visible, and at most 80 characters', async () => {
      expect((await refused(app({ name: '' }))).join(' ')).toMatch(/Give the app a name/);
      expect((await refused(app({ name: ' \u200B ' }))).join(' ')).toMatch(/Give the app a name/);
      expect((await refused(app({ name: 'x'.repeat(81) }))).join(' ')).toMatch(/at most 80/);
      expect((await registerApp(t.db, app({ name: 'x'.repeat(80) }), NOW)).ok).toBe(true);
    });

    it('control and bidirectional formatting characters are refused (a name shown on the consent page and in emails)', async () => {
      expect((await refused(app({ name: 'Photo\nPrint' }))).length).toBeGreaterThan(0);
      expect((await refused(app({ name: 'Photo \u202Etnirp' }))).length).toBeGreaterThan(0);
    });

    it('is stored trimmed', async () => {
      const made = await registerApp(t.db, app({ name: '  Photo Print  ' }), NOW);
      if (!made.ok) throw new Error(made.code);
      expect((await listApps(t.db))[0]?.name).toBe('Photo Print');
    });
  });

  describe('the client secret', () => {
    it('a confidential app’s secret is answered once and only its SHA-256 is stored', async () => {
      const made = await registerApp(t.db, app(), NOW);
      if (!made.ok) throw new Error(made.code);
      expect(made.secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
      const row = await t.db.oidcClient.findUniqueOrThrow({ where: { id: made.clientId } });
      expect(row.secretHash).toBe(sha256(made.secret!));
      expect(JSON.stringify(row)).not.toContain(made.secret!);
      // Nothing that lists apps can show it again.
      expect(JSON.stringify(await listApps(t.db))).not.toContain(made.secret!);
      expect(JSON.stringify(await clientMetadata(t.db, made.clientId))).not.toContain(made.secret!);
    });

    it('two apps get different client ids and secrets', async () => {
      const a = await registerApp(t.db, app(), NOW);
      const b = await registerApp(t.db, app(), NOW);
      if (!a.ok || !b.ok) throw new Error('registration failed');
      expect(a.clientId).not.toBe(b.clientId);
      expect(a.secret).not.toBe(b.secret);
    });

    it('a public app (a browser or mobile app) has no secret and authenticates with none (PKCE alone)', async () => {
      const made = await registerApp(t.db, app({ confidential: false }), NOW);
      if (!made.ok) throw new Error(made.code);
      expect(made.secret).toBeNull();
      expect((await t.db.oidcClient.findUniqueOrThrow({ where: { id: made.clientId } })).secretHash).toBeNull();
      const metadata = await clientMetadata(t.db, made.clientId);
      expect(metadata).toMatchObject({ token_endpoint_auth_method: 'none' });
      expect(metadata).not.toHaveProperty('client_secret');
      expect((await listApps(t.db))[0]?.confidential).toBe(false);
    });

    it('a client id in use is refused', async () => {
      expect((await registerApp(t.db, app(), NOW, { clientId: 'print' })).ok).toBe(true);
      expect(await registerApp(t.db, app(), NOW, { clientId: 'print' })).toMatchObject({ ok: false, code: 'APP_EXISTS' });
    });
  });
});

describe('checking a presented secret against the stored hash (secretMatches)', () => {
  const secret = 'Sm9uYXMgYW5kIHRoZSB3aGFsZSBvZiB0aGUgZGVlcCBzZWE';
  const stored = sha256(secret);

  it('the secret matches its hash', () => {
    expect(secretMatches(stored, secret)).toBe(true);
  });

  it('anything else does not: another secret, a prefix, a longer string, different case, the empty string', () => {
    for (const other of ['another secret', secret.slice(0, -1), `${secret}x`, secret.toUpperCase(), ''])
      expect(secretMatches(stored, other), other).toBe(false);
  });

  it('the stored hash itself is not a secret that matches (a leaked database row signs nobody in)', () => {
    expect(secretMatches(stored, stored)).toBe(false);
  });

  it('something that is not a string never matches', () => {
    for (const other of [undefined, null, 42, [secret], { secret }]) expect(secretMatches(stored, other)).toBe(false);
  });

  it('a stored value that is not a SHA-256 matches nothing, and is an answer, not a crash', () => {
    // The comparison is of two 32-byte digests; a shorter or garbled stored value must refuse, not
    // throw (a throw is a 500 at the token endpoint).
    expect(secretMatches('not-a-hash', secret)).toBe(false);
    expect(secretMatches('', secret)).toBe(false);
    expect(secretMatches(stored.slice(0, 10), secret)).toBe(false);
  });
});
