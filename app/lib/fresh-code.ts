// Pages of sensitive changes ask for a code from a trusted device first when the last one is older
// than 10 minutes (src/step-up/fresh-code.ts decides; the domain functions refuse too, so this is
// only the friendly way round). After the code the holder comes back to the page they wanted.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runtime } from '@/src/runtime.ts';
import { needsFreshCode } from '@/src/step-up/fresh-code.ts';
import { requireSecurityPass } from './security-pass.ts';

/** Where the confirmation page may send the holder back to: a fixed list, so it is no open redirect. */
export const FRESH_CODE_PAGES = [
  '/account/security',
  '/account/security/two-step',
  '/account/security/devices',
  '/account/security/app-passwords',
  '/account/security/recovery-key',
  '/account/security/turn-off',
] as const;
export type FreshCodePage = (typeof FRESH_CODE_PAGES)[number];
export const freshCodePage = z.enum(FRESH_CODE_PAGES).catch('/account/security/two-step');

export function confirmUrl(next: FreshCodePage): string {
  return `/account/security/confirm?next=${encodeURIComponent(next)}`;
}

/** Sends the holder to enter a code first, unless they entered one in the last 10 minutes (or two-step is off). */
export async function requireFreshCode(actor: { accountId: string; sessionId: string }, next: FreshCodePage): Promise<void> {
  if (await needsFreshCode(runtime(), actor)) redirect(confirmUrl(next));
}

/** For the pages that exist only while two-step is on (Replace Lost Key, Turn Off): the holder, after a fresh code. */
export async function requireTwoStepChange(next: FreshCodePage) {
  const current = await requireSecurityPass();
  if (!current.account.twoStepEnabledAt) redirect('/account/security');
  await requireFreshCode(current.actor, next);
  return current;
}
