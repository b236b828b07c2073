'use server';
// Server actions of the Password and Security page. Each checks the session and the security
// questions pass on the server, calls one domain function, and answers with a FormState.
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { runtime } from '@/src/runtime.ts';
import { answerSecurityQuestions } from '@/src/accounts/security-pass.ts';
import { changeBirthDate, changePassword, changeRescueEmail, changeSecurityQuestions } from '@/src/account-changes/account-changes.ts';
import type { FormResult } from '@/src/forms/forms.ts';
import { startSetup } from '@/src/eligibility/waiting-periods.ts';
import { chooseTimeZone } from '@/src/accounts/time-zone.ts';
import { requestContext } from '../lib/request.ts';
import { requireAccount } from '../lib/session.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import { formFields, formValues, type FormState } from '../lib/form-state.ts';
import { inLanguage } from '../i18n/said.ts';

export async function answerQuestionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { session } = await requireAccount();
  const result = await answerSecurityQuestions(runtime(), session.id, formFields(formData), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors }, result.said);
  redirect('/account/security');
}

type Change = typeof changePassword;

async function change(fn: Change, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result: FormResult<{ message: string }> = await fn(runtime(), actor, formFields(formData), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) }, result.said);
  revalidatePath('/account/security');
  return inLanguage({ done: true, notice: result.message });
}

export async function changePasswordAction(_prev: FormState, formData: FormData) {
  return change(changePassword, formData);
}

export async function changeQuestionsAction(_prev: FormState, formData: FormData) {
  return change(changeSecurityQuestions, formData);
}

export async function changeRescueEmailAction(_prev: FormState, formData: FormData) {
  return change(changeRescueEmail, formData);
}

export async function changeBirthDateAction(_prev: FormState, formData: FormData) {
  return change(changeBirthDate, formData);
}

/** The zone emails give times in: not a significant change, so no waiting period and no email. */
export async function chooseTimeZoneAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await chooseTimeZone(runtime().db, actor.accountId, formFields(formData));
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) }, result.said);
  revalidatePath('/account/security');
  return inLanguage({ done: true, notice: result.message, values: { timeZone: result.timeZone } });
}

/** "Get Started": begins setup when the eligibility engine says it is available. */
export async function getStartedAction(): Promise<void> {
  const { actor } = await requireSecurityPass();
  const rt = runtime();
  const result = await startSetup(rt, actor.accountId, await requestContext());
  redirect(result.ok ? '/account/security/setup' : '/account/security');
}
