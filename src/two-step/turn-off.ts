// Turning two-step verification off (docs/rules.md#turning-it-off): signed in with password + code
// (a code entered within the last 10 minutes) → Turn Off → three new security questions and the
// birth date confirmed → off. In ONE transaction: the Recovery Key, the app-specific passwords and
// the trusted devices are deleted (registered iOS devices stay registered: they were never a factor
// on their own), the questions are stored, every other session is signed out, and every address on
// file is told.
//
// New security questions are a significant change (docs/rules.md#turning-it-off), so turning
// two-step on again starts with a 3-day waiting period, with its own email. Someone who took over a
// signed-in browser and a device cannot turn two-step off and straight back on with their own
// devices unnoticed.
//
// This session is replaced by a new one (the privilege changed), which has answered the questions
// it just set, so the holder stays on Password and Security.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import type { Actor } from '../sessions/actor.ts';
import { addressesOnFile, emailReader } from '../mail/recipients.ts';
import { birthDateField, questionRows, questionsErrors, questionsFields, withBirthDate } from '../accounts/fields.ts';
import { fieldFailure, parseForm, rawFields, type FieldErrors, type FormResult } from '../forms/forms.ts';
import { hashSecret } from '../accounts/passwords.ts';
import { normaliseAnswer } from '../accounts/security-questions.ts';
import { revokeAllOnTwoStepOff } from '../app-passwords/app-passwords.ts';
import { recordSignificantChange } from '../eligibility/waiting-periods.ts';
import { WAITING_PERIOD_MS } from '../eligibility/eligibility.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { twoStepOffEmail } from '../mail/templates.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { createSession, endOtherSessions } from '../sessions/sessions.ts';
import { SESSIONS_ERRORS, type SessionsError } from '../sessions/errors.ts';
import { freshCodeRefusal } from '../step-up/fresh-code.ts';
import type { StepUpError } from '../step-up/errors.ts';
import { failure, sentenceOf } from '../result.ts';
import { TWO_STEP_ERRORS, type TwoStepError } from './errors.ts';

const turnOffSchema = z.object({ ...questionsFields, birthDate: birthDateField });

export async function turnOff(
  deps: { db: Db; clock: Clock; bcryptCost: number; appUrl: string },
  actor: Actor,
  input: unknown,
  ctx: RequestContext,
): Promise<FormResult<{ sessionToken: string }, TwoStepError | StepUpError | SessionsError | 'INVALID_FIELDS'>> {
  const account = await deps.db.account.findUniqueOrThrow({ where: { id: actor.accountId } });
  if (!account.twoStepEnabledAt) return failure(TWO_STEP_ERRORS, 'ALREADY_OFF');
  const form = withBirthDate(input);
  const field = rawFields(form);
  const crossField: FieldErrors = { ...questionsErrors(field) };
  if (birthDateField.safeParse(field('birthDate')).success && field('birthDate').trim() !== account.birthDate)
    crossField.birthDate = sentenceOf(TWO_STEP_ERRORS, 'WRONG_BIRTH_DATE');
  const parsed = parseForm(turnOffSchema, form, crossField);
  // The wrong birth date alone has a code of its own; with other fields wrong too, the form is INVALID_FIELDS.
  if (!parsed.ok)
    return Object.keys(parsed.fieldErrors).length === 1 && crossField.birthDate
      ? fieldFailure(TWO_STEP_ERRORS, 'WRONG_BIRTH_DATE', 'birthDate')
      : parsed;
  const stale = await freshCodeRefusal(deps, actor);
  if (stale) return stale;

  const v = parsed.data;
  const answerHashes = await Promise.all([v.answer1, v.answer2, v.answer3].map((a) => hashSecret(normaliseAnswer(a), deps.bcryptCost)));
  const sessionToken = await deps.db
    .$transaction(async (tx) => {
      const now = deps.clock.now();
      const { count } = await tx.account.updateMany({
        where: { id: account.id, twoStepEnabledAt: { not: null } }, // once, even when two requests race
        data: { twoStepEnabledAt: null, recoveryKeyHash: null, recoveryKeyCreatedAt: null, recoveryKeyConfirmedAt: null },
      });
      if (count !== 1) return null;
      // This session may have been ended meanwhile (signed out elsewhere): then nothing changes.
      const current = await tx.session.findUnique({ where: { id: actor.sessionId } });
      if (!current) throw SESSION_ENDED_ROLLBACK;
      await tx.trustedDevice.deleteMany({ where: { accountId: account.id } }); // their codes go with them
      const appPasswords = await revokeAllOnTwoStepOff(tx, account.id, now, ctx);
      await tx.securityQuestion.deleteMany({ where: { accountId: account.id } });
      await tx.securityQuestion.createMany({ data: questionRows(v, answerHashes).map((q) => ({ ...q, accountId: account.id })) });
      const sessionsEnded = await endOtherSessions(tx, account.id, null);
      const fresh = await createSession(tx, account.id, now, ctx, { createdAt: current.createdAt, securityPassAt: now });
      await recordSecurityEvent(
        tx,
        { accountId: account.id, kind: 'two-step-turned-off', at: now, details: { sessionsEnded: sessionsEnded - 1, appPasswords } },
        ctx,
      );
      await enqueueEmail(
        tx,
        {
          kind: 'two-step-turned-off',
          accountId: account.id,
          to: addressesOnFile(account),
          ...twoStepOffEmail({
            name: account.name,
            appleId: account.appleId,
            at: now,
            appUrl: deps.appUrl,
            waitingPeriodMs: WAITING_PERIOD_MS,
            ...emailReader(account),
          }),
        },
        deps.clock,
      );
      await recordSignificantChange(tx, deps, account, 'security-questions-changed', ctx);
      return fresh;
    })
    .catch((e: unknown) => {
      if (e === SESSION_ENDED_ROLLBACK) return 'session-ended' as const; // never a token (43 characters)
      throw e;
    });
  if (sessionToken === 'session-ended') return failure(SESSIONS_ERRORS, 'SESSION_ENDED');
  return sessionToken ? { ok: true, sessionToken } : failure(TWO_STEP_ERRORS, 'ALREADY_OFF');
}

/** Thrown inside the transaction to undo it: the session ended while the request ran. */
const SESSION_ENDED_ROLLBACK = Symbol('session ended');
