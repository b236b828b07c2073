// The session cookie exactly as the app sets it (app/lib/token-cookie.ts, app/lib/session.ts):
// iron-session seals { token } with SESSION_SECRET and the session's 12-hour ttl, under the name
// and attributes tokenCookieAttributes gives for the server's APP_URL.
import { sealData } from 'iron-session';
import { tokenCookieAttributes } from '../../app/lib/token-cookie.ts';
import { SESSION_ABSOLUTE_MS } from '../../src/sessions/sessions.ts';

// app/lib/session.ts keeps its cookie (and so this name) private; the bench checks the name
// against a real sign-in's Set-Cookie (sign-in.ts), so a rename fails loudly here.
export const SESSION_COOKIE = 'two_step_session';

export async function sessionCookie(token: string, env: Record<string, string>): Promise<string> {
  const ttl = SESSION_ABSOLUTE_MS / 1000;
  const { cookieName } = tokenCookieAttributes(SESSION_COOKIE, { ttlSeconds: ttl }, { appUrl: env.APP_URL!, nodeEnv: env.NODE_ENV! });
  const sealed = await sealData({ token }, { password: env.SESSION_SECRET!, ttl });
  return `${cookieName}=${sealed}`;
}

/** The session cookie's name for the server's APP_URL (with its prefix, if any). */
export function sessionCookieName(env: Record<string, string>): string {
  return tokenCookieAttributes(SESSION_COOKIE, { ttlSeconds: SESSION_ABSOLUTE_MS / 1000 }, { appUrl: env.APP_URL!, nodeEnv: env.NODE_ENV! }).cookieName;
}
