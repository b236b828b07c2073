// End-to-end tests in Debian's Chromium (Playwright's own browser download does not work
// offline). The portal runs as in production (`next start` build) with the local stand-ins, on
// its own ports and a fresh SQLite database, so it never touches `npm start`'s data.
//
// Three portals side by side, one per project, each with one worker (its specs one after the other,
// in file order, as they assume: metrics counts, server.log slices, the dev clock that only moves
// forward): `clock` and `clock-2` run the specs that move the portal's dev clock (every other one
// in file order each, about half the time each), `steady` all the others.
import { defineConfig } from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localEnv, randomSecrets } from './dev/standins/local-env.ts';

import { E2E_METRICS_TOKEN, E2E_SERVERS, type E2eServerName } from './e2e/ports.ts';
import { CHROMIUM_LAUNCH } from './e2e/chromium.ts';
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'two-step-e2e-'));
process.env.E2E_DATA_DIR = dataDir; // the config is loaded again in each worker: keep one database per portal
// Before the servers start (and their seeds run): the demo accounts' dates are told from the seed's
// moment, which the specs bound by this instant and the portal's clock rather than by a slack.
process.env.E2E_STARTED_AT ??= String(Date.now());

/** Calls a helper of e2e/helpers.ts that moves the portal's clock. */
const CLOCK_CALL = /\b(advanceClock|portalNow|portalNowApart)\(/;

/** Whether a spec moves the portal's clock, itself or through a module of e2e/ it imports (e2e/staff.ts does). */
const e2eDir = fileURLToPath(new URL('e2e', import.meta.url));
function movesClock(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const text = readFileSync(join(e2eDir, file), 'utf8');
  if (file !== 'helpers.ts' && CLOCK_CALL.test(text)) return true;
  const local = [...text.matchAll(/from '\.\/([\w-]+\.ts)'/g)].map((m) => m[1]).filter((f) => f !== 'helpers.ts');
  return local.some((f) => movesClock(f, seen));
}
const specs = readdirSync(e2eDir).filter((f) => f.endsWith('.spec.ts'));
const clockSpecs = specs.filter((f) => movesClock(f)).sort();
/**
 * Every other clock-moving spec in file order: e2e/waiting-rules.spec.ts, which moves the clock by
 * months, still runs last on its portal.
 */
const clockHalf = (n: 0 | 1) => clockSpecs.filter((_, i) => i % 2 === n);

/** One portal: seeded, then served, its output kept in its server.log (e2e/helpers.ts serverLog). */
function portal(name: E2eServerName) {
  const dir = join(dataDir, name);
  mkdirSync(dir, { recursive: true });
  const ports = E2E_SERVERS[name];
  return {
    command: `npx tsx scripts/seed.ts && npx tsx scripts/serve.ts 2>&1 | tee -a '${join(dir, 'server.log')}'`,
    url: `http://localhost:${ports.app}/sign-in`,
    name,
    reuseExistingServer: false,
    timeout: 120_000,
    // Not echoed: at LOG_LEVEL=info the server writes a JSON line per request, all of it kept in
    // server.log (in E2E_DATA_DIR/<project>, which is left after the run for reading).
    stdout: 'ignore' as const,
    env: localEnv(ports, {
      DATABASE_URL: `file:${join(dir, 'e2e.db')}`,
      ...randomSecrets(),
      BCRYPT_COST: '8',
      // Every account of the run is created from 127.0.0.1 (the limit itself: tests/accounts/create-account.int.test.ts).
      ACCOUNTS_PER_ADDRESS_PER_HOUR: '1000',
      // Every request and security event in server.log (e2e/log-secrets.spec.ts reads it).
      LOG_LEVEL: 'info',
      // /metrics on the app's port behind a bearer token (e2e/metrics.spec.ts); the value is the tests'.
      METRICS_TOKEN: E2E_METRICS_TOKEN,
    }),
  };
}

const escape = (f: string) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const matching = (files: string[]) => new RegExp(`(^|/)(${files.map(escape).join('|')})$`);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 3,
  retries: 0,
  // Generous waits: three portals, their browsers and maybe other work share two cores, and a page
  // or a sign-in can take many seconds there. A long wait only slows a failing test; what each
  // expectation accepts is the same.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  // `npm test` adds a JSON report (PLAYWRIGHT_JSON_OUTPUT_NAME) to count the tests.
  reporter: [['list'], ...(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['json'] as const] : [])],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: [
    { name: 'clock', testMatch: matching(clockHalf(0)), workers: 1, use: { baseURL: `http://localhost:${E2E_SERVERS.clock.app}` } },
    { name: 'clock-2', testMatch: matching(clockHalf(1)), workers: 1, use: { baseURL: `http://localhost:${E2E_SERVERS['clock-2'].app}` } },
    {
      name: 'steady',
      testMatch: '*.spec.ts',
      testIgnore: matching(clockSpecs),
      workers: 1,
      use: { baseURL: `http://localhost:${E2E_SERVERS.steady.app}` },
    },
  ],
  webServer: [portal('clock'), portal('clock-2'), portal('steady')],
});
