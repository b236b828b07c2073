'use server';
// Server actions of the App-Specific Passwords page. Each checks the session and the Password and
// Security pass on the server, then calls one domain function. The new password travels back ONCE,
// in the answer of the action that created it; it is never put in a URL, a cookie or the form values.
import { revalidatePath } from 'next/cache';
import { runtime } from '@/src/runtime.ts';
import { createAppPassword, revokeAllAppPasswords, revokeAppPassword } from '@/src/app-passwords/app-passwords.ts';
import type { FormResult } from '@/src/forms/forms.ts';
import { requestContext } from '../lib/request.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import { formField, formFields, formValues, type FormState } from '../lib/form-state.ts';
import { inLanguage } from '../i18n/said.ts';

const PAGE = '/account/security/app-passwords';

/** The create form's state: a FormState, plus the new password and its label once. */
export interface CreatedState extends FormState {
  created?: { label: string; password: string };
}

function answer(result: FormResult<{ message: string }>, formData: FormData): Promise<FormState> {
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) }, result.said);
  revalidatePath(PAGE);
  return inLanguage({ done: true, notice: result.message });
}

export async function createAppPasswordAction(_prev: CreatedState, formData: FormData): Promise<CreatedState> {
  const { actor } = await requireSecurityPass();
  const result = await createAppPassword(runtime(), actor, formFields(formData), await requestContext());
  if (!result.ok) return answer(result, formData);
  revalidatePath(PAGE);
  return inLanguage({ done: true, notice: result.message, created: { label: result.label, password: result.password } });
}

export async function revokeAppPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  return answer(await revokeAppPassword(runtime(), actor, formField(formData, 'appPasswordId'), await requestContext()), formData);
}

export async function revokeAllAppPasswordsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  return answer(await revokeAllAppPasswords(runtime(), actor, await requestContext()), formData);
}
