// A sealed cookie that holds one random token and nothing else: the customer session, the support
// staff session and the password-reset token each have one, with their own name. iron-session seals
// it with SESSION_SECRET; names and attributes: src/sessions/browser-cookies.ts.
import type { SessionOptions } from 'iron-session';
import { openSealedCookie, readSealedCookie } from './sealed-cookie.ts';
import { config } from '@/src/config.ts';
import { tokenCookieAttributes, type TokenCookieOptions } from '@/src/sessions/browser-cookies.ts';

interface TokenData {
  token?: string;
}

export function tokenCookie(name: string, opts: TokenCookieOptions) {
  function options(): SessionOptions {
    const c = config();
    return {
      password: c.SESSION_SECRET,
      ttl: opts.ttlSeconds,
      ...tokenCookieAttributes(name, opts, { appUrl: c.APP_URL, nodeEnv: c.NODE_ENV }),
    };
  }
  const open = () => openSealedCookie<TokenData>(options());
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
      return (await readSealedCookie<TokenData>(request, options())).token;
    },
  };
}
