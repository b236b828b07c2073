// The browser side of a session: an iron-session sealed cookie that holds only a random token.
// The session itself is a database row (src/sessions/sessions.ts), checked on every request.
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { tokenCookie } from './token-cookie.ts';
import { rememberThisBrowser } from './known-browser.ts';
import { runtime } from '@/src/runtime.ts';
import { resolveSessionWithAccount } from '@/src/sessions/sessions.ts';
import { SESSION_COOKIE } from '@/src/sessions/browser-cookies.ts';
import { pageAccess, type PageRule } from '@/src/sessions/stage-policy.ts';
import { refuseStaff } from './staff-session.ts';

const sessionCookie = tokenCookie(SESSION_COOKIE.name, SESSION_COOKIE.options);

/** Starts a new browser session (a new cookie for every sign-in: no session fixation). */
export async function setSessionCookie(token: string): Promise<void> {
  await sessionCookie.set(token);
}

/** A completed sign-in: the session cookie, and this browser is known to the account from now on. */
export async function signedIn(token: string, accountId: string): Promise<void> {
  await sessionCookie.set(token);
  await rememberThisBrowser(accountId, token);
}

export async function clearSessionCookie(): Promise<string | undefined> {
  return sessionCookie.clear();
}

// Unsealed once per server render (the layout and the page both ask; unsealing derives a key).
// Outside a render (a server action, which may set or clear the cookie) cache() does not cache.
const renderToken = cache(() => sessionCookie.read());

export async function sessionToken(): Promise<string | undefined> {
  return renderToken();
}

/**
 * The live session and its account for this request's cookie, read once per request: the layout and
 * the page both ask (React's cache() lasts one server render; a server action reads afresh).
 */
const liveSession = cache(async (token: string) => {
  const { db, clock } = runtime();
  return resolveSessionWithAccount(db, token, clock.now());
});

/**
 * The signed-in account, or null: null too when the session's stage may not open this page
 * (src/sessions/stage-policy.ts: a session waiting for its code opens none, a Recovery Key session
 * only those whose rule has `allowRecovery`).
 */
export async function currentAccount(page: PageRule = {}) {
  const token = await sessionToken();
  if (!token) return null;
  const live = await liveSession(token);
  if (!live || pageAccess(live.session.stage, page) !== 'open') return null;
  return live;
}

/** Whether this browser is mid-sign-in: the password was right, the code is still to come. */
export async function signingIn(): Promise<boolean> {
  const token = await sessionToken();
  if (!token) return false;
  const live = await liveSession(token);
  return live?.session.stage === 'password';
}

/**
 * For pages that need a signed-in holder: sends everyone else to the sign-in page, and a Recovery
 * Key session to the one thing it may do, verifying a new trusted device.
 */
export async function requireAccount(page: PageRule = {}) {
  await refuseStaff(); // a support staff session opens no customer page (app/lib/staff-session.ts)
  const current = await currentAccount({ allowRecovery: true });
  if (!current) redirect('/sign-in');
  if (pageAccess(current.session.stage, page) === 'add-device') redirect('/account/security/devices');
  return current;
}
