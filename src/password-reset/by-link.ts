// "Forgot password?" for accounts with two-step verification OFF.
//
// The 2013 hole (docs/rules.md#forgot-password): a password could be reset with only the Apple ID
// and the birth date, two facts that are often public. Here a reset needs BOTH
//   1. a link sent to an address on file (the Apple ID and the rescue email), single use, valid for
//      1 hour, stored only as the SHA-256 of its token; and
//   2. the answers to two of the three security questions, checked with the same 3-wrong-answers /
//      15-minute lock as the Password and Security page (question-check.ts), so neither path can be
//      used to guess around the other. Three wrong answer pairs also kill the link.
// The birth date is never an input to any of this.
//
// Asking for a link never says whether an account exists: the answer is one sentence whatever the
// Apple ID, the same database work is done either way, and the rate limits count every Apple ID,
// even one with no account, so a limit reveals nothing either.
//
// Accounts with two-step ON get no link: their password is reset only with the Recovery Key and a
// trusted device (Apple's FAQ, src/password-reset/by-recovery-key.ts). The requester is answered
// like everyone else; the addresses on file get an email that says where that reset is done.
//
// Both resets finish with applyPasswordReset: the same consequences whichever way was used.
import { newToken, tokenId } from '../tokens.ts';
import { z } from 'zod';
import type { Db, DbTx } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { HOUR, MINUTE } from '../clock.ts';
import { noticeText } from '../i18n/said.ts';
import { appleIdKey, emailField } from '../accounts/apple-id.ts';
import { addressesOnFile, emailReader } from '../mail/recipients.ts';
import { hashSecret } from '../accounts/passwords.ts';
import { newPasswordErrors } from '../accounts/fields.ts';
import { invalidFields, parseForm, rawFields, type FormResult } from '../forms/forms.ts';
import {
  answersSchema,
  askedQuestions,
  checkAnswers,
  decodePair,
  encodePair,
  randomQuestionPair,
  type AskedQuestion,
  type QuestionPair,
} from '../accounts/question-check.ts';
import { takeAttempt, type LockPolicy, type SlowDownPolicy } from '../throttle/throttle.ts';
import { recordSecurityEvent, recordSecurityEventIfAccount, type RequestContext } from '../security-events/record.ts';
import { endOtherSessionsAndForgetBrowsers } from '../sessions/sessions.ts';
import { lockName } from '../db/row-locks.ts';
import { revokeAllOnPasswordChange } from '../app-passwords/app-passwords.ts';
import { enqueueEmail, enqueueEmailIfAccount } from '../mail/outbox.ts';
import { accountChangedEmail, passwordResetLinkEmail, resetWithRecoveryKeyEmail } from '../mail/templates.ts';
import { recordSignificantChange, type SignificantChangeAccount } from '../eligibility/waiting-periods.ts';
import type { AccountsError } from '../accounts/errors.ts';
import { failure, type Result } from '../result.ts';
import { PASSWORD_RESET_ERRORS, type PasswordResetError } from './errors.ts';

export interface PasswordResetDeps {
  db: Db;
  clock: Clock;
  bcryptCost: number;
  appUrl: string;
}

/** How long a link works after it was sent. */
export const RESET_LINK_TTL_MS = HOUR;
/** Wrong answer pairs a link survives; at this many it no longer works. */
export const MAX_WRONG_ANSWERS = 3;

// (ours) Requests for a link are rate-limited, counted atomically per normalised Apple ID (whether
// or not an account has it) and per client address; every request counts.
//  - Past the Apple ID's budget a request is answered as usual but sends nothing and makes no new
//    link: a stranger who asks again and again sends the holder at most this many emails an hour,
//    and the newest of them keeps working (a new link would end the older ones).
//  - Past the address's budget requests are slowed (one per delay, doubling), never locked: many
//    people can share one address.
export const REQUESTS_PER_APPLE_ID: LockPolicy = { maxFailures: 3, windowMs: HOUR, lockMs: HOUR };
export const REQUESTS_PER_CLIENT_ADDRESS: SlowDownPolicy = {
  maxFailures: 10,
  windowMs: HOUR,
  slowDown: { firstDelayMs: 30_000, maxDelayMs: 10 * MINUTE },
};

