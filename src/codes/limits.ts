// Limits on sending and checking verification codes. A 4-digit code has only 10,000 values and an
// SMS costs money, so sending is rate-limited several ways and guessing is capped per code (see
// codes.ts) and per account (below). Everything is counted in the database (CodeSend rows, one
// Throttle row per account), so every app instance sees the same counts.
import type { DbTx } from '../db/client.ts';
import { DAY, HOUR } from '../clock.ts';
import { waitText } from '../throttle/throttle.ts';
import { knownBrowserId } from '../throttle/known-browsers.ts';
import { lockName } from '../db/row-locks.ts';
import { rawDate, rawDateOrNull, rawTextOrNull } from '../db/raw.ts';
import type { RequestContext } from '../security-events/record.ts';
import { failure, type Failure } from '../result.ts';
import { CODES_ERRORS } from './errors.ts';

export { waitText };

export interface SendLimit {
  /** Sends allowed inside one sliding window. */
  max: number;
  windowMs: number;
}

// (ours) 1 code per 30 seconds per trusted device: a double tap on "Send code" sends once, and a
// script cannot fire codes at one phone.
export const SENDS_PER_DEVICE: SendLimit = { max: 1, windowMs: 30_000 };
// (ours) 5 codes per hour per destination (the phone number, or the registered device), whichever
// account asks: one number can be on several accounts, and a number must not be bombarded.
export const SENDS_PER_DESTINATION: SendLimit = { max: 5, windowMs: HOUR };
// (ours) 20 codes per day per account.
export const SENDS_PER_ACCOUNT: SendLimit = { max: 20, windowMs: DAY };
// (ours) 30 codes per hour per client address, across accounts (SMS pumping from one source).
export const SENDS_PER_CLIENT_ADDRESS: SendLimit = { max: 30, windowMs: HOUR };

// Account-wide, across all codes, purposes and devices (NIST SP 800-63B 5.2.2, rate limiting:
// limit consecutive failed attempts on one account): after 10 wrong codes in a row, sending and
// checking codes pause for 30 seconds; each further wrong code doubles the pause, up to 1 hour.
// "In a row": a right code clears the count.
export const WRONG_CODES_BEFORE_PAUSE = 10;
export const FIRST_PAUSE_MS = 30_000;
export const MAX_PAUSE_MS = HOUR;

/** How long the account pauses after this many wrong codes in a row (0: no pause). */
export function pauseMs(wrongInARow: number): number {
  if (wrongInARow < WRONG_CODES_BEFORE_PAUSE) return 0;
  const doublings = Math.min(wrongInARow - WRONG_CODES_BEFORE_PAUSE, 20); // 2^20 × 30 s is far past the cap
  return Math.min(FIRST_PAUSE_MS * 2 ** doublings, MAX_PAUSE_MS);
}

// ---------------------------------------------------------------------------------------------
// Sending limits

export interface SendFacts {
  accountId: string;
  /** The browser that asks, when it signed in to this account before: it is not held to the account-wide and address limits. */
  knownBrowser: string | null;
  trustedDeviceId: string;
  /** The E.164 number or the registered device id: what CodeSend.destination holds. */
  destination: string;
  destinationKind: 'sms' | 'push';
  clientAddress: string | null;
}

type SendRow = { trustedDeviceId: string; destination: string; accountId: string; clientAddress: string | null; sentAt: Date };
type SendKey = 'trustedDeviceId' | 'destination' | 'accountId' | 'clientAddress';

/**
 * When the next send is allowed under `limit`, counting the `rows` whose `key` is `value`; null
 * when one may be sent now. A send at t counts until t + window.
 */
function allowedAt(rows: readonly SendRow[], key: SendKey, value: string, limit: SendLimit, now: Date): Date | null {
  const from = now.getTime() - limit.windowMs;
  const recent = rows
    .filter((r) => r[key] === value && r.sentAt.getTime() > from)
    .map((r) => r.sentAt.getTime())
    .sort((a, b) => b - a);
  if (recent.length < limit.max) return null;
  // The oldest of the `max` most recent sends leaves the window first.
  return new Date(recent[limit.max - 1]! + limit.windowMs);
}

