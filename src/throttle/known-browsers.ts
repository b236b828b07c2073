// Known browsers (OWASP "Slow down online guessing attacks with device cookies"): a browser that
// completed a sign-in to an account gets a sealed device cookie naming that account and a random
// id. Failures from unknown browsers lock unknown browsers only; a known browser counts its
// failures under its own id, so a stranger who knows only the Apple ID can use up the unknown
// browsers' budget but never the holder's. The cookie is sealed by the app (app/lib/known-browser.ts):
// it cannot be forged, and a stolen one gives 5 guesses, not access. An entry counts only while its
// server-side record exists (src/sessions/known-browsers.ts: Sign Out Everywhere and a password change
// end them); ctx.knownBrowsers holds only the entries that count.
import type { RequestContext } from '../security-events/record.ts';
import type { Limit, LockPolicy, SlowDownPolicy } from './throttle.ts';

/** The id this request's browser has for `accountId`, or null when the browser is unknown to it. */
export function knownBrowserId(ctx: RequestContext, accountId: string | null | undefined): string | null {
  if (!accountId) return null;
  return ctx.knownBrowsers?.find((b) => b.accountId === accountId)?.id ?? null;
}

/**
 * The limits one guess at a secret is counted under, in `scope` (the sign-in form, an app, the
 * Recovery Key reset): a known browser's own budget; or else the client address's slow-down budget
 * and then the budget that all unknown browsers share for `identity` (an Apple ID as typed, an
 * account).
 */
export function guessLimits(
  scope: string,
  identity: string,
  accountId: string | null,
  ctx: RequestContext,
  policies: { perIdentity: LockPolicy; perAddress?: SlowDownPolicy },
): Limit[] {
  const known = knownBrowserId(ctx, accountId);
  if (known) return [[`${scope}:browser:${known}`, policies.perIdentity]];
  return [
    ...(ctx.clientAddress && policies.perAddress ? [[`${scope}:address:${ctx.clientAddress}`, policies.perAddress] as const] : []),
    [`${scope}:${identity}`, policies.perIdentity],
  ];
}
