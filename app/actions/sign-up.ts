'use server';
// The activation link's button (src/accounts/sign-up.ts). The token comes only from the activation
// cookie, never from the form; the holder then signs in with the password.
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { activateAccount } from '@/src/accounts/sign-up.ts';
import { requestContext } from '../lib/request.ts';
import { refuseStaff } from '../lib/staff-session.ts';
import type { FormState } from '../lib/form-state.ts';
import { activationToken, clearActivationToken } from '../create/activate/activation-cookie.ts';
import { inLanguage } from '../i18n/said.ts';

export async function activateAccountAction(_prev: FormState, _formData: unknown): Promise<FormState> {
  await refuseStaff();
  const result = await activateAccount(runtime(), await activationToken(), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error }, result.said);
  await clearActivationToken();
  redirect('/create/activate?activated=1');
}
