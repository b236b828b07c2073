// The changes on the Password and Security page: password, security questions, rescue email and
// birth date. Each is a significant change (Apple's FAQ; rescue email and birth date are ours): in
// one transaction it is stored, recorded, starts or extends the waiting period before two-step
// setup (with its email), and a notice goes to every address on file.
import { z } from 'zod';
import type { Db, DbTx } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import type { Account } from '../generated/sqlite/client.ts';
import { hashSecret, verifySecret } from '../accounts/passwords.ts';
import { normaliseAnswer } from '../accounts/security-questions.ts';
import {
  birthDateField,
  withBirthDate,
  isOldEnough,
  newPasswordErrors,
  optionalEmailField,
  questionRows,
  questionsErrors,
  questionsFields,
  rescueEmailErrors,
} from '../accounts/fields.ts';
import { parseForm, rawFields, fieldFailure, type FormResult } from '../forms/forms.ts';
import { appleIdKey } from '../accounts/apple-id.ts';
import { ACCOUNTS_ERRORS } from '../accounts/errors.ts';
import { addressesOnFile, emailReader } from '../mail/recipients.ts';
import { recordSignificantChange } from '../eligibility/waiting-periods.ts';
import { endOtherSessionsAndForgetBrowsers } from '../sessions/sessions.ts';
import { revokeAllOnPasswordChange } from '../app-passwords/app-passwords.ts';
import { freshCodeRefusal } from '../step-up/fresh-code.ts';
import type { StepUpError } from '../step-up/errors.ts';
import type { Actor } from '../sessions/actor.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { accountChangedEmail } from '../mail/templates.ts';
import type { RequestContext, SignificantChangeKind } from '../security-events/record.ts';
import { attemptFailed, clearFailures, takeAttempt } from '../throttle/throttle.ts';
import { PER_APPLE_ID } from '../accounts/password-guesses.ts';
import { ACCOUNT_CHANGES_ERRORS, type AccountChangesError } from './errors.ts';
import { noticeText } from '../i18n/said.ts';
import { fieldMessage } from '../forms/field-messages.ts';

export interface ChangeDeps {
  db: Db;
  clock: Clock;
  bcryptCost: number;
  appUrl: string;
}

/** A change's answer: a confirmation, or why not (next to the field it is about, mostly). */
type ChangeResult = FormResult<{ message: string }, AccountChangesError | StepUpError | 'INVALID_FIELDS' | 'TOO_YOUNG'>;

/** Stores a significant change and everything that goes with it, in one transaction. */
async function commitSignificantChange(
  deps: ChangeDeps,
  account: Account,
  kind: SignificantChangeKind,
  ctx: RequestContext,
  write: (tx: DbTx) => Promise<unknown>,
  notify: string[] = addressesOnFile(account),
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    await write(tx);
    const updated = await tx.account.findUniqueOrThrow({ where: { id: account.id } });
    await recordSignificantChange(tx, deps, updated, kind, ctx);
    await enqueueEmail(
      tx,
      {
        kind,
        accountId: account.id,
        to: notify,
        ...accountChangedEmail({ name: account.name, appleId: account.appleId, change: kind, at: now, ...emailReader(updated) }),
      },
      deps.clock,
    );
  });
}

// ---- Password -------------------------------------------------------------------------------

const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, fieldMessage('currentPassword')).max(1024),
  password: z.string(),
  confirmPassword: z.string(),
});

// A wrong current password counts toward the same lock as a wrong sign-in: a borrowed session
// must not become a way to guess the password.
// Its own budget (only a signed-in session reaches it): a stranger's sign-in failures do not lock it.
const passwordLockKey = (account: Account) => `change-password:${account.id}`;

