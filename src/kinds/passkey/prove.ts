// Passkeys and security keys (WebAuthn, with @simplewebauthn/server): a trusted device proven by a
// signature instead of a code (docs/rules.md#other-kinds-of-trusted-device).
//
// - Registration: options for the holder's browser (user = the Apple ID, an opaque stable user
//   handle, the account's passkeys excluded, user verification preferred, attestation none), then
//   the answer verified against a challenge of this account (./prove-challenges.ts), APP_URL's origin
//   and RP ID (./relying-party.ts). Adding the device itself is ./add.ts.
// - Assertion: options naming the account's passkeys, then verifyPasskey, with the same contract
//   as verifyCode (src/codes/codes.ts): the flow's onVerified runs in the transaction that records
//   the use, and its answer comes back as `then`.
import { createHash } from 'node:crypto';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Db, DbTx } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import type { CodePurpose, OnVerified } from '../../codes/codes.ts';
import { pausedUntil } from '../../codes/limits.ts';
import { codeAccepted, wrongCodeCounted } from '../../codes/outcomes.ts';
import type { RequestContext } from '../../security-events/record.ts';
import { failure, type Failure, type Result } from '../../result.ts';
import { consumeChallenge, storeChallenge, type ChallengePurpose } from './prove-challenges.ts';
import type { RelyingParty } from './relying-party.ts';
import {
  assertionAnswer,
  authenticationOptionsFor,
  checkAssertion,
  checkRegistration,
  registrationAnswer,
  registrationOptionsFor,
  transportsOf,
  type NewCredential,
} from './ceremonies.ts';
import { PASSKEYS_ERRORS, type PasskeysError } from './errors.ts';
import { PASSKEY_PURPOSES, type PasskeyDeps, type PasskeyPurpose } from './signing.ts';

export { PASSKEYS_ERRORS, type PasskeysError } from './errors.ts';
export { relyingParty, type RelyingParty } from './relying-party.ts';
export type { NewCredential } from './ceremonies.ts';

export { PASSKEY_PURPOSES, type PasskeyDeps, type PasskeyPurpose } from './signing.ts';
// Every purpose a passkey completes is a code's purpose: its failures count in the same run.
PASSKEY_PURPOSES satisfies readonly CodePurpose[];

/**
 * The user handle authenticators keep with a passkey: opaque and stable per account (so a second
 * registration on one authenticator replaces the first), never the Apple ID or anything personal.
 */
export const userHandle = (accountId: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(createHash('sha256').update(`two-step passkey user:${accountId}`).digest());

/** The account's passkeys, as options name them (id and transports: public values). */
async function accountCredentials(db: Db, accountId: string) {
  const rows = await db.trustedDevice.findMany({
    where: { accountId, kind: 'passkey', credentialId: { not: null }, verifiedAt: { not: null } },
    select: { credentialId: true, transports: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({ id: r.credentialId as string, transports: transportsOf(r.transports) }));
}

/** Whether the account has a passkey (pages offer "Use a passkey or security key" then). */
export async function hasPasskey(db: Db, accountId: string): Promise<boolean> {
  return (await db.trustedDevice.count({ where: { accountId, kind: 'passkey', verifiedAt: { not: null } } })) > 0;
}

// ---- Registration ----------------------------------------------------------------------------

export async function registrationOptions(
  deps: PasskeyDeps,
  account: { id: string; appleId: string; name: string },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = { name: account.appleId, displayName: account.name, handle: userHandle(account.id) };
  const options = await registrationOptionsFor(deps.webauthn, user, await accountCredentials(deps.db, account.id));
  await storeChallenge(deps.db, { accountId: account.id }, 'register', options.challenge, deps.clock.now());
  return options;
}

/** Verifies a registration answer (untrusted input) against a challenge of this account, used once. */
export async function verifyRegistration(
  deps: PasskeyDeps,
  accountId: string,
  raw: unknown,
): Promise<Result<{ credential: NewCredential }, PasskeysError>> {
  const answer = registrationAnswer(raw);
  if (!answer) return failure(PASSKEYS_ERRORS, 'RESPONSE_MALFORMED');
  if (!(await consumeChallenge(deps.db, { accountId }, 'register', answer.challenge, deps.clock.now())))
    return failure(PASSKEYS_ERRORS, 'CHALLENGE_GONE');
  const credential = await checkRegistration(deps.webauthn, answer);
  return credential ? { ok: true, credential } : failure(PASSKEYS_ERRORS, 'REGISTRATION_REFUSED');
}

// ---- Assertion -------------------------------------------------------------------------------

/** Options for proving `purpose` with one of the account's passkeys; refused when it has none. */
export async function authenticationOptions(
  deps: PasskeyDeps,
  accountId: string,
  purpose: PasskeyPurpose,
): Promise<Result<{ options: PublicKeyCredentialRequestOptionsJSON }, PasskeysError>> {
  const allowCredentials = await accountCredentials(deps.db, accountId);
  if (allowCredentials.length === 0) return failure(PASSKEYS_ERRORS, 'NO_PASSKEY');
  const options = await authenticationOptionsFor(deps.webauthn, allowCredentials);
  await storeChallenge(deps.db, { accountId }, purpose, options.challenge, deps.clock.now());
  return { ok: true, options };
}

/**
 * A failed proof counts as a wrong code for the account (src/codes/limits.ts): a passkey is a
 * trusted device like the others, so the account-wide pause after 10 failures in a row covers it
 * too. A failure costs nothing to a holder with their own key (its signatures verify), and makes
 * no difference to guessing (there is nothing to guess); but without counting, someone at a
 * signed-in session could try keys without limit. 'code-wrong' with method 'passkey': the holder's
 * activity and the alert email treat it as the wrong code it stands for.
 */
async function countFailedProof(
  deps: PasskeyDeps,
  accountId: string,
  purpose: PasskeyPurpose,
  reason: string,
  ctx: RequestContext,
): Promise<Failure<'PAUSED'> | null> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const run = await wrongCodeCounted(
      tx,
      deps.clock,
      { accountId, trustedDeviceId: null, purpose, details: { method: 'passkey', reason } },
      now,
      ctx,
    );
    return run.pausedUntil ? failure(PASSKEYS_ERRORS, 'PAUSED', run.pausedUntil, now) : null;
  });
}

