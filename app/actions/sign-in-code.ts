'use server';
// The second step of signing in with two-step on: send a code to a chosen trusted device, then
// check it, or sign a challenge with a passkey. Each action calls one domain function (src/sign-in/code.ts).
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { completeSignIn, completeSignInWithPasskey, sendSignInCode, signInPasskeyOptions } from '@/src/sign-in/code.ts';
import { signInWithRecoveryKey } from '@/src/sign-in/recovery-key.ts';
import { guessingRequestContext } from '../lib/request.ts';
import { sessionToken, setSessionCookie, signedIn } from '../lib/session.ts';
import { refuseStaff } from '../lib/staff-session.ts';
import { formFields, type FormState } from '../lib/form-state.ts';
import { afterSignIn, interactionParam, withInteraction } from '../lib/app-sign-in.ts';
import { SIGN_IN_ERRORS } from '@/src/sign-in/errors.ts';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { optionsOr, type Options } from '../lib/passkey-options.ts';

export async function sendSignInCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await refuseStaff();
  const token = await sessionToken();
  if (!token) redirect('/sign-in');
  const result = await sendSignInCode(runtime(), token, formFields(formData), await guessingRequestContext());
  if (!result.ok) return { error: result.error };
  return { done: true, notice: result.message, values: { trustedDeviceId: result.trustedDeviceId } };
}

/** `interaction` is bound by the page: the app's sign-in this one serves, if any (app/lib/app-sign-in.ts). */
export async function completeSignInAction(interaction: string | null, _prev: FormState, formData: FormData): Promise<FormState> {
  await refuseStaff();
  const uid = interactionParam(interaction);
  const token = await sessionToken();
  if (!token) redirect(withInteraction('/sign-in', uid));
  const fields = formFields(formData);
  const result = await completeSignIn(runtime(), token, fields, await guessingRequestContext());
  if (!result.ok) return { error: result.error, values: { trustedDeviceId: fields.trustedDeviceId ?? '' } };
  await signedIn(result.sessionToken, result.accountId);
  redirect(await afterSignIn(uid));
}

export async function signInWithRecoveryKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await refuseStaff();
  const token = await sessionToken();
  if (!token) redirect('/sign-in');
  const result = await signInWithRecoveryKey(runtime(), token, formFields(formData), await guessingRequestContext());
  if (!result.ok) return { error: result.error };
  await setSessionCookie(result.sessionToken);
  redirect('/account/security/devices');
}

export async function signInPasskeyOptionsAction(): Promise<Options<PublicKeyCredentialRequestOptionsJSON>> {
  await refuseStaff();
  const token = await sessionToken();
  return token ? optionsOr(await signInPasskeyOptions(runtime(), token)) : { error: SIGN_IN_ERRORS.SIGN_IN_EXPIRED };
}

/** `interaction` is bound by the page: the app's sign-in this one serves, if any (app/lib/app-sign-in.ts). */
export async function signInWithPasskeyAction(interaction: string | null, response: string): Promise<FormState> {
  await refuseStaff();
  const uid = interactionParam(interaction);
  const token = await sessionToken();
  if (!token) redirect(withInteraction('/sign-in', uid));
  const result = await completeSignInWithPasskey(runtime(), token, response, await guessingRequestContext());
  if (!result.ok) return { error: result.error };
  await signedIn(result.sessionToken, result.accountId);
  redirect(await afterSignIn(uid));
}
