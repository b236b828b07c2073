'use server';
// Server actions of the support console. Staff sign in and out, find an account, enter a support
// PIN: none of them changes account data (src/support/console.ts); each look is recorded for the
// holder. Every action but sign-in (and sign-out) checks on the server that the staff session
// proved the second factor (requireStaff); the second factor's own actions are in
// ./staff-second-factor.ts.
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { endStaffSession, staffSignIn } from '@/src/support/staff.ts';
import { findAccount } from '@/src/support/console.ts';
import { enterSupportPin } from '@/src/support/pin.ts';
import { requestContext } from '../lib/request.ts';
import {
  clearStaffCookie,
  requireStaff,
  SECOND_FACTOR_PAGE,
  SECOND_FACTOR_SETUP_PAGE,
  setStaffCookie,
  STAFF_SIGN_IN_PAGE,
} from '../lib/staff-session.ts';
import { formFields, formValues, type FormState } from '../lib/form-state.ts';
import { inLanguage } from '../i18n/said.ts';

export async function staffSignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await staffSignIn(runtime(), formFields(formData), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) }, result.said);
  await setStaffCookie(result.token);
  // Only the password so far: the second factor next, or its setup (src/support/staff-factors.ts).
  redirect(result.next === 'verify' ? SECOND_FACTOR_PAGE : SECOND_FACTOR_SETUP_PAGE);
}

export async function staffSignOutAction(): Promise<void> {
  const token = await clearStaffCookie();
  if (token) await endStaffSession(runtime().db, token);
  redirect(`${STAFF_SIGN_IN_PAGE}?signed-out=1`);
}

export async function findAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await requireStaff();
  const result = await findAccount(runtime(), session, formFields(formData), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) }, result.said);
  redirect('/support/account');
}

export async function enterSupportPinAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await requireStaff();
  const result = await enterSupportPin(runtime(), session, formFields(formData), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors }, result.said);
  redirect('/support/account');
}