/** The codes of CODES_ERRORS a sending limit refuses with. */
export type SendLimitError = 'WAIT_BEFORE_ANOTHER_CODE' | 'TOO_MANY_TO_DESTINATION' | 'TOO_MANY_FOR_ACCOUNT' | 'TOO_MANY_FROM_NETWORK';

/**
 * The refusal for the first limit a new send would break, or null. Checked in this order, inside
 * the transaction that then records the send, after taking the locks of the destination and the
 * client address: concurrent sends to one number (from several accounts) or from one address are
 * counted one after the other, so no limit is passed by requests that counted at the same time.
 *
 * A browser that signed in to the account before (the holder's) is held only to the device and
 * destination limits: a stranger who has the password and asks for codes can use up the account's
 * and the address's budget, not the holder's; the holder can still use another trusted device.
 *
 * The sends every limit counts are read in one raw statement (each limit's window, OR-ed; raw SQL,
 * src/db/raw.ts, on every send): the limits themselves keep that to a few dozen rows.
 */
export async function sendLimitError(tx: DbTx, f: SendFacts, now: Date): Promise<Failure<SendLimitError> | null> {
  await lockName(tx, `code-sends:destination:${f.destination}`, now);
  if (f.clientAddress) await lockName(tx, `code-sends:address:${f.clientAddress}`, now);
  const since = (limit: SendLimit) => new Date(now.getTime() - limit.windowMs);
  // The account's and the address's terms are left out (null matches nothing) when they do not apply.
  const countsAccount = f.knownBrowser ? null : f.accountId;
  const countsAddress = f.knownBrowser ? null : f.clientAddress;
  const raw = await tx.$queryRaw<Record<string, unknown>[]>`
    SELECT "trustedDeviceId", "destination", "accountId", "clientAddress", "sentAt" FROM "CodeSend"
    WHERE ("trustedDeviceId" = ${f.trustedDeviceId} AND "sentAt" > ${since(SENDS_PER_DEVICE)})
       OR ("destination" = ${f.destination} AND "sentAt" > ${since(SENDS_PER_DESTINATION)})
       OR ("accountId" = ${countsAccount} AND "sentAt" > ${since(SENDS_PER_ACCOUNT)})
       OR ("clientAddress" = ${countsAddress} AND "sentAt" > ${since(SENDS_PER_CLIENT_ADDRESS)})`;
  const rows: SendRow[] = raw.map((r) => ({
    trustedDeviceId: String(r.trustedDeviceId),
    destination: String(r.destination),
    accountId: String(r.accountId),
    clientAddress: rawTextOrNull(r.clientAddress),
    sentAt: rawDate(r.sentAt),
  }));
  const device = allowedAt(rows, 'trustedDeviceId', f.trustedDeviceId, SENDS_PER_DEVICE, now);
  if (device) return failure(CODES_ERRORS, 'WAIT_BEFORE_ANOTHER_CODE', device, now);

  const destination = allowedAt(rows, 'destination', f.destination, SENDS_PER_DESTINATION, now);
  if (destination) return failure(CODES_ERRORS, 'TOO_MANY_TO_DESTINATION', f.destinationKind, destination, now);

  if (f.knownBrowser) return null;
  const account = allowedAt(rows, 'accountId', f.accountId, SENDS_PER_ACCOUNT, now);
  if (account) return failure(CODES_ERRORS, 'TOO_MANY_FOR_ACCOUNT', account, now);

  if (f.clientAddress) {
    const address = allowedAt(rows, 'clientAddress', f.clientAddress, SENDS_PER_CLIENT_ADDRESS, now);
    if (address) return failure(CODES_ERRORS, 'TOO_MANY_FROM_NETWORK', address, now);
  }
  return null;
}

/** The longest window: CodeSend rows older than this count toward no limit. */
export const LONGEST_SEND_WINDOW_MS = Math.max(SENDS_PER_DEVICE.windowMs, SENDS_PER_DESTINATION.windowMs, SENDS_PER_ACCOUNT.windowMs, SENDS_PER_CLIENT_ADDRESS.windowMs);

