// The browser side of a password-reset link: the link's token, in its own iron-session sealed
// cookie, so that it never has to stay in the address bar (see open/route.ts). Sent only to /reset
// and below, lives 1 hour (as long as a link works), HttpOnly, SameSite=Lax, Secure in production.
import { tokenCookie } from './token-cookie.ts';
import { RESET_LINK_TTL_MS } from '@/src/password-reset/by-link.ts';

const MAX_AGE_SECONDS = RESET_LINK_TTL_MS / 1000;
// The seal outlives the cookie by iron-session's usual minute.
const resetCookie = tokenCookie('two_step_reset', { ttlSeconds: MAX_AGE_SECONDS + 60, path: '/reset', maxAgeSeconds: MAX_AGE_SECONDS });

/** Keeps the token for the reset page; null forgets any earlier one. Route handlers and actions only. */
export async function setResetToken(token: string | null): Promise<void> {
  await resetCookie.set(token);
}

export async function resetToken(): Promise<string | undefined> {
  return resetCookie.read();
}

export async function clearResetToken(): Promise<void> {
  await resetCookie.clear();
}
