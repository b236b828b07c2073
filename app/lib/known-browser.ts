// The device cookie (OWASP "device cookies"; src/throttle/known-browsers.ts): a sealed list of the
// accounts this browser completed a sign-in to, each with a random id under which the browser's own
// attempt budget is counted. Long-lived, HttpOnly, and named like the other cookies (__Host- with
// an https APP_URL). It grants nothing by itself: it only keeps the holder's browser out of the
// lockouts that strangers cause, and each entry counts only while its record exists
// (src/sessions/known-browsers.ts: Sign Out Everywhere and a password change end them).
import type { SessionOptions } from 'iron-session';
import { openSealedCookie } from './sealed-cookie.ts';
import { config } from '@/src/config.ts';
import { runtime } from '@/src/runtime.ts';
import { liveKnownBrowsers, rememberKnownBrowser } from '@/src/sessions/known-browsers.ts';
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

/** What the cookie claims (an unreadable or forged cookie: nothing). */
function claimed(browsers: unknown): KnownBrowser[] {
  const parsed = entries.safeParse(browsers ?? []);
  return parsed.success ? parsed.data : [];
}

/**
 * The accounts this browser is known to now: the cookie's entries whose record exists (one indexed
 * query; none without a cookie). Only for requests that count guesses or send codes (app/lib/request.ts).
 */
export async function knownBrowsers(): Promise<KnownBrowser[]> {
  const browsers = claimed((await open()).browsers);
  if (browsers.length === 0) return [];
  const { db, clock } = runtime();
  return liveKnownBrowsers(db, browsers, clock.now());
}

/**
 * After a completed sign-in to `accountId` (`sessionToken`: the signed-in session it made): this
 * browser is known to the account from now on, unless that session ended meanwhile. Actions only.
 */
export async function rememberThisBrowser(accountId: string, sessionToken: string): Promise<void> {
  const cookie = await open();
  const remembered = await rememberKnownBrowser(runtime(), { accountId, sessionToken }, claimed(cookie.browsers));
  if (!remembered) return;
  cookie.browsers = remembered;
  await cookie.save();
}
