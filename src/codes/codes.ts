// The verification-code service: the ONE place that sends and checks the codes that go to trusted
// devices, for every flow that needs one (verifying a new device, signing in, resetting the
// password, replacing the Recovery Key, turning two-step off, the support PIN).
//
// A code (docs/rules.md#verification-codes):
//  - is drawn from a CSPRNG (crypto.randomInt), `codeDigits` digits, 4 by default as in Apple's
//    two-step verification. 4 digits are about 13 bits, below the 20 bits NIST SP 800-63B 5.1.3.2
//    and OWASP ASVS 2.7.6 ask of an out-of-band secret. That is compensated by: 3 wrong tries per
//    code, a 10-minute life, the sending limits (limits.ts) and the account-wide pause after 10
//    wrong codes in a row (whose wait doubles up to an hour): a guesser gets at most 3 guesses per
//    code, fewer than 20 in the first hour and about one an hour after that, out of 10,000 values.
//    Set CODE_DIGITS (up to 8) for more.
//  - is stored only as HMAC-SHA-256(codeKey, "purpose:trustedDeviceId:code"), so a database leak
//    yields no code, and a code is bound to its purpose and device: it cannot be used elsewhere.
//  - lives 10 minutes (ours: NIST 800-63B 5.1.3.2 asks for a short life; 10 minutes as is common),
//    is single use (a conditional UPDATE claims it: of concurrent requests exactly one wins), dies
//    after 3 wrong tries (ours), and is replaced by a newer code for the same purpose and device.
//  - never appears in a log, an error, a security event, an email or a CodeSend row: only in the
//    message that carries it to the device (its kind's sender).
//
// Each device's kind (src/kinds/) says how its codes come: a kind we send codes to delivers them
// (./delivery.ts); a kind that makes its own codes (an app that shows them) is "sent" nothing
// (nothing is stored or counted), and its codes are checked by the kind (once each), inside the
// same account-wide pause and run of wrong codes (./outcomes.ts) as the codes we send.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db, DbTx } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { MINUTE } from '../clock.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { deliveryFailure } from './delivery.ts';
import { rawDate, rawDateOrNull, rawTextOrNull } from '../db/raw.ts';
import { newRowId, REQUEST_ID } from '../db/row-id.ts';
import { lockAccountRow } from '../db/row-locks.ts';
import { endingAt, failure, type Failure, type Result } from '../result.ts';
import { CODES_ERRORS, OWN_CODE_REFUSALS, type CodesError } from './errors.ts';
import { knownBrowserId } from '../throttle/known-browsers.ts';
import { LONGEST_SEND_WINDOW_MS, pausedUntil, sendBudget, sendLimitError } from './limits.ts';
import { codeAccepted, wrongCodeCounted, type OnVerified } from './outcomes.ts';
import { digitsOf, kindOf } from '../kinds/registry.ts';
import type { DeviceRow, OwnCodeRefusal, ProofBy } from '../kinds/kind.ts';
import type { KindCodeDeps } from '../kinds/deps-registry.ts';
import type { AuthMethod } from '../sessions/auth-methods.ts';

export {
  SENDS_PER_DEVICE,
  SENDS_PER_DESTINATION,
  SENDS_PER_ACCOUNT,
  SENDS_PER_CLIENT_ADDRESS,
  WRONG_CODES_BEFORE_PAUSE,
  FIRST_PAUSE_MS,
  MAX_PAUSE_MS,
  pauseMs,
  waitText,
} from './limits.ts';
export { CODES_ERRORS, type CodesError } from './errors.ts';
export type { OnVerified, Proof } from './outcomes.ts';

// 'confirm-identity': the fresh code that sensitive changes need with two-step on (replacing the
// Recovery Key, turning two-step off, changing devices, app-specific passwords or the password).
export const CODE_PURPOSES = ['verify-device', 'sign-in', 'reset-password', 'confirm-identity', 'support-pin'] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];

