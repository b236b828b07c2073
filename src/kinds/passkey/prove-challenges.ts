// The WebAuthn challenges in flight: the random value a passkey signs, so an answer cannot be
// replayed. A challenge is made for one owner (a holder's account, or a support staff member
// signing in to the console) and one purpose (a code purpose, or 'register'),
// stored only as sha256(challenge) (the WebAuthnChallenge row's id: a database leak yields nothing
// to sign), and used once: the answer names it (clientDataJSON.challenge) and one conditional
// DELETE claims it, so of concurrent answers with one challenge exactly one goes on.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { lockAccountRow, lockName } from '../../db/row-locks.ts';
import { MINUTE } from '../../clock.ts';
import type { CodePurpose } from '../../codes/codes.ts';

export type ChallengePurpose = CodePurpose | 'register';

/** Whose ceremony a challenge is for: exactly one of the row's two owner columns is set. */
export type ChallengeOwner = { accountId: string } | { staffUserId: string };

/**
 * The owner as the two columns. SQL compares both ("accountId" = a OR "staffUserId" = s): the unset
 * one is NULL, and a comparison with NULL is never true, so one statement serves both owners.
 */
function columns(owner: ChallengeOwner): { accountId: string | null; staffUserId: string | null } {
  return 'accountId' in owner ? { accountId: owner.accountId, staffUserId: null } : { accountId: null, staffUserId: owner.staffUserId };
}

/**
 * (ours) A challenge lives 5 minutes: the browser's ceremony times out after 1 to 5 minutes
 * (WebAuthn's recommended range; we ask for 60 s, the library's default), so this covers any
 * ceremony the holder finishes, and no longer: a stale answer is worth nothing to an attacker.
 */
export const CHALLENGE_TTL_MS = 5 * MINUTE;

/**
 * (ours) An owner holds at most this many live challenges; a new one beyond it replaces the
 * oldest. Only sessions past the password (or a Recovery Key reset past the key) can ask for
 * challenges, so a stranger cannot fill the table; this bounds what even a holder's own scripted
 * session (or many open tabs) can store.
 */
export const MAX_LIVE_CHALLENGES = 10;

export const challengeId = (challenge: string): string => createHash('sha256').update(challenge, 'utf8').digest('hex');

/**
 * Stores a challenge the library made (base64url) for (owner, purpose). Under the owner's lock:
 * purges the owner's expired challenges, then keeps the newest MAX_LIVE_CHALLENGES.
 */
export async function storeChallenge(
  db: Db,
  owner: ChallengeOwner,
  purpose: ChallengePurpose,
  challenge: string,
  now: Date,
): Promise<void> {
  const { accountId, staffUserId } = columns(owner);
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  await db.$transaction(async (tx) => {
    if (accountId) await lockAccountRow(tx, accountId, now);
    else await lockName(tx, `staff-user:${staffUserId}`, now);
    await tx.$executeRaw`DELETE FROM "WebAuthnChallenge" WHERE ("accountId" = ${accountId} OR "staffUserId" = ${staffUserId}) AND "expiresAt" <= ${now}`;
    await tx.$executeRaw`
      INSERT INTO "WebAuthnChallenge" ("id", "accountId", "staffUserId", "purpose", "createdAt", "expiresAt")
      VALUES (${challengeId(challenge)}, ${accountId}, ${staffUserId}, ${purpose}, ${now}, ${expiresAt})`;
    // LIMIT before OFFSET: SQLite needs one; no owner comes near 1000.
    await tx.$executeRaw`
      DELETE FROM "WebAuthnChallenge" WHERE "id" IN (
        SELECT "id" FROM "WebAuthnChallenge" WHERE "accountId" = ${accountId} OR "staffUserId" = ${staffUserId}
        ORDER BY "createdAt" DESC, "id" DESC LIMIT 1000 OFFSET ${MAX_LIVE_CHALLENGES})`;
  });
}

/**
 * Claims a challenge once: true only for the one request whose DELETE removed the live row of this
 * owner and purpose. Expired, used, unknown, another owner's or another purpose's → false.
 */
export async function consumeChallenge(
  db: Db,
  owner: ChallengeOwner,
  purpose: ChallengePurpose,
  challenge: string,
  now: Date,
): Promise<boolean> {
  const { accountId, staffUserId } = columns(owner);
  const deleted = await db.$executeRaw`
    DELETE FROM "WebAuthnChallenge"
    WHERE "id" = ${challengeId(challenge)} AND ("accountId" = ${accountId} OR "staffUserId" = ${staffUserId}) AND "purpose" = ${purpose} AND "expiresAt" > ${now}`;
  return deleted === 1;
}
