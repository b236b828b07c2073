// Building blocks for the support console tests: staff members and their sessions (through the
// password and the second factor, or made as the second factor leaves them), an account with
// two-step on, and the code deps that send through the real Twilio SDK to the stand-in.
import type { Db } from '../../src/db/client.ts';
import type { TestClock } from '../codes/helpers.ts';
import { CODE_KEY, TOTP_KEY } from '../codes/helpers.ts';
import { relyingParty } from '../../src/kinds/passkey/relying-party.ts';
import { totpCodeAt } from '../../src/kinds/authenticator-app/totp.ts';
import { staffSignIn } from '../../src/support/staff.ts';
import { confirmStaffApp, pendingStaffApp, signInWithStaffApp, startStaffApp } from '../../src/kinds/authenticator-app/staff.ts';
import {
  addStaffUser,
  consoleReady,
  createStaffSession,
  resolveStaffSession,
  type ConsoleSession,
  type StaffSession,
} from '../../src/support/staff.ts';
import { createTwilioSms } from '../../src/kinds/sms/twilio-sms.ts';
import { createHttpPushSender } from '../../src/kinds/push/push-sender.ts';
import { STANDIN_TWILIO } from '../../dev/standins/local-env.ts';
import type { Standins } from '../../dev/standins/server.ts';
import type { CodeDeps } from '../../src/codes/codes.ts';
import type { RequestContext } from '../../src/security-events/record.ts';

export const STAFF_PASSWORD = 'a long staff password 2026';
export const DESK: RequestContext = { clientAddress: '10.20.30.40', userAgent: 'Mozilla/5.0 (X11; Linux) Chrome/150 (support desk)' };

export async function staffMember(db: Db, clock: TestClock, email: string, displayName: string): Promise<string> {
  const added = await addStaffUser({ db, clock, bcryptCost: 4 }, { email, displayName, password: STAFF_PASSWORD });
  if (!added.ok) throw new Error(added.error);
  return added.staffUserId;
}

/**
 * A new staff session of that staff member that opens the console, as the second factor leaves it
 * (the tests of that step make theirs through it: staff-factors.int.test.ts).
 */
export async function staffSession(db: Db, clock: TestClock, staffUserId: string): Promise<ConsoleSession & { token: string }> {
  const token = await createStaffSession(db, staffUserId, clock.now(), DESK, 'totp');
  return { ...(await consoleSessionNow(db, clock, token)), token };
}

/** The console session of the token now (what a console page sees at the next request); throws when there is none. */
export async function consoleSessionNow(db: Db, clock: TestClock, token: string): Promise<ConsoleSession> {
  const s = await session(db, clock, token);
  if (!s || !consoleReady(s)) throw new Error('not a console session');
  return s;
}

/** The session of the token now (what a page sees at the next request), or null. */
export function session(db: Db, clock: TestClock, token: string): Promise<StaffSession | null> {
  return resolveStaffSession(db, token, clock.now());
}

export function codeDeps(db: Db, clock: TestClock, standins: Standins): CodeDeps {
  return {
    db,
    clock,
    codeKey: CODE_KEY,
    codeDigits: 4,
    totpKey: Buffer.alloc(32, 7),
    sms: createTwilioSms({ ...STANDIN_TWILIO, apiBaseUrl: standins.httpUrl, lookupsBaseUrl: standins.httpUrl }),
    push: createHttpPushSender(standins.httpUrl),
  };
}

/** What the staff sign-in functions take: the test database and clock, the tests' TOTP key, APP_URL's relying party. */
export function staffDeps(db: Db, clock: TestClock) {
  return { db, clock, bcryptCost: 4, totpKey: TOTP_KEY, webauthn: relyingParty('http://localhost:3000') };
}
type StaffDeps = ReturnType<typeof staffDeps>;

/** The password, as the sign-in form sends it: a session with only the password, and what it does next. */
export async function passwordOnly(
  deps: StaffDeps,
  email: string,
  ctx = DESK,
): Promise<{ token: string; next: 'verify' | 'set-up'; session: StaffSession }> {
  const signedIn = await staffSignIn(deps, { email, password: STAFF_PASSWORD }, ctx);
  if (!signedIn.ok) throw new Error(signedIn.error);
  return { ...signedIn, session: (await session(deps.db, deps.clock, signedIn.token))! };
}

/**
 * A first sign-in through the pages' functions: the password, an authenticator app started, its key
 * read as the setup page shows it, and the app's code at the clock's time. The console session's
 * token and the key the staff member's app now holds.
 */
export async function firstSignInWithApp(deps: StaffDeps, email: string, ctx = DESK): Promise<{ token: string; secret: string }> {
  const { session: s, next } = await passwordOnly(deps, email, ctx);
  if (next !== 'set-up') throw new Error(`expected a first sign-in, got ${next}`);
  const started = await startStaffApp(deps, s);
  if (!started.ok) throw new Error(started.error);
  const shown = await pendingStaffApp(deps, s);
  if (!shown) throw new Error('no key shown');
  const confirmed = await confirmStaffApp(deps, s, { code: totpCodeAt(shown.secret, deps.clock.now()) }, ctx);
  if (!confirmed.ok) throw new Error(confirmed.error);
  return { token: confirmed.token, secret: shown.secret };
}

/** A later sign-in: the password, then the app's code at the clock's time (a step not used yet: move the clock first). */
export async function signInWithApp(deps: StaffDeps, email: string, secret: string, ctx = DESK): Promise<string> {
  const { session: s } = await passwordOnly(deps, email, ctx);
  const passed = await signInWithStaffApp(deps, s, { code: totpCodeAt(secret, deps.clock.now()) }, ctx);
  if (!passed.ok) throw new Error(passed.error);
  return passed.token;
}