/** (ours) A code works for 10 minutes after it was sent: at exactly 10 minutes it has expired. */
export const CODE_TTL_MS = 10 * MINUTE;
/** (ours) Wrong tries a code survives: the 3rd wrong try kills it. */
export const MAX_WRONG_TRIES = 3;
/** Digits of a code: 4 as in Apple's two-step verification (see the top of this file for why that is acceptable here). */
export const DEFAULT_CODE_DIGITS = 4;
export const MIN_CODE_DIGITS = 4;
export const MAX_CODE_DIGITS = 8;

/**
 * What the code service needs, with what the kinds deliver and check codes with
 * (src/kinds/deps-registry.ts), passed on to them.
 */
export interface CodeDeps extends KindCodeDeps {
  db: Db;
  clock: Clock;
  /** The server key of the HMAC the codes are stored as (CODE_HMAC_KEY). */
  codeKey: string;
  /** 4..8 (CODE_DIGITS). */
  codeDigits: number;
}

function checkDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < MIN_CODE_DIGITS || digits > MAX_CODE_DIGITS) {
    throw new Error(`codeDigits must be an integer from ${MIN_CODE_DIGITS} to ${MAX_CODE_DIGITS}`);
  }
}

/** A code of `digits` digits from the CSPRNG, uniformly over 0..10^digits-1, zero-padded. */
export function generateCode(digits: number): string {
  checkDigits(digits);
  return randomInt(0, 10 ** digits)
    .toString()
    .padStart(digits, '0');
}

/** What a code is stored as: HMAC-SHA-256(key, "purpose:trustedDeviceId:code"), hex. */
export function codeHash(key: string, purpose: string, trustedDeviceId: string, code: string): string {
  return createHmac('sha256', key).update(`${purpose}:${trustedDeviceId}:${code}`).digest('hex');
}

function sameHash(storedHex: string, candidateHex: string): boolean {
  const a = Buffer.from(storedHex, 'hex');
  const b = Buffer.from(candidateHex, 'hex');
  return a.length === 32 && b.length === 32 && timingSafeEqual(a, b);
}

/** What asking for a code did: a code went out, or the device is an app that shows its own (nothing sent). */
export type CodeSent = { sent: true; expiresAt: Date } | { sent: false; expiresAt: null; appLabel: string };

const idSchema = z.string().regex(REQUEST_ID);
const sendSchema = z.object({ accountId: idSchema, trustedDeviceId: idSchema, purpose: z.enum(CODE_PURPOSES) });

// ---------------------------------------------------------------------------------------------
// Sending

/**
 * The device of the account a code would go to, with its registered device when it has one: one
 * raw read (src/db/raw.ts: a model query with its relation is two statements and ten times the CPU).
 */
