'use server';
// Starting an authenticator app (./add-forms.tsx): its name makes the secret, and the page shows it
// until the app's first code is entered (app/actions/devices.ts confirms it, as it does every kind).
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { startAuthenticatorApp } from '@/src/kinds/authenticator-app/add.ts';
import { DEVICES_PAGE } from '@/src/sessions/stage-policy.ts';
import { requireSecurityPass } from '../../lib/security-pass.ts';
import { formFields, formValues, type FormState } from '../../lib/form-state.ts';
import { AUTHENTICATOR_PAGE } from './paths.ts';
import { inLanguage } from '../../i18n/said.ts';

export async function startAuthenticatorAppAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  const result = await startAuthenticatorApp(runtime(), actor, formFields(formData));
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) }, result.said);
  // The device id is no secret: the page reads the secret back only for this account, only while pending.
  redirect(`${AUTHENTICATOR_PAGE}?id=${encodeURIComponent(result.trustedDeviceId)}`);
}