// One answer for every Apple ID: it covers both kinds of account (two-step off: a link; two-step
// on: no link, the way to reset with the Recovery Key), so it never says whether an account exists
// or has two-step on, and never promises a link to someone who will not get one.
export const RESET_REQUESTED = noticeText('resetRequested', {
  linkTtl: { duration: RESET_LINK_TTL_MS },
  max: REQUESTS_PER_APPLE_ID.maxFailures,
  windowMinutes: REQUESTS_PER_APPLE_ID.windowMs / MINUTE,
  window: { duration: REQUESTS_PER_APPLE_ID.windowMs },
});

const appleIdThrottleKey = (key: string) => `password-reset:apple-id:${key}`;
const addressThrottleKey = (address: string) => `password-reset:address:${address}`;

/** A link token: 32 random bytes, base64url (43 characters). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedResetToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

/** The row id of a link: the token itself is never stored. */
export function resetIdOf(token: string): string {
  return tokenId(token);
}

export function resetLink(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, '')}/reset/open?token=${encodeURIComponent(token)}`;
}

// Stands in for an account id where there is no account: matches no row.
const NO_ACCOUNT = '-';
// The addresses on file a reset email can go to: the Apple ID and the rescue email.
const ADDRESS_SLOTS = 2;

// ---------------------------------------------------------------------------------------------
// 1. Asking for a link

export const requestResetSchema = z.object({ appleId: emailField });

type RequestResetResult = FormResult<{ message: string }, PasswordResetError | 'INVALID_FIELDS'>;

/** `input` is untrusted (a submitted form): it is parsed here. Any other field (a birth date...) is ignored. */
export async function requestPasswordReset(deps: PasswordResetDeps, input: unknown, ctx: RequestContext): Promise<RequestResetResult> {
  const parsed = requestResetSchema.safeParse(input);
  if (!parsed.success) {
    return invalidFields({ appleId: parsed.error.issues[0]?.message ?? 'Enter your Apple ID.' });
  }
  const { db, clock } = deps;
  const now = clock.now();
  const key = appleIdKey(parsed.data.appleId);
  if (ctx.clientAddress) {
    const slowed = await takeAttempt(db, addressThrottleKey(ctx.clientAddress), REQUESTS_PER_CLIENT_ADDRESS, now);
    if (slowed) return failure(PASSWORD_RESET_ERRORS, 'TOO_MANY_RESET_REQUESTS', slowed, now);
  }
  // Past the Apple ID's budget: the same answer, and nothing sent or changed.
  if (await takeAttempt(db, appleIdThrottleKey(key), REQUESTS_PER_APPLE_ID, now)) return { ok: true, message: RESET_REQUESTED };

  // The same work whatever the Apple ID: the token and an email are made, and one transaction runs
  // the same statements with the same locks and writes. What differs is only which rows they
  // write: a statement meant for an account that is not there (no account; no link with two-step
  // on) is an INSERT ... SELECT from an Account row that does not exist, or an UPDATE of no rows.
  // (When an unknown Apple ID only read, its answer came about 5 ms sooner: an oracle for who has
  // an account. tests/password-reset/same-work.int.test.ts compares the statements.)
  const token = newToken();
  const id = resetIdOf(token);
  const expiresAt = new Date(now.getTime() + RESET_LINK_TTL_MS);
  const account = await db.account.findUnique({ where: { appleIdKey: key } });
  const holder = account ?? {
    id: NO_ACCOUNT,
    name: '',
    appleId: parsed.data.appleId,
    rescueEmail: null,
    twoStepEnabledAt: null,
    timeZone: null,
    language: null,
    browserLanguage: null,
  };
  // Two-step on: no link (its reset needs the Recovery Key and a trusted device), but the holder
  // learns where to reset, and sees in the security log that someone asked.
  const linkTo = holder.twoStepEnabledAt ? NO_ACCOUNT : holder.id;
  const email = holder.twoStepEnabledAt
    ? {
        kind: 'password-reset-recovery-key',
        ...resetWithRecoveryKeyEmail({ name: holder.name, appleId: holder.appleId, appUrl: deps.appUrl, ...emailReader(holder) }),
      }
    : {
        kind: 'password-reset-link',
        ...passwordResetLinkEmail({
          name: holder.name,
          appleId: holder.appleId,
          link: resetLink(deps.appUrl, token),
          expiresAt,
          ...emailReader(holder),
        }),
      };

  await db.$transaction(async (tx) => {
    // Requests for one Apple ID take turns (a write on every path), so that of concurrent requests
    // exactly one link stays live: a newer link replaces the older ones, only the latest email works.
    await lockName(tx, `password-reset:${key}`, now);
    await tx.passwordReset.updateMany({ where: { accountId: linkTo, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await tx.$executeRaw`
      INSERT INTO "PasswordReset" ("id", "accountId", "createdAt", "expiresAt", "questionPair")
      SELECT ${id}, "id", ${now}, ${expiresAt}, ${encodePair(randomQuestionPair())} FROM "Account" WHERE "id" = ${linkTo}`;
    await recordSecurityEventIfAccount(
      tx,
      { accountId: holder.id, kind: 'password-reset-requested', at: now, details: { linkSent: linkTo !== NO_ACCOUNT } },
      ctx,
    );
    await enqueueEmailIfAccount(tx, { ...email, accountId: holder.id, to: addressesOnFile(holder) }, ADDRESS_SLOTS, clock);
  });
  return { ok: true, message: RESET_REQUESTED };
}

/**
 * What every password reset does, inside the reset's transaction, after the reset itself was
 * claimed: the new password; every other reset in progress dies; every session ends and every
 * browser is forgotten (src/sessions/known-browsers.ts); app-specific passwords are revoked; a
 * significant change (waiting period while two-step is off); an email to every address on file.
 */
export async function applyPasswordReset(
  tx: DbTx,
  deps: Pick<PasswordResetDeps, 'clock' | 'appUrl'>,
  account: SignificantChangeAccount,
  passwordHash: string,
  ctx: RequestContext,
): Promise<void> {
  const now = deps.clock.now();
  await tx.passwordReset.updateMany({ where: { accountId: account.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  await tx.account.update({ where: { id: account.id }, data: { passwordHash, passwordChangedAt: now }, select: { id: true } });
  await endOtherSessionsAndForgetBrowsers(tx, account.id, null);
  await revokeAllOnPasswordChange(tx, account.id, now, ctx);
  await recordSignificantChange(tx, deps, account, 'password-reset', ctx);
  await enqueueEmail(
    tx,
    {
      kind: 'password-reset',
      accountId: account.id,
      to: addressesOnFile(account),
      ...accountChangedEmail({
        name: account.name,
        appleId: account.appleId,
        change: 'password-reset',
        at: now,
        ...emailReader(account),
      }),
    },
    deps.clock,
  );
}

// ---------------------------------------------------------------------------------------------
// 2. Opening the link

interface LiveLink {
  id: string;
  pair: QuestionPair;
  account: {
    id: string;
    appleId: string;
    name: string;
    rescueEmail: string | null;
    twoStepEnabledAt: Date | null;
    setupStartedAt: Date | null;
    timeZone: string | null;
    language: string | null;
    browserLanguage: string | null;
  };
}

/** The link's row and account if the link still works: known, unused, unexpired, not dead, two-step still off. */
async function liveLink(db: Db, token: unknown, now: Date): Promise<LiveLink | null> {
  if (!isWellFormedResetToken(token)) return null;
  const row = await db.passwordReset.findUnique({
    where: { id: resetIdOf(token) },
    include: {
      account: {
        select: {
          id: true,
          appleId: true,
          name: true,
          rescueEmail: true,
          twoStepEnabledAt: true,
          setupStartedAt: true,
          timeZone: true,
          language: true,
          browserLanguage: true,
        },
      },
    },
  });
  if (!row || row.method !== 'email' || row.usedAt || row.expiresAt <= now || row.wrongAnswers >= MAX_WRONG_ANSWERS) return null;
  // Two-step turned on after the link was sent: its reset needs the Recovery Key now.
  if (row.account.twoStepEnabledAt) return null;
  const pair = decodePair(row.questionPair);
  if (!pair) return null;
  return { id: row.id, pair, account: row.account };
}

/** What the reset page shows: the two questions of this link, or one message for every link that does not work. */
export async function openPasswordReset(
  deps: Pick<PasswordResetDeps, 'db' | 'clock'>,
  token: string | null | undefined,
): Promise<Result<{ accountId: string; questions: AskedQuestion[] }, PasswordResetError>> {
  const link = await liveLink(deps.db, token, deps.clock.now());
  if (!link) return failure(PASSWORD_RESET_ERRORS, 'LINK_INVALID');
  return { ok: true, accountId: link.account.id, questions: await askedQuestions(deps.db, link.account.id, link.pair) };
}

// ---------------------------------------------------------------------------------------------
// 3. Answering and choosing the new password

export const completeResetSchema = answersSchema.extend({
  password: z.string(),
  confirmPassword: z.string(),
});

type CompleteResetResult = FormResult<
  { accountId: string },
  PasswordResetError | Extract<AccountsError, 'WRONG_ANSWERS' | 'QUESTIONS_LOCKED'> | 'INVALID_FIELDS'
>;

class LinkAlreadyUsed extends Error {}

/**
 * `token` comes from the reset cookie, `input` from the form; both are untrusted. Field problems
 * (empty answers, a password the policy refuses, a confirmation that differs) change nothing. A
 * wrong answer pair counts toward the shared question lock and toward the link's 3; the right
 * answers reset the password in ONE transaction that uses the link up (once, even when two
 * requests race), ends every session, starts the waiting period and tells every address on file.
 */
export async function completePasswordReset(
  deps: PasswordResetDeps,
  token: string | null | undefined,
  input: unknown,
  ctx: RequestContext,
): Promise<CompleteResetResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const link = await liveLink(db, token, now);
  if (!link) return failure(PASSWORD_RESET_ERRORS, 'LINK_INVALID');
  const { account } = link;

  // Only these four fields are read (a birth date or anything else sent along is ignored); a
  // missing one counts as empty, so its message is the one for an empty field.
  const text = rawFields(input);
  const fields = {
    answer1: text('answer1'),
    answer2: text('answer2'),
    password: text('password'),
    confirmPassword: text('confirmPassword'),
  };
  const parsed = parseForm(completeResetSchema, fields, newPasswordErrors(text, account.appleId));
  if (!parsed.ok) return parsed;
  const v = parsed.data;

  const answers = await checkAnswers(db, account.id, link.pair, [v.answer1, v.answer2], now);
  if (!answers.ok) {
    await recordSecurityEvent(
      db,
      { accountId: account.id, kind: 'password-reset-failed', at: now, details: { locked: answers.locked } },
      ctx,
    );
    // A wrong pair counts against the link. A pair refused before it was compared (the questions
    // locked, or other answers to this link still being checked) was not wrong: it does not, so
    // the holder's right answers sent twice at once cannot kill their own link.
    if (!answers.wrong) return { ok: false, code: answers.code, error: answers.error };
    // One statement (not an interactive transaction): a hundred at once on PostgreSQL each wait only
    // for the row, never for a transaction slot.
    const updated = await db.$queryRaw<{ wrongAnswers: unknown }[]>`
      UPDATE "PasswordReset" SET "wrongAnswers" = "wrongAnswers" + 1 WHERE "id" = ${link.id} AND "usedAt" IS NULL RETURNING "wrongAnswers"`;
    const dead = !updated[0] || Number(updated[0].wrongAnswers) >= MAX_WRONG_ANSWERS;
    if (dead) return failure(PASSWORD_RESET_ERRORS, 'LINK_DIED', answers);
    // The questions' refusal, passed up with its code.
    return { ok: false, code: answers.code, error: answers.error };
  }

  const passwordHash = await hashSecret(v.password, deps.bcryptCost);
  try {
    await db.$transaction(async (tx) => {
      // Single use: of several requests completing the same link at once, exactly one changes this
      // row (the database serialises the conditional UPDATE); the others roll back.
      const claim = await tx.passwordReset.updateMany({
        where: { id: link.id, usedAt: null, expiresAt: { gt: now }, wrongAnswers: { lt: MAX_WRONG_ANSWERS } },
        data: { usedAt: now },
      });
      if (claim.count !== 1) throw new LinkAlreadyUsed();
      await applyPasswordReset(tx, deps, account, passwordHash, ctx);
    });
  } catch (e) {
    if (e instanceof LinkAlreadyUsed) return failure(PASSWORD_RESET_ERRORS, 'LINK_INVALID');
    throw e;
  }
  return { ok: true, accountId: account.id };
}
