// A staff member's passkey or security key (WebAuthn), as the second factor after the password
// (src/support/staff-factors.ts). The holders' ceremonies (./ceremonies.ts) and challenges
// (./prove-challenges.ts, owned by the staff member): the RP is APP_URL's, the challenge is
// single use and lives 5 minutes, the credential id is unique, the counter must go up and is
// written only from the value checked. Setting one up needs no factor yet, and the ceremony is its
// proof: it opens the console at once. Every assertion is counted before it is checked
// (staffFactorLimits); a malformed or expired answer is refused without counting.
//
// A staff member's factor is the console's own concept (a StaffFactor row of a staff user, who has
// no account and no trusted devices): this file sits above src/support/, whose shared rules it
// uses, and src/kinds/staff-registry.ts lists it (passkeyStaffFactor, below).
import { createHash } from 'node:crypto';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { attemptsSucceeded, takeAttempts } from '../../throttle/throttle.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { consumeChallenge, storeChallenge } from './prove-challenges.ts';
import {
  assertionAnswer,
  authenticationOptionsFor,
  checkAssertion,
  checkRegistration,
  registrationAnswer,
  registrationOptionsFor,
  transportsOf,
} from './ceremonies.ts';
import type { RelyingParty } from './relying-party.ts';
import type { RequestContext } from '../../security-events/record.ts';
import { failure, type Result } from '../../result.ts';
import { SUPPORT_ERRORS, type SupportError } from '../../support/errors.ts';
import { completeSetup, factorFailed, passSecondFactor, setupRefusal, staffFactorLimits } from '../../support/staff-factors.ts';
import type { KindOfStaffFactor } from '../../support/staff-factor-kind.ts';
import { consoleReady, type StaffSession } from '../../support/staff.ts';

export interface StaffPasskeyDeps {
  db: Db;
  clock: Clock;
  webauthn: RelyingParty;
}

/**
 * The user handle the authenticator keeps: opaque and stable per staff member, never a holder's
 * (./prove.ts userHandle).
 */
