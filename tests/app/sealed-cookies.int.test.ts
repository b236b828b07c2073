// A sealed cookie that does not open is a signed-out browser, never a 500 (app/lib/sealed-cookie.ts):
// every cookie the app seals (session, device, staff, reset, activation) is sent forged, truncated,
// sealed under another secret, with a malformed expiry or as random text, and every reader of it
// (the pages' session read, the device cookie, the sign-in action, a route handler's own request)
// answers as for no cookie. iron-session throws on some of these ("Wrong mac prefix", "Invalid
// expiration") instead of answering nothing.
import fc from 'fast-check';
import { sealData } from 'iron-session';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../harness/db.ts';
import { appEnv, jar } from '../support-console/app-harness.ts';

vi.mock('next/headers', async () => (await import('../support-console/app-harness.ts')).nextHeaders);
vi.mock('next/cache', async () => (await import('../support-console/app-harness.ts')).nextCache);

const COOKIES = ['two_step_session', 'two_step_device', 'two_step_staff', 'two_step_reset', 'two_step_activation'];

/** A real seal under another secret, and the shapes iron-session throws on rather than ignores. */
async function badSeals(): Promise<string[]> {
  const real = await sealData({ token: 'x' }, { password: 'another-secret-another-secret-another-secret', ttl: 60 });
  const [body, version] = real.split('~');
  const parts = body!.split('*');
  return [
    'Fe26.3*1*a*b*c*1*g*h~2', // the one seen answering 500
    real,
    real.slice(0, -5),
    `${body}~9`,
    parts.map((p, i) => (i === 1 ? 'x' : p)).join('*') + `~${version}`, // wrong mac prefix
    parts.map((p, i) => (i === 5 ? 'not-a-number' : p)).join('*') + `~${version}`, // invalid expiration
    parts.map((p, i) => (i === 5 ? '-1' : p)).join('*') + `~${version}`,
    'Fe26.2**',
    '~2',
    '',
  ];
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  appEnv(t.url);
});
afterAll(async () => {
  jar.clear();
  await t?.drop();
});

describe('a sealed cookie that does not open counts as absent', () => {
  it('the pages’ session, the device cookie and the sign-in action answer as for no cookie, for every bad seal in every cookie', async () => {
    const { currentAccount, sessionToken } = await import('../../app/lib/session.ts');
    const { knownBrowsers } = await import('../../app/lib/known-browser.ts');
    const { signInAction } = await import('../../app/actions/account.ts');
    const seals = await badSeals();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...seals), fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 60 })),
        fc.constantFrom(...COOKIES),
        async (value, name) => {
          jar.clear();
          jar.set(name, value);
          expect(await sessionToken()).toBeUndefined();
          expect(await currentAccount()).toBeNull();
          expect(await knownBrowsers()).toEqual([]);
          const form = new FormData();
          form.set('appleId', 'nobody@example.com');
          form.set('password', 'not the password');
          const answer = await signInAction({}, form);
          expect(answer.error).toBeTruthy();
        },
      ),
      { numRuns: 60, examples: seals.flatMap((s) => COOKIES.map((c) => [s, c] as [string, string])) },
    );
  });

  it('a route handler reading its own request answers as for no cookie', async () => {
    const { tokenCookie } = await import('../../app/lib/token-cookie.ts');
    const cookie = tokenCookie('two_step_session', { ttlSeconds: 60 });
    for (const value of await badSeals()) {
      const request = new Request('http://localhost/', { headers: { cookie: `two_step_session=${value}` } });
      expect(await cookie.fromRequest(request)).toBeUndefined();
    }
  });

  it('a good seal still opens (the test would pass for a reader that opened nothing)', async () => {
    const { setSessionCookie, sessionToken } = await import('../../app/lib/session.ts');
    jar.clear();
    await setSessionCookie('a-session-token');
    expect(jar.get('two_step_session')).toMatch(/^Fe26\.2\*/);
    expect(await sessionToken()).toBe('a-session-token');
  });
});
