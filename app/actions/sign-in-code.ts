'use server';
// The second step of signing in with two-step on: send a code to a chosen trusted device, then
// check it. Each action calls one domain function (src/sign-in/code.ts).
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { completeSignIn, sendSignInCode } from '@/src/sign-in/code.ts';
import { signInWithRecoveryKey } from '@/src/sign-in/recovery-key.ts';
import { requestContext } from '../lib/request.ts';
import { sessionToken, setSessionCookie, signedIn } from '../lib/session.ts';
import { refuseStaff } from '../lib/staff-session.ts';
import { formFields, type FormState } from '../lib/form-state.ts';

export async function sendSignInCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await refuseStaff();
  const token = await sessionToken();
  if (!token) redirect('/sign-in');
  const result = await sendSignInCode(runtime(), token, formFields(formData), await requestContext());
  if (!result.ok) return { error: result.error };
  return { done: true, notice: result.message, values: { trustedDeviceId: result.trustedDeviceId } };
}

export async function completeSignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await refuseStaff();
  const token = await sessionToken();
  if (!token) redirect('/sign-in');
  const fields = formFields(formData);
  const result = await completeSignIn(runtime(), token, fields, await requestContext());
  if (!result.ok) return { error: result.error, values: { trustedDeviceId: fields.trustedDeviceId ?? '' } };
  await signedIn(result.sessionToken, result.accountId);
  redirect('/account');
}

export async function signInWithRecoveryKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await refuseStaff();
  const token = await sessionToken();
  if (!token) redirect('/sign-in');
  const result = await signInWithRecoveryKey(runtime(), token, formFields(formData), await requestContext());
  if (!result.ok) return { error: result.error };
  await setSessionCookie(result.sessionToken);
  redirect('/account/security/devices');
}
