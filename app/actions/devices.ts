'use server';
// Server actions of the Trusted Devices page that act on a device of any kind: its code entered,
// a new code sent, removed. Adding a device is its kind's (app/_kinds/<kind>/actions.ts, beside the
// kind's form). Each checks the session and the Password and Security pass on the server, calls one
// domain function, and answers with a FormState. Confirming and removing change which list a device
// is in, so they answer by reloading the page with a notice instead (the form that sent them is gone
// from the new page).
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { removeDevice, resendCode } from '@/src/devices/trusted-devices.ts';
import { guessingRequestContext, requestContext } from '../lib/request.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import { sessionToken, signedIn as completedSignIn } from '../lib/session.ts';
import { confirmDeviceInSession } from '@/src/sign-in/recovery-key.ts';
import { DEVICES_PAGE } from '@/src/sessions/stage-policy.ts';
import { formField, formFields, type FormState } from '../lib/form-state.ts';
import { answer, DEVICES_PATH } from '../lib/device-answer.ts';

export async function resendCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  return answer(await resendCode(runtime(), actor, formField(formData, 'trustedDeviceId'), await guessingRequestContext()), formData);
}

export async function confirmDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  const result = await confirmDeviceInSession(runtime(), actor, await sessionToken(), formFields(formData), await guessingRequestContext());
  if (!result.ok) return answer(result, formData);
  if (result.signedIn) {
    // Signed in with the Recovery Key: the new trusted device finished the sign-in.
    await completedSignIn(result.signedIn, actor.accountId);
    redirect('/account?recovered=1');
  }
  redirect(`${DEVICES_PATH}?added=${encodeURIComponent(formField(formData, 'trustedDeviceId'))}`);
}

export async function removeDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  const result = await removeDevice(runtime(), actor, formField(formData, 'trustedDeviceId'), await requestContext());
  if (!result.ok) return answer(result, formData);
  redirect(`${DEVICES_PATH}?removed=1`);
}
