// The session cookie exactly as the app sets it (src/sessions/browser-cookies.ts, app/lib/session.ts):
// iron-session seals { token } with SESSION_SECRET and the session's 12-hour ttl, under the name
// and attributes tokenCookieAttributes gives for the server's APP_URL.
import { sealData } from 'iron-session';
import { SESSION_COOKIE as COOKIE, tokenCookieAttributes } from '../../src/sessions/browser-cookies.ts';
import { SESSION_ABSOLUTE_MS } from '../../src/sessions/sessions.ts';

// The bench also checks the name against a real sign-in's Set-Cookie (sign-in.ts).
export const SESSION_COOKIE = COOKIE.name;

export async function sessionCookie(token: string, env: Record<string, string>): Promise<string> {
  const ttl = SESSION_ABSOLUTE_MS / 1000;
  const { cookieName } = tokenCookieAttributes(SESSION_COOKIE, { ttlSeconds: ttl }, { appUrl: env.APP_URL!, nodeEnv: env.NODE_ENV! });
  const sealed = await sealData({ token }, { password: env.SESSION_SECRET!, ttl });
  return `${cookieName}=${sealed}`;
}

/** The session cookie's name for the server's APP_URL (with its prefix, if any). */
export function sessionCookieName(env: Record<string, string>): string {
  return tokenCookieAttributes(SESSION_COOKIE, { ttlSeconds: SESSION_ABSOLUTE_MS / 1000 }, { appUrl: env.APP_URL!, nodeEnv: env.NODE_ENV! })
    .cookieName;
}
