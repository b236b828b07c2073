// Server-side guard for the Password and Security page and its actions: a signed-in holder who
// has answered the security questions in this session (two-step off), enforced on every action,
// not only when the page is drawn.
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { securityPassStateOf, type PassState } from '@/src/accounts/security-pass.ts';
import type { PageRule } from '@/src/sessions/stage-policy.ts';
import type { LiveSession } from '@/src/sessions/sessions.ts';
import { requireAccount } from './session.ts';

/** The pass of the signed-in session, on the facts read with it (no second read of the session). */
export function passStateOf({ session, account }: LiveSession): Promise<PassState> {
  return securityPassStateOf(runtime(), { ...session, twoStepOn: account.twoStepEnabledAt !== null });
}

export async function requireSecurityPass(page: PageRule = {}) {
  const current = await requireAccount(page);
  const pass = await passStateOf(current);
  if (!pass.passed) redirect('signedOut' in pass ? '/sign-in' : '/account/security');
  return { ...current, actor: { accountId: current.account.id, sessionId: current.session.id } };
}
