// Creating an account: Apple ID, password, name, birth date, country/region, optional rescue
// email and three security questions. One transaction writes the account, its questions, the
// security event and the welcome email (through the outbox), so none exists without the others.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { appleIdKey, emailField } from './apple-id.ts';
import { hashSecret } from './passwords.ts';
import { checkNewPassword } from './password-policy.ts';
import { SECURITY_QUESTIONS, normaliseAnswer } from './security-questions.ts';
import { isRegionCode } from '../eligibility/regions.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { welcomeEmail } from '../mail/templates.ts';
import { createSession } from '../sessions/sessions.ts';

const MIN_AGE_YEARS = 13; // (ours) the age at which a person may hold their own account

const questionIds = SECURITY_QUESTIONS.map((q) => q.id) as [string, ...string[]];

export const birthDateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter your birth date.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= '1900-01-01';
  }, 'Enter a real date, such as 1990-04-30.');

const answerField = z
  .string()
  .max(100, 'Keep the answer under 100 characters.')
  .refine((a) => normaliseAnswer(a).length >= 2, 'Enter an answer of at least 2 characters.');

export const createAccountSchema = z
  .object({
    appleId: emailField,
    password: z.string(),
    confirmPassword: z.string(),
    name: z.string().trim().min(1, 'Enter your name.').max(100, 'Keep your name under 100 characters.'),
    birthDate: birthDateField,
    countryCode: z.string().refine(isRegionCode, 'Choose your country or region.'),
    rescueEmail: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), emailField.optional()),
    question1: z.enum(questionIds, 'Choose a question.'),
    answer1: answerField,
    question2: z.enum(questionIds, 'Choose a question.'),
    answer2: answerField,
    question3: z.enum(questionIds, 'Choose a question.'),
    answer3: answerField,
  });

/**
 * Rules that compare fields. They run on the raw form even when single fields are invalid, so
 * that every problem shows at once (a zod refinement would wait for the other fields to pass).
 */
function crossFieldErrors(input: unknown): FieldErrors {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const field = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : '');
  const errors: FieldErrors = {};
  const passwordProblem = checkNewPassword(field('password'), field('appleId'));
  if (passwordProblem) errors.password = passwordProblem;
  if (field('confirmPassword') !== field('password')) errors.confirmPassword = "The passwords don't match.";
  if (field('rescueEmail').trim() && appleIdKey(field('rescueEmail')) === appleIdKey(field('appleId'))) {
    errors.rescueEmail = 'Your rescue email must be different from your Apple ID.';
  }
  const questions = [field('question1'), field('question2'), field('question3')];
  if (questions.every(Boolean) && new Set(questions).size < 3) errors.question3 = 'Choose three different questions.';
  const answers = [field('answer1'), field('answer2'), field('answer3')].map(normaliseAnswer);
  if (answers.every(Boolean) && new Set(answers).size < 3) errors.answer3 = 'Give a different answer to each question.';
  return errors;
}

export type CreateAccountInput = z.input<typeof createAccountSchema>;
export type FieldErrors = Partial<Record<string, string>>;

export interface AccountDeps {
  db: Db;
  clock: Clock;
  bcryptCost: number;
  appUrl: string;
}

export type CreateAccountResult = { ok: true; accountId: string; sessionToken: string } | { ok: false; fieldErrors: FieldErrors };

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

function isAdult(birthDate: string, now: Date): boolean {
  const [y, m, d] = birthDate.split('-').map(Number);
  const threshold = new Date(Date.UTC(y + MIN_AGE_YEARS, m - 1, d));
  return threshold <= now;
}

/** `input` is untrusted (a submitted form): it is parsed here, whatever its type says. */
export async function createAccount(deps: AccountDeps, input: unknown, ctx: RequestContext): Promise<CreateAccountResult> {
  const parsed = createAccountSchema.safeParse(input);
  const fieldErrors = { ...crossFieldErrors(input), ...(parsed.success ? {} : fieldErrorsOf(parsed.error)) };
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const v = parsed.data;
  const now = deps.clock.now();
  if (!isAdult(v.birthDate, now)) {
    return { ok: false, fieldErrors: { birthDate: `You must be at least ${MIN_AGE_YEARS} years old to create an Apple ID.` } };
  }
  const key = appleIdKey(v.appleId);
  if (await deps.db.account.findUnique({ where: { appleIdKey: key }, select: { id: true } })) {
    return { ok: false, fieldErrors: { appleId: 'This email address is already used as an Apple ID. Sign in instead.' } };
  }
  const [passwordHash, ...answerHashes] = await Promise.all([
    hashSecret(v.password, deps.bcryptCost),
    ...[v.answer1, v.answer2, v.answer3].map((a) => hashSecret(normaliseAnswer(a), deps.bcryptCost)),
  ]);
  const questions = [v.question1, v.question2, v.question3];
  try {
    // The new holder is signed in at once: the session is created with the account.
    const { account, sessionToken } = await deps.db.$transaction(async (tx) => {
      const account = await tx.account.create({
        data: {
          appleId: v.appleId,
          appleIdKey: key,
          passwordHash,
          passwordChangedAt: now,
          name: v.name,
          birthDate: v.birthDate,
          countryCode: v.countryCode,
          rescueEmail: v.rescueEmail ?? null,
          createdAt: now,
          securityQuestions: {
            create: questions.map((questionId, i) => ({ position: i + 1, questionId, answerHash: answerHashes[i] })),
          },
        },
      });
      await recordSecurityEvent(tx, { accountId: account.id, kind: 'account-created', at: now }, ctx);
      await enqueueEmail(tx, {
        kind: 'welcome',
        accountId: account.id,
        to: v.appleId,
        ...welcomeEmail({ name: v.name, appleId: v.appleId, appUrl: deps.appUrl }),
      }, deps.clock);
      return { account, sessionToken: await createSession(tx, account.id, now, ctx) };
    });
    return { ok: true, accountId: account.id, sessionToken };
  } catch (e) {
    // Two requests for the same new Apple ID at once: the unique index decides.
    if ((e as { code?: string }).code === 'P2002') {
      return { ok: false, fieldErrors: { appleId: 'This email address is already used as an Apple ID. Sign in instead.' } };
    }
    throw e;
  }
}
