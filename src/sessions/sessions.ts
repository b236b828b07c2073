// Server-side sessions. The browser holds a random token inside a sealed cookie; the database
// holds the token's SHA-256 as the row id. Deleting the row ends the session at once: sign-out,
// "sign out everywhere", a password reset and turning two-step on all rely on that.
import { newToken, tokenId } from '../tokens.ts';
import type { Db, DbTx } from '../db/client.ts';
import { HOUR, MINUTE } from '../clock.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import type { AuthMethod } from './auth-methods.ts';
import { readSessionWithAccount, type SessionAccount } from './session-read.ts';
import { endAppAccess } from './app-access.ts';
import { forgetKnownBrowsers } from './known-browsers.ts';

// NIST SP 800-63B 4.2.3 (AAL2): reauthenticate after 30 minutes idle and 12 hours in all.
export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * HOUR;

export function sessionIdOf(token: string): string {
  return tokenId(token);
}

/**
 * A session's stage. 'full': signed in. 'password': two-step is on and only the password was given;
 * the session can do nothing but finish signing in with a code, for at most 10 minutes. 'recovery':
 * password and Recovery Key, no trusted device at hand (docs/rules.md#lost-devices); the session
 * can do nothing but verify a new trusted device, for at most 30 minutes.
 */
export type SessionStage = 'full' | 'password' | 'recovery';
export const PASSWORD_STAGE_MS = 10 * MINUTE;
export const RECOVERY_STAGE_MS = 30 * MINUTE;
const STAGE_LIMITS: Record<SessionStage, number> = { full: SESSION_ABSOLUTE_MS, password: PASSWORD_STAGE_MS, recovery: RECOVERY_STAGE_MS };

function stageOf(stored: string): SessionStage {
  return stored === 'password' || stored === 'recovery' ? stored : 'full';
}

export async function createSession(
  tx: DbTx,
  accountId: string,
  now: Date,
  ctx: RequestContext,
  opts: {
    stage?: SessionStage;
    codeVerifiedAt?: Date;
    /** How that code's step was proven (RFC 8176: 'otp', 'hwk', ...): what apps signed in through the portal are told. */
    secondStep?: AuthMethod;
    securityPassAt?: Date;
    /** when replacing a session: its start, so the 12 hours still count from it */ createdAt?: Date;
  } = {},
): Promise<string> {
  const token = newToken();
  // Raw SQL (src/db/raw.ts): every sign-in creates one or two sessions.
  await tx.$executeRaw`
    INSERT INTO "Session" ("id", "accountId", "stage", "codeVerifiedAt", "secondStep", "securityPassAt", "securityPassSeenAt", "createdAt", "lastSeenAt", "clientAddress", "userAgent")
    VALUES (${sessionIdOf(token)}, ${accountId}, ${opts.stage ?? 'full'}, ${opts.codeVerifiedAt ?? null}, ${opts.secondStep ?? null}, ${opts.securityPassAt ?? null}, ${opts.securityPassAt ?? null},
            ${opts.createdAt ?? now}, ${now}, ${ctx.clientAddress}, ${ctx.userAgent?.slice(0, 512) ?? null})`;
  return token;
}

export type ResolvedSession = { id: string; accountId: string; createdAt: Date; stage: SessionStage; codeVerifiedAt: Date | null };

/**
 * lastSeenAt is written at most once a minute, not on every request: a page view then costs no
 * write. The idle limit counts from the last write, so a session may end up to this much BEFORE
 * 30 minutes after its very last request, never after (the limit is kept or stricter).
 */
export const SESSION_TOUCH_MS = MINUTE;

/** A live session read with its account (src/sessions/session-read.ts): what a signed-in page needs. */
export interface LiveSession {
  session: ResolvedSession & {
    secondStep: AuthMethod | null;
    lastSeenAt: Date;
    questionPair: string | null;
    securityPassSeenAt: Date | null;
  };
  account: SessionAccount;
}

