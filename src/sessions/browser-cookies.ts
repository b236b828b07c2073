// The portal's cookies, as every reader sees them: the pages and actions (app/lib, through
// next/headers) and the OpenID Connect bridge (src/oidc, on a plain Node request, before Next.js).
// Each holds a value sealed by iron-session with SESSION_SECRET.
//
// Secure whenever APP_URL is https (whatever NODE_ENV says: a staging or dev run at an https URL,
// behind a TLS load balancer too), and in production also on plain http, where only localhost can
// work (browsers treat http://localhost as a secure context: npm start, the e2e run).
// With an https APP_URL the name gets a prefix the browser enforces (ASVS 3.4.4): `__Host-` for a
// cookie on Path=/ (Secure, no Domain, Path=/: no subdomain or plain-http page can set or shadow it),
// and `__Secure-` for a cookie kept to a narrower path (`__Host-` requires Path=/).
import { unsealData } from 'iron-session';
import { z } from 'zod';
import type { KnownBrowser } from '../security-events/record.ts';
import { KNOWN_BROWSER_ENTRIES, KNOWN_BROWSER_LIFETIME_MS } from './known-browsers.ts';
import { SESSION_ABSOLUTE_MS } from './sessions.ts';

export type TokenCookieOptions = { ttlSeconds: number; path?: string; maxAgeSeconds?: number };
export type CookieEnv = { appUrl: string; nodeEnv: string };

/** The cookie's name and attributes for a portal at `appUrl` (see the top of this file). */
export function tokenCookieAttributes(name: string, opts: TokenCookieOptions, env: CookieEnv) {
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

/** The customer session cookie: a random token whose SHA-256 is the Session row's id. */
export const SESSION_COOKIE = { name: 'two_step_session', options: { ttlSeconds: SESSION_ABSOLUTE_MS / 1000 } } as const;

const DEVICE_COOKIE_SECONDS = KNOWN_BROWSER_LIFETIME_MS / 1000;
/**
 * The device cookie (OWASP "device cookies", src/throttle/known-browsers.ts): the accounts this
 * browser completed a sign-in to, each with the random id its own attempt budget is counted under.
 * What it claims counts only as far as the records say (src/sessions/known-browsers.ts).
 */
export const DEVICE_COOKIE = {
  name: 'two_step_device',
  options: { ttlSeconds: DEVICE_COOKIE_SECONDS, maxAgeSeconds: DEVICE_COOKIE_SECONDS },
} as const;

/** What the device cookie holds; anything else (unreadable, forged, too long) counts as no entry. */
export const knownBrowserEntries = z.array(z.object({ accountId: z.string().max(64), id: z.string().max(64) })).max(KNOWN_BROWSER_ENTRIES);

/** The value of cookie `name` in a Cookie request header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

async function unsealed(
  header: string | undefined,
  name: string,
  opts: TokenCookieOptions,
  env: CookieEnv & { secret: string },
): Promise<Record<string, unknown>> {
  const sealed = cookieValue(header, tokenCookieAttributes(name, opts, env).cookieName);
  if (!sealed) return {};
  try {
    return await unsealData<Record<string, unknown>>(sealed, { password: env.secret, ttl: opts.ttlSeconds });
  } catch {
    return {};
  }
}

/**
 * What a request's Cookie header says of the customer: its session token and its device cookie's
 * entries, as the cookie claims them (liveKnownBrowsers, src/sessions/known-browsers.ts, says which count).
 */
export async function readBrowserCookies(
  header: string | undefined,
  env: CookieEnv & { secret: string },
): Promise<{ sessionToken: string | null; deviceEntries: KnownBrowser[] }> {
  const [session, device] = await Promise.all([
    unsealed(header, SESSION_COOKIE.name, SESSION_COOKIE.options, env),
    unsealed(header, DEVICE_COOKIE.name, DEVICE_COOKIE.options, env),
  ]);
  const browsers = knownBrowserEntries.safeParse(device.browsers ?? []);
  return { sessionToken: typeof session.token === 'string' ? session.token : null, deviceEntries: browsers.success ? browsers.data : [] };
}
