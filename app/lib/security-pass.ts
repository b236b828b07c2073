// Server-side guard for the Password and Security page and its actions: a signed-in holder who
// has answered the security questions in this session (two-step off), enforced on every action,
// not only when the page is drawn.
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { securityPassState } from '@/src/accounts/security-pass.ts';
import type { PageRule } from '@/src/sessions/stage-policy.ts';
import { requireAccount } from './session.ts';

export async function requireSecurityPass(page: PageRule = {}) {
  const current = await requireAccount(page);
  const pass = await securityPassState(runtime(), current.session.id);
  if (!pass.passed) redirect('signedOut' in pass ? '/sign-in' : '/account/security');
  return { ...current, actor: { accountId: current.account.id, sessionId: current.session.id } };
}