async function deviceToSendTo(
  db: Db,
  accountId: string,
  trustedDeviceId: string,
): Promise<(DeviceRow & { kind: string; verifiedAt: Date | null }) | null> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT d."kind", d."phoneNumber", d."verifiedAt", d."name" AS "ownName", r."deviceId", r."name"
    FROM "TrustedDevice" d LEFT JOIN "RegisteredDevice" r ON r."id" = d."registeredDeviceId"
    WHERE d."id" = ${trustedDeviceId} AND d."accountId" = ${accountId}`;
  const r = rows[0];
  if (!r) return null;
  return {
    kind: String(r.kind),
    phoneNumber: rawTextOrNull(r.phoneNumber),
    verifiedAt: rawDateOrNull(r.verifiedAt),
    name: rawTextOrNull(r.ownName),
    registeredDevice: r.deviceId === null || r.deviceId === undefined ? null : { deviceId: String(r.deviceId), name: String(r.name) },
  };
}

/**
 * Sends a new code for `purpose` to a trusted device of the account. Pending (not yet verified)
 * devices get codes only to verify them. Refused while the account is paused or when a sending
 * limit is reached, with a message that says how long to wait.
 *
 * The send is counted in the budget of the device and the browser (limits.ts: a pending device's,
 * a trusted device's from an unknown browser, or the known browser's). The limits are checked and
 * the send is reserved (code row + CodeSend row) in one transaction that first takes the account's
 * row lock and then the locks of the destination and the client address, so concurrent requests
 * for one account, one number or one address are counted one after the other: of two taps on
 * "Send code", one sends, and no limit is passed by requests from several accounts or instances.
 * The message goes out after that transaction; if it fails, the reservation is deleted (nothing
 * counts as sent) and 'code-send-failed' is recorded.
 */
export async function sendCode(
  deps: CodeDeps,
  input: { accountId: string; trustedDeviceId: string; purpose: CodePurpose },
  ctx: RequestContext,
): Promise<Result<CodeSent, CodesError>> {
  checkDigits(deps.codeDigits);
  const parsed = sendSchema.safeParse(input);
  if (!parsed.success) return failure(CODES_ERRORS, 'DEVICE_UNKNOWN');
  const { accountId, trustedDeviceId, purpose } = parsed.data;
  const { db, clock } = deps;
  const now = clock.now();

  const device = await deviceToSendTo(db, accountId, trustedDeviceId);
  if (!device) return failure(CODES_ERRORS, 'DEVICE_UNKNOWN');
  if (!device.verifiedAt && purpose !== 'verify-device') return failure(CODES_ERRORS, 'DEVICE_NOT_VERIFIED');
  const kind = kindOf(device.kind);
  // A device that makes its own codes: nothing to send, store or count (only the pause, read here to say so early).
  if (kind.proof.by === 'own-code') {
    const paused = await pausedUntil(db, accountId, ctx, now);
    return paused
      ? endingAt(failure(CODES_ERRORS, 'CODES_PAUSED', paused, now), paused, now)
      : { ok: true, sent: false, expiresAt: null, appLabel: kind.label(device) };
  }
  const destination = kind.proof.by === 'sent-code' ? kind.proof.destination(device) : null;
  if (kind.proof.by !== 'sent-code' || !destination) return failure(CODES_ERRORS, 'DEVICE_CANNOT_RECEIVE');
  const { deliver } = kind.proof;

  const code = generateCode(deps.codeDigits);
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  const budget = sendBudget({ deviceVerified: device.verifiedAt !== null, knownBrowser: knownBrowserId(ctx, accountId) });

  const reserved = await db.$transaction(async (tx): Promise<Failure<CodesError> | { codeId: string; sendId: string }> => {
    // The account's row lock (as src/eligibility/waiting-periods.ts takes it): sends for one
    // account are checked and reserved one at a time.
    await lockAccountRow(tx, accountId, now);
    const paused = await pausedUntil(tx, accountId, ctx, now);
    if (paused) return endingAt(failure(CODES_ERRORS, 'CODES_PAUSED', paused, now), paused, now);
    const limited = await sendLimitError(
      tx,
      {
        accountId,
        budget,
        trustedDeviceId,
        destination: destination.key,
        destinationKind: destination.channel,
        clientAddress: ctx.clientAddress,
      },
      now,
    );
    if (limited) return limited;

    // A newer code replaces the older one for the same purpose and device (and a used one, whose
    // row was kept only to recognise a replay of it). Housekeeping: this account's codes that
    // expired a day ago and its sends that no limit counts any more. Raw SQL (src/db/raw.ts): the
    // reservation runs on every send.
    const longAgo = new Date(now.getTime() - LONGEST_SEND_WINDOW_MS);
    await tx.$executeRaw`
      DELETE FROM "VerificationCode"
      WHERE "accountId" = ${accountId} AND (("trustedDeviceId" = ${trustedDeviceId} AND "purpose" = ${purpose}) OR "expiresAt" < ${longAgo})`;
    await tx.$executeRaw`DELETE FROM "CodeSend" WHERE "accountId" = ${accountId} AND "sentAt" <= ${longAgo}`;
    const row = { id: newRowId() };
    await tx.$executeRaw`
      INSERT INTO "VerificationCode" ("id", "accountId", "trustedDeviceId", "purpose", "codeHash", "createdAt", "expiresAt", "wrongTries")
      VALUES (${row.id}, ${accountId}, ${trustedDeviceId}, ${purpose}, ${codeHash(deps.codeKey, purpose, trustedDeviceId, code)}, ${now}, ${expiresAt}, 0)`;
    const send = { id: newRowId() };
    await tx.$executeRaw`
      INSERT INTO "CodeSend" ("id", "accountId", "trustedDeviceId", "destination", "clientAddress", "budget", "sentAt")
      VALUES (${send.id}, ${accountId}, ${trustedDeviceId}, ${destination.key}, ${ctx.clientAddress}, ${budget}, ${now})`;
    return { codeId: row.id, sendId: send.id };
  });
  if ('error' in reserved) return reserved;

  try {
    await deliver(deps, destination, code);
  } catch (err) {
    const { refusal, details } = deliveryFailure(err);
    await db.$transaction(async (tx) => {
      await tx.verificationCode.deleteMany({ where: { id: reserved.codeId } });
      await tx.codeSend.deleteMany({ where: { id: reserved.sendId } });
      await recordSecurityEvent(
        tx,
        { accountId, kind: 'code-send-failed', at: now, details: { purpose, trustedDeviceId, channel: destination.channel, ...details } },
        ctx,
      );
    });
    return refusal;
  }

  await recordSecurityEvent(
    db,
    { accountId, kind: 'code-sent', at: now, details: { purpose, trustedDeviceId, channel: destination.channel } },
    ctx,
  );
  return { ok: true, sent: true, expiresAt };
}

// ---------------------------------------------------------------------------------------------
// Checking

/**
 * Checks a code typed by the person. `input.code` is untrusted (a submitted form field): all of
 * `input` is parsed here.
 *
 * A malformed code (not `codeDigits` ASCII digits, after trimming spaces) is refused with a message
 * and does NOT count as a wrong try: it tests no value of the code, so it gives a guesser nothing,
 * and counting it would punish a typo (a letter, a missing digit) with a dead code.
 *
 * Only a well-formed code checked against a live code (unused, unexpired, fewer than 3 wrong tries)
 * counts as wrong: a code that can no longer succeed gives a guesser nothing either, and the person
 * is told it expired, was used, or died.
 */
/**
 * What people paste: "12 34", "Your code: 1234", "1234 ". When the input holds exactly `digits`
 * ASCII digits, those digits are the code; anything else is returned trimmed (and then refused).
 */
export function codeDigitsOf(typed: string, digits: number): string {
  const only = typed.replace(/[^0-9]/g, '');
  return only.length === digits ? only : typed.trim();
}

interface CheckedDevice {
  kind: string;
  verifiedAt: Date | null;
}

interface LatestCode {
  id: string;
  codeHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  wrongTries: number;
}

/**
 * The device (it must still be on the account) and its latest code for `purpose`, in one raw read
 * (src/db/raw.ts: two model queries cost ten times the CPU, on every check of a code).
 */
async function deviceAndLatestCode(
  db: Db,
  accountId: string,
  trustedDeviceId: string,
  purpose: CodePurpose,
): Promise<{ device: CheckedDevice | null; row: LatestCode | null }> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT d."kind", d."verifiedAt", c."id", c."codeHash", c."expiresAt", c."usedAt", c."wrongTries"
    FROM "TrustedDevice" d
    LEFT JOIN "VerificationCode" c ON c."id" = (
      SELECT v."id" FROM "VerificationCode" v
      WHERE v."accountId" = ${accountId} AND v."trustedDeviceId" = ${trustedDeviceId} AND v."purpose" = ${purpose}
      ORDER BY v."createdAt" DESC, v."id" DESC LIMIT 1)
    WHERE d."id" = ${trustedDeviceId} AND d."accountId" = ${accountId}`;
  const r = rows[0];
  if (!r) return { device: null, row: null };
  const device: CheckedDevice = {
    kind: String(r.kind),
    verifiedAt: rawDateOrNull(r.verifiedAt),
  };
  if (r.id === null || r.id === undefined) return { device, row: null };
  return {
    device,
    row: {
      id: String(r.id),
      codeHash: String(r.codeHash),
      expiresAt: rawDate(r.expiresAt),
      usedAt: rawDateOrNull(r.usedAt),
      wrongTries: Number(r.wrongTries),
    },
  };
}

