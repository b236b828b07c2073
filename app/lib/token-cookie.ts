// A sealed cookie that holds one random token and nothing else: the customer session, the support
// staff session and the password-reset token each have one, with their own name. iron-session seals
// it with SESSION_SECRET; HttpOnly, SameSite=Lax.
//
// Secure whenever APP_URL is https (whatever NODE_ENV says: a staging or dev run at an https URL,
// behind a TLS load balancer too), and in production also on plain http, where only localhost can
// work (browsers treat http://localhost as a secure context: npm start, the e2e run).
// With an https APP_URL the name gets a prefix the browser enforces (ASVS 3.4.4): `__Host-` for a cookie on
// Path=/ (Secure, no Domain, Path=/: no subdomain or plain-http page can set or shadow it), and
// `__Secure-` for a cookie kept to a narrower path (`__Host-` requires Path=/), i.e. the reset
// cookie on /reset.
import { cookies } from 'next/headers';
import { getIronSession, type SessionOptions } from 'iron-session';
import { config } from '@/src/config.ts';

interface TokenData {
  token?: string;
}

type TokenCookieOptions = { ttlSeconds: number; path?: string; maxAgeSeconds?: number };

/** The cookie's name and attributes for a portal at `appUrl` (see the top of this file). */
export function tokenCookieAttributes(name: string, opts: TokenCookieOptions, env: { appUrl: string; nodeEnv: string }) {
  const https = new URL(env.appUrl).protocol === 'https:';
  const secure = https || env.nodeEnv === 'production';
  const path = opts.path ?? '/';
  const prefix = !https ? '' : path === '/' ? '__Host-' : '__Secure-';
  return {
    cookieName: `${prefix}${name}`,
    cookieOptions: {
      httpOnly: true,
      secure,
      sameSite: 'lax' as const,
      path,
      // No domain, ever: host-only (and __Host- forbids one).
      ...(opts.maxAgeSeconds ? { maxAge: opts.maxAgeSeconds } : {}),
    },
  };
}

export function tokenCookie(name: string, opts: TokenCookieOptions) {
  function options(): SessionOptions {
    const c = config();
    return { password: c.SESSION_SECRET, ttl: opts.ttlSeconds, ...tokenCookieAttributes(name, opts, { appUrl: c.APP_URL, nodeEnv: c.NODE_ENV }) };
  }
  const open = async () => getIronSession<TokenData>(await cookies(), options());
  return {
    /** The token, if the browser sent a valid seal. */
    async read(): Promise<string | undefined> {
      return (await open()).token;
    },
    /** A new cookie each time (no fixation); null forgets the token. Route handlers and actions only. */
    async set(token: string | null): Promise<void> {
      const c = await open();
      c.destroy();
      if (token) {
        c.token = token;
        await c.save();
      }
    },
    /** Forgets the token and returns what it was. */
    async clear(): Promise<string | undefined> {
      const c = await open();
      const token = c.token;
      c.destroy();
      return token;
    },
    /** The token from a route handler's own request (outside next/headers). */
    async fromRequest(request: Request): Promise<string | undefined> {
      return (await getIronSession<TokenData>(request, new Response(), options())).token;
    },
  };
}
