// Rows that count no more are deleted now and then by every instance (deleting twice is harmless):
// OpenID Connect records past their expiry (src/oidc/records.ts) and known browsers not signed in
// with for the device cookie's lifetime (src/sessions/known-browsers.ts). Neither is read as live
// once expired: the sweep only keeps the tables small.
import { HOUR, type Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { sweepExpiredRecords } from '../oidc/records.ts';
import { sweepExpiredKnownBrowsers } from '../sessions/known-browsers.ts';

/** How often an instance sweeps. */
export const SWEEP_EVERY_MS = HOUR;

export interface SweepDeps {
  db: Db;
  clock: Clock;
  /** Logs a sweep that failed (the next one tries again). */
  warn(err: unknown, message: string): void;
}

/** One sweep: how many rows of each kind went. */
export async function sweepExpiredRows(deps: Pick<SweepDeps, 'db' | 'clock'>): Promise<{ oidcRecords: number; knownBrowsers: number }> {
  // oidc-provider dates its records by the wall clock, not the portal's.
  const oidcRecords = await sweepExpiredRecords(deps.db);
  const knownBrowsers = await sweepExpiredKnownBrowsers(deps.db, deps.clock.now());
  return { oidcRecords, knownBrowsers };
}

/** Sweeps every SWEEP_EVERY_MS until stopped (the timer does not keep the process alive). */
export function startSweeps(deps: SweepDeps): { stop(): void } {
  const timer = setInterval(() => {
    sweepExpiredRows(deps).catch((err: unknown) => deps.warn(err, 'sweeping expired rows failed'));
  }, SWEEP_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
