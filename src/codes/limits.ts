// Limits on sending and checking verification codes. A 4-digit code has only 10,000 values and a
// message we send costs money, so sending is rate-limited several ways and guessing is capped per
// code (see codes.ts) and per account (below). Everything is counted in the database (CodeSend
// rows, one Throttle row per account), so every app instance sees the same counts.
import type { DbTx } from '../db/client.ts';
import { DAY, HOUR } from '../clock.ts';
import { waitText } from '../throttle/throttle.ts';
import { knownBrowserId } from '../throttle/known-browsers.ts';
import { lockName } from '../db/row-locks.ts';
import { rawDate, rawDateOrNull, rawTextOrNull } from '../db/raw.ts';
import type { RequestContext } from '../security-events/record.ts';
import { endingAt, failure, type Failure } from '../result.ts';
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
// (ours) 5 codes per hour per destination (the phone number, or the registered device) in each
// budget (SendBudget below), whichever account asks: one number can be on several accounts, and a
// number must not be bombarded.
export const SENDS_PER_DESTINATION: SendLimit = { max: 5, windowMs: HOUR };
// (ours) 20 codes per day per account in each budget held to it ('pending', 'trusted').
export const SENDS_PER_ACCOUNT: SendLimit = { max: 20, windowMs: DAY };
// (ours) 30 codes per hour per client address, across accounts (artificially inflated traffic:
// paid messages pumped from one source): pending and trusted sends together.
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
//
// Every send is counted in one of three budgets (CodeSend.budget), so that no one can spend the
// budget someone else needs:
//  - 'pending': to a device not yet verified on the sending account (a number being added, in Get
//    Started or on Trusted Devices). Anyone can type anyone's number, so these sends never count
//    against the accounts that trust that number: per destination they are counted among pending
//    sends only (a number still gets at most 5 of them an hour, however many accounts ask), and
//    against inflated traffic per sending account and per client address, from every browser (a
//    stranger's own account is the stranger's known browser).
//  - 'trusted': to a trusted device, asked from a browser that never signed in to the account (a
//    holder on a new browser, or a stranger who has the password and asks for sign-in codes). Per
//    destination, per account and per client address, among trusted sends.
//  - 'known-browser': to a trusted device, from a browser that completed a sign-in to the account
//    before (OWASP's device cookies, src/throttle/known-browsers.ts: the holder's). Held only to the
//    device limit and its own per-destination share, among known-browser sends: neither a stranger
//    who floods a pending number nor one who has the password can use it up, since getting a known
//    browser needs a completed sign-in (with two-step on, a code from a trusted device). The share
//    is per destination, not per browser: a browser per sign-in would otherwise multiply the texts
//    someone who owns the numbers could make us pay for.
// So a number gets at most 3 × 5 codes an hour, whoever asks.

export type SendBudget = 'pending' | 'trusted' | 'known-browser';

/** The budget a send is counted in: see above. */
export function sendBudget(f: { deviceVerified: boolean; knownBrowser: string | null }): SendBudget {
  if (!f.deviceVerified) return 'pending';
  return f.knownBrowser ? 'known-browser' : 'trusted';
}

/** The budgets held to the per-account and per-address limits (the known browser's is not). */
const COUNTED_PER_ACCOUNT_AND_ADDRESS: readonly SendBudget[] = ['pending', 'trusted'];

export interface SendFacts {
  accountId: string;
  budget: SendBudget;
  trustedDeviceId: string;
  /** The E.164 number or the registered device id: what CodeSend.destination holds. */
  destination: string;
  /** The kind that delivers to it (its limit's sentence says "number" or "device"). */
  destinationKind: string;
  clientAddress: string | null;
}

type SendRow = {
  trustedDeviceId: string;
  destination: string;
  accountId: string;
  clientAddress: string | null;
  budget: string;
  sentAt: Date;
};

/**
 * Which earlier sends each limit counts for a new send with facts `f`. The raw statement in
 * sendLimitError reads the union of these (each in its limit's window); these pick each limit's
 * rows out of it.
 */
const counts = {
  device: (f: SendFacts) => (r: SendRow) => r.trustedDeviceId === f.trustedDeviceId,
  destination: (f: SendFacts) => (r: SendRow) => r.destination === f.destination && r.budget === f.budget,
  account: (f: SendFacts) => (r: SendRow) => r.accountId === f.accountId && r.budget === f.budget,
  address: (f: SendFacts) => (r: SendRow) =>
    r.clientAddress === f.clientAddress && COUNTED_PER_ACCOUNT_AND_ADDRESS.includes(r.budget as SendBudget),
};

/**
 * When the next send is allowed under `limit`, counting the `rows` it `counts`; null when one may
 * be sent now. A send at t counts until t + window.
 */
