'use server';
// Server actions for living with two-step on: Replace Lost Key, and turning two-step off (the fresh
// code before a sensitive change is app/actions/proof.ts, 'fresh-code'). Each checks the session on
// the server, calls one domain function (which validates the form with zod), and answers with a
// FormState.
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { replaceRecoveryKey } from '@/src/recovery-key/replace-key.ts';
import { turnOff } from '@/src/two-step/turn-off.ts';
import { requestContext } from '../lib/request.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import { setSessionCookie } from '../lib/session.ts';
import { formFields, formValues, type FormState } from '../lib/form-state.ts';
import type { RecoveryKeyState } from './setup.ts';
import { inLanguage } from '../i18n/said.ts';

/** Replace Lost Key: the new key comes back only in this answer (shown once, never in a URL). */
export async function replaceRecoveryKeyAction(_prev: RecoveryKeyState): Promise<RecoveryKeyState> {
  const { actor } = await requireSecurityPass();
  const result = await replaceRecoveryKey(runtime(), actor, await requestContext());
  if (!result.ok) return inLanguage({ error: result.error }, result.said);
  return { recoveryKey: result.recoveryKey, createdAt: result.createdAt.toISOString(), replaced: true };
}

export async function turnOffAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await turnOff(runtime(), actor, formFields(formData), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) }, result.said);
  await setSessionCookie(result.sessionToken);
  redirect('/account/security?off=1');
}