export async function verifyCode<T = undefined>(
  deps: CodeDeps,
  input: { accountId: string; trustedDeviceId: string; purpose: CodePurpose; code: unknown },
  ctx: RequestContext,
  onVerified?: OnVerified<T>,
): Promise<Result<{ then?: T }, CodesError>> {
  checkDigits(deps.codeDigits);
  const ids = sendSchema.extend({ code: z.string().max(100) }).safeParse(input);
  if (!ids.success)
    return ids.error.issues.some((i) => i.path[0] === 'code')
      ? failure(CODES_ERRORS, 'CODE_MALFORMED', deps.codeDigits)
      : failure(CODES_ERRORS, 'NO_CODE');
  const { accountId, trustedDeviceId, purpose } = ids.data;
  const { db, clock } = deps;
  const now = clock.now();

  // The device must still be on the account (a removed device's codes went with it), and a pending
  // device verifies only itself. Its kind says how many digits its codes have.
  const { device, row } = await deviceAndLatestCode(db, accountId, trustedDeviceId, purpose);
  const kind = device ? kindOf(device.kind) : null;
  const digits = (kind && digitsOf(kind, deps.codeDigits)) ?? deps.codeDigits;
  const code = codeDigitsOf(ids.data.code, digits);
  if (!new RegExp(`^[0-9]{${digits}}$`).test(code)) return failure(CODES_ERRORS, 'CODE_MALFORMED', digits);

  const paused = await pausedUntil(db, accountId, ctx, now);
  if (paused) return endingAt(failure(CODES_ERRORS, 'CODES_PAUSED', paused, now), paused, now);
  if (!device) return failure(CODES_ERRORS, 'DEVICE_UNKNOWN');
  if (!device.verifiedAt && purpose !== 'verify-device') return failure(CODES_ERRORS, 'DEVICE_NOT_VERIFIED');
  if (kind?.proof.by === 'own-code')
    return checkOwnCode(deps, kind.proof, kind.method, { accountId, trustedDeviceId, purpose, code }, ctx, onVerified);
  if (!row) return failure(CODES_ERRORS, 'NO_CODE');
  const matches = sameHash(row.codeHash, codeHash(deps.codeKey, purpose, trustedDeviceId, code));
  const event = (kind: 'code-verified' | 'code-reused', tx: DbTx = db) =>
    recordSecurityEvent(tx, { accountId, kind, at: now, details: { purpose, trustedDeviceId } }, ctx);

  if (row.usedAt) {
    if (!matches) return failure(CODES_ERRORS, 'CODE_REPLACED');
    await event('code-reused');
    return failure(CODES_ERRORS, 'CODE_USED');
  }
  if (row.expiresAt <= now) return failure(CODES_ERRORS, 'CODE_EXPIRED');
  if (row.wrongTries >= MAX_WRONG_TRIES) return failure(CODES_ERRORS, 'CODE_DEAD');

  if (matches) {
    // Single use: the database applies this UPDATE to the row once; of concurrent requests with
    // the right code exactly one sees count === 1. One statement outside any transaction, so the
    // losers of a race hold no connection waiting for the winner's commit.
    const claimed = await db.$executeRaw`
      UPDATE "VerificationCode" SET "usedAt" = ${now}
      WHERE "id" = ${row.id} AND "usedAt" IS NULL AND "wrongTries" < ${MAX_WRONG_TRIES} AND "expiresAt" > ${now}`;
    if (claimed === 1) {
      const then = await db.$transaction(async (tx) => {
        await codeAccepted(tx, { accountId, trustedDeviceId, purpose }, now, ctx);
        return onVerified ? await onVerified(tx, { trustedDeviceId, method: kindOf(device.kind).method }) : undefined;
      });
      return { ok: true, then };
    }
    // Another request changed the code between our read and our claim.
    const current = await db.verificationCode.findUnique({ where: { id: row.id } });
    if (!current) return failure(CODES_ERRORS, 'CODE_REPLACED');
    if (current.usedAt) {
      await event('code-reused');
      return failure(CODES_ERRORS, 'CODE_USED');
    }
    return failure(CODES_ERRORS, current.wrongTries >= MAX_WRONG_TRIES ? 'CODE_DEAD' : 'CODE_EXPIRED');
  }

  return wrongCode(deps, { accountId, trustedDeviceId, purpose, codeId: row.id }, now, ctx);
}