export const staffUserHandle = (staffUserId: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(createHash('sha256').update(`two-step staff passkey user:${staffUserId}`).digest());

async function staffPasskeys(db: Db, staffUserId: string) {
  const rows = await db.staffFactor.findMany({
    where: { staffUserId, kind: 'passkey', verifiedAt: { not: null } },
    select: { credentialId: true, transports: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({ id: r.credentialId as string, transports: transportsOf(r.transports) }));
}

const secondFactorStage = (session: StaffSession) => (consoleReady(session) ? failure(SUPPORT_ERRORS, 'STAFF_SIGN_IN_AGAIN') : null);

// ---- Setting one up (the first sign-in) ----------------------------------------------------------

export async function staffPasskeyRegistrationOptions(
  deps: StaffPasskeyDeps,
  session: StaffSession,
): Promise<Result<{ options: PublicKeyCredentialCreationOptionsJSON }, SupportError>> {
  const refused = secondFactorStage(session) ?? (await setupRefusal(deps.db, session));
  if (refused) return refused;
  const staff = await deps.db.staffUser.findUniqueOrThrow({
    where: { id: session.staff.id },
    select: { emailKey: true, displayName: true },
  });
  const user = { name: staff.emailKey, displayName: staff.displayName, handle: staffUserHandle(session.staff.id) };
  const options = await registrationOptionsFor(deps.webauthn, user, await staffPasskeys(deps.db, session.staff.id));
  await storeChallenge(deps.db, { staffUserId: session.staff.id }, 'register', options.challenge, deps.clock.now());
  return { ok: true, options };
}

/** The registration ceremony's answer (untrusted input): the key becomes the staff member's, and the session opens the console. */
export async function addStaffPasskey(
  deps: StaffPasskeyDeps,
  session: StaffSession,
  raw: unknown,
  ctx: RequestContext,
): Promise<Result<{ token: string }, SupportError>> {
  const refused = secondFactorStage(session) ?? (await setupRefusal(deps.db, session));
  if (refused) return refused;
  const answer = registrationAnswer(raw);
  if (!answer) return failure(SUPPORT_ERRORS, 'STAFF_PASSKEY_MALFORMED');
  const now = deps.clock.now();
  if (!(await consumeChallenge(deps.db, { staffUserId: session.staff.id }, 'register', answer.challenge, now)))
    return failure(SUPPORT_ERRORS, 'STAFF_PASSKEY_EXPIRED');
  const credential = await checkRegistration(deps.webauthn, answer);
  if (!credential) return failure(SUPPORT_ERRORS, 'STAFF_PASSKEY_NOT_ADDED');
  try {
    return await completeSetup(
      deps.db,
      session,
      'passkey',
      async (tx) => {
        const { credentialId, publicKey, signCount, transports } = credential;
        await tx.staffFactor.create({
          data: {
            staffUserId: session.staff.id,
            kind: 'passkey',
            createdAt: now,
            verifiedAt: now,
            credentialId,
            publicKey,
            signCount,
            transports: JSON.stringify(transports),
          },
        });
        return null;
      },
      now,
      ctx,
    );
  } catch (e) {
    if (isUniqueViolation(e)) return failure(SUPPORT_ERRORS, 'STAFF_PASSKEY_NOT_ADDED'); // a credential already stored
    throw e;
  }
}

// ---- Signing in with it ------------------------------------------------------------------------

export async function staffPasskeyOptions(
  deps: StaffPasskeyDeps,
  session: StaffSession,
): Promise<Result<{ options: PublicKeyCredentialRequestOptionsJSON }, SupportError>> {
  const refused = secondFactorStage(session);
  if (refused) return refused;
  const allow = await staffPasskeys(deps.db, session.staff.id);
  if (allow.length === 0) return failure(SUPPORT_ERRORS, 'STAFF_NO_PASSKEY');
  const options = await authenticationOptionsFor(deps.webauthn, allow);
  await storeChallenge(deps.db, { staffUserId: session.staff.id }, 'sign-in', options.challenge, deps.clock.now());
  return { ok: true, options };
}

/**
 * An assertion (untrusted input) after the password. In order: parsed; its challenge claimed (this
 * staff member's, for signing in, unexpired, once); the attempt counted; the credential must be a
 * passkey of THIS staff member; signature, origin, RP ID and counter checked; the counter written
 * only from the value checked. Then the session opens the console.
 */
export async function signInWithStaffPasskey(
  deps: StaffPasskeyDeps,
  session: StaffSession,
  raw: unknown,
  ctx: RequestContext,
): Promise<Result<{ token: string }, SupportError>> {
  const refused = secondFactorStage(session);
  if (refused) return refused;
  const answer = assertionAnswer(raw);
  if (!answer) return failure(SUPPORT_ERRORS, 'STAFF_PASSKEY_MALFORMED');
  const { db } = deps;
  const staffUserId = session.staff.id;
  const now = deps.clock.now();
  if (!(await consumeChallenge(db, { staffUserId }, 'sign-in', answer.challenge, now)))
    return failure(SUPPORT_ERRORS, 'STAFF_PASSKEY_EXPIRED');
  const limits = staffFactorLimits(staffUserId);
  const locked = await takeAttempts(db, limits, now);
  if (locked) return failure(SUPPORT_ERRORS, 'STAFF_FACTOR_LOCKED', locked, now);

  const key = await db.staffFactor.findFirst({
    where: { credentialId: answer.response.id, staffUserId, kind: 'passkey', verifiedAt: { not: null } },
    select: { id: true, credentialId: true, publicKey: true, signCount: true, transports: true },
  });
  if (!key?.credentialId || !key.publicKey)
    return factorFailed(db, session, 'passkey', 'unknown credential', failure(SUPPORT_ERRORS, 'STAFF_PASSKEY_UNKNOWN'), ctx, now);
  const oldCount = key.signCount ?? 0;
  const checked = await checkAssertion(deps.webauthn, answer, {
    credentialId: key.credentialId,
    publicKey: key.publicKey,
    signCount: oldCount,
    transports: key.transports,
  });
  const counterRefused = () =>
    factorFailed(db, session, 'passkey', 'signature counter did not increase', failure(SUPPORT_ERRORS, 'STAFF_PASSKEY_COUNTER'), ctx, now);
  if (!checked.ok)
    return checked.reason === 'counter'
      ? counterRefused()
      : factorFailed(db, session, 'passkey', 'signature refused', failure(SUPPORT_ERRORS, 'STAFF_PASSKEY_REFUSED'), ctx, now);
  // The counter rule in the database: of two assertions checked against one value, one is written.
  const claimed = await db.$executeRaw`
    UPDATE "StaffFactor" SET "signCount" = ${checked.newCounter}, "lastUsedAt" = ${now}
    WHERE "id" = ${key.id} AND "staffUserId" = ${staffUserId} AND COALESCE("signCount", 0) = ${oldCount}`;
  if (claimed !== 1) return counterRefused();
  await attemptsSucceeded(db, limits);
  const token = await db.$transaction((tx) => passSecondFactor(tx, session, 'passkey', now, ctx));
  return token ? { ok: true, token } : failure(SUPPORT_ERRORS, 'STAFF_SIGN_IN_AGAIN');
}

/** The staff factor of this kind (src/support/staff-factor-kind.ts): both steps are the browser's ceremonies. */
export const passkeyStaffFactor: KindOfStaffFactor<StaffPasskeyDeps> = {
  id: 'passkey',
  begin: staffPasskeyRegistrationOptions,
  confirm: addStaffPasskey,
  challenge: staffPasskeyOptions,
  prove: signInWithStaffPasskey,
};
