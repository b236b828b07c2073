// App-specific passwords (Apple's FAQ: "How do I sign in … using an app that doesn't support
// entering two-step verification codes?"). With two-step on, the main password no longer works in
// apps that cannot ask for a code; the holder generates a password per app on the account page,
// with a label, sees it ONCE, and can revoke it (or all of them) at any time. Only a bcrypt hash is
// stored.
//
// The format is Apple's: four groups of four lowercase letters, `abcd-efgh-ijkl-mnop` (26^16, about
// 75 bits from the CSPRNG). The first group is kept in clear as `lookupKey` so that a sign-in
// compares against the one or two rows that start with it instead of every hash of the account.
// Twelve secret letters (about 56 bits) remain behind a bcrypt hash and the sign-in lockouts.
//
// authenticateApp is what our small HTTP Basic endpoint (app/api/app/whoami) stands in for: an app
// such as a mail client signing in. Its failures count toward the SAME lockouts as password
// sign-in (per Apple ID and per client address): it is a guessing endpoint like the sign-in form.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Db, DbTx } from '../db/client.ts';
import { lockAccountRow } from '../db/row-locks.ts';
import type { Clock } from '../clock.ts';
import type { Actor } from '../sessions/actor.ts';
import { appleIdKey, emailField } from '../accounts/apple-id.ts';
import { addressesOnFile, emailReader } from '../mail/recipients.ts';
import { hashSecret, verifyAgainstNothing, verifySecret } from '../accounts/passwords.ts';
import { passwordLimits, PER_KNOWN_BROWSER } from '../accounts/password-guesses.ts';
import { ACCOUNTS_ERRORS } from '../accounts/errors.ts';
import { fieldErrorsOf, invalidFields, type FormResult } from '../forms/forms.ts';
import { displayText } from '../accounts/display-text.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { appPasswordEmail } from '../mail/templates.ts';
import { freshCodeRefusal } from '../step-up/fresh-code.ts';
import type { StepUpError } from '../step-up/errors.ts';
import { NO_REQUEST, recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { attemptsFailed, refundAttempt, refusedUntil, takeAttempts, type Limit } from '../throttle/throttle.ts';
import { BUSY_RETRY_AFTER_SECONDS, hashingLine, type HashingLine, type Place } from '../accounts/hashing-line.ts';
import { failure, sentenceOf, type Failure } from '../result.ts';
import { APP_PASSWORDS_ERRORS, type AppPasswordsError } from './errors.ts';
import { REQUEST_ID } from '../db/row-id.ts';
import { noticeText } from '../i18n/said.ts';
import { fieldMessage } from '../forms/field-messages.ts';

export interface AppPasswordDeps {
  db: Db;
  clock: Clock;
  bcryptCost: number;
}

/** authenticateApp also needs the portal's address, for the message that sends people to the page. */
export interface AppAuthDeps extends AppPasswordDeps {
  appUrl: string;
  /** The process's line (hashing-line.ts) when not given; tests give one of their own. */
  hashingLine?: HashingLine;
}

// (ours) Enough for every mail, calendar and contacts app of a household; few enough to review.
export const MAX_APP_PASSWORDS = 25;
export const LABEL_MAX = 60;

/** The sentence of APP_SIGN_IN_FAILED, for the app endpoint's answer to a request without credentials. */
export const APP_SIGN_IN_FAILED = sentenceOf(APP_PASSWORDS_ERRORS, 'APP_SIGN_IN_FAILED');

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** A new password, `xxxx-xxxx-xxxx-xxxx`, each letter drawn uniformly with crypto.randomInt. */
export function generateAppPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/**
 * What is hashed and compared: lower case, without dashes or spaces (apps and people paste it as
 * "ABCD EFGH …" or without the dashes). Null when it cannot be an app-specific password at all.
 */
export function normaliseAppPassword(typed: string): string | null {
  const s = typed.toLowerCase().replace(/[-\s]/g, '');
  return /^[a-z]{16}$/.test(s) ? s : null;
}

const lookupKeyOf = (normalised: string) => normalised.slice(0, GROUP_LENGTH);

// ---- Creating ---------------------------------------------------------------------------------

// One line of plain, visible text (src/accounts/display-text.ts).
export const labelField = displayText(LABEL_MAX, {
  empty: fieldMessage('appPasswordLabel.empty'),
  tooLong: fieldMessage('appPasswordLabel.tooLong', { max: LABEL_MAX }),
});

const createSchema = z.object({ label: labelField });

/** What the page's forms are told: a confirmation, or why not. */
type AppPasswordResult<T extends object = object> = FormResult<{ message: string } & T, AppPasswordsError | StepUpError | 'INVALID_FIELDS'>;

/** Creates an app-specific password. The clear password is in the answer and nowhere else, ever. */
export async function createAppPassword(
  deps: AppPasswordDeps,
  actor: Actor,
  input: unknown,
  ctx: RequestContext,
): Promise<AppPasswordResult<{ id: string; label: string; password: string }>> {
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error));
  const stale = await freshCodeRefusal(deps, actor);
  if (stale) return stale;
  const { label } = parsed.data;
  const password = generateAppPassword();
  const normalised = normaliseAppPassword(password)!;
  // bcrypt is slow: hash before the transaction, which then only takes turns on the account row.
  const hash = await hashSecret(normalised, deps.bcryptCost);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<AppPasswordResult<{ id: string; label: string; password: string }>> => {
    // The account's row lock first makes concurrent creations take turns, so the limit holds.
    await lockAccountRow(tx, actor.accountId, now);
    const account = await tx.account.findUniqueOrThrow({ where: { id: actor.accountId } });
    if (!account.twoStepEnabledAt) return failure(APP_PASSWORDS_ERRORS, 'TWO_STEP_NEEDED');
    const active = await tx.appPassword.count({ where: { accountId: account.id, revokedAt: null } });
    if (active >= MAX_APP_PASSWORDS) return failure(APP_PASSWORDS_ERRORS, 'TOO_MANY_APP_PASSWORDS', MAX_APP_PASSWORDS);
    const row = await tx.appPassword.create({
      data: { accountId: account.id, label, lookupKey: lookupKeyOf(normalised), hash, createdAt: now },
    });
    await recordSecurityEvent(
      tx,
      { accountId: account.id, kind: 'app-password-created', at: now, details: { appPasswordId: row.id, label } },
      ctx,
    );
    await enqueueEmail(
      tx,
      {
        kind: 'app-password-created',
        accountId: account.id,
        to: addressesOnFile(account),
        ...appPasswordEmail({ name: account.name, appleId: account.appleId, label, created: true, at: now, ...emailReader(account) }),
      },
      deps.clock,
    );
    return { ok: true, id: row.id, label, password, message: noticeText('appPasswordCreated', { label }) };
  });
}

