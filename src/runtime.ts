// The composition root: builds the real dependencies (database, clock, and what the kinds of
// trusted device are given: their senders and keys) from the environment, once per process. Pages
// and server actions get their dependencies from here; domain code never reads the environment itself.
import { config } from './config.ts';
import { createDb, type Db } from './db/client.ts';
import { shiftableClock, systemClock, type Clock } from './clock.ts';
import { kindDeps, type KindDeps } from './kinds/deps-registry.ts';

/** The portal's dependencies, and each kind's (src/kinds/deps-registry.ts, by the names the kinds give them). */
export interface Runtime extends KindDeps {
  db: Db;
  clock: Clock;
  bcryptCost: number;
  appUrl: string;
  codeKey: string;
  codeDigits: number;
}

const globalForRuntime = globalThis as unknown as { twoStepRuntime?: Runtime };

export function runtime(): Runtime {
  if (!globalForRuntime.twoStepRuntime) {
    const c = config();
    globalForRuntime.twoStepRuntime = {
      db: createDb(c.DATABASE_URL),
      // With the local stand-ins, dev tools may move time forward (app/dev/clock); never in production.
      clock: c.STANDINS === 'on' ? shiftableClock() : systemClock,
      bcryptCost: c.BCRYPT_COST,
      appUrl: c.APP_URL,
      codeKey: c.CODE_HMAC_KEY,
      codeDigits: c.CODE_DIGITS,
      ...kindDeps(c),
    };
  }
  return globalForRuntime.twoStepRuntime;
}
