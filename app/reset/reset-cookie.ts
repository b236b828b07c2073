// The browser side of a password-reset link: the link's token, in its own iron-session sealed
// cookie, so that it never has to stay in the address bar (see open/route.ts). Sent only to /reset
// and below, lives 1 hour (as long as a link works), HttpOnly, SameSite=Lax, Secure in production.
import { cookies } from 'next/headers';
import { getIronSession, type SessionOptions } from 'iron-session';
import { config } from '@/src/config.ts';
import { RESET_LINK_TTL_MS } from '@/src/accounts/password-reset.ts';

interface ResetCookieData {
  token?: string;
}

const MAX_AGE_SECONDS = RESET_LINK_TTL_MS / 1000;

function options(): SessionOptions {
  const c = config();
  return {
    password: c.SESSION_SECRET,
    cookieName: 'two_step_reset',
    // The seal outlives the cookie by iron-session's usual minute.
    ttl: MAX_AGE_SECONDS + 60,
    cookieOptions: {
      httpOnly: true,
      secure: c.NODE_ENV === 'production', // browsers accept Secure cookies on http://localhost
      sameSite: 'lax',
      path: '/reset',
      maxAge: MAX_AGE_SECONDS,
    },
  };
}

async function cookie() {
  return getIronSession<ResetCookieData>(await cookies(), options());
}

/** Keeps the token for the reset page; null forgets any earlier one. Route handlers and actions only. */
export async function setResetToken(token: string | null): Promise<void> {
  const c = await cookie();
  c.destroy();
  if (token) {
    c.token = token;
    await c.save();
  }
}

export async function resetToken(): Promise<string | undefined> {
  return (await cookie()).token;
}

export async function clearResetToken(): Promise<void> {
  (await cookie()).destroy();
}
