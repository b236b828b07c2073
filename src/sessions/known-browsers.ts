// Known browsers, server side (OWASP "device cookies"; the budgets a known browser gets are in
// src/throttle/known-browsers.ts). A browser that completed a sign-in holds a sealed device cookie
// entry { accountId, random id } (app/lib/known-browser.ts). Sealing stops a forged entry, not a
// copied one, and a cookie cannot be taken back: so an entry counts only while its KnownBrowser row
// exists. The row holds the SHA-256 of the id (never the id: a copy of the table names no browser's
// budget), the account, when it was made and when the browser last completed a sign-in with it.
//
//  - Resolving (liveKnownBrowsers): RequestContext.knownBrowsers holds the live entries only, read
//    with one indexed query by the requests that count guesses or send codes, never by a page read.
//  - Remembering (rememberKnownBrowser): each completed sign-in makes or refreshes the row. An entry
//    whose row is gone gets a new id, so a copy of the old cookie stays unknown.
//  - Forgetting (forgetKnownBrowsers): Sign Out Everywhere and every password change or reset delete
//    the account's rows in their own transaction. Every browser (the stranger's that signed in with
//    the old password, and the holder's too) is then unknown until it completes a sign-in again.
//  - Signing out of one browser keeps its row: the entry says that this browser completed a sign-in
//    to the account, which stays true after it signs out, and it is what keeps a stranger's lockout
//    off the holder's browser at the next sign-in. Sign Out Everywhere is how the holder forgets them.
//  - A row counts for the cookie's lifetime after its last sign-in (400 days), then no more; the
//    hourly sweep (src/server/sweep.ts) deletes it.
import { randomBytes } from 'node:crypto';
import type { Db, DbTx } from '../db/client.ts';
import { DAY, type Clock } from '../clock.ts';
import { valueList } from '../db/raw.ts';
import { tokenId } from '../tokens.ts';
import type { KnownBrowser } from '../security-events/record.ts';

/** How many accounts one browser remembers (a shared family computer): the newest are kept. */
export const KNOWN_BROWSER_ENTRIES = 10;

/** The device cookie's lifetime (the longest a browser keeps a cookie, RFC 6265bis), and a row's after the browser's last sign-in. */
export const KNOWN_BROWSER_LIFETIME_MS = 400 * DAY;

/** The row of an entry: the SHA-256 of its id (as tokens.ts stores tokens). */
export const knownBrowserKey = (id: string): string => tokenId(id);

/** Rows last used at or before this count no more. */
const countsAfter = (now: Date) => new Date(now.getTime() - KNOWN_BROWSER_LIFETIME_MS);

/**
 * The entries of a device cookie that count: each one whose row exists, for the same account, and
 * was used within the lifetime. One query on the primary key; none for a cookie without entries.
 */
export async function liveKnownBrowsers(db: DbTx, entries: readonly KnownBrowser[], now: Date): Promise<KnownBrowser[]> {
  if (entries.length === 0) return [];
  const keyed = entries.map((entry) => ({ entry, key: knownBrowserKey(entry.id) }));
  // Raw SQL (src/db/raw.ts): on every sign-in and code sent from a browser with a device cookie.
  const rows = await db.$queryRaw<{ idHash: unknown; accountId: unknown }[]>`
    SELECT "idHash", "accountId" FROM "KnownBrowser" WHERE "idHash" IN (${valueList(keyed.map((k) => k.key))}) AND "lastUsedAt" > ${countsAfter(now)}`;
  const live = new Set(rows.map((r) => `${String(r.accountId)}/${String(r.idHash)}`));
  return keyed.filter((k) => live.has(`${k.entry.accountId}/${k.key}`)).map((k) => k.entry);
}

/**
 * After a completed sign-in (`sessionToken`: the signed-in session it made for `accountId`): this
 * browser's entry for the account, its row refreshed (a live entry keeps its id) or made (a new id);
 * the device cookie's entries to save, this one first and the oldest dropped past
 * KNOWN_BROWSER_ENTRIES. null when that session has ended meanwhile: the browser stays unknown.
 *
 * Against Sign Out Everywhere or a password change in another request (another instance): the first
 * statement updates the session row, which locks it (PostgreSQL) until this commits. When the other
 * side deleted the row first, this waits for its commit and finds no session: nothing is remembered.
 * When this came first, the other side's delete of the sessions waits for this commit, and its delete
 * of the rows (forgetKnownBrowsers, a later statement) sees this row and deletes it. Either way no
 * browser stays known whose session it ended (SQLite runs one transaction at a time).
 */
export async function rememberKnownBrowser(
  deps: { db: Db; clock: Clock },
  signedIn: { accountId: string; sessionToken: string },
  entries: readonly KnownBrowser[],
): Promise<KnownBrowser[] | null> {
  const now = deps.clock.now();
  const { accountId } = signedIn;
  const current = entries.find((e) => e.accountId === accountId);
  const entry = await deps.db.$transaction(async (tx) => {
    // tokenId is the session's row id (sessionIdOf, src/sessions/sessions.ts, which imports this file).
    const session = await tx.$executeRaw`
      UPDATE "Session" SET "lastSeenAt" = ${now} WHERE "id" = ${tokenId(signedIn.sessionToken)} AND "accountId" = ${accountId} AND "stage" = 'full'`;
    if (session !== 1) return null;
    if (current) {
      const refreshed = await tx.$executeRaw`
        UPDATE "KnownBrowser" SET "lastUsedAt" = ${now} WHERE "idHash" = ${knownBrowserKey(current.id)} AND "accountId" = ${accountId} AND "lastUsedAt" > ${countsAfter(now)}`;
      if (refreshed === 1) return current;
    }
    const fresh: KnownBrowser = { accountId, id: randomBytes(16).toString('base64url') };
    await tx.$executeRaw`
      INSERT INTO "KnownBrowser" ("idHash", "accountId", "createdAt", "lastUsedAt") VALUES (${knownBrowserKey(fresh.id)}, ${accountId}, ${now}, ${now})`;
    return fresh;
  });
  if (!entry) return null;
  return [entry, ...entries.filter((e) => e.accountId !== accountId)].slice(0, KNOWN_BROWSER_ENTRIES);
}

/**
 * Every browser is unknown to the account from now on. In the transaction of the change, after it
 * deleted the account's sessions (see rememberKnownBrowser): src/sessions/sessions.ts,
 * endOtherSessionsAndForgetBrowsers, is the one caller.
 */
export async function forgetKnownBrowsers(tx: DbTx, accountId: string): Promise<number> {
  return tx.$executeRaw`DELETE FROM "KnownBrowser" WHERE "accountId" = ${accountId}`;
}

/** How many browsers the account knows now (the support console shows the number). */
export async function countKnownBrowsers(db: DbTx, accountId: string, now: Date): Promise<number> {
  return db.knownBrowser.count({ where: { accountId, lastUsedAt: { gt: countsAfter(now) } } });
}

/** Deletes the rows that count no more (unused for the lifetime); every instance sweeps, deleting twice is harmless. */
export async function sweepExpiredKnownBrowsers(db: DbTx, now: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM "KnownBrowser" WHERE "lastUsedAt" <= ${countsAfter(now)}`;
}
