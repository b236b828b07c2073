// The device cookie (OWASP "device cookies"; src/throttle/known-browsers.ts): a sealed list of the
// accounts this browser completed a sign-in to, each with a random id under which the browser's own
// attempt budget is counted. Long-lived, HttpOnly, and named like the other cookies (__Host- with
// an https APP_URL). It grants nothing by itself: it only keeps the holder's browser out of the
// lockouts that strangers cause.
import { cookies } from 'next/headers';
import { getIronSession, type SessionOptions } from 'iron-session';
import { z } from 'zod';
import { config } from '@/src/config.ts';
import { DAY } from '@/src/clock.ts';
import { KNOWN_BROWSER_ENTRIES, rememberBrowser } from '@/src/throttle/known-browsers.ts';
import type { KnownBrowser } from '@/src/security-events/record.ts';
import { tokenCookieAttributes } from './token-cookie.ts';

const LIFETIME_SECONDS = (400 * DAY) / 1000; // the longest a browser keeps a cookie (RFC 6265bis)

const entries = z.array(z.object({ accountId: z.string().max(64), id: z.string().max(64) })).max(KNOWN_BROWSER_ENTRIES);

function options(): SessionOptions {
  const c = config();
  return {
    password: c.SESSION_SECRET,
    ttl: LIFETIME_SECONDS,
    ...tokenCookieAttributes('two_step_device', { ttlSeconds: LIFETIME_SECONDS, maxAgeSeconds: LIFETIME_SECONDS }, { appUrl: c.APP_URL, nodeEnv: c.NODE_ENV }),
  };
}

const open = async () => getIronSession<{ browsers?: unknown }>(await cookies(), options());

/** The accounts this browser signed in to before (an unreadable or forged cookie: none). */
export async function knownBrowsers(): Promise<KnownBrowser[]> {
  const parsed = entries.safeParse((await open()).browsers ?? []);
  return parsed.success ? parsed.data : [];
}

/** After a completed sign-in to `accountId`: this browser is known to it from now on. Actions only. */
export async function rememberThisBrowser(accountId: string): Promise<void> {
  const cookie = await open();
  const parsed = entries.safeParse(cookie.browsers ?? []);
  cookie.browsers = rememberBrowser(parsed.success ? parsed.data : [], accountId);
  await cookie.save();
}
