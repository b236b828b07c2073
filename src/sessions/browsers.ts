// "Where you're signed in" (Password and Security): every browser with a live session on the
// account, and Sign Out for any one of them. A session waiting for its code is not a sign-in yet
// and is not listed. Signing a browser out ends its session row at once; an app signed in through
// that browser then needs the holder to sign in again there (its offline refresh token, if any,
// is the app's own: Stop Using ends that).
import type { Db } from '../db/client.ts';
import { rawDate, rawTextOrNull } from '../db/raw.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { failure, type Result } from '../result.ts';
import type { Actor } from './actor.ts';
import { SESSIONS_ERRORS, type SessionsError } from './errors.ts';
import { RECOVERY_STAGE_MS, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './sessions.ts';

export interface SignedInBrowser {
  /** The session row's id (the SHA-256 of its token: naming it gives no access). */
  id: string;
  userAgent: string | null;
  clientAddress: string | null;
  signedInAt: Date;
  lastSeenAt: Date;
  thisBrowser: boolean;
}

/** The account's live sessions, this browser's first, then the most recently seen. */
export async function signedInBrowsers(db: Db, actor: Actor, now: Date): Promise<SignedInBrowser[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT "id", "stage", "userAgent", "clientAddress", "createdAt", "lastSeenAt" FROM "Session" WHERE "accountId" = ${actor.accountId}`;
  const t = now.getTime();
  return rows
    .map((r) => ({
      stage: String(r.stage),
      id: String(r.id),
      userAgent: rawTextOrNull(r.userAgent),
      clientAddress: rawTextOrNull(r.clientAddress),
      signedInAt: rawDate(r.createdAt),
      lastSeenAt: rawDate(r.lastSeenAt),
    }))
    .filter((s) => s.stage !== 'password')
    .filter(
      (s) =>
        t - s.lastSeenAt.getTime() <= SESSION_IDLE_MS &&
        t - s.signedInAt.getTime() <= (s.stage === 'recovery' ? RECOVERY_STAGE_MS : SESSION_ABSOLUTE_MS),
    )
    .map(({ stage: _stage, ...s }) => ({ ...s, thisBrowser: s.id === actor.sessionId }))
    .sort((a, b) => Number(b.thisBrowser) - Number(a.thisBrowser) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
}

/** Signs one of the account's browsers out. `thisBrowser`: it was the one asking (the caller clears its cookie). */
export async function signOutBrowser(
  deps: { db: Db; clock: { now(): Date } },
  actor: Actor,
  sessionId: unknown,
  ctx: RequestContext,
): Promise<Result<{ thisBrowser: boolean }, SessionsError>> {
  if (typeof sessionId !== 'string' || !/^[0-9a-f]{64}$/.test(sessionId)) return failure(SESSIONS_ERRORS, 'BROWSER_UNKNOWN');
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const ended = await tx.$executeRaw`DELETE FROM "Session" WHERE "id" = ${sessionId} AND "accountId" = ${actor.accountId}`;
    if (ended !== 1) return failure(SESSIONS_ERRORS, 'BROWSER_UNKNOWN');
    const thisBrowser = sessionId === actor.sessionId;
    await recordSecurityEvent(tx, { accountId: actor.accountId, kind: thisBrowser ? 'signed-out' : 'browser-signed-out', at: now }, ctx);
    return { ok: true as const, thisBrowser };
  });
}
