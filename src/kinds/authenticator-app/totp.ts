// Authenticator apps (TOTP, RFC 6238) through otplib, never hand-written: the secret, the
// otpauth:// URI the app scans, and which time step a typed code belongs to. No database, no
// clock of its own: the caller passes the time (its injected Clock), so tests need no waiting.
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** RFC 6238 §4 with the values every authenticator app uses: 6 digits, 30-second steps, HMAC-SHA1. */
export const TOTP_DIGITS = 6;
export const TOTP_STEP_SECONDS = 30;
/**
 * RFC 6238 §5.2 recommends accepting at most one step of drift either way ("at most one time step
 * is allowed as the network delay"): a code from the step before or after the current one is accepted.
 */
export const TOTP_DRIFT_STEPS = 1;
/** The issuer the app shows next to the account, so the holder knows which account a code is for. */
export const TOTP_ISSUER = 'Two-Step';
/** RFC 4226 §4 R6 recommends a 160-bit shared secret (20 bytes; 32 base32 characters). */
export const TOTP_SECRET_BYTES = 20;

/** A new shared secret from otplib's CSPRNG, base32 (what the app is given, by QR code or by hand). */
export function newTotpSecret(): string {
  return generateSecret({ length: TOTP_SECRET_BYTES });
}

/** The otpauth:// URI of the QR code: issuer "Two-Step" (or another, for staff), the Apple ID (or staff email) as the account label. */
export function totpUri(secret: string, label: string, issuer = TOTP_ISSUER): string {
  return generateURI({ issuer, label, secret, digits: TOTP_DIGITS, period: TOTP_STEP_SECONDS, algorithm: 'sha1' });
}

/** The time step of an instant: floor(seconds since the epoch / 30) (RFC 6238 §4.2, T0 = 0). */
export function timeStepOf(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** The code an app shows at `at` (for tests and the e2e spec, which play the app). */
export function totpCodeAt(secret: string, at: Date): string {
  return generateSync({
    secret,
    epoch: Math.floor(at.getTime() / 1000),
    digits: TOTP_DIGITS,
    period: TOTP_STEP_SECONDS,
    algorithm: 'sha1',
  });
}

/**
 * The absolute time step (timeStepOf(now) + drift) whose code `code` is, within ±TOTP_DRIFT_STEPS
 * of `now`, or null. The caller refuses a step at or before the last one it accepted (replay).
 */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  if (!new RegExp(`^[0-9]{${TOTP_DIGITS}}$`).test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    // In seconds, both ways: ±30 s from any instant reaches exactly the steps before and after.
    epochTolerance: TOTP_DRIFT_STEPS * TOTP_STEP_SECONDS,
    digits: TOTP_DIGITS,
    period: TOTP_STEP_SECONDS,
    algorithm: 'sha1',
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