/**
 * Checks an assertion (untrusted input) for `purpose` on this account. In order: the answer is
 * parsed; the account must not be paused; its challenge is claimed (single use, this account and
 * purpose, unexpired); the credential must be a passkey of THIS account (another account's is
 * refused and recorded on this one); the signature, origin, RP ID and counter must check out. Then,
 * in one transaction: the counter and last use are written only if the counter is still the one
 * we read (two concurrent assertions cannot both pass), the run of wrong codes ends, the use is
 * recorded and the flow's onVerified runs.
 */
export async function verifyPasskey<T = undefined>(
  deps: PasskeyDeps,
  input: { accountId: string; purpose: PasskeyPurpose; response: unknown },
  ctx: RequestContext,
  onVerified?: OnVerified<T>,
): Promise<Result<{ then?: T; trustedDeviceId: string }, PasskeysError>> {
  const { accountId, purpose } = input;
  const now = deps.clock.now();
  const answer = assertionAnswer(input.response);
  if (!answer) return failure(PASSKEYS_ERRORS, 'RESPONSE_MALFORMED');

  const paused = await pausedUntil(deps.db, accountId, ctx, now);
  if (paused) return failure(PASSKEYS_ERRORS, 'PAUSED', paused, now);
  if (!(await consumeChallenge(deps.db, { accountId }, purpose as ChallengePurpose, answer.challenge, now)))
    return failure(PASSKEYS_ERRORS, 'CHALLENGE_GONE');

  const stored = await deps.db.trustedDevice.findFirst({
    where: { credentialId: answer.response.id, kind: 'passkey', verifiedAt: { not: null } },
    select: { id: true, accountId: true, credentialId: true, publicKey: true, signCount: true, transports: true },
  });
  if (!stored || stored.accountId !== accountId || !stored.publicKey || stored.credentialId === null) {
    // Never which account holds it: only that this one does not.
    return (
      (await countFailedProof(deps, accountId, purpose, stored ? 'credential of another account' : 'unknown credential', ctx)) ??
      failure(PASSKEYS_ERRORS, 'CREDENTIAL_UNKNOWN')
    );
  }
  const oldCount = stored.signCount ?? 0;
  const checked = await checkAssertion(deps.webauthn, answer, {
    credentialId: stored.credentialId,
    publicKey: stored.publicKey,
    signCount: oldCount,
    transports: stored.transports,
  });
  if (!checked.ok) {
    const counter = checked.reason === 'counter';
    const paused = await countFailedProof(
      deps,
      accountId,
      purpose,
      counter ? 'signature counter did not increase' : 'signature refused',
      ctx,
    );
    return paused ?? failure(PASSKEYS_ERRORS, counter ? 'COUNTER_REFUSED' : 'SIGNATURE_REFUSED');
  }
  const { newCounter, method } = checked;
  const credential = { id: stored.id };

  const outcome = await deps.db.$transaction(async (tx: DbTx) => {
    // The signature counter rule, in the database: the write happens only from the counter we
    // checked against, so of two assertions checked against one value only one is recorded.
    // (Both zero: an authenticator without a counter, e.g. synced passkeys; the single-use
    // challenge is then what stops a replay.)
    const claimed = await tx.$executeRaw`
      UPDATE "TrustedDevice" SET "signCount" = ${newCounter}, "lastUsedAt" = ${now}
      WHERE "id" = ${credential.id} AND "accountId" = ${accountId} AND COALESCE("signCount", 0) = ${oldCount}`;
    if (claimed !== 1) return { ok: false as const };
    await codeAccepted(tx, { accountId, trustedDeviceId: credential.id, purpose, details: { method: 'passkey' } }, now, ctx);
    return { ok: true as const, then: onVerified ? await onVerified(tx, { trustedDeviceId: credential.id, method }) : undefined };
  });
  if (!outcome.ok) return failure(PASSKEYS_ERRORS, 'COUNTER_REFUSED');
  return { ok: true, then: outcome.then, trustedDeviceId: credential.id };
}
