// The account's security log. Every change to an account writes one; the holder sees them and
// support reads them. `details` never holds a secret (no password, code, key or answer): it is
// also logged, with every event, for the operator (signals.ts).
import type { DbTx } from '../db/client.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { newRowId } from '../db/row-id.ts';
import type { SecurityEventKind } from './kinds.ts';
import { sendSignals } from './signals.ts';

/** Where a request came from: recorded with every event. */
export interface RequestContext {
  clientAddress: string | null;
  userAgent: string | null;
  /**
   * The accounts this request's browser completed a sign-in to (its sealed device cookie,
   * src/throttle/known-browsers.ts), only the entries whose record still exists
   * (src/sessions/known-browsers.ts, liveKnownBrowsers): a known browser has its own attempt budget.
   * Absent on requests that count no guess (page reads): they are unknown browsers.
   */
  knownBrowsers?: readonly KnownBrowser[];
  /**
   * The language the browser asks for (its Accept-Language among those offered,
   * src/i18n/locales.ts): a password sign-in keeps it on the account for emails.
   */
  browserLanguage?: string;
}

/** One entry of a device cookie: this browser completed a sign-in to `accountId`. */
export interface KnownBrowser {
  accountId: string;
  /** Random, per browser and account: the key its own attempt budget is counted under. */
  id: string;
}

export const NO_REQUEST: RequestContext = { clientAddress: null, userAgent: null };

export { SECURITY_EVENT_KINDS, SIGNIFICANT_CHANGE_KINDS, type SecurityEventKind, type SignificantChangeKind } from './kinds.ts';

type NewEvent = { accountId: string; kind: SecurityEventKind; at: Date; details?: Record<string, string | number | boolean> };

/** The columns of an event's row after its id and account, as one list of SQL values. */
function eventValues(event: NewEvent, ctx: RequestContext) {
  return Prisma.sql`${event.kind}, ${event.at}, ${ctx.clientAddress}, ${ctx.userAgent?.slice(0, 512) ?? null}, ${event.details ? JSON.stringify(event.details) : null}`;
}

export async function recordSecurityEvent(tx: DbTx, event: NewEvent, ctx: RequestContext): Promise<void> {
  // Raw SQL (src/db/raw.ts): every sign-in writes two or three events, a model create costs five times the CPU.
  await tx.$executeRaw`
    INSERT INTO "SecurityEvent" ("id", "accountId", "kind", "createdAt", "clientAddress", "userAgent", "details")
    VALUES (${newRowId()}, ${event.accountId}, ${eventValues(event, ctx)})`;
  // Its log line and metrics (signals.ts), once written: an event whose transaction rolls back
  // later was still attempted, and is counted.
  sendSignals(event, ctx.clientAddress);
}

/**
 * recordSecurityEvent for an account that may not exist: one INSERT ... SELECT from the account's
 * row, the same statement whether or not `event.accountId` names one, which writes (and signals)
 * nothing when it does not. For requests that must do the same database work whatever Apple ID was
 * typed (src/password-reset/by-link.ts).
 */
export async function recordSecurityEventIfAccount(tx: DbTx, event: NewEvent, ctx: RequestContext): Promise<void> {
  const written = await tx.$executeRaw`
    INSERT INTO "SecurityEvent" ("id", "accountId", "kind", "createdAt", "clientAddress", "userAgent", "details")
    SELECT ${newRowId()}, "id", ${eventValues(event, ctx)} FROM "Account" WHERE "id" = ${event.accountId}`;
  if (written === 1) sendSignals(event, ctx.clientAddress);
}
