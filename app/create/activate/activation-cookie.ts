// The browser side of an activation link: the link's token, in its own sealed cookie, so that it
// does not stay in the address bar (see open/route.ts). Sent only to /create/activate, lives 1 hour
// (from opening the link to pressing the button; the link itself works 24 hours), HttpOnly,
// SameSite=Lax, Secure with an https APP_URL.
import { tokenCookie } from '../../lib/token-cookie.ts';

const MAX_AGE_SECONDS = 60 * 60;
const activationCookie = tokenCookie('two_step_activation', {
  ttlSeconds: MAX_AGE_SECONDS + 60,
  path: '/create/activate',
  maxAgeSeconds: MAX_AGE_SECONDS,
});

/** Keeps the token for the activation page; null forgets any earlier one. Route handlers and actions only. */
export async function setActivationToken(token: string | null): Promise<void> {
  await activationCookie.set(token);
}

export async function activationToken(): Promise<string | undefined> {
  return activationCookie.read();
}

export async function clearActivationToken(): Promise<string | undefined> {
  return activationCookie.clear();
}