/** A well-formed code that is not the live code: one wrong try for the code and for the account. */
async function wrongCode(
  deps: CodeDeps,
  w: { accountId: string; trustedDeviceId: string; purpose: CodePurpose; codeId: string },
  now: Date,
  ctx: RequestContext,
): Promise<Result<object, CodesError>> {
  const { db, clock } = deps;
  const outcome = await db.$transaction(async (tx) => {
    // Atomic: the row is counted only while the code is live, so concurrent wrong tries stop at 3.
    const counted = await tx.verificationCode.updateMany({
      where: { id: w.codeId, usedAt: null, wrongTries: { lt: MAX_WRONG_TRIES }, expiresAt: { gt: now } },
      data: { wrongTries: { increment: 1 } },
    });
    if (counted.count !== 1) return null;
    // Our UPDATE holds the row until commit, so this reads our own increment.
    const { wrongTries } = await tx.verificationCode.findUniqueOrThrow({ where: { id: w.codeId }, select: { wrongTries: true } });
    const run = await wrongCodeCounted(tx, clock, { ...w, details: { wrongTries } }, now, ctx);
    return { wrongTries, run };
  });

  if (!outcome) {
    // The code stopped being live between our read and our update (used, expired, died, replaced).
    const current = await db.verificationCode.findUnique({ where: { id: w.codeId } });
    if (!current) return failure(CODES_ERRORS, 'CODE_REPLACED');
    if (current.usedAt) return failure(CODES_ERRORS, 'CODE_REPLACED');
    return failure(CODES_ERRORS, current.wrongTries >= MAX_WRONG_TRIES ? 'CODE_DEAD' : 'CODE_EXPIRED');
  }
  if (outcome.run.pausedUntil)
    return endingAt(failure(CODES_ERRORS, 'CODES_PAUSED', outcome.run.pausedUntil, now), outcome.run.pausedUntil, now);
  if (outcome.wrongTries >= MAX_WRONG_TRIES) return failure(CODES_ERRORS, 'CODE_DEAD');
  return failure(CODES_ERRORS, 'CODE_WRONG', MAX_WRONG_TRIES - outcome.wrongTries);
}

