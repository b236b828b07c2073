// The sealed token cookies' names and attributes follow APP_URL's scheme (ASVS 3.4.4): with https,
// __Host- (Secure, Path=/, no Domain) for the session and staff cookies, __Secure- for the reset
// cookie kept to /reset (__Host- requires Path=/), in any NODE_ENV; with plain http, no prefix, and
// Secure only in production (http://localhost is a secure context for browsers). Checked on the
// Set-Cookie header iron-session writes with these options.
import { describe, expect, it } from 'vitest';
import { getIronSession } from 'iron-session';
import { tokenCookieAttributes } from '../../src/sessions/browser-cookies.ts';

const SECRET = 's'.repeat(32);

async function setCookieHeader(
  name: string,
  opts: { ttlSeconds: number; path?: string; maxAgeSeconds?: number },
  appUrl: string,
  nodeEnv = 'development',
): Promise<string> {
  const response = new Response();
  const session = await getIronSession<{ token?: string }>(new Request(`${appUrl}/`), response, {
    password: SECRET,
    ttl: opts.ttlSeconds,
    ...tokenCookieAttributes(name, opts, { appUrl, nodeEnv }),
  });
  session.token = 'a-token';
  await session.save();
  return response.headers.get('set-cookie') ?? '';
}

function attributes(header: string) {
  const [pair, ...rest] = header.split(';').map((s) => s.trim());
  const attrs = new Map(
    rest.map((a) => {
      const [k, v] = a.split('=');
      return [k.toLowerCase(), v ?? true] as const;
    }),
  );
  return { name: pair.slice(0, pair.indexOf('=')), attrs };
}

describe('token cookies', () => {
  it('with an https APP_URL: __Host- prefix, Secure, Path=/, no Domain, HttpOnly, SameSite=Lax', async () => {
    for (const name of ['two_step_session', 'two_step_staff']) {
      const { name: cookie, attrs } = attributes(await setCookieHeader(name, { ttlSeconds: 3600 }, 'https://portal.example'));
      expect(cookie).toBe(`__Host-${name}`);
      expect(attrs.get('secure')).toBe(true);
      expect(attrs.get('path')).toBe('/');
      expect(attrs.has('domain')).toBe(false);
      expect(attrs.get('httponly')).toBe(true);
      expect(String(attrs.get('samesite')).toLowerCase()).toBe('lax');
    }
  });

  it('with an https APP_URL, a cookie kept to a narrower path gets __Secure- (a browser refuses __Host- off Path=/)', async () => {
    const { name, attrs } = attributes(
      await setCookieHeader('two_step_reset', { ttlSeconds: 3660, path: '/reset', maxAgeSeconds: 3600 }, 'https://portal.example'),
    );
    expect(name).toBe('__Secure-two_step_reset');
    expect(attrs.get('secure')).toBe(true);
    expect(attrs.get('path')).toBe('/reset');
    expect(attrs.has('domain')).toBe(false);
    expect(attrs.get('max-age')).toBe('3600');
  });

  it('with a plain-http APP_URL (local runs): no prefix; Secure only in production', async () => {
    const dev = attributes(await setCookieHeader('two_step_session', { ttlSeconds: 3600 }, 'http://localhost:3000', 'development'));
    expect(dev.name).toBe('two_step_session');
    expect(dev.attrs.has('secure')).toBe(false);
    expect(dev.attrs.get('path')).toBe('/');
    expect(dev.attrs.get('httponly')).toBe(true);
    const prod = attributes(await setCookieHeader('two_step_session', { ttlSeconds: 3600 }, 'http://localhost:3000', 'production'));
    expect(prod.name).toBe('two_step_session');
    expect(prod.attrs.get('secure')).toBe(true);
  });

  it('with an https APP_URL, Secure and the prefix in development and test runs too, not only in production', async () => {
    for (const nodeEnv of ['development', 'test']) {
      const { name, attrs } = attributes(
        await setCookieHeader('two_step_session', { ttlSeconds: 3600 }, 'https://staging.example', nodeEnv),
      );
      expect(name).toBe('__Host-two_step_session');
      expect(attrs.get('secure')).toBe(true);
    }
  });
});
