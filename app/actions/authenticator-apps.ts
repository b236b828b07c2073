'use server';
// Adding an authenticator app (src/devices/authenticator-apps.ts): naming it makes a pending app
// with a new secret, and the page then shows that secret to scan. Verifying it is the Trusted
// Devices page's own confirmDeviceAction (the same rules as a phone).
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { startAuthenticatorApp } from '@/src/devices/authenticator-apps.ts';
import { DEVICES_PAGE } from '@/src/sessions/stage-policy.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import { formFields, formValues, type FormState } from '../lib/form-state.ts';

const AUTHENTICATOR_PAGE = '/account/security/devices/authenticator';

export async function startAuthenticatorAppAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  const result = await startAuthenticatorApp(runtime(), actor, formFields(formData));
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) };
  // The device id is no secret: the page reads the secret back only for this account, only while pending.
  redirect(`${AUTHENTICATOR_PAGE}?id=${encodeURIComponent(result.trustedDeviceId)}`);
}
