// The composition root: builds the real dependencies (database, clock, mail, SMS) from the
// environment, once per process. Pages and server actions get their dependencies from here;
// domain code never reads the environment itself.
import { config } from './config.ts';
import { createDb, type Db } from './db/client.ts';
import { systemClock, type Clock } from './clock.ts';

export interface Runtime {
  db: Db;
  clock: Clock;
  bcryptCost: number;
  appUrl: string;
}

const globalForRuntime = globalThis as unknown as { twoStepRuntime?: Runtime };

export function runtime(): Runtime {
  if (!globalForRuntime.twoStepRuntime) {
    const c = config();
    globalForRuntime.twoStepRuntime = {
      db: createDb(c.DATABASE_URL),
      clock: systemClock,
      bcryptCost: c.BCRYPT_COST,
      appUrl: c.APP_URL,
    };
  }
  return globalForRuntime.twoStepRuntime;
}
