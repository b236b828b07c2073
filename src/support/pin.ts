// The support PIN (ours, docs/rules.md#support-console; Apple's FAQ lists "get Apple ID-related
// support" among what needs verification). For an account with two-step on, support sees only that
// the account exists and has two-step on until the holder reads them a PIN:
//  - made on the holder's account page after a code from a trusted device (purpose 'support-pin');
//  - 6 digits from the CSPRNG, valid 30 minutes, for that account only (its hash covers the
//    account id, and staff enter it on the account they found), a newer PIN replaces the older;
//  - stored only as HMAC-SHA-256 with the server key, compared in constant time, never logged,
//    emailed, put in a URL or in an event;
//  - the first staff member who enters it binds it: it then works for no other staff member; it
//    unlocks the details for the rest of THAT staff session only (a SupportUnlock row);
//  - 5 wrong tries kill it; every try, right or wrong, is a SecurityEvent the holder sees;
//  - a PIN that does not open the account gets one answer, whether it is wrong, expired, dead, or
//    the account has no PIN at all (PIN_REFUSED): the answer never says whether a PIN exists.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { MINUTE } from '../clock.ts';
import { codeDigitsOf, type CodeDeps } from '../codes/codes.ts';
import { askForCode, proveSecondStep, type ChosenDeviceSent } from '../proof/second-step.ts';
import type { CodesError } from '../codes/errors.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { failure, type Failure, type Result } from '../result.ts';
import { fieldFailure, type FormResult } from '../forms/forms.ts';
import { recordLook } from './looks.ts';
import { SUPPORT_ERRORS, type SupportError } from './errors.ts';
import type { ConsoleSession } from './staff.ts';
import { sentenceOf } from '../result.ts';

export const SUPPORT_PIN_DIGITS = 6;
export const SUPPORT_PIN_TTL_MS = 30 * MINUTE;
export const MAX_PIN_TRIES = 5;

export function supportPinHash(key: string, accountId: string, pin: string): string {
  return createHmac('sha256', key).update(`support-pin:${accountId}:${pin}`).digest('hex');
}

function sameHash(storedHex: string, candidateHex: string): boolean {
  const a = Buffer.from(storedHex, 'hex');
  const b = Buffer.from(candidateHex, 'hex');
  return a.length === 32 && b.length === 32 && timingSafeEqual(a, b);
}

// ---- The holder makes a PIN ---------------------------------------------------------------------

async function twoStepOn(db: Db, accountId: string): Promise<boolean> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { twoStepEnabledAt: true } });
  return Boolean(account?.twoStepEnabledAt);
}

/** Step 1: a code to the trusted device the holder picked. */
export async function sendSupportPinCode(
  deps: CodeDeps,
  accountId: string,
  input: unknown,
  ctx: RequestContext,
): Promise<Result<ChosenDeviceSent, SupportError | CodesError>> {
  if (!(await twoStepOn(deps.db, accountId))) return failure(SUPPORT_ERRORS, 'TWO_STEP_OFF');
  return askForCode(deps, { accountId, purpose: 'support-pin' }, input, ctx);
}

/** Step 2: the code from that device → a new PIN, shown to the holder once. */
export async function createSupportPin(
  deps: CodeDeps,
  accountId: string,
  input: unknown,
  ctx: RequestContext,
): Promise<Result<{ pin: string; expiresAt: Date }, SupportError | CodesError>> {
  if (!(await twoStepOn(deps.db, accountId))) return failure(SUPPORT_ERRORS, 'TWO_STEP_OFF');
  const checked = await proveSecondStep(deps, { accountId, purpose: 'support-pin' }, { form: input }, ctx);
  if (!checked.ok) return checked;

  const now = deps.clock.now();
  const pin = randomInt(0, 10 ** SUPPORT_PIN_DIGITS)
    .toString()
    .padStart(SUPPORT_PIN_DIGITS, '0');
  const expiresAt = new Date(now.getTime() + SUPPORT_PIN_TTL_MS);
  const fresh = {
    pinHash: supportPinHash(deps.codeKey, accountId, pin),
    createdAt: now,
    expiresAt,
    wrongTries: 0,
    staffUserId: null,
    acceptedAt: null,
  };
  await deps.db.$transaction(async (tx) => {
    // One PIN per account: the newer replaces the older, with its tries and binding.
    await tx.supportPin.upsert({ where: { accountId }, create: { accountId, ...fresh }, update: fresh });
    await recordSecurityEvent(
      tx,
      { accountId, kind: 'support-pin-created', at: now, details: { expiresAt: expiresAt.toISOString() } },
      ctx,
    );
  });
  return { ok: true, pin, expiresAt };
}

// ---- Staff enter it -----------------------------------------------------------------------------

