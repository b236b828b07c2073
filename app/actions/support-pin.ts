'use server';
// The holder's side of the support PIN (src/support/pin.ts): a code from a trusted device, then a
// PIN shown ONCE in the answer of the action that made it (never in a URL, a cookie or an email).
import { revalidatePath } from 'next/cache';
import { runtime } from '@/src/runtime.ts';
import { createSupportPin, sendSupportPinCode } from '@/src/support/pin.ts';
import { guessingRequestContext } from '../lib/request.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import { formFields, type FormState } from '../lib/form-state.ts';

/** The PIN form's state: a FormState, plus the new PIN and its expiry once. */
export interface SupportPinState extends FormState {
  pin?: { value: string; expiresAt: string };
}

export async function sendSupportPinCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await sendSupportPinCode(runtime(), actor.accountId, formFields(formData), await guessingRequestContext());
  if (!result.ok) return { error: result.error };
  return { done: true, notice: result.message, values: { trustedDeviceId: result.trustedDeviceId } };
}

export async function createSupportPinAction(_prev: SupportPinState, formData: FormData): Promise<SupportPinState> {
  const { actor } = await requireSecurityPass();
  const fields = formFields(formData);
  const result = await createSupportPin(runtime(), actor.accountId, fields, await guessingRequestContext());
  if (!result.ok) return { error: result.error, values: { trustedDeviceId: fields.trustedDeviceId ?? '' } };
  revalidatePath('/account/security');
  return { done: true, pin: { value: result.pin, expiresAt: result.expiresAt.toISOString() } };
}
