'use server';
// The second factor of staff sign-in (src/support/staff-factors.ts): set one up at the first sign-in
// (an authenticator app, or a passkey or security key), or prove it at every sign-in. Each action
// takes only a session that passed the password and not yet the factor (requireSecondFactorStep);
// passing the factor replaces the session with a new one that opens the console.
import { redirect } from 'next/navigation';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { runtime } from '@/src/runtime.ts';
import { confirmStaffApp, signInWithStaffApp, startStaffApp } from '@/src/support/staff-totp.ts';
import {
  addStaffPasskey,
  signInWithStaffPasskey,
  staffPasskeyOptions,
  staffPasskeyRegistrationOptions,
} from '@/src/support/staff-passkeys.ts';
import { requestContext } from '../lib/request.ts';
import { requireSecondFactorStep, SECOND_FACTOR_SETUP_PAGE, setStaffCookie } from '../lib/staff-session.ts';
import { formFields, type FormState } from '../lib/form-state.ts';
import { optionsOr, type Options } from '../lib/signature-options.ts';

type Passed = { ok: true; token: string } | { ok: false; error: string; fieldErrors?: Record<string, string | undefined> };

/** The factor passed: the new console session's cookie, and the console. Refused: the form's message. */
async function afterFactor(result: Passed): Promise<FormState> {
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
  await setStaffCookie(result.token);
  redirect('/support');
}

// ---- Setting one up ------------------------------------------------------------------------------

export async function startStaffAppAction(): Promise<FormState> {
  const session = await requireSecondFactorStep();
  const result = await startStaffApp(runtime(), session);
  if (!result.ok) return { error: result.error };
  redirect(SECOND_FACTOR_SETUP_PAGE);
}

export async function confirmStaffAppAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSecondFactorStep();
  return afterFactor(await confirmStaffApp(runtime(), session, formFields(formData), await requestContext()));
}

export async function staffPasskeyRegistrationOptionsAction(): Promise<Options<PublicKeyCredentialCreationOptionsJSON>> {
  const session = await requireSecondFactorStep();
  return optionsOr(await staffPasskeyRegistrationOptions(runtime(), session));
}

export async function addStaffPasskeyAction(response: string): Promise<FormState> {
  const session = await requireSecondFactorStep();
  return afterFactor(await addStaffPasskey(runtime(), session, response, await requestContext()));
}

// ---- Proving it ----------------------------------------------------------------------------------

export async function staffAppCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSecondFactorStep();
  return afterFactor(await signInWithStaffApp(runtime(), session, formFields(formData), await requestContext()));
}

export async function staffPasskeyOptionsAction(): Promise<Options<PublicKeyCredentialRequestOptionsJSON>> {
  const session = await requireSecondFactorStep();
  return optionsOr(await staffPasskeyOptions(runtime(), session));
}

export async function staffPasskeyAction(response: string): Promise<FormState> {
  const session = await requireSecondFactorStep();
  return afterFactor(await signInWithStaffPasskey(runtime(), session, response, await requestContext()));
}