/**
 * A code a device made itself (an app that shows them), checked by its kind (which reads the
 * device's secret). Right: `onVerified` runs with the account's bookkeeping in one transaction, as
 * for a code we sent. Right once already: a reuse, recorded and not counted as wrong. Wrong: one
 * wrong code for the account. Refused: the kind's own sentence, or the code service's.
 */
async function checkOwnCode<T>(
  deps: CodeDeps,
  proof: Extract<ProofBy, { by: 'own-code' }>,
  method: AuthMethod,
  a: { accountId: string; trustedDeviceId: string; purpose: CodePurpose; code: string },
  ctx: RequestContext,
  onVerified?: OnVerified<T>,
): Promise<Result<{ then?: T }, CodesError>> {
  const { db, clock } = deps;
  const now = clock.now();
  const verdict = await proof.check({
    db,
    now,
    accountId: a.accountId,
    trustedDeviceId: a.trustedDeviceId,
    deps,
    code: a.code,
  });
  if (verdict.ok) {
    const then = await db.$transaction(async (tx) => {
      await codeAccepted(tx, a, now, ctx);
      return onVerified ? await onVerified(tx, { trustedDeviceId: a.trustedDeviceId, method }) : undefined;
    });
    return { ok: true, then };
  }
  const refused = (reason: OwnCodeRefusal) => failure(CODES_ERRORS, proof.refusals?.[reason] ?? OWN_CODE_REFUSALS[reason]);
  if (verdict.reason === 'unreadable') return refused('unreadable');
  if (verdict.reason === 'used') {
    await recordSecurityEvent(
      db,
      { accountId: a.accountId, kind: 'code-reused', at: now, details: { purpose: a.purpose, trustedDeviceId: a.trustedDeviceId } },
      ctx,
    );
    return refused('used');
  }
  const run = await db.$transaction((tx) =>
    wrongCodeCounted(tx, clock, { accountId: a.accountId, trustedDeviceId: a.trustedDeviceId, purpose: a.purpose }, now, ctx),
  );
  if (run.pausedUntil) return endingAt(failure(CODES_ERRORS, 'CODES_PAUSED', run.pausedUntil, now), run.pausedUntil, now);
  return refused('wrong');
}
