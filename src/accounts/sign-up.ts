// The Create Account form, with the address confirmed as real account systems do
// (docs/rules.md#account).
//
// 1. signUp (the form): whatever the Apple ID, the answer is the same "check your email", after
//    the same work (the form checked, four bcrypt hashes, one transaction with one email):
//      - an address that is no Apple ID gets a link that activates the new one: the form's data
//        waits in a PendingAccount row whose id is the SHA-256 of the link's token; the link works
//        once, for 24 hours;
//      - an address that already is an Apple ID gets an email saying that someone tried to create
//        an Apple ID with it: no link, and nothing else changes.
//    So the form no longer tells anyone which addresses have an account. It is limited per client
//    address (10 an hour; ACCOUNTS_PER_ADDRESS_PER_HOUR) and sends at most 3 emails an hour to one address (creation-limits.ts);
//    past the second limit the answer is still "check your email" and no email goes out.
// 2. The link (GET /create/activate/open) only moves the token into a cookie; the page it leads to
//    activates on POST, when the holder presses "Activate my Apple ID": mail scanners that fetch
//    links activate nothing.
// 3. activateAccount makes the account from the row (insertAccount: the account, its questions, the
//    'account-created' event and the welcome email, in one transaction) and deletes every waiting
//    row for that address. It does not sign anyone in: the page sends the holder to sign in with
//    the password, so a link opened by someone who did not fill in the form (say, the owner of an
//    address a stranger typed) gives nobody a session.
//
// Before activation there is no Account row at all: an unconfirmed Apple ID cannot sign in (the
// sign-in form answers as for any unknown Apple ID, so it reveals nothing either), ask for a
// password reset, or be found by support; and a stranger who types someone else's address cannot
// hold it: the owner's own form makes its own link, and the first link opened wins.
import { z } from 'zod';
import type { DbTx } from '../db/client.ts';
import { DAY } from '../clock.ts';
import { newToken, tokenId } from '../tokens.ts';
import { appleIdKey } from './apple-id.ts';
import type { FormResult } from '../forms/forms.ts';
import { ACCOUNTS_ERRORS, type AccountsError } from './errors.ts';
import { failure, type Result } from '../result.ts';
import { hashAccountSecrets, insertAccount, validateAccountForm, type AccountDeps, type NewAccount } from './create-account.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { addressCreationKey, appleIdCreationKey, CREATIONS_PER_CLIENT_ADDRESS, EMAILS_PER_APPLE_ID } from './creation-limits.ts';
import { takeAttempt } from '../throttle/throttle.ts';
import type { RequestContext } from '../security-events/record.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { accountExistsEmail, activateAccountEmail } from '../mail/templates.ts';
import { emailReader } from '../mail/recipients.ts';

/** How long an activation link works after it was sent. */
export const ACTIVATION_LINK_TTL_MS = DAY;

/**
 * How long the link that made an account still answers "already active" (with a way to sign in)
 * rather than "expired": its row is kept that long with every personal detail and secret dropped,
 * so an old email opened again sends the holder to sign in, not to fill in the form again.
 */
export const ACTIVATED_LINK_REMEMBERED_MS = 30 * DAY;

/** What a kept row of a used link holds instead of a password hash: it can never make an account. */
const USED = '';

/** The row of the link that made the account, kept without anything personal (ACTIVATED_LINK_REMEMBERED_MS). */
function usedLinkRow(now: Date) {
  return {
    passwordHash: USED,
    name: '',
    birthDate: '',
    rescueEmail: null,
    questions: '[]',
    expiresAt: new Date(now.getTime() + ACTIVATED_LINK_REMEMBERED_MS),
  };
}

// ---------------------------------------------------------------------------------------------
// The link

/** A link token: 32 random bytes, base64url (43 characters). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedActivationToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

export function activationLink(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, '')}/create/activate/open?token=${encodeURIComponent(token)}`;
}

// ---------------------------------------------------------------------------------------------
// 1. The form

const questionsJson = z.array(z.object({ position: z.number().int(), questionId: z.string(), answerHash: z.string() })).length(3);

export interface SignUpDeps extends AccountDeps {
  /** The operator's ACCOUNTS_PER_ADDRESS_PER_HOUR; CREATIONS_PER_CLIENT_ADDRESS.maxFailures when absent. */
  accountsPerAddressPerHour?: number;
}

/**
 * `input` is untrusted (a submitted form): it is parsed here, whatever its type says. The answer is
 * "check your email" (appleId), the same whatever the address.
 */
