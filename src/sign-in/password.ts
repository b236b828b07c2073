// Password sign-in. The answer never says which of Apple ID and password was wrong. Attempts are
// counted before the password is compared (src/throttle/throttle.ts), with a lockout that says how
// long to wait (NIST SP 800-63B 5.2.2 rate limiting):
//  - from a browser that signed in to this account before (its device cookie,
//    src/throttle/known-browsers.ts): 5 per 15 minutes for that browser alone;
//  - from any other browser: 5 per 15 minutes per Apple ID for all of them together (even an
//    Apple ID with no account, so a lockout reveals nothing), and per client address a budget of
//    20 after which attempts are slowed, never locked (many people can share one address).
// So a stranger who knows only the Apple ID locks out strangers, never the holder's own browser.
// A locked-out guess is answered before it asks for a place in the hashing line, and the line
// shares its places among clients (src/accounts/hashing-line-shares.ts).
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { appleIdKey, emailField } from '../accounts/apple-id.ts';
import { verifyAgainstNothing, verifySecret } from '../accounts/passwords.ts';
import { hashingLine, type HashingLine, type Place } from '../accounts/hashing-line.ts';
import { passwordLimits } from '../accounts/password-guesses.ts';
import { ACCOUNTS_ERRORS } from '../accounts/errors.ts';
import { fieldErrorsOf, invalidFields, type FormResult } from '../forms/forms.ts';
import { attemptsFailed, attemptsSucceeded, refusedUntil, takeAttempts, type Limit } from '../throttle/throttle.ts';
import { knownBrowserId } from '../throttle/known-browsers.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { createSession } from '../sessions/sessions.ts';
import { failure } from '../result.ts';
import { rawDateOrNull } from '../db/raw.ts';
import { rememberBrowserSettings } from '../accounts/time-zone.ts';
import { SIGN_IN_ERRORS, type SignInError } from './errors.ts';
import { fieldMessage } from '../forms/field-messages.ts';

export const signInSchema = z.object({
  appleId: emailField,
  password: z.string().min(1, fieldMessage('signInPassword')).max(1024),
  /** The zone the browser reports, filled in by the form's script (src/accounts/time-zone.ts); checked there. */
  timeZone: z.string().max(64).optional().catch(undefined),
});

/** needsCode: two-step is on, the session only lets the holder finish with a code. */
type SignInResult = FormResult<
  { accountId: string; sessionToken: string; needsCode: boolean },
  SignInError | 'PASSWORD_LOCKED_OUT' | 'SERVER_BUSY' | 'INVALID_FIELDS'
>;

export interface SignInDeps {
  db: Db;
  clock: Clock;
  bcryptCost: number;
  /** The process's line (hashing-line.ts) when not given; tests give one with a fake clock. */
  hashingLine?: HashingLine;
}

/** The account a password sign-in checks against, as accountToCheck reads it. */
type AccountToCheck = { id: string; passwordHash: string; twoStepEnabledAt: Date | null };

/** `input` is untrusted (a submitted form): it is parsed here. */
export async function signIn(deps: SignInDeps, input: unknown, ctx: RequestContext): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    return invalidFields(fieldErrorsOf(parsed.error));
  }
  const now = deps.clock.now();
  const key = appleIdKey(parsed.data.appleId);
  // The account and its locks are read first (the same two reads for an Apple ID without an
  // account), so that a locked-out guess is answered without taking a place in the hashing line.
  const account = await accountToCheck(deps.db, key);
  const limits = passwordLimits('sign-in', key, account?.id ?? null, ctx);
  const locked = await refusedUntil(deps.db, limits, now);
  if (locked) return failure(ACCOUNTS_ERRORS, 'PASSWORD_LOCKED_OUT', locked, now);
  // Then a place in the line: when there is none for this asker, no guess is counted and nothing is written.
  const asker = { clientAddress: ctx.clientAddress, appleId: key, known: knownBrowserId(ctx, account?.id) !== null };
  const place = (deps.hashingLine ?? hashingLine).enter(asker);
  if (!place) return failure(ACCOUNTS_ERRORS, 'SERVER_BUSY');
  try {
    return await checkPassword(deps, { password: parsed.data.password, timeZone: parsed.data.timeZone, account, limits, now }, ctx, place);
  } finally {
    place.leave();
  }
}

/** What a password sign-in needs of the account: one raw read (src/db/raw.ts: a model query costs five times the CPU). */
async function accountToCheck(db: Db, key: string): Promise<AccountToCheck | null> {
  const rows = await db.$queryRaw<
    Record<string, unknown>[]
  >`SELECT "id", "passwordHash", "twoStepEnabledAt" FROM "Account" WHERE "appleIdKey" = ${key}`;
  const r = rows[0];
  return r ? { id: String(r.id), passwordHash: String(r.passwordHash), twoStepEnabledAt: rawDateOrNull(r.twoStepEnabledAt) } : null;
}

interface Attempt {
  password: string;
  timeZone: string | undefined;
  account: AccountToCheck | null;
  limits: readonly Limit[];
  now: Date;
}

async function checkPassword(
  deps: SignInDeps,
  { password, timeZone, account, limits, now }: Attempt,
  ctx: RequestContext,
  place: Place,
): Promise<SignInResult> {
  const { db } = deps;
  // Counted atomically now: the read before let through the attempts that raced to the budget.
  const refused = await takeAttempts(db, limits, now);
  if (refused) return failure(ACCOUNTS_ERRORS, 'PASSWORD_LOCKED_OUT', refused, now);

  const passwordOk = account
    ? await verifySecret(password, account.passwordHash, place)
    : await verifyAgainstNothing(password, deps.bcryptCost, place);
  place.leave(); // the writes below need no thread of the pool: the next asker may have the place

  if (!account || !passwordOk) {
    const lock = await attemptsFailed(db, limits, now);
    if (account) await recordSecurityEvent(db, { accountId: account.id, kind: 'sign-in-failed', at: now }, ctx);
    return lock ? failure(ACCOUNTS_ERRORS, 'PASSWORD_LOCKED_OUT', lock, now) : failure(SIGN_IN_ERRORS, 'WRONG_CREDENTIALS');
  }

  await attemptsSucceeded(db, limits);
  // The password is right: emails give times in the zone this browser is in, in its language (unless
  // the holder chose one), from now on. Stored at this step even when a second step is still to
  // come: every way of finishing a sign-in starts with this one form, the one that reads the zone.
  await rememberBrowserSettings(db, account.id, { timeZone, language: ctx.browserLanguage });
  // With two-step on, the password alone never yields access (docs/rules.md#sign-in-and-lockouts):
  // the session waits for a code.
  if (account.twoStepEnabledAt) {
    const sessionToken = await createSession(db, account.id, now, ctx, { stage: 'password' });
    return { ok: true, accountId: account.id, sessionToken, needsCode: true };
  }
  const sessionToken = await db.$transaction(async (tx) => {
    const token = await createSession(tx, account.id, now, ctx);
    await recordSecurityEvent(tx, { accountId: account.id, kind: 'signed-in', at: now }, ctx);
    return token;
  });
  return { ok: true, accountId: account.id, sessionToken, needsCode: false };
}