/** The live session for a token with its account, or null. Expired rows are deleted; a live one is touched (at most once a minute). */
export async function resolveSessionWithAccount(db: Db, token: string, now: Date): Promise<LiveSession | null> {
  const id = sessionIdOf(token);
  const read = await readSessionWithAccount(db, id);
  if (!read) return null;
  const { row } = read;
  const idle = now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_MS;
  const tooOld = now.getTime() - row.createdAt.getTime() > STAGE_LIMITS[stageOf(row.stage)];
  if (idle || tooOld) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    // updateMany, not update: the row may have been deleted since it was read (sign-out everywhere
    // in another request, on another instance); then this request is signed out, not an error.
    const { count } = await db.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
    if (count === 0) return null;
  }
  return {
    session: {
      id,
      accountId: row.accountId,
      createdAt: row.createdAt,
      stage: stageOf(row.stage),
      codeVerifiedAt: row.codeVerifiedAt,
      secondStep: row.secondStep,
      lastSeenAt: row.lastSeenAt,
      questionPair: row.questionPair,
      securityPassSeenAt: row.securityPassSeenAt,
    },
    account: read.account,
  };
}

/** The live session for a token, or null. Expired rows are deleted; a live one is touched (at most once a minute). */
export async function resolveSession(db: Db, token: string, now: Date): Promise<ResolvedSession | null> {
  const live = await resolveSessionWithAccount(db, token, now);
  if (!live) return null;
  const { id, accountId, createdAt, stage, codeVerifiedAt } = live.session;
  return { id, accountId, createdAt, stage, codeVerifiedAt };
}

export async function endSession(db: DbTx, token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionIdOf(token) } });
}

/**
 * Ends every session of the account except `keepSessionId` (pass null to end them all), and with
 * them every app's access (src/sessions/app-access.ts): what ends the holder's other browsers (a
 * password change or reset, turning two-step on or off, Sign Out Everywhere) ends the apps too.
 */
export async function endOtherSessions(db: DbTx, accountId: string, keepSessionId: string | null): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { accountId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  await endAppAccess(db, accountId);
  return count;
}

/**
 * What ends every other browser's hold on the account when one of them may be a stranger's (Sign
 * Out Everywhere, a password change or reset): endOtherSessions, then every browser is forgotten
 * (src/sessions/known-browsers.ts), so no device cookie keeps its own guessing budget or lets an
 * app skip the second step. Turning two-step on or off ends sessions but says nothing of who holds
 * the browsers, so it keeps them. The forgetting comes after the sessions' delete, in the same
 * transaction: a remember that this delete waited for is then seen and deleted (rememberKnownBrowser).
 */
export async function endOtherSessionsAndForgetBrowsers(tx: DbTx, accountId: string, keepSessionId: string | null): Promise<number> {
  const ended = await endOtherSessions(tx, accountId, keepSessionId);
  await forgetKnownBrowsers(tx, accountId);
  return ended;
}

export interface SignOutDeps {
  db: Db;
  clock: { now(): Date };
}

/**
 * Signs this browser out. Its device cookie stays known (src/sessions/known-browsers.ts): it is not
 * a session, and it is what keeps a stranger's lockout off this browser at its next sign-in.
 */
export async function signOut(deps: SignOutDeps, token: string, ctx: RequestContext): Promise<void> {
  const now = deps.clock.now();
  const row = await deps.db.session.findUnique({ where: { id: sessionIdOf(token) } });
  await endSession(deps.db, token);
  if (row) await recordSecurityEvent(deps.db, { accountId: row.accountId, kind: 'signed-out', at: now }, ctx);
}

/** Signs every browser of the account out, this one included, and forgets them all (none stays a known browser). */
export async function signOutEverywhere(deps: SignOutDeps, token: string, ctx: RequestContext): Promise<number> {
  const session = await resolveSession(deps.db, token, deps.clock.now());
  if (!session) return 0;
  return deps.db.$transaction(async (tx) => {
    const ended = await endOtherSessionsAndForgetBrowsers(tx, session.accountId, null);
    await recordSecurityEvent(
      tx,
      { accountId: session.accountId, kind: 'signed-out-everywhere', at: deps.clock.now(), details: { sessionsEnded: ended } },
      ctx,
    );
    return ended;
  });
}
