// How many wrong passwords are allowed, wherever a password is typed: the sign-in form
// (src/sign-in/password.ts), an app (src/app-passwords/), the current password when changing it
// (src/account-changes/) and staff sign-in (src/support/staff.ts). One place, so the limits agree.
// NIST SP 800-63B 5.2.2: rate limiting, with a lockout that says how long to wait.
import { MINUTE } from '../clock.ts';
import type { Limit, LockPolicy, SlowDownPolicy } from '../throttle/throttle.ts';
import { guessLimits } from '../throttle/known-browsers.ts';
import type { RequestContext } from '../security-events/record.ts';

/** Unknown browsers, all together, for one Apple ID. */
export const PER_APPLE_ID: LockPolicy = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** One known browser of the account: a budget of its own, as large. */
export const PER_KNOWN_BROWSER: LockPolicy = PER_APPLE_ID;
/** One client address, across Apple IDs: slowed (one try a second, doubling up to a minute), never locked. */
export const PER_CLIENT_ADDRESS: SlowDownPolicy = {
  maxFailures: 20,
  windowMs: 15 * MINUTE,
  slowDown: { firstDelayMs: 1000, maxDelayMs: MINUTE },
};

/**
 * The limits a password attempt is counted under. `scope` keeps apart the places a password is
 * typed (the sign-in form, an app), so that failures in one lock nothing in the other.
 */
export function passwordLimits(
  scope: 'sign-in' | 'app:sign-in',
  appleIdKeyValue: string,
  accountId: string | null,
  ctx: RequestContext,
): Limit[] {
  return guessLimits(scope, `apple-id:${appleIdKeyValue}`, accountId, ctx, { perIdentity: PER_APPLE_ID, perAddress: PER_CLIENT_ADDRESS });
}