// One answer for every PIN that does not open the account (PIN_REFUSED): wrong, expired, dead
// after 5 wrong tries, or tried on an account that has no PIN at all. Telling those apart would
// tell staff (or someone with a staff session) whether the holder made a PIN, and when.
const pinFormat = sentenceOf(SUPPORT_ERRORS, 'PIN_FORMAT', SUPPORT_PIN_DIGITS);

export interface PinDeps {
  db: Db;
  clock: Clock;
  codeKey: string;
}

const pinSchema = z.object({
  pin: z
    .string()
    .transform((typed) => codeDigitsOf(typed, SUPPORT_PIN_DIGITS)) // as read out, "123 456"
    .pipe(z.string().regex(new RegExp(`^[0-9]{${SUPPORT_PIN_DIGITS}}$`), pinFormat)),
});

/**
 * A staff member enters the PIN the holder read them, for the account their session found. A
 * malformed PIN tests nothing and counts nothing; every well-formed try is recorded.
 */
export async function enterSupportPin(
  deps: PinDeps,
  session: ConsoleSession,
  input: unknown,
  ctx: RequestContext,
): Promise<FormResult<object, SupportError>> {
  const parsed = pinSchema.safeParse(input);
  if (!parsed.success) return fieldFailure(SUPPORT_ERRORS, 'PIN_FORMAT', 'pin', SUPPORT_PIN_DIGITS);
  const accountId = session.accountId;
  if (!accountId) return failure(SUPPORT_ERRORS, 'NO_ACCOUNT_FOUND');
  const { db, clock } = deps;
  const now = clock.now();
  const failed = async (reason: string, refusal: Failure<SupportError>, wrongTries?: number) => {
    await recordLook(
      db,
      session.staff,
      { accountId, kind: 'support-pin-failed', at: now, details: { reason, ...(wrongTries ? { wrongTries } : {}) } },
      ctx,
    );
    return refusal;
  };

  const row = await db.supportPin.findUnique({ where: { accountId } });
  // The same work whether or not there is a PIN: one keyed hash, one conditional UPDATE.
  const candidate = supportPinHash(deps.codeKey, accountId, parsed.data.pin);
  const matches = row !== null && row.expiresAt > now && row.wrongTries < MAX_PIN_TRIES && sameHash(row.pinHash, candidate);

  if (!matches) {
    // Atomic: counted only while this PIN is live, so concurrent wrong tries stop at 5. With no
    // live PIN the statement matches no row, and the try is recorded like any wrong one.
    const counted = await db.supportPin.updateMany({
      where: { accountId, pinHash: row?.pinHash ?? '-', wrongTries: { lt: MAX_PIN_TRIES }, expiresAt: { gt: now } },
      data: { wrongTries: { increment: 1 } },
    });
    const reason = !row
      ? 'no-pin'
      : row.expiresAt <= now
        ? 'expired'
        : row.wrongTries >= MAX_PIN_TRIES
          ? 'too-many-tries'
          : counted.count !== 1
            ? 'no-longer-valid'
            : 'wrong';
    return failed(
      reason,
      failure(SUPPORT_ERRORS, 'PIN_REFUSED', SUPPORT_PIN_TTL_MS, MAX_PIN_TRIES),
      reason === 'wrong' ? row!.wrongTries + 1 : undefined,
    );
  }
  if (row.staffUserId && row.staffUserId !== session.staff.id) return failed('other-staff', failure(SUPPORT_ERRORS, 'PIN_OTHER_STAFF'));

  // The first staff member binds the PIN; the claim is one conditional UPDATE, so of two staff
  // members entering it at once exactly one gets it.
  const claim = await db.supportPin.updateMany({
    where: {
      accountId,
      pinHash: row.pinHash,
      wrongTries: { lt: MAX_PIN_TRIES },
      expiresAt: { gt: now },
      OR: [{ staffUserId: null }, { staffUserId: session.staff.id }],
    },
    data: { staffUserId: session.staff.id, acceptedAt: row.acceptedAt ?? now },
  });
  if (claim.count !== 1) return failed('other-staff', failure(SUPPORT_ERRORS, 'PIN_OTHER_STAFF'));
  await db.$transaction(async (tx) => {
    await tx.supportUnlock.upsert({
      where: { staffSessionId_accountId: { staffSessionId: session.id, accountId } },
      create: { staffSessionId: session.id, accountId, createdAt: now },
      update: {},
    });
    await recordLook(tx, session.staff, { accountId, kind: 'support-pin-accepted', at: now }, ctx);
  });
  return { ok: true };
}

/** Whether this staff session entered the account's PIN. */
export async function isUnlocked(db: Db, staffSessionId: string, accountId: string): Promise<boolean> {
  return (await db.supportUnlock.count({ where: { staffSessionId, accountId } })) > 0;
}
