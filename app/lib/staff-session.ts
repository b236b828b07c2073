// The browser side of a support staff session: its OWN sealed cookie (two_step_staff), apart from
// the customers' (two_step_session, app/lib/session.ts), holding only a random token; the session
// itself is a StaffSession row (src/support/staff.ts), checked on every request.
//
// The two never mix: support pages read only this cookie (a customer session opens none of them),
// and every customer page and action refuses a request that carries a live staff session
// (refuseStaff), so a staff session can change no account data.
//
// A staff session that passed only the password opens nothing of the console: requireStaff is the
// one check every console page and action makes (src/support/staff.ts consoleReady), and sends such
// a session to its second factor; requireSecondFactorStep is the check of that step's own pages
// and actions, which a console session has nothing to do on.
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { tokenCookie } from './token-cookie.ts';
import { runtime } from '@/src/runtime.ts';
import {
  consoleReady,
  isLiveStaffSession,
  lookUpStaffSession,
  STAFF_ABSOLUTE_MS,
  type ConsoleSession,
  type StaffSession,
  type StaffSessionEnd,
} from '@/src/support/staff.ts';

export const STAFF_COOKIE = 'two_step_staff';

export const STAFF_SIGN_IN_PAGE = '/support/sign-in';
/** The second factor after the password; it sends a staff member with none to SECOND_FACTOR_SETUP_PAGE. */
export const SECOND_FACTOR_PAGE = '/support/sign-in/verify';
export const SECOND_FACTOR_SETUP_PAGE = '/support/sign-in/set-up';

// Path / and not /support: customer pages must see it to refuse it (a server action can be posted
// to any path).
const staffCookie = tokenCookie(STAFF_COOKIE, { ttlSeconds: STAFF_ABSOLUTE_MS / 1000 });

/** A new cookie for every sign-in (no session fixation). */
export async function setStaffCookie(token: string): Promise<void> {
  await staffCookie.set(token);
}

export async function clearStaffCookie(): Promise<string | undefined> {
  return staffCookie.clear();
}

/** Where a session that ended by itself sends the staff member: the sign-in page, which says why. */
export const staffSignInAfter = (ended: StaffSessionEnd): string => `${STAFF_SIGN_IN_PAGE}?ended=${ended}`;

// Once per request (the layout and the page both ask): a session that just ended is deleted by the
// first look, and only that look knows why.
const look = cache(async (): Promise<StaffSession | { ended: StaffSessionEnd } | null> => {
  const token = await staffCookie.read();
  if (!token) return null;
  const { db, clock } = runtime();
  return lookUpStaffSession(db, token, clock.now());
});

/** The staff session of this browser, at either stage, or null. */
export async function currentStaff(): Promise<StaffSession | null> {
  const found = await look();
  return found && 'ended' in found ? null : found;
}

/** Why this browser's staff session ended by itself in this request, or null. */
export async function staffSessionEnded(): Promise<StaffSessionEnd | null> {
  const found = await look();
  return found && 'ended' in found ? found.ended : null;
}

/** Without a live session: the sign-in page, saying why when the session ended by itself. */
async function toSignIn(): Promise<never> {
  const ended = await staffSessionEnded();
  redirect(ended ? staffSignInAfter(ended) : STAFF_SIGN_IN_PAGE);
}

/**
 * For every console page and action: a session that proved the second factor. Without a session,
 * the staff sign-in page; with only the password, the second factor.
 */
export async function requireStaff(): Promise<ConsoleSession> {
  const session = await currentStaff();
  if (!session) return toSignIn();
  if (!consoleReady(session)) redirect(SECOND_FACTOR_PAGE);
  return session;
}

/** For the second factor's pages and actions: a session that passed only the password. */
export async function requireSecondFactorStep(): Promise<StaffSession> {
  const session = await currentStaff();
  if (!session) return toSignIn();
  if (consoleReady(session)) redirect('/support');
  return session;
}

async function isLive(token: string | undefined): Promise<boolean> {
  if (!token) return false;
  const { db, clock } = runtime();
  return isLiveStaffSession(db, token, clock.now());
}

/**
 * For customer pages and actions, before anything else: a request from a staff session is sent to
 * the console. Reads only, so a refused request changes nothing.
 */
export async function refuseStaff(): Promise<void> {
  if (await isLive(await staffCookie.read())) redirect('/support');
}

/**
 * The same for route handlers, from the request's own Cookie header: the answer to give instead,
 * or null to go on.
 */
export async function staffRefusal(request: Request): Promise<Response | null> {
  if (!(await isLive(await staffCookie.fromRequest(request)))) return null;
  return Response.json(
    { error: 'A support staff session cannot use customer pages.' },
    { status: 403, headers: { 'Cache-Control': 'no-store' } },
  );
}
