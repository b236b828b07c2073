'use server';
// Server actions for "Forgot password?". Two-step off: ask for a link, then answer two security
// questions and choose a new password. Each calls one domain function (src/password-reset/by-link.ts),
// which validates the form with zod.
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { completePasswordReset, requestPasswordReset } from '@/src/password-reset/by-link.ts';
import { guessingRequestContext, requestContext } from '../lib/request.ts';
import { clearSessionCookie } from '../lib/session.ts';
import { refuseStaff } from '../lib/staff-session.ts';
import { formFields, formValues, type FormState } from '../lib/form-state.ts';
import { clearResetToken, resetToken, setResetToken } from '../lib/reset-cookie.ts';
import { completeKeyReset, startKeyReset } from '@/src/password-reset/by-recovery-key.ts';
import { inLanguage } from '../i18n/said.ts';

/** The forgot-password form also shows one sentence after it was sent. */
export type ForgotState = FormState & { notice?: string };

export async function requestPasswordResetAction(_prev: ForgotState, formData: FormData): Promise<ForgotState> {
  await refuseStaff();
  const result = await requestPasswordReset(runtime(), formFields(formData), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) }, result.said);
  return inLanguage({ done: true, notice: result.message });
}

export async function completePasswordResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await refuseStaff();
  // The token comes only from the reset cookie, never from the form.
  const result = await completePasswordReset(runtime(), await resetToken(), formFields(formData), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors }, result.said);
  await clearResetToken();
  // Every session of the account has ended; this browser's cookie goes too.
  await clearSessionCookie();
  redirect('/sign-in?reset=1');
}

// ---- Two-step on: the Recovery Key, a code from a trusted device, a new password ----------------
// (src/password-reset/by-recovery-key.ts). The reset's token lives only in the reset cookie. The
// code step between is app/actions/proof.ts ('recovery-key-reset').

export async function startKeyResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await refuseStaff();
  const result = await startKeyReset(runtime(), formFields(formData), await guessingRequestContext());
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) }, result.said);
  await setResetToken(result.token);
  redirect('/reset/recovery-key/verify');
}

export async function completeKeyResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await refuseStaff();
  const result = await completeKeyReset(runtime(), await resetToken(), formFields(formData), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors }, result.said);
  await clearResetToken();
  await clearSessionCookie();
  redirect('/sign-in?reset=1');
}
