'use server';
// Server actions of the two-step setup (Recovery Key, confirmation, conditions). Each checks the
// session and the Password and Security pass on the server, calls one domain function, and answers
// with a FormState. The Recovery Key is shown once: it travels back to the page only in the
// action's answer, never in a URL, a cookie or a redirect.
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { runtime } from '@/src/runtime.ts';
import { confirmRecoveryKey, issueRecoveryKey, turnOn } from '@/src/two-step/turn-on.ts';
import { requestContext } from '../lib/request.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import { formFields, type FormState } from '../lib/form-state.ts';
import { inLanguage } from '../i18n/said.ts';

/** Step 2's answer: the new key (formatted, e.g. "ABCD-EFGH-JKMN-PQ") and when it was made. */
export type RecoveryKeyState = FormState & { recoveryKey?: string; createdAt?: string; replaced?: boolean };

export async function getRecoveryKeyAction(_prev: RecoveryKeyState): Promise<RecoveryKeyState> {
  const { actor } = await requireSecurityPass();
  const result = await issueRecoveryKey(runtime(), actor, await requestContext());
  if (!result.ok) return inLanguage({ error: result.error }, result.said);
  revalidatePath('/account/security/setup/recovery-key'); // the step list moves on; the key stays in this answer only
  return { recoveryKey: result.recoveryKey, createdAt: result.createdAt.toISOString(), replaced: result.replaced };
}

export async function confirmRecoveryKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await confirmRecoveryKey(runtime(), actor, formFields(formData), await requestContext());
  // The typed key is never sent back to the form (formValues would drop it anyway: its name has "key").
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors }, result.said);
  redirect('/account/security/setup/conditions');
}

export async function turnOnAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await turnOn(runtime(), actor, formFields(formData), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors }, result.said);
  redirect('/account/security/setup/done');
}
