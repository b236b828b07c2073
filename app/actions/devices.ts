'use server';
// Server actions of the Trusted Devices page, whatever the kind of device added (a phone number, an
// iOS device, an authenticator app, a passkey). Each checks the session and the Password and
// Security pass on the server, calls one domain function, and answers with a FormState. Confirming
// and removing change which list a device is in, so they answer by reloading the page with a
// notice instead (the form that sent them is gone from the new page).
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { runtime } from '@/src/runtime.ts';
import { removeDevice, resendCode } from '@/src/devices/trusted-devices.ts';
import { addPhoneNumber } from '@/src/kinds/sms/add.ts';
import { addPushDevice, registerDevice } from '@/src/kinds/push/add.ts';
import type { FormResult } from '@/src/forms/forms.ts';
import { guessingRequestContext, requestContext } from '../lib/request.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import { sessionToken, signedIn as completedSignIn } from '../lib/session.ts';
import { addedInSession, confirmDeviceInSession } from '@/src/sign-in/recovery-key.ts';
import { DEVICES_PAGE } from '@/src/sessions/stage-policy.ts';
import { formField, formFields, formValues, type FormState } from '../lib/form-state.ts';
import { addPasskey, passkeyRegistrationOptions } from '@/src/kinds/passkey/add.ts';
import { startAuthenticatorApp } from '@/src/kinds/authenticator-app/add.ts';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { optionsOr, type Options } from '../lib/signature-options.ts';

const AUTHENTICATOR_PAGE = '/account/security/devices/authenticator';

const PAGE = '/account/security/devices';

function answer(result: FormResult<{ message: string }>, formData: FormData): FormState {
  if (!result.ok) {
    // formValues leaves out names containing "code" (codes are never echoed); the country is no secret.
    const values = { ...formValues(formData), countryCode: formField(formData, 'countryCode') };
    return { error: result.error, fieldErrors: result.fieldErrors, values };
  }
  revalidatePath(PAGE);
  return { done: true, notice: result.message };
}

export async function addPhoneNumberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  return answer(await addPhoneNumber(runtime(), actor, formFields(formData), await guessingRequestContext()), formData);
}

export async function registerDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  return answer(await registerDevice(runtime(), actor, formFields(formData), await requestContext()), formData);
}

export async function addPushDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  return answer(await addPushDevice(runtime(), actor, formField(formData, 'registeredDeviceId'), await guessingRequestContext()), formData);
}

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
  redirect(`${PAGE}?added=${encodeURIComponent(formField(formData, 'trustedDeviceId'))}`);
}

export async function removeDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  const result = await removeDevice(runtime(), actor, formField(formData, 'trustedDeviceId'), await requestContext());
  if (!result.ok) return answer(result, formData);
  redirect(`${PAGE}?removed=1`);
}

export async function startAuthenticatorAppAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  const result = await startAuthenticatorApp(runtime(), actor, formFields(formData));
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) };
  // The device id is no secret: the page reads the secret back only for this account, only while pending.
  redirect(`${AUTHENTICATOR_PAGE}?id=${encodeURIComponent(result.trustedDeviceId)}`);
}

export async function passkeyRegistrationOptionsAction(): Promise<Options<PublicKeyCredentialCreationOptionsJSON>> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  return optionsOr(await passkeyRegistrationOptions(runtime(), actor));
}

export async function addPasskeyAction(name: string, response: string): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  const token = await sessionToken();
  const ctx = await requestContext();
  const result = await addedInSession(runtime(), token, await addPasskey(runtime(), actor, { name, response }, ctx), ctx);
  if (!result.ok) return { error: result.error, fieldErrors: 'fieldErrors' in result ? result.fieldErrors : undefined, values: { name } };
  if (result.signedIn) {
    // Signed in with the Recovery Key: the new passkey finished the sign-in.
    await completedSignIn(result.signedIn, actor.accountId);
    redirect('/account?recovered=1');
  }
  redirect(`/account/security/devices?added=${encodeURIComponent(result.trustedDeviceId)}`);
}
