// Creating an account: Apple ID, password, name, birth date, country/region, optional rescue
// email and three security questions. One transaction writes the account, its questions, the
// security event and the welcome email (through the outbox), so none exists without the others.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Clock } from '../clock.ts';
import { appleIdKey, emailField } from './apple-id.ts';
import { hashSecret } from './passwords.ts';
import { normaliseAnswer } from './security-questions.ts';
import {
  birthDateField,
  optionalEmailField,
  isOldEnough,
  newPasswordErrors,
  parseForm,
  questionRows,
  questionsErrors,
  questionsFields,
  rawFields,
  rescueEmailErrors,
  accountNameField,
  TOO_YOUNG,
  type FieldErrors,
} from './fields.ts';
import { isRegionCode } from '../eligibility/regions.ts';
import { recordSecurityEvent, type RequestContext } from '../security-events/record.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { welcomeEmail } from '../mail/templates.ts';
import { createSession } from '../sessions/sessions.ts';

export const createAccountSchema = z.object({
  appleId: emailField,
  password: z.string(),
  confirmPassword: z.string(),
  name: accountNameField,
  birthDate: birthDateField,
  countryCode: z.string().refine(isRegionCode, 'Choose your country or region.'),
  rescueEmail: optionalEmailField,
  ...questionsFields,
});

export type CreateAccountInput = z.input<typeof createAccountSchema>;

export interface AccountDeps {
  db: Db;
  clock: Clock;
  bcryptCost: number;
  appUrl: string;
}

export type CreateAccountResult = { ok: true; accountId: string; sessionToken: string } | { ok: false; fieldErrors: FieldErrors };

/** `input` is untrusted (a submitted form): it is parsed here, whatever its type says. */
export async function createAccount(deps: AccountDeps, input: unknown, ctx: RequestContext): Promise<CreateAccountResult> {
  const field = rawFields(input);
  const parsed = parseForm(createAccountSchema, input, {
    ...newPasswordErrors(field, field('appleId')),
    ...rescueEmailErrors(field('rescueEmail'), field('appleId')),
    ...questionsErrors(field),
  });
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const now = deps.clock.now();
  if (!isOldEnough(v.birthDate, now)) return { ok: false, fieldErrors: { birthDate: TOO_YOUNG } };
  const key = appleIdKey(v.appleId);
  if (await deps.db.account.findUnique({ where: { appleIdKey: key }, select: { id: true } })) {
    return { ok: false, fieldErrors: { appleId: 'This email address is already used as an Apple ID. Sign in instead.' } };
  }
  const [passwordHash, ...answerHashes] = await Promise.all([
    hashSecret(v.password, deps.bcryptCost),
    ...[v.answer1, v.answer2, v.answer3].map((a) => hashSecret(normaliseAnswer(a), deps.bcryptCost)),
  ]);
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
            create: questionRows(v, answerHashes),
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
