// The account's security log. Every change to an account writes one; the holder sees them and
// support reads them. `details` never holds a secret (no password, code, key or answer).
import type { DbTx } from '../db/client.ts';
import { newRowId } from '../db/row-id.ts';

/** Where a request came from: recorded with every event. */
export interface RequestContext {
  clientAddress: string | null;
  userAgent: string | null;
  /**
   * The browsers this request's browser proved to be for earlier accounts (its sealed device
   * cookie, src/throttle/known-browsers.ts): a known browser has its own attempt budget.
   */
  knownBrowsers?: readonly KnownBrowser[];
}

/** One entry of a device cookie: this browser completed a sign-in to `accountId`. */
export interface KnownBrowser {
  accountId: string;
  /** Random, per browser and account: the key its own attempt budget is counted under. */
  id: string;
}

export const NO_REQUEST: RequestContext = { clientAddress: null, userAgent: null };

/**
 * Significant changes (seed 001: "a password reset or new security questions"; ours: a changed
 * rescue email or birth date). Each starts or extends a waiting period before two-step setup.
 */
export const SIGNIFICANT_CHANGE_KINDS = [
  'password-changed',
  'password-reset',
  'security-questions-changed',
  'rescue-email-changed',
  'birth-date-changed',
] as const;
export type SignificantChangeKind = (typeof SIGNIFICANT_CHANGE_KINDS)[number];

export const SECURITY_EVENT_KINDS = [
  'account-created',
  'signed-in',
  'sign-in-failed',
  'signed-out',
  'signed-out-everywhere',
  ...SIGNIFICANT_CHANGE_KINDS,
  'waiting-period-started',
  'two-step-setup-started',
  'security-questions-passed',
  'security-questions-failed',
  'password-reset-requested',
  'password-reset-failed',
  'device-registered',
  'trusted-device-added',
  'trusted-device-removed',
  // Verification codes (src/codes/): never the code itself in details.
  'code-sent',
  'code-send-failed',
  'code-verified',
  'code-wrong',
  'code-reused',
  'codes-paused',
  // App-specific passwords (src/app-passwords/): the label in details, never the password.
  'app-password-created',
  'app-password-revoked',
  'app-passwords-revoked-all',
  'app-sign-in-failed',
  // Turning two-step on (src/two-step/turn-on.ts): never the Recovery Key in details.
  'recovery-key-created',
  'recovery-key-confirmed',
  'two-step-turned-on',
  // Signing in with the Recovery Key (src/sign-in/recovery-key.ts).
  'recovery-key-used',
  'recovery-key-failed',
  // Fresh authentication before a sensitive change (src/step-up/fresh-code.ts).
  'identity-confirmed',
  // Living with two-step on (src/two-step/).
  'recovery-key-replaced',
  'two-step-turned-off',
  'password-reset-key-accepted',
  // Support console (src/support/): every look by a staff member, with their display name
  // (staffName) in details for the holder to read; never the PIN.
  'support-pin-created',
  'support-looked-up',
  'support-details-viewed',
  'support-pin-accepted',
  'support-pin-failed',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export async function recordSecurityEvent(
  tx: DbTx,
  event: { accountId: string; kind: SecurityEventKind; at: Date; details?: Record<string, string | number | boolean> },
  ctx: RequestContext,
): Promise<void> {
  // Raw SQL (src/db/raw.ts): every sign-in writes two or three events, a model create costs five times the CPU.
  await tx.$executeRaw`
    INSERT INTO "SecurityEvent" ("id", "accountId", "kind", "createdAt", "clientAddress", "userAgent", "details")
    VALUES (${newRowId()}, ${event.accountId}, ${event.kind}, ${event.at}, ${ctx.clientAddress}, ${ctx.userAgent?.slice(0, 512) ?? null}, ${event.details ? JSON.stringify(event.details) : null})`;
}
