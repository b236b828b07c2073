// What a right or a wrong code does to the account, whichever kind of device it came from (a code
// we sent, or one the device made itself): one place, so a wrong code a device made counts exactly
// like a wrong sent code, and a right one clears the run the same way.
import type { DbTx } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { wrongCodesAlertEmail } from '../mail/templates.ts';
import type { AuthMethod } from '../sessions/auth-methods.ts';
import { clearWrongCodes, countWrongCode, WRONG_CODES_BEFORE_PAUSE, type WrongCodeRun } from './limits.ts';
import { emailReader } from '../mail/recipients.ts';

/** Which trusted device proved the step, and how (RFC 8176; what an app signed in through the portal is told). */
export interface Proof {
  trustedDeviceId: string;
  method: AuthMethod;
}

/**
 * What the flow does once the code is right, in the transaction that records it (so a sign-in is
 * one transaction, not two): its answer comes back as `then`.
 */
export type OnVerified<T> = (tx: DbTx, proof: Proof) => Promise<T>;

/** The code's purpose, as codes.ts lists them (repeated as a plain string: this file sits below codes.ts). */
interface Attempt {
  accountId: string;
  /** The device the proof was for; null when it named none of this account's (a signature by another account's key). */
  trustedDeviceId: string | null;
  purpose: string;
  /** More of the event's details (never a code): e.g. the method of a proof that is no code. */
  details?: Record<string, string | number>;
}

const eventDetails = (a: Attempt) => ({
  purpose: a.purpose,
  ...(a.trustedDeviceId ? { trustedDeviceId: a.trustedDeviceId } : {}),
  ...a.details,
});

/**
 * A right code, in the transaction of the flow it completes: the wrong codes in a row end, the
 * check is recorded, and the device was used (lastUsedAt; not when the code only verified the
 * device itself, which is not a use of it yet).
 */
export async function codeAccepted(tx: DbTx, a: Attempt, now: Date, ctx: RequestContext): Promise<void> {
  await clearWrongCodes(tx, a.accountId);
  await recordSecurityEvent(tx, { accountId: a.accountId, kind: 'code-verified', at: now, details: eventDetails(a) }, ctx);
  if (a.purpose !== 'verify-device' && a.trustedDeviceId) {
    await tx.$executeRaw`UPDATE "TrustedDevice" SET "lastUsedAt" = ${now} WHERE "id" = ${a.trustedDeviceId} AND "accountId" = ${a.accountId}`;
  }
}

/**
 * A well-formed wrong code: recorded ('code-wrong', with the code's own `details`), counted in the
 * account's wrong codes in a row (limits.ts), and when that run reaches the pause, the pause is
 * recorded and the holder alerted once. Returns the run.
 */
export async function wrongCodeCounted(tx: DbTx, clock: Clock, a: Attempt, now: Date, ctx: RequestContext): Promise<WrongCodeRun> {
  const { accountId } = a;
  await recordSecurityEvent(tx, { accountId, kind: 'code-wrong', at: now, details: eventDetails(a) }, ctx);
  const run = await countWrongCode(tx, accountId, ctx, now);
  if (run.pausedUntil) {
    await recordSecurityEvent(
      tx,
      { accountId, kind: 'codes-paused', at: now, details: { wrongInARow: run.wrongInARow, pausedUntil: run.pausedUntil.toISOString() } },
      ctx,
    );
  }
  if (run.tripped) await sendWrongCodesAlert(tx, clock, accountId, run, now);
  return run;
}

/**
 * The one alert of a run of wrong codes (OWASP MFA cheat sheet: tell the holder about failed
 * attempts), to the Apple ID and the rescue email, in the transaction that counted the wrong code
 * that reached the threshold. It names when, and the client addresses and browsers the wrong codes
 * of this run came from (from the 'code-wrong' events); never a code.
 */
async function sendWrongCodesAlert(tx: DbTx, clock: Clock, accountId: string, run: WrongCodeRun, now: Date): Promise<void> {
  const account = await tx.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { name: true, appleId: true, rescueEmail: true, timeZone: true, language: true, browserLanguage: true },
  });
  const wrong = await tx.securityEvent.findMany({
    where: { accountId, kind: 'code-wrong', createdAt: { gte: run.runStartedAt } },
    orderBy: { createdAt: 'asc' },
    select: { clientAddress: true, userAgent: true, createdAt: true },
  });
  const bySource = new Map<string, { clientAddress: string | null; userAgent: string | null; attempts: number; lastAt: Date }>();
  for (const e of wrong) {
    const key = JSON.stringify([e.clientAddress, e.userAgent]);
    const source = bySource.get(key) ?? { clientAddress: e.clientAddress, userAgent: e.userAgent, attempts: 0, lastAt: e.createdAt };
    source.attempts += 1;
    if (e.createdAt > source.lastAt) source.lastAt = e.createdAt;
    bySource.set(key, source);
  }
  // The most recent sources first, at most 5 of them.
  const sources = [...bySource.values()].sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime()).slice(0, 5);
  await enqueueEmail(
    tx,
    {
      kind: 'wrong-codes-alert',
      accountId,
      to: account.rescueEmail ? [account.appleId, account.rescueEmail] : [account.appleId],
      ...wrongCodesAlertEmail({
        name: account.name,
        appleId: account.appleId,
        at: now,
        wrongCodes: WRONG_CODES_BEFORE_PAUSE,
        sources,
        ...emailReader(account),
      }),
    },
    clock,
  );
}