export async function signUp(
  deps: SignUpDeps,
  input: unknown,
  ctx: RequestContext,
): Promise<FormResult<{ appleId: string }, AccountsError>> {
  const { db, clock } = deps;
  const now = clock.now();
  const checked = validateAccountForm(input, now);
  if (!checked.ok) return checked;

  if (ctx.clientAddress) {
    const limit = {
      ...CREATIONS_PER_CLIENT_ADDRESS,
      maxFailures: deps.accountsPerAddressPerHour ?? CREATIONS_PER_CLIENT_ADDRESS.maxFailures,
    };
    const until = await takeAttempt(db, addressCreationKey(ctx.clientAddress), limit, now);
    if (until) return failure(ACCOUNTS_ERRORS, 'TOO_MANY_SIGN_UPS', until, now);
  }

  // Both paths hash the secrets (most of the time the form takes), whether or not they are kept.
  const account = await hashAccountSecrets(checked.data, deps.bcryptCost);
  const key = appleIdKey(account.appleId);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ACTIVATION_LINK_TTL_MS);
  const mayEmail = (await takeAttempt(db, appleIdCreationKey(key), EMAILS_PER_APPLE_ID, now)) === null;

  if (mayEmail) {
    await db.$transaction(async (tx) => {
      // Links that ran out (for any address) are forgotten: their rows hold password hashes.
      await tx.pendingAccount.deleteMany({ where: { expiresAt: { lte: now } } });
      const existing = await tx.account.findUnique({
        where: { appleIdKey: key },
        select: { id: true, appleId: true, name: true, timeZone: true, language: true, browserLanguage: true },
      });
      if (existing) {
        await enqueueEmail(
          tx,
          {
            kind: 'account-exists',
            accountId: existing.id,
            to: existing.appleId,
            ...accountExistsEmail({
              name: existing.name,
              appleId: existing.appleId,
              at: now,
              appUrl: deps.appUrl,
              ...emailReader(existing),
            }),
          },
          clock,
        );
      } else {
        await tx.pendingAccount.create({ data: pendingRow(tokenId(token), account, key, now, expiresAt) });
        await enqueueEmail(
          tx,
          {
            kind: 'activate-account',
            to: account.appleId,
            ...activateAccountEmail({
              appleId: account.appleId,
              link: activationLink(deps.appUrl, token),
              expiresAt,
              // No account yet: the language of the browser that filled in the form.
              ...emailReader({ timeZone: null, language: null, browserLanguage: ctx.browserLanguage ?? null }),
            }),
          },
          clock,
        );
      }
    });
  }
  return { ok: true, appleId: account.appleId };
}

function pendingRow(id: string, a: NewAccount, key: string, now: Date, expiresAt: Date) {
  return {
    id,
    appleId: a.appleId,
    appleIdKey: key,
    passwordHash: a.passwordHash,
    name: a.name,
    birthDate: a.birthDate,
    countryCode: a.countryCode,
    rescueEmail: a.rescueEmail,
    questions: JSON.stringify(a.questions),
    createdAt: now,
    expiresAt,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. The page the link leads to (GET: changes nothing)

/** What the activation page shows for the token in its cookie. */
export async function openActivation(
  deps: Pick<AccountDeps, 'db' | 'clock'>,
  token: string | undefined,
): Promise<Result<{ appleId: string; name: string }, AccountsError>> {
  if (!isWellFormedActivationToken(token)) return failure(ACCOUNTS_ERRORS, 'ACTIVATION_LINK_INVALID');
  const row = await deps.db.pendingAccount.findUnique({
    where: { id: tokenId(token) },
    select: { appleId: true, name: true, expiresAt: true, passwordHash: true },
  });
  if (!row || row.expiresAt <= deps.clock.now()) return failure(ACCOUNTS_ERRORS, 'ACTIVATION_LINK_INVALID');
  if (row.passwordHash === USED) return failure(ACCOUNTS_ERRORS, 'ALREADY_ACTIVE');
  return { ok: true, appleId: row.appleId, name: row.name };
}

// ---------------------------------------------------------------------------------------------
// 3. "Activate my Apple ID" (POST)

type ActivateResult = Result<{ accountId: string; appleId: string }, AccountsError>;

/** Makes the account from the link's row, once. Concurrent presses: one account, one success. */
export async function activateAccount(deps: AccountDeps, token: unknown, ctx: RequestContext): Promise<ActivateResult> {
  if (!isWellFormedActivationToken(token)) return failure(ACCOUNTS_ERRORS, 'ACTIVATION_LINK_INVALID');
  const id = tokenId(token);
  const now = deps.clock.now();
  try {
    return await deps.db.$transaction(async (tx): Promise<ActivateResult> => {
      const row = await tx.pendingAccount.findUnique({ where: { id } });
      if (!row || row.expiresAt <= now) return failure(ACCOUNTS_ERRORS, 'ACTIVATION_LINK_INVALID');
      if (row.passwordHash === USED) return failure(ACCOUNTS_ERRORS, 'ALREADY_ACTIVE');
      // The claim: of two presses at once, one empties the row and goes on.
      const claimed = await tx.pendingAccount.updateMany({
        where: { id, expiresAt: { gt: now }, passwordHash: { not: USED } },
        data: usedLinkRow(now),
      });
      // Lost to another press of the same link, which makes the account.
      if (claimed.count !== 1) return failure(ACCOUNTS_ERRORS, 'ALREADY_ACTIVE');
      if (await tx.account.findUnique({ where: { appleIdKey: row.appleIdKey }, select: { id: true } })) {
        await forgetOtherLinks(tx, row.appleIdKey, id);
        return failure(ACCOUNTS_ERRORS, 'ALREADY_ACTIVE');
      }
      const account = await insertAccount(tx, deps, { ...row, questions: questionsJson.parse(JSON.parse(row.questions)) }, ctx);
      // The address is confirmed and taken: every other link for it stops working; this one's row
      // stays, emptied, to say the account is active when the email is opened again.
      await forgetOtherLinks(tx, row.appleIdKey, id);
      return { ok: true, accountId: account.id, appleId: row.appleId };
    });
  } catch (e) {
    // Two links for the same address pressed at once: the unique index on the Apple ID decides.
    if (isUniqueViolation(e)) {
      await deps.db.pendingAccount.updateMany({ where: { id }, data: usedLinkRow(now) });
      return failure(ACCOUNTS_ERRORS, 'ALREADY_ACTIVE');
    }
    throw e;
  }
}

function forgetOtherLinks(tx: DbTx, key: string, kept: string) {
  return tx.pendingAccount.deleteMany({ where: { appleIdKey: key, id: { not: kept } } });
}
