// Support staff (docs/rules.md#support-console): people apart from customers, with their own table,
// password rules, sign-in and sessions. A staff user is made only by the operator command
// (`npm run staff -- add EMAIL`, scripts/staff.ts); nothing in the web app creates one.
//
// A staff session is a StaffSession row keyed by the SHA-256 of a random token; the browser holds
// the token in its own sealed cookie (app/lib/staff-session.ts), never the customers' cookie.
//
// Signing in is the password, then a second factor (of a kind the staff member set up,
// ./staff-factors.ts): a session that passed only the password is in the 'second-factor'
// stage and opens nothing of the console (consoleReady below, the one check every console page
// and action goes through); passing the factor replaces it with a new 'console' session.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db, DbTx } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { HOUR, MINUTE } from '../clock.ts';
import { newToken, tokenId } from '../tokens.ts';
import { appleIdKey, emailField } from '../accounts/apple-id.ts';
import { hashSecret, verifyAgainstNothing, verifySecret } from '../accounts/passwords.ts';
import { isCommonPassword, passwordLength, MAX_PASSWORD_LENGTH } from '../accounts/password-policy.ts';
import { fieldErrorsOf, invalidFields, type FormResult } from '../forms/forms.ts';
import { displayText } from '../accounts/display-text.ts';
import { PER_APPLE_ID, PER_CLIENT_ADDRESS } from '../accounts/password-guesses.ts';
import { attemptsFailed, attemptsSucceeded, takeAttempts, type Limit } from '../throttle/throttle.ts';
import type { RequestContext } from '../security-events/record.ts';
import { failure, type Failure, type Result } from '../result.ts';
import { SUPPORT_ERRORS, type SupportError } from './errors.ts';
import { recordStaffEvent } from './staff-events.ts';
import type { StaffFactorKind } from '../kinds/staff-kinds-registry.ts';
import { fieldMessage } from '../forms/field-messages.ts';

export interface StaffDeps {
  db: Db;
  clock: Clock;
  bcryptCost: number;
}

/** Who is looking: what support events record (the holder reads the display name). */
export interface Staff {
  id: string;
  displayName: string;
}

// ---- Staff users --------------------------------------------------------------------------------

// (ours) A staff password alone opens the security state of every account, so it gets NIST SP
// 800-63B-4's minimum for a password used as a single factor, 15 characters, not the customers' 8.
export const MIN_STAFF_PASSWORD_LENGTH = 15;
export const DISPLAY_NAME_MAX = 60;

type StaffPasswordRefusal =
  'STAFF_PASSWORD_TOO_SHORT' | 'STAFF_PASSWORD_TOO_LONG' | 'STAFF_PASSWORD_COMMON' | 'STAFF_PASSWORD_CONTAINS_EMAIL';

/** Why a staff password is refused, or null. */
export function checkStaffPassword(password: string, email: string): Failure<StaffPasswordRefusal> | null {
  const length = passwordLength(password);
  if (length < MIN_STAFF_PASSWORD_LENGTH) return failure(SUPPORT_ERRORS, 'STAFF_PASSWORD_TOO_SHORT', MIN_STAFF_PASSWORD_LENGTH);
  if (length > MAX_PASSWORD_LENGTH) return failure(SUPPORT_ERRORS, 'STAFF_PASSWORD_TOO_LONG');
  if (isCommonPassword(password)) return failure(SUPPORT_ERRORS, 'STAFF_PASSWORD_COMMON');
  const folded = password.normalize('NFKC').toLowerCase();
  const key = appleIdKey(email);
  if (key && (folded.includes(key) || folded.includes(key.slice(0, key.indexOf('@')))))
    return failure(SUPPORT_ERRORS, 'STAFF_PASSWORD_CONTAINS_EMAIL');
  return null;
}

