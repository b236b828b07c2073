// A typed code against a sealed authenticator-app secret, whoever the app belongs to (a holder's
// trusted device in src/kinds/authenticator-app/check.ts, a staff member's second factor in
// ./staff.ts): open the secret for its row, find the time step the code belongs to
// (otplib compares in constant time), and refuse a step at or before the last one accepted. The
// caller then claims the step in its own table with one conditional UPDATE, so of concurrent
// requests with one code exactly one wins.
import { open } from '../../secret-box.ts';
import { matchingStep } from './totp.ts';

export type SealedTotpCheck =
  | { ok: true; step: number }
  /** 'unreadable': the secret does not open (TOTP_ENCRYPTION_KEY changed, or the row was altered). */
  | { ok: false; reason: 'unreadable' | 'wrong' | 'used' };

export function checkSealedTotp(
  key: Buffer,
  app: { sealed: string | null; boundTo: string; lastStep: number | null },
  code: string,
  now: Date,
): SealedTotpCheck {
  const secret = app.sealed ? open(key, app.sealed, app.boundTo) : null;
  if (!secret) return { ok: false, reason: 'unreadable' };
  const step = matchingStep(secret, code, now);
  if (step === null) return { ok: false, reason: 'wrong' };
  if (app.lastStep !== null && step <= app.lastStep) return { ok: false, reason: 'used' };
  return { ok: true, step };
}