function allowedAt(rows: readonly SendRow[], counted: (r: SendRow) => boolean, limit: SendLimit, now: Date): Date | null {
  const from = now.getTime() - limit.windowMs;
  const recent = rows
    .filter((r) => counted(r) && r.sentAt.getTime() > from)
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
 * The sends every limit counts are read in one raw statement (each limit's window, OR-ed; raw SQL,
 * src/db/raw.ts, on every send): the limits themselves keep that to a few dozen rows.
 */
export async function sendLimitError(tx: DbTx, f: SendFacts, now: Date): Promise<Failure<SendLimitError> | null> {
  await lockName(tx, `code-sends:destination:${f.destination}`, now);
  if (f.clientAddress) await lockName(tx, `code-sends:address:${f.clientAddress}`, now);
  const since = (limit: SendLimit) => new Date(now.getTime() - limit.windowMs);
  // The account's and the address's terms are left out (null matches nothing) when they do not apply.
  const heldToAccountAndAddress = COUNTED_PER_ACCOUNT_AND_ADDRESS.includes(f.budget);
  const countsAccount = heldToAccountAndAddress ? f.accountId : null;
  const countsAddress = heldToAccountAndAddress ? f.clientAddress : null;
  const raw = await tx.$queryRaw<Record<string, unknown>[]>`
    SELECT "trustedDeviceId", "destination", "accountId", "clientAddress", "budget", "sentAt" FROM "CodeSend"
    WHERE ("trustedDeviceId" = ${f.trustedDeviceId} AND "sentAt" > ${since(SENDS_PER_DEVICE)})
       OR ("destination" = ${f.destination} AND "budget" = ${f.budget} AND "sentAt" > ${since(SENDS_PER_DESTINATION)})
       OR ("accountId" = ${countsAccount} AND "budget" = ${f.budget} AND "sentAt" > ${since(SENDS_PER_ACCOUNT)})
       OR ("clientAddress" = ${countsAddress} AND "budget" <> 'known-browser' AND "sentAt" > ${since(SENDS_PER_CLIENT_ADDRESS)})`;
  const rows: SendRow[] = raw.map((r) => ({
    trustedDeviceId: String(r.trustedDeviceId),
    destination: String(r.destination),
    accountId: String(r.accountId),
    clientAddress: rawTextOrNull(r.clientAddress),
    budget: String(r.budget),
    sentAt: rawDate(r.sentAt),
  }));
  const device = allowedAt(rows, counts.device(f), SENDS_PER_DEVICE, now);
  if (device) return endingAt(failure(CODES_ERRORS, 'WAIT_BEFORE_ANOTHER_CODE', device, now), device, now);

  const destination = allowedAt(rows, counts.destination(f), SENDS_PER_DESTINATION, now);
  if (destination) return endingAt(failure(CODES_ERRORS, 'TOO_MANY_TO_DESTINATION', f.destinationKind, destination, now), destination, now);

  if (!heldToAccountAndAddress) return null;
  const account = allowedAt(rows, counts.account(f), SENDS_PER_ACCOUNT, now);
  if (account) return endingAt(failure(CODES_ERRORS, 'TOO_MANY_FOR_ACCOUNT', account, now), account, now);

  if (f.clientAddress) {
    const address = allowedAt(rows, counts.address(f), SENDS_PER_CLIENT_ADDRESS, now);
    if (address) return endingAt(failure(CODES_ERRORS, 'TOO_MANY_FROM_NETWORK', address, now), address, now);
  }
  return null;
}

/** The longest window: CodeSend rows older than this count toward no limit. */
export const LONGEST_SEND_WINDOW_MS = Math.max(
  SENDS_PER_DEVICE.windowMs,
  SENDS_PER_DESTINATION.windowMs,
  SENDS_PER_ACCOUNT.windowMs,
  SENDS_PER_CLIENT_ADDRESS.windowMs,
);

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
  const rows = await tx.$queryRaw<
    { lockedUntil: unknown }[]
  >`SELECT "lockedUntil" FROM "Throttle" WHERE "key" = ${wrongCodesKeyOf(accountId, ctx)}`;
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
  await tx.throttle.updateMany({
    where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lt: until } }] },
    data: { lockedUntil: until },
  });
  return {
    wrongInARow: row.failures,
    runStartedAt: row.windowStartedAt,
    pausedUntil: until,
    tripped: row.failures === WRONG_CODES_BEFORE_PAUSE,
  };
}

/** A right code ends every run of the account (the holder is back: a stranger's pause ends too). */
export async function clearWrongCodes(tx: DbTx, accountId: string): Promise<void> {
  // Raw SQL (src/db/raw.ts): on every right code. LIKE as Prisma's startsWith, with its wildcards escaped.
  const prefix = wrongCodesKey(accountId).replace(/[\\%_]/g, '\\$&');
  await tx.$executeRaw`DELETE FROM "Throttle" WHERE "key" LIKE ${`${prefix}%`} ESCAPE '\\'`;
}

/**
 * A completed sign-in ends the blocks someone else may have caused: the pauses of wrong codes, and
 * the account's sends to its trusted devices from unknown browsers (a stranger with the password
 * asking for sign-in codes).
 */
export async function endCodeBlocks(tx: DbTx, accountId: string): Promise<void> {
  await clearWrongCodes(tx, accountId);
  await endSendBlocks(tx, accountId);
}

/**
 * The sending half of endCodeBlocks, for a sign-in completed with a right code (which cleared the
 * wrong codes already). The sends to trusted devices go, from known and unknown browsers alike, so
 * the holder who just signed in can ask for a code again at once (an app's purchase asks for a new
 * sign-in right after one). The pending sends keep counting, or whoever signs in to their own
 * account again and again could text a number they typed (someone else's, or one that pays them)
 * without end.
 */
export async function endSendBlocks(tx: DbTx, accountId: string): Promise<void> {
  const pending: SendBudget = 'pending';
  await tx.$executeRaw`DELETE FROM "CodeSend" WHERE "accountId" = ${accountId} AND "budget" <> ${pending}`; // raw (src/db/raw.ts): on every sign-in
}
