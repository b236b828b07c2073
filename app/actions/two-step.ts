'use server';
// Server actions for living with two-step on: confirming with a fresh code before a sensitive
// change, Replace Lost Key, and turning two-step off. Each checks the session on the server,
// calls one domain function (which validates the form with zod), and answers with a FormState.
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { identityPasskeyOptions, sendIdentityCode } from '@/src/step-up/fresh-code.ts';
import { replaceRecoveryKey } from '@/src/recovery-key/replace-key.ts';
import { turnOff } from '@/src/two-step/turn-off.ts';
import { guessingRequestContext, requestContext } from '../lib/request.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import { setSessionCookie } from '../lib/session.ts';
import { formFields, formValues, type FormState } from '../lib/form-state.ts';
import type { RecoveryKeyState } from './setup.ts';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { optionsOr, type Options } from '../lib/passkey-options.ts';

export async function sendIdentityCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await sendIdentityCode(runtime(), actor, formFields(formData), await guessingRequestContext());
  if (!result.ok) return { error: result.error };
  return { done: true, notice: result.message, values: { trustedDeviceId: result.trustedDeviceId } };
}

/** Replace Lost Key: the new key comes back only in this answer (shown once, never in a URL). */
export async function replaceRecoveryKeyAction(_prev: RecoveryKeyState): Promise<RecoveryKeyState> {
  const { actor } = await requireSecurityPass();
  const result = await replaceRecoveryKey(runtime(), actor, await requestContext());
  if (!result.ok) return { error: result.error };
  return { recoveryKey: result.recoveryKey, createdAt: result.createdAt.toISOString(), replaced: true };
}

export async function turnOffAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await turnOff(runtime(), actor, formFields(formData), await requestContext());
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) };
  await setSessionCookie(result.sessionToken);
  redirect('/account/security?off=1');
}

export async function identityPasskeyOptionsAction(): Promise<Options<PublicKeyCredentialRequestOptionsJSON>> {
  const { actor } = await requireSecurityPass();
  return optionsOr(await identityPasskeyOptions(runtime(), actor));
}
