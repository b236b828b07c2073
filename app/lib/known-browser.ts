// The device cookie (OWASP "device cookies"; src/throttle/known-browsers.ts): a sealed list of the
// accounts this browser completed a sign-in to, each with a random id under which the browser's own
// attempt budget is counted. Long-lived, HttpOnly, and named like the other cookies (__Host- with
// an https APP_URL). It grants nothing by itself: it only keeps the holder's browser out of the
// lockouts that strangers cause.
import type { SessionOptions } from 'iron-session';
import { openSealedCookie } from './sealed-cookie.ts';
import { config } from '@/src/config.ts';
import { rememberBrowser } from '@/src/throttle/known-browsers.ts';
import type { KnownBrowser } from '@/src/security-events/record.ts';
import { DEVICE_COOKIE, knownBrowserEntries as entries, tokenCookieAttributes } from '@/src/sessions/browser-cookies.ts';

function options(): SessionOptions {
  const c = config();
  return {
    password: c.SESSION_SECRET,
    ttl: DEVICE_COOKIE.options.ttlSeconds,
    ...tokenCookieAttributes(DEVICE_COOKIE.name, DEVICE_COOKIE.options, { appUrl: c.APP_URL, nodeEnv: c.NODE_ENV }),
  };
}

const open = () => openSealedCookie<{ browsers?: unknown }>(options());

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
