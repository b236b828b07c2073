// Creating an account: Apple ID, password, name, birth date, country/region, optional rescue
// email and three security questions.
//
// People create accounts through the Create Account form, which never makes one at once: the
// address must be confirmed first (src/accounts/sign-up.ts: a link by email, then the account).
// This module holds what both share: the form's rules (validateAccountForm, hashAccountSecrets)
// and insertAccount, the one transaction step that writes the account, its questions, the
// 'account-created' security event and the welcome email (through the outbox), so that none exists
// without the others.
//
// createAccount makes an account with no confirmation, for callers that vouch for the address
// themselves: the demo accounts of the seed, and tests. No page, action or route calls it.
import { z } from 'zod';
import { isUniqueViolation } from '../db/unique-violation.ts';
import type { Db, DbTx } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { appleIdKey, emailField } from './apple-id.ts';
import { hashSecret } from './passwords.ts';
import { normaliseAnswer } from './security-questions.ts';
import {
  birthDateField,
  optionalEmailField,
  isOldEnough,
  newPasswordErrors,
  questionRows,
  questionsErrors,
  questionsFields,
  rescueEmailErrors,
  accountNameField,
  withBirthDate,
} from './fields.ts';
import { parseForm, rawFields, fieldFailure, type FieldFailure, type FormResult } from '../forms/forms.ts';
import { ACCOUNTS_ERRORS, type AccountsError } from './errors.ts';
import { isRegionCode } from '../eligibility/regions.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { welcomeEmail } from '../mail/templates.ts';
import { emailReader } from '../mail/recipients.ts';
import { createSession } from '../sessions/sessions.ts';

/** The fields in the order the Create Account form shows them (parseForm lists errors in this order). */
export const createAccountSchema = z.object({
  name: accountNameField,
  birthDate: birthDateField,
  countryCode: z.string().refine(isRegionCode, 'Choose your country or region.'),
  appleId: emailField,
  password: z.string(),
  confirmPassword: z.string(),
  rescueEmail: optionalEmailField,
  ...questionsFields,
});

export type CreateAccountInput = z.input<typeof createAccountSchema>;
export type AccountForm = z.output<typeof createAccountSchema>;

export interface AccountDeps {
  db: Db;
  clock: Clock;
  bcryptCost: number;
  appUrl: string;
}

/** What an account is made of once the form was checked and its secrets hashed. */
export interface NewAccount {
  appleId: string;
  passwordHash: string;
  name: string;
  birthDate: string;
  countryCode: string;
  rescueEmail: string | null;
  questions: Array<{ position: number; questionId: string; answerHash: string }>;
}

/** `input` is untrusted (a submitted form): checks every field at once, and the age. */
export function validateAccountForm(
  input: unknown,
  now: Date,
): { ok: true; data: AccountForm } | FieldFailure<'INVALID_FIELDS' | 'TOO_YOUNG'> {
  const form = withBirthDate(input);
  const field = rawFields(form);
  const parsed = parseForm(createAccountSchema, form, {
    ...newPasswordErrors(field, field('appleId')),
    ...rescueEmailErrors(field('rescueEmail'), field('appleId')),
    ...questionsErrors(field),
  });
  if (!parsed.ok) return parsed;
  if (!isOldEnough(parsed.data.birthDate, now)) return fieldFailure(ACCOUNTS_ERRORS, 'TOO_YOUNG', 'birthDate');
  return parsed;
}

/** The password and the three answers, bcrypt-hashed (four hashes, in parallel). */
export async function hashAccountSecrets(v: AccountForm, bcryptCost: number): Promise<NewAccount> {
  const [passwordHash, ...answerHashes] = await Promise.all([
    hashSecret(v.password, bcryptCost),
    ...[v.answer1, v.answer2, v.answer3].map((a) => hashSecret(normaliseAnswer(a), bcryptCost)),
  ]);
  return {
    appleId: v.appleId,
    passwordHash,
    name: v.name,
    birthDate: v.birthDate,
    countryCode: v.countryCode,
    rescueEmail: v.rescueEmail ?? null,
    questions: questionRows(v, answerHashes),
  };
}

/**
 * Inside the caller's transaction: the account, its questions, the 'account-created' event and the
 * welcome email. Throws Prisma's P2002 when the Apple ID exists (the unique index decides).
 */
export async function insertAccount(
  tx: DbTx,
  deps: Pick<AccountDeps, 'clock' | 'appUrl'>,
  a: NewAccount,
  ctx: RequestContext,
): Promise<{ id: string }> {
  const now = deps.clock.now();
  const account = await tx.account.create({
    data: {
      appleId: a.appleId,
      appleIdKey: appleIdKey(a.appleId),
      passwordHash: a.passwordHash,
      passwordChangedAt: now,
      name: a.name,
      birthDate: a.birthDate,
      countryCode: a.countryCode,
      rescueEmail: a.rescueEmail,
      createdAt: now,
      securityQuestions: { create: a.questions },
    },
    select: { id: true },
  });
  await recordSecurityEvent(tx, { accountId: account.id, kind: 'account-created', at: now }, ctx);
  await enqueueEmail(
    tx,
    {
      kind: 'welcome',
      accountId: account.id,
      to: a.appleId,
      // A new account has chosen no language yet: the one of the browser that opened the link.
      ...welcomeEmail({
        name: a.name,
        appleId: a.appleId,
        appUrl: deps.appUrl,
        ...emailReader({ timeZone: null, language: null, browserLanguage: ctx.browserLanguage ?? null }),
      }),
    },
    deps.clock,
  );
  return account;
}

/**
 * An account at once, signed in, with no confirmation of the address: for the seed and tests only
 * (see above). Says so when the Apple ID is taken, which the form must never do.
 */
export async function createAccount(
  deps: AccountDeps,
  input: unknown,
  ctx: RequestContext,
): Promise<FormResult<{ accountId: string; sessionToken: string }, AccountsError>> {
  const now = deps.clock.now();
  const checked = validateAccountForm(input, now);
  if (!checked.ok) return checked;
  const taken = fieldFailure(ACCOUNTS_ERRORS, 'APPLE_ID_TAKEN', 'appleId');
  if (await deps.db.account.findUnique({ where: { appleIdKey: appleIdKey(checked.data.appleId) }, select: { id: true } })) return taken;
  const account = await hashAccountSecrets(checked.data, deps.bcryptCost);
  try {
    return await deps.db.$transaction(async (tx) => {
      const { id } = await insertAccount(tx, deps, account, ctx);
      return { ok: true as const, accountId: id, sessionToken: await createSession(tx, id, now, ctx) };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return taken;
    throw e;
  }
}
