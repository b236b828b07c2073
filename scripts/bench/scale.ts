// Goal 4: the figures are taken with a realistic amount of data in the database: 100,000 accounts
// (two-step on, a trusted phone each), 300,000 security events and 100,000 other sessions, plus one
// account with a 1,000-event activity list. Seeded in bulk before the server starts.
import { performance } from 'node:perf_hooks';
import { seedAccounts, seedEvents, type SeededAccounts } from './seed.ts';
import { note } from './table.ts';

export const ACCOUNT_PREFIX = 'u';
/** Account indexes by use, so that no two parts share an account (throttles and code limits are per account). */
export const RANGES = {
  pages: [0, 50],
  longActivity: 50,
  token: [100, 1_000],
  signInHttp: [1_000, 9_000],
  inProcess: [9_000, 9_999],
} as const;

export interface Scale {
  accounts: SeededAccounts;
  seconds: number;
}

export async function seedScale(databaseUrl: string, opts: { quick: boolean; engineLabel: string }): Promise<Scale> {
  const count = opts.quick ? 10_000 : 100_000;
  const start = performance.now();
  const accounts = await seedAccounts(databaseUrl, {
    prefix: ACCOUNT_PREFIX,
    count,
    phoneBase: 0,
    bcryptCost: 12,
    eventsEach: 3,
    sessions: true,
  });
  await seedEvents(databaseUrl, accounts.ids[RANGES.longActivity]!, 1_000);
  const seconds = (performance.now() - start) / 1000;
  note(
    `${opts.engineLabel}: seeded ${count.toLocaleString('en')} accounts, ${(count * 3 + 1000).toLocaleString('en')} security events, ${count.toLocaleString('en')} sessions in ${seconds.toFixed(1)} s.`,
  );
  return { accounts, seconds };
}
