// Pages of sensitive changes ask for a code from a trusted device first when the last one is older
// than 10 minutes (src/step-up/fresh-code.ts decides; the domain functions refuse too, so this is
// only the friendly way round). After the code the holder comes back to the page they wanted.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runtime } from '@/src/runtime.ts';
import { hasFreshCode } from '@/src/step-up/fresh-code.ts';
import type { LiveSession } from '@/src/sessions/sessions.ts';
import { requireSecurityPass } from './security-pass.ts';
import { KIND_PAGE_PATHS } from '../_kinds/page-paths-registry.ts';

/**
 * Where the confirmation page may send the holder back to: a fixed list of same-site paths, so it is
 * no open redirect. Each page that asks for a fresh code is on it, so the holder lands where they were going.
 */
export const FRESH_CODE_PAGES = [
  '/account/security',
  '/account/security/two-step',
  '/account/security/devices',
  ...KIND_PAGE_PATHS,
  '/account/security/app-passwords',
  '/account/security/recovery-key',
  '/account/security/turn-off',
] as const;
export type FreshCodePage = (typeof FRESH_CODE_PAGES)[number];
export const freshCodePage = z.enum(FRESH_CODE_PAGES).catch('/account/security/two-step');

export function confirmUrl(next: FreshCodePage): string {
  return `/account/security/confirm?next=${encodeURIComponent(next)}`;
}

/**
 * Whether the holder must enter a code before the forms of a sensitive change: the rule
 * (hasFreshCode) on the session and account read for this request. The domain functions check
 * again when the change is made (freshCodeRefusal), on the row as it is then.
 */
export function pageNeedsFreshCode({ session, account }: LiveSession): boolean {
  return !hasFreshCode({ ...session, account }, runtime().clock.now());
}

/** Sends the holder to enter a code first, unless they entered one in the last 10 minutes (or two-step is off). */
export function requireFreshCode(current: LiveSession, next: FreshCodePage): void {
  if (pageNeedsFreshCode(current)) redirect(confirmUrl(next));
}

/** For the pages that exist only while two-step is on (Replace Lost Key, Turn Off): the holder, after a fresh code. */
export async function requireTwoStepChange(next: FreshCodePage) {
  const current = await requireSecurityPass();
  if (!current.account.twoStepEnabledAt) redirect('/account/security');
  requireFreshCode(current, next);
  return current;
}
