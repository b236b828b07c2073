// Password sign-in. The answer never says which of Apple ID and password was wrong. Attempts are
// counted before the password is compared (src/throttle/throttle.ts), with a lockout that says how
// long to wait (NIST SP 800-63B 5.2.2 rate limiting):
//  - from a browser that signed in to this account before (its device cookie,
//    src/throttle/known-browsers.ts): 5 per 15 minutes for that browser alone;
//  - from any other browser: 5 per 15 minutes per Apple ID for all of them together (even an
//    Apple ID with no account, so a lockout reveals nothing), and per client address a budget of
//    20 after which attempts are slowed, never locked (many people can share one address).
// So a stranger who knows only the Apple ID locks out strangers, never the holder's own browser.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { appleIdKey, emailField } from '../accounts/apple-id.ts';
import { verifyAgainstNothing, verifySecret } from '../accounts/passwords.ts';
import { hashingLine, type Place } from '../accounts/hashing-line.ts';
import { passwordLimits } from '../accounts/password-guesses.ts';
import { ACCOUNTS_ERRORS } from '../accounts/errors.ts';
import type { FieldErrors, FormResult } from '../accounts/fields.ts';
import { attemptsFailed, attemptsSucceeded, takeAttempts } from '../throttle/throttle.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { createSession } from '../sessions/sessions.ts';
import { failure } from '../result.ts';
import { rawDateOrNull } from '../db/raw.ts';
import { SIGN_IN_ERRORS, type SignInError } from './errors.ts';

export const signInSchema = z.object({
  appleId: emailField,
  password: z.string().min(1, 'Enter your password.').max(1024),
});

/** needsCode: two-step is on, the session only lets the holder finish with a code. */
type SignInResult = FormResult<{ accountId: string; sessionToken: string; needsCode: boolean }, SignInError | 'PASSWORD_LOCKED_OUT' | 'SERVER_BUSY'>;

export interface SignInDeps {
  db: Db;
  clock: Clock;
  bcryptCost: number;
}

/** `input` is untrusted (a submitted form): it is parsed here. */
export async function signIn(deps: SignInDeps, input: unknown, ctx: RequestContext): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const i of parsed.error.issues) fieldErrors[i.path[0] as 'appleId' | 'password'] ??= i.message;
    return { ...failure(SIGN_IN_ERRORS, 'CHECK_FIELDS'), fieldErrors };
  }
  // A place in the hashing line first: when it is full, nothing is read and no guess is counted.
  const place = hashingLine.enter();
  if (!place) return failure(ACCOUNTS_ERRORS, 'SERVER_BUSY');
  try {
    return await checkPassword(deps, parsed.data, ctx, place);
  } finally {
    place.leave(); // when refused before the compare
  }
}

/** What a password sign-in needs of the account: one raw read (src/db/raw.ts: a model query costs five times the CPU). */
async function accountToCheck(db: Db, key: string): Promise<{ id: string; passwordHash: string; twoStepEnabledAt: Date | null } | null> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT "id", "passwordHash", "twoStepEnabledAt" FROM "Account" WHERE "appleIdKey" = ${key}`;
  const r = rows[0];
  return r ? { id: String(r.id), passwordHash: String(r.passwordHash), twoStepEnabledAt: rawDateOrNull(r.twoStepEnabledAt) } : null;
}

async function checkPassword(deps: SignInDeps, input: z.infer<typeof signInSchema>, ctx: RequestContext, place: Place): Promise<SignInResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const key = appleIdKey(input.appleId);
  const account = await accountToCheck(db, key);
  const limits = passwordLimits('sign-in', key, account?.id ?? null, ctx);
  const refusedUntil = await takeAttempts(db, limits, now);
  if (refusedUntil) return failure(ACCOUNTS_ERRORS, 'PASSWORD_LOCKED_OUT', refusedUntil, now);

  const passwordOk = account
    ? await verifySecret(input.password, account.passwordHash, place)
    : await verifyAgainstNothing(input.password, deps.bcryptCost, place);

  if (!account || !passwordOk) {
    const lock = await attemptsFailed(db, limits, now);
    if (account) await recordSecurityEvent(db, { accountId: account.id, kind: 'sign-in-failed', at: now }, ctx);
    return lock ? failure(ACCOUNTS_ERRORS, 'PASSWORD_LOCKED_OUT', lock, now) : failure(SIGN_IN_ERRORS, 'WRONG_CREDENTIALS');
  }

  await attemptsSucceeded(db, limits);
  // With two-step on, the password alone never yields access (seed 001): the session waits for a code.
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
