'use server';
// Signing in with two-step on when no trusted device is at hand: the Recovery Key
// (src/sign-in/recovery-key.ts). The second step with a trusted device is app/actions/proof.ts ('sign-in').
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { signInWithRecoveryKey } from '@/src/sign-in/recovery-key.ts';
import { guessingRequestContext } from '../lib/request.ts';
import { sessionToken, setSessionCookie } from '../lib/session.ts';
import { refuseStaff } from '../lib/staff-session.ts';
import { formFields, type FormState } from '../lib/form-state.ts';
import { inLanguage } from '../i18n/said.ts';

export async function signInWithRecoveryKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await refuseStaff();
  const token = await sessionToken();
  if (!token) redirect('/sign-in');
  const result = await signInWithRecoveryKey(runtime(), token, formFields(formData), await guessingRequestContext());
  if (!result.ok) return inLanguage({ error: result.error }, result.said);
  await setSessionCookie(result.sessionToken);
  redirect('/account/security/devices');
}