// ---- Listing ----------------------------------------------------------------------------------

export interface AppPasswordView {
  id: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The active (not revoked) app-specific passwords, newest first. Never the hash or lookup key. */
export async function listAppPasswords(db: DbTx, accountId: string): Promise<AppPasswordView[]> {
  return db.appPassword.findMany({
    where: { accountId, revokedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, label: true, createdAt: true, lastUsedAt: true },
  });
}

// ---- Revoking ---------------------------------------------------------------------------------

const idField = z.string().regex(REQUEST_ID);

/** Revokes one of the holder's app-specific passwords: apps using it are refused from now on. */
export async function revokeAppPassword(
  deps: Pick<AppPasswordDeps, 'db' | 'clock'>,
  actor: Actor,
  id: unknown,
  ctx: RequestContext,
): Promise<AppPasswordResult> {
  if (!idField.safeParse(id).success) return failure(APP_PASSWORDS_ERRORS, 'APP_PASSWORD_GONE');
  const stale = await freshCodeRefusal(deps, actor);
  if (stale) return stale;
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<AppPasswordResult> => {
    const account = await tx.account.findUniqueOrThrow({ where: { id: actor.accountId } });
    // Only an active one of THIS account: someone else's id is "not on your account".
    const revoked = await tx.appPassword.updateMany({
      where: { id: id as string, accountId: account.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (revoked.count === 0) return failure(APP_PASSWORDS_ERRORS, 'APP_PASSWORD_GONE');
    const { label } = await tx.appPassword.findUniqueOrThrow({ where: { id: id as string }, select: { label: true } });
    await recordSecurityEvent(
      tx,
      { accountId: account.id, kind: 'app-password-revoked', at: now, details: { appPasswordId: id as string, label } },
      ctx,
    );
    await enqueueEmail(
      tx,
      {
        kind: 'app-password-revoked',
        accountId: account.id,
        to: addressesOnFile(account),
        ...appPasswordEmail({ name: account.name, appleId: account.appleId, label, created: false, at: now, ...emailReader(account) }),
      },
      deps.clock,
    );
    return { ok: true, message: noticeText('appPasswordRevoked', { label }) };
  });
}

/** Revokes every active app-specific password of the account; the count revoked. */
async function revokeAllIn(tx: DbTx, accountId: string, now: Date, ctx: RequestContext, reason: string): Promise<number> {
  const { count } = await tx.appPassword.updateMany({ where: { accountId, revokedAt: null }, data: { revokedAt: now } });
  if (count > 0) await recordSecurityEvent(tx, { accountId, kind: 'app-passwords-revoked-all', at: now, details: { count, reason } }, ctx);
  return count;
}

/** The "Revoke All" button. */
export async function revokeAllAppPasswords(
  deps: Pick<AppPasswordDeps, 'db' | 'clock'>,
  actor: Actor,
  ctx: RequestContext,
): Promise<AppPasswordResult<{ count: number }>> {
  const stale = await freshCodeRefusal(deps, actor);
  if (stale) return stale;
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx): Promise<AppPasswordResult<{ count: number }>> => {
    const account = await tx.account.findUniqueOrThrow({ where: { id: actor.accountId } });
    const count = await revokeAllIn(tx, account.id, now, ctx, 'holder');
    if (count === 0) return failure(APP_PASSWORDS_ERRORS, 'NONE_TO_REVOKE');
    await enqueueEmail(
      tx,
      {
        kind: 'app-passwords-revoked-all',
        accountId: account.id,
        to: addressesOnFile(account),
        ...appPasswordEmail({
          name: account.name,
          appleId: account.appleId,
          label: '',
          created: false,
          at: now,
          count,
          ...emailReader(account),
        }),
      },
      deps.clock,
    );
    return {
      ok: true,
      count,
      message: noticeText('appPasswordsRevoked', { count }),
    };
  });
}

/**
 * For the password change and reset flows, inside their transaction: a new main password revokes
 * every app-specific password (Apple's FAQ has the holder change the password when something is
 * wrong, and a thief's app must lose access too). No email of its own: the password email covers
 * it.
 */
export function revokeAllOnPasswordChange(tx: DbTx, accountId: string, now: Date, ctx: RequestContext = NO_REQUEST): Promise<number> {
  return revokeAllIn(tx, accountId, now, ctx, 'password-changed');
}

/** For the turn-off flow, inside its transaction: app-specific passwords exist only with two-step on. */
export function revokeAllOnTwoStepOff(tx: DbTx, accountId: string, now: Date, ctx: RequestContext = NO_REQUEST): Promise<number> {
  return revokeAllIn(tx, accountId, now, ctx, 'two-step-turned-off');
}

// ---- Signing in from an app ---------------------------------------------------------------------

export const appCredentialsSchema = z.object({
  appleId: emailField,
  password: z.string().min(1, fieldMessage('password.empty')).max(1024),
});

/**
 * An app's sign-in: the holder's name, or 401 (one answer for every refused password) or 429 (a
 * lockout, with its wait) or 503 (the hashing line has no place for it).
 */
type AppAuthResult =
  | { ok: true; name: string }
  | (Failure<'APP_SIGN_IN_FAILED'> & { status: 401 })
  | (Failure<'PASSWORD_LOCKED_OUT'> & { status: 429; retryAfterSeconds: number })
  | (Failure<'SERVER_BUSY'> & { status: 503; retryAfterSeconds: number });

const signInFailed = (): AppAuthResult => ({ ...failure(APP_PASSWORDS_ERRORS, 'APP_SIGN_IN_FAILED'), status: 401 });
const busy = (): AppAuthResult => ({
  ...failure(ACCOUNTS_ERRORS, 'SERVER_BUSY'),
  status: 503,
  retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
});

/**
 * An app signs in with the Apple ID and a password.
 *  - Two-step ON: only an active app-specific password of that account works. The main password
 *    is refused with the SAME message, status and work (one app-password comparison, one main-
 *    password comparison) as a wrong one, and counts as a failure: the answer must not confirm a
 *    phished password. The message says what to do in either case. Only the holder's security log
 *    tells the two apart (reason 'main-password'), behind a code.
 *  - Two-step OFF (decision): the main password works, as it did in every app before two-step
 *    (Apple's FAQ: app-specific passwords are needed only "if you have two-step verification
 *    enabled"); app-specific passwords do not, since they exist only with two-step on (the
 *    turn-off flow should also revoke them: revokeAllOnTwoStepOff).
 * Unknown Apple IDs take as long and count the same (no enumeration). A success does NOT clear the
 * per-Apple-ID failures: an app that signs in every few minutes would otherwise keep resetting the
 * counter for someone guessing the main password on the sign-in form; failures age out by window.
 * Successes are not security events (apps poll); lastUsedAt records them instead.
 * As at the sign-in form, a locked-out guess is answered before it asks for a place in the hashing
 * line, and an app with its own app-specific password asks as a known browser does.
 */
export async function authenticateApp(deps: AppAuthDeps, input: unknown, ctx: RequestContext): Promise<AppAuthResult> {
  const parsed = appCredentialsSchema.safeParse(input);
  if (!parsed.success) return signInFailed();
  const { db } = deps;
  const now = deps.clock.now();
  const key = appleIdKey(parsed.data.appleId);
  const account = await db.account.findUnique({ where: { appleIdKey: key } });
  const { limits, own } = await appLimits(db, key, account, parsed.data.password, ctx);
  const lockedUntil = await refusedUntil(db, limits, now);
  if (lockedUntil) return locked(lockedUntil, now);
  const place = (deps.hashingLine ?? hashingLine).enter({ clientAddress: ctx.clientAddress, appleId: key, known: own });
  if (!place) return busy();
  try {
    return await checkAppSignIn(deps, { account, typed: parsed.data.password, limits, now }, ctx, place);
  } finally {
    place.leave();
  }
}

interface AppAttempt {
  account: { id: string; name: string; passwordHash: string; twoStepEnabledAt: Date | null } | null;
  typed: string;
  limits: readonly Limit[];
  now: Date;
}

/** The compares of an app's sign-in, all in the request's one place in the hashing line. */
async function checkAppSignIn(
  deps: AppAuthDeps,
  { account, typed, limits, now }: AppAttempt,
  ctx: RequestContext,
  place: Place,
): Promise<AppAuthResult> {
  const { db } = deps;
  const refused = await takeAttempts(db, limits, now);
  if (refused) return locked(refused, now);

  let mainPasswordGiven = false;
  if (!account) {
    // Two comparisons, like a failure on an existing account.
    await verifyAgainstNothing(typed, deps.bcryptCost, place);
    await verifyAgainstNothing(typed, deps.bcryptCost, place);
  } else if (!account.twoStepEnabledAt) {
    if (await verifySecret(typed, account.passwordHash, place)) return succeeded(db, limits, account.name);
    await verifyAgainstNothing(typed, deps.bcryptCost, place);
  } else {
    const matched = await matchAppPassword(deps, account.id, typed, place);
    if (matched) {
      await db.appPassword.update({ where: { id: matched }, data: { lastUsedAt: now } });
      return succeeded(db, limits, account.name);
    }
    mainPasswordGiven = await verifySecret(typed, account.passwordHash, place);
  }

  const lock = await attemptsFailed(db, limits, now);
  if (account) {
    const reason = mainPasswordGiven ? 'main-password' : 'wrong-password';
    await recordSecurityEvent(db, { accountId: account.id, kind: 'app-sign-in-failed', at: now, details: { reason } }, ctx);
  }
  if (lock) return locked(lock, now);
  return signInFailed();
}

/**
 * The limits an app's attempt is counted under: apart from the sign-in form's, so
 * failures here lock no browser. An attempt whose first group names one of the account's active
 * app-specific passwords (a stranger guesses one in 26^4) is the holder's app (`own`): it counts
 * under that password's own budget, so a stranger's wrong passwords never lock the holder's apps out.
 */
async function appLimits(
  db: Db,
  key: string,
  account: { id: string; twoStepEnabledAt: Date | null } | null,
  typed: string,
  ctx: RequestContext,
): Promise<{ limits: Limit[]; own: boolean }> {
  const normalised = account?.twoStepEnabledAt ? normaliseAppPassword(typed) : null;
  const own = normalised
    ? await db.appPassword.findFirst({
        where: { accountId: account!.id, lookupKey: lookupKeyOf(normalised), revokedAt: null },
        select: { id: true },
      })
    : null;
  if (own) return { limits: [[`app:app-password:${own.id}`, PER_KNOWN_BROWSER]], own: true };
  return { limits: passwordLimits('app:sign-in', key, account?.id ?? null, ctx), own: false };
}

/** The id of the active app-specific password `typed` is, or null (one comparison at least, always). */
async function matchAppPassword(deps: AppPasswordDeps, accountId: string, typed: string, place: Place): Promise<string | null> {
  const normalised = normaliseAppPassword(typed);
  const candidates = normalised
    ? await deps.db.appPassword.findMany({
        where: { accountId, lookupKey: lookupKeyOf(normalised), revokedAt: null },
        select: { id: true, hash: true },
      })
    : [];
  if (!normalised || candidates.length === 0) {
    await verifyAgainstNothing(typed, deps.bcryptCost, place);
    return null;
  }
  for (const c of candidates) if (await verifySecret(normalised, c.hash, place)) return c.id;
  return null;
}

/** A success gives its attempt back, and no more (see above: apps poll). */
async function succeeded(db: DbTx, limits: readonly Limit[], name: string): Promise<AppAuthResult> {
  for (const [key] of limits) await refundAttempt(db, key);
  return { ok: true, name };
}

function locked(until: Date, now: Date): AppAuthResult {
  return {
    ...failure(ACCOUNTS_ERRORS, 'PASSWORD_LOCKED_OUT', until, now),
    status: 429,
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  };
}