/** Changes the password. Other sessions are signed out; this one stays. Every browser is forgotten (src/sessions/known-browsers.ts). */
export async function changePassword(deps: ChangeDeps, actor: Actor, input: unknown, ctx: RequestContext): Promise<ChangeResult> {
  const account = await deps.db.account.findUniqueOrThrow({ where: { id: actor.accountId } });
  const field = rawFields(input);
  const parsed = parseForm(changePasswordSchema, input, newPasswordErrors(field, account.appleId));
  if (!parsed.ok) return parsed;
  const stale = await freshCodeRefusal(deps, actor);
  if (stale) return stale;
  const now = deps.clock.now();
  const lockedOut = (until: Date) => fieldFailure(ACCOUNT_CHANGES_ERRORS, 'CURRENT_PASSWORD_LOCKED', 'currentPassword', until, now);
  const locked = await takeAttempt(deps.db, passwordLockKey(account), PER_APPLE_ID, now);
  if (locked) return lockedOut(locked);
  if (!(await verifySecret(parsed.data.currentPassword, account.passwordHash))) {
    const lock = await attemptFailed(deps.db, passwordLockKey(account), PER_APPLE_ID, now);
    if (lock) return lockedOut(lock);
    return fieldFailure(ACCOUNT_CHANGES_ERRORS, 'WRONG_CURRENT_PASSWORD', 'currentPassword');
  }
  if (await verifySecret(parsed.data.password, account.passwordHash)) {
    return fieldFailure(ACCOUNT_CHANGES_ERRORS, 'SAME_PASSWORD', 'password');
  }
  await clearFailures(deps.db, passwordLockKey(account));
  const passwordHash = await hashSecret(parsed.data.password, deps.bcryptCost);
  await commitSignificantChange(deps, account, 'password-changed', ctx, async (tx) => {
    await tx.account.update({ where: { id: account.id }, data: { passwordHash, passwordChangedAt: now } });
    // Every browser is forgotten, this one too: it is a known browser again at its next sign-in.
    await endOtherSessionsAndForgetBrowsers(tx, account.id, actor.sessionId);
    // Apps signed in with app-specific passwords must be set up again (issue: "Changing the main password revokes all of them").
    await revokeAllOnPasswordChange(tx, account.id, now, ctx);
  });
  return { ok: true, message: noticeText('passwordChanged') };
}

// ---- Security questions ---------------------------------------------------------------------

const questionsSchema = z.object(questionsFields);

export async function changeSecurityQuestions(deps: ChangeDeps, actor: Actor, input: unknown, ctx: RequestContext): Promise<ChangeResult> {
  const parsed = parseForm(questionsSchema, input, questionsErrors(rawFields(input)));
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const account = await deps.db.account.findUniqueOrThrow({ where: { id: actor.accountId } });
  const answerHashes = await Promise.all([v.answer1, v.answer2, v.answer3].map((a) => hashSecret(normaliseAnswer(a), deps.bcryptCost)));
  await commitSignificantChange(deps, account, 'security-questions-changed', ctx, async (tx) => {
    await tx.securityQuestion.deleteMany({ where: { accountId: account.id } });
    await tx.securityQuestion.createMany({ data: questionRows(v, answerHashes).map((q) => ({ ...q, accountId: account.id })) });
  });
  return { ok: true, message: noticeText('questionsChanged') };
}

// ---- Rescue email ---------------------------------------------------------------------------

const rescueEmailSchema = z.object({ rescueEmail: optionalEmailField });

/** Sets, changes or (left empty) removes the rescue email. The old address is told too. */
export async function changeRescueEmail(deps: ChangeDeps, actor: Actor, input: unknown, ctx: RequestContext): Promise<ChangeResult> {
  const account = await deps.db.account.findUniqueOrThrow({ where: { id: actor.accountId } });
  const parsed = parseForm(rescueEmailSchema, input, rescueEmailErrors(rawFields(input)('rescueEmail'), account.appleId));
  if (!parsed.ok) return parsed;
  const next = parsed.data.rescueEmail ?? null;
  if ((next && appleIdKey(next)) === (account.rescueEmail && appleIdKey(account.rescueEmail))) {
    const code = next ? 'RESCUE_EMAIL_UNCHANGED' : 'NO_RESCUE_EMAIL';
    return fieldFailure(ACCOUNT_CHANGES_ERRORS, code, 'rescueEmail');
  }
  await commitSignificantChange(
    deps,
    account,
    'rescue-email-changed',
    ctx,
    (tx) => tx.account.update({ where: { id: account.id }, data: { rescueEmail: next } }),
    addressesOnFile(account, next),
  );
  return { ok: true, message: next ? noticeText('rescueEmailChanged', { email: next }) : noticeText('rescueEmailRemoved') };
}

// ---- Birth date -----------------------------------------------------------------------------

const birthDateSchema = z.object({ birthDate: birthDateField });

export async function changeBirthDate(deps: ChangeDeps, actor: Actor, input: unknown, ctx: RequestContext): Promise<ChangeResult> {
  const parsed = parseForm(birthDateSchema, withBirthDate(input), {});
  if (!parsed.ok) return parsed;
  const { birthDate } = parsed.data;
  if (!isOldEnough(birthDate, deps.clock.now())) return fieldFailure(ACCOUNTS_ERRORS, 'TOO_YOUNG', 'birthDate');
  const account = await deps.db.account.findUniqueOrThrow({ where: { id: actor.accountId } });
  if (birthDate === account.birthDate) return fieldFailure(ACCOUNT_CHANGES_ERRORS, 'BIRTH_DATE_UNCHANGED', 'birthDate');
  await commitSignificantChange(deps, account, 'birth-date-changed', ctx, (tx) =>
    tx.account.update({ where: { id: account.id }, data: { birthDate } }),
  );
  return { ok: true, message: noticeText('birthDateChanged') };
}