/** What the operator command gives a new staff user when no password is piped in: 144 random bits. */
export function generateStaffPassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The display name holders read in their activity ("Apple Support (Sam Staff) looked up your
 * account"): one line of plain text.
 */
export const displayNameField = z.preprocess(
  // The operator types it on a command line: runs of control characters and spaces become one space
  // (" Sam \n Staff " is "Sam Staff"); the rest is the one rule for names (src/accounts/display-text.ts).
  (v) => (typeof v === 'string' ? v.replace(/[\p{Cc}\s]+/gu, ' ') : v),
  displayText(DISPLAY_NAME_MAX, {
    empty: fieldMessage('displayName.empty'),
    tooLong: fieldMessage('displayName.tooLong', { max: DISPLAY_NAME_MAX }),
  }),
);

const addSchema = z.object({ email: emailField, displayName: displayNameField, password: z.string() });

export async function addStaffUser(
  deps: StaffDeps,
  input: { email: string; displayName: string; password: string },
): Promise<Result<{ staffUserId: string }, SupportError>> {
  const parsed = addSchema.safeParse(input);
  if (!parsed.success) return failure(SUPPORT_ERRORS, 'INVALID_STAFF_USER', parsed.error.issues[0]!.message);
  const { email, displayName, password } = parsed.data;
  const refused = checkStaffPassword(password, email);
  if (refused) return refused;
  const emailKey = appleIdKey(email);
  if (await deps.db.staffUser.findUnique({ where: { emailKey }, select: { id: true } }))
    return failure(SUPPORT_ERRORS, 'STAFF_USER_EXISTS', emailKey);
  const row = await deps.db.staffUser.create({
    data: { emailKey, displayName, passwordHash: await hashSecret(password, deps.bcryptCost), createdAt: deps.clock.now() },
  });
  return { ok: true, staffUserId: row.id };
}

// ---- Staff sessions -----------------------------------------------------------------------------

// (ours) Shorter than a holder's (30 minutes idle, 12 hours): a console left open on a support
// desk should not stay open long. OWASP ASVS 3.3: shorter timeouts for more privileged sessions.
export const STAFF_IDLE_MS = 15 * MINUTE;
export const STAFF_ABSOLUTE_MS = 8 * HOUR;
/**
 * (ours) A session that passed only the password lives this long: the second factor, or its setup
 * at the first sign-in, is done within it (as a holder's password stage, src/sessions/sessions.ts).
 */
export const STAFF_SECOND_FACTOR_MS = 10 * MINUTE;

/** 'second-factor': only the password was given. 'console': the second factor too. */
export type StaffStage = 'second-factor' | 'console';

export interface StaffSession {
  id: string;
  staff: Staff;
  stage: StaffStage;
  /** The account this session last found by Apple ID, or null. */
  accountId: string | null;
}

/** A session that proved the second factor: the only kind the console's functions take. */
export type ConsoleSession = StaffSession & { stage: 'console' };

/** Whether the session may open the console: the one check for every console page and action. */
export function consoleReady(session: StaffSession): session is ConsoleSession {
  return session.stage === 'console';
}

/** `secondFactor`: how it was proven, or null for a session that passed only the password. */
export async function createStaffSession(
  tx: DbTx,
  staffUserId: string,
  now: Date,
  ctx: RequestContext,
  secondFactor: StaffFactorKind | null,
): Promise<string> {
  const token = newToken();
  await tx.staffSession.create({
    data: {
      id: tokenId(token),
      staffUserId,
      createdAt: now,
      lastSeenAt: now,
      clientAddress: ctx.clientAddress,
      userAgent: ctx.userAgent?.slice(0, 512) ?? null,
      secondFactor,
    },
  });
  return token;
}

/**
 * Why a staff session ended by itself: left idle longer than STAFF_IDLE_MS, or past its stage's
 * time limit (STAFF_ABSOLUTE_MS, or STAFF_SECOND_FACTOR_MS before the second factor). When both
 * have passed, the one that came first.
 */
export type StaffSessionEnd = 'idle' | 'time-limit';

function endOf(row: { createdAt: Date; lastSeenAt: Date; secondFactor: string | null }, now: Date): StaffSessionEnd | null {
  const limit = row.secondFactor ? STAFF_ABSOLUTE_MS : STAFF_SECOND_FACTOR_MS;
  const idleEnd = row.lastSeenAt.getTime() + STAFF_IDLE_MS;
  const limitEnd = row.createdAt.getTime() + limit;
  const t = now.getTime();
  if (t <= idleEnd && t <= limitEnd) return null;
  return idleEnd <= limitEnd ? 'idle' : 'time-limit';
}

function expired(row: { createdAt: Date; lastSeenAt: Date; secondFactor: string | null }, now: Date): boolean {
  return endOf(row, now) !== null;
}

/**
 * The live staff session of a token; `{ ended }` when its session ended by itself just now (the
 * row is deleted, so only this look can say why: the sign-in page then tells the staff member);
 * null when there is none. A live one is touched.
 */
export async function lookUpStaffSession(db: Db, token: string, now: Date): Promise<StaffSession | { ended: StaffSessionEnd } | null> {
  const id = tokenId(token);
  const row = await db.staffSession.findUnique({ where: { id }, include: { staffUser: { select: { id: true, displayName: true } } } });
  if (!row) return null;
  const ended = endOf(row, now);
  if (ended) {
    await db.staffSession.deleteMany({ where: { id } });
    return { ended };
  }
  // updateMany: the row may have been replaced meanwhile (the second factor, in another request).
  const { count } = await db.staffSession.updateMany({ where: { id }, data: { lastSeenAt: now } });
  if (count === 0) return null;
  return { id, staff: row.staffUser, stage: row.secondFactor ? 'console' : 'second-factor', accountId: row.accountId };
}

/** The live staff session of a token, or null. Expired rows are deleted; a live one is touched. */
export async function resolveStaffSession(db: Db, token: string, now: Date): Promise<StaffSession | null> {
  const look = await lookUpStaffSession(db, token, now);
  return look && 'ended' in look ? null : look;
}

/** Whether the token is a live staff session, without writing anything (for the customer side's refusal). */
export async function isLiveStaffSession(db: Db, token: string, now: Date): Promise<boolean> {
  const row = await db.staffSession.findUnique({
    where: { id: tokenId(token) },
    select: { createdAt: true, lastSeenAt: true, secondFactor: true },
  });
  return row !== null && !expired(row, now);
}

export async function endStaffSession(db: Db, token: string): Promise<void> {
  await db.staffSession.deleteMany({ where: { id: tokenId(token) } });
}

// ---- Staff sign-in ------------------------------------------------------------------------------

const signInSchema = z.object({ email: emailField, password: z.string().min(1, fieldMessage('signInPassword')).max(1024) });

// The same limits as customer sign-in (src/sign-in/password.ts), counted under their own keys.
export const staffEmailThrottleKey = (emailKey: string) => `staff-sign-in:email:${emailKey}`;
export const staffAddressThrottleKey = (address: string) => `staff-sign-in:address:${address}`;

/** Whether the staff member has a second factor to sign in with (one that proved itself). */
export async function hasStaffFactor(db: DbTx, staffUserId: string): Promise<boolean> {
  return (await db.staffFactor.count({ where: { staffUserId, verifiedAt: { not: null } } })) > 0;
}

/**
 * Email and password → a new staff session in the 'second-factor' stage, and what it does next:
 * 'verify' with the factor the staff member has, or 'set-up' one (the first sign-in, or after the
 * operator reset it). As customer sign-in does: one answer for an unknown email and a wrong
 * password, as slow for both, and lockouts per email and per client address.
 */
export async function staffSignIn(
  deps: StaffDeps,
  input: unknown,
  ctx: RequestContext,
): Promise<FormResult<{ token: string; next: 'verify' | 'set-up' }, SupportError | 'INVALID_FIELDS'>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error));
  const { db, clock } = deps;
  const now = clock.now();
  const emailKey = appleIdKey(parsed.data.email);
  const limits: Limit[] = [
    ...(ctx.clientAddress ? [[staffAddressThrottleKey(ctx.clientAddress), PER_CLIENT_ADDRESS] as const] : []),
    [staffEmailThrottleKey(emailKey), PER_APPLE_ID],
  ];
  const refusedUntil = await takeAttempts(db, limits, now);
  if (refusedUntil) return failure(SUPPORT_ERRORS, 'STAFF_LOCKED_OUT', refusedUntil, now);
  const staff = await db.staffUser.findUnique({ where: { emailKey } });
  const passwordOk = staff
    ? await verifySecret(parsed.data.password, staff.passwordHash)
    : await verifyAgainstNothing(parsed.data.password, deps.bcryptCost);
  if (!staff || !passwordOk) {
    const lock = await attemptsFailed(db, limits, now);
    if (staff)
      await recordStaffEvent(
        db,
        { staffUserId: staff.id, kind: 'staff-password-wrong', at: now, details: lock ? { lockedUntil: lock.toISOString() } : undefined },
        ctx,
      );
    return lock ? failure(SUPPORT_ERRORS, 'STAFF_LOCKED_OUT', lock, now) : failure(SUPPORT_ERRORS, 'STAFF_WRONG_CREDENTIALS');
  }
  await attemptsSucceeded(db, limits);
  const next = (await hasStaffFactor(db, staff.id)) ? 'verify' : 'set-up';
  const token = await db.$transaction(async (tx) => {
    await recordStaffEvent(tx, { staffUserId: staff.id, kind: 'staff-password-accepted', at: now, details: { next } }, ctx);
    return createStaffSession(tx, staff.id, now, ctx, null);
  });
  return { ok: true, token, next };
}