// ---------------------------------------------------------------------------------------------
// Wrong codes in a row, per account (one Throttle row: failures = wrong codes in a row,
// windowStartedAt = the first wrong code of the run, lockedUntil = the end of the pause). Counted
// apart for each browser that signed in to the account before, and for all other browsers
// together: a stranger's wrong codes pause strangers, not the holder's browser.

export const wrongCodesKey = (accountId: string, knownBrowser: string | null = null) =>
  `codes:wrong-in-a-row:${accountId}${knownBrowser ? `:browser:${knownBrowser}` : ''}`;
const wrongCodesKeyOf = (accountId: string, ctx: RequestContext) => wrongCodesKey(accountId, knownBrowserId(ctx, accountId));

/** The end of the pause for this account and browser, or null when codes may be sent and checked. */
export async function pausedUntil(tx: DbTx, accountId: string, ctx: RequestContext, now: Date): Promise<Date | null> {
  // Raw SQL (src/db/raw.ts): read on every send and every check of a code.
  const rows = await tx.$queryRaw<{ lockedUntil: unknown }[]>`SELECT "lockedUntil" FROM "Throttle" WHERE "key" = ${wrongCodesKeyOf(accountId, ctx)}`;
  const lockedUntil = rawDateOrNull(rows[0]?.lockedUntil);
  return lockedUntil && lockedUntil > now ? lockedUntil : null;
}

export interface WrongCodeRun {
  wrongInARow: number;
  runStartedAt: Date;
  /** Set when this wrong code paused (or paused further) the account. */
  pausedUntil: Date | null;
  /** True for the one wrong code that reached the threshold: the one that sends the alert. */
  tripped: boolean;
}

/**
 * Counts one wrong code for the account. The count is one atomic statement (an upsert with an
 * increment), so concurrent wrong codes each get their own number and exactly one of them gets
 * WRONG_CODES_BEFORE_PAUSE: that one sends the alert. Call it inside the transaction that records
 * the wrong code.
 */
export async function countWrongCode(tx: DbTx, accountId: string, ctx: RequestContext, now: Date): Promise<WrongCodeRun> {
  const key = wrongCodesKeyOf(accountId, ctx);
  const row = await tx.throttle.upsert({
    where: { key },
    create: { key, failures: 1, windowStartedAt: now },
    update: { failures: { increment: 1 } },
  });
  const ms = pauseMs(row.failures);
  if (ms === 0) return { wrongInARow: row.failures, runStartedAt: row.windowStartedAt, pausedUntil: null, tripped: false };
  const until = new Date(now.getTime() + ms);
  // Never shortens a pause another request has just set.
  await tx.throttle.updateMany({ where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lt: until } }] }, data: { lockedUntil: until } });
  return { wrongInARow: row.failures, runStartedAt: row.windowStartedAt, pausedUntil: until, tripped: row.failures === WRONG_CODES_BEFORE_PAUSE };
}

/** A right code ends every run of the account (the holder is back: a stranger's pause ends too). */
export async function clearWrongCodes(tx: DbTx, accountId: string): Promise<void> {
  // Raw SQL (src/db/raw.ts): on every right code. LIKE as Prisma's startsWith, with its wildcards escaped.
  const prefix = wrongCodesKey(accountId).replace(/[\\%_]/g, '\\$&');
  await tx.$executeRaw`DELETE FROM "Throttle" WHERE "key" LIKE ${`${prefix}%`} ESCAPE '\\'`;
}

/**
 * A completed sign-in ends the blocks someone else may have caused: the pauses of wrong codes, and
 * the account's sends that count toward the sending limits.
 */
export async function endCodeBlocks(tx: DbTx, accountId: string): Promise<void> {
  await clearWrongCodes(tx, accountId);
  await endSendBlocks(tx, accountId);
}

/** The sending half of endCodeBlocks, for a sign-in completed with a right code (which cleared the wrong codes already). */
export async function endSendBlocks(tx: DbTx, accountId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM "CodeSend" WHERE "accountId" = ${accountId}`; // raw (src/db/raw.ts): on every sign-in
}
