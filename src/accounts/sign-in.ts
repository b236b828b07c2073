// Password sign-in. The answer never says which of Apple ID and password was wrong, and failures
// are counted per Apple ID (even one with no account, so a lockout reveals nothing) and per client
// address, with a lockout that says how long to wait (NIST SP 800-63B 5.2.2 rate limiting).
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { MINUTE } from '../clock.ts';
import { appleIdKey, emailField } from './apple-id.ts';
import { verifyAgainstNothing, verifySecret } from './passwords.ts';
import { clearFailures, lockedUntil, recordFailure, waitText, type ThrottlePolicy } from '../throttle/throttle.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { createSession } from '../sessions/sessions.ts';

export const PER_APPLE_ID: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
export const PER_CLIENT_ADDRESS: ThrottlePolicy = { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export const WRONG_CREDENTIALS = 'Your Apple ID or password was incorrect.';

export const signInSchema = z.object({
  appleId: emailField,
  password: z.string().min(1, 'Enter your password.').max(1024),
});

export type SignInResult =
  /** needsCode: two-step is on, the session only lets the holder finish with a code. */
  | { ok: true; accountId: string; sessionToken: string; needsCode: boolean }
  | { ok: false; error: string; fieldErrors?: Partial<Record<'appleId' | 'password', string>> };

export interface SignInDeps {
  db: Db;
  clock: Clock;
  bcryptCost: number;
}

export const appleIdThrottleKey = (key: string) => `sign-in:apple-id:${key}`;
export const addressThrottleKey = (address: string) => `sign-in:address:${address}`;

/** `input` is untrusted (a submitted form): it is parsed here. */
export async function signIn(deps: SignInDeps, input: unknown, ctx: RequestContext): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<'appleId' | 'password', string>> = {};
    for (const i of parsed.error.issues) fieldErrors[i.path[0] as 'appleId' | 'password'] ??= i.message;
    return { ok: false, error: 'Check the fields marked below.', fieldErrors };
  }
  const { db, clock } = deps;
  const now = clock.now();
  const key = appleIdKey(parsed.data.appleId);
  const keys = [appleIdThrottleKey(key), ...(ctx.clientAddress ? [addressThrottleKey(ctx.clientAddress)] : [])];

  for (const k of keys) {
    const until = await lockedUntil(db, k, now);
    if (until) return { ok: false, error: lockoutMessage(until, now) };
  }

  const account = await db.account.findUnique({ where: { appleIdKey: key } });
  const passwordOk = account
    ? await verifySecret(parsed.data.password, account.passwordHash)
    : await verifyAgainstNothing(parsed.data.password, deps.bcryptCost);

  if (!account || !passwordOk) {
    const locks = [
      await recordFailure(db, keys[0], PER_APPLE_ID, now),
      ...(keys[1] ? [await recordFailure(db, keys[1], PER_CLIENT_ADDRESS, now)] : []),
    ].filter((d): d is Date => d !== null);
    if (account) await recordSecurityEvent(db, { accountId: account.id, kind: 'sign-in-failed', at: now }, ctx);
    if (locks.length > 0) return { ok: false, error: lockoutMessage(locks[0], now) };
    return { ok: false, error: WRONG_CREDENTIALS };
  }

  await clearFailures(db, keys[0]);
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

function lockoutMessage(until: Date, now: Date): string {
  return `Too many unsuccessful sign-in attempts. For your security, try again in ${waitText(until, now)}.`;
}
