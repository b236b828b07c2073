// End-to-end tests in Debian's Chromium (Playwright's own browser download does not work
// offline). The portal runs as in production (`next start` build) with the local stand-ins, on
// its own ports and a fresh SQLite database, so it never touches `npm start`'s data.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localEnv, randomSecrets } from './dev/standins/local-env.ts';

import { E2E_METRICS_TOKEN, E2E_PORTS } from "./e2e/ports.ts";
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'two-step-e2e-'));
process.env.E2E_DATA_DIR = dataDir; // the config is loaded again in each worker: keep one database
// Before the server starts (and its seed runs): the demo accounts' dates are told from the seed's
// moment, which the specs bound by this instant and the portal's clock rather than by a slack.
process.env.E2E_STARTED_AT ??= String(Date.now());
// What the portal prints (its operator log), for tests that check what the operator is told.
const serverLog = join(dataDir, 'server.log');

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // `npm test` adds a JSON report (PLAYWRIGHT_JSON_OUTPUT_NAME) to count the tests.
  reporter: [['list'], ...(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['json'] as const] : [])],
  use: {
    baseURL: `http://localhost:${E2E_PORTS.app}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `npx tsx scripts/seed.ts && npx tsx scripts/serve.ts 2>&1 | tee -a '${serverLog}'`,
    url: `http://localhost:${E2E_PORTS.app}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    // Not echoed: at LOG_LEVEL=info the server writes a JSON line per request, all of it kept in
    // server.log (in E2E_DATA_DIR, which is left after the run for reading).
    stdout: 'ignore',
    env: localEnv(E2E_PORTS, {
      DATABASE_URL: `file:${join(dataDir, 'e2e.db')}`,
      ...randomSecrets(),
      BCRYPT_COST: '8',
      // Every account of the run is created from 127.0.0.1 (the limit itself: tests/accounts/create-account.int.test.ts).
      ACCOUNTS_PER_ADDRESS_PER_HOUR: '1000',
      // Every request and security event in server.log (e2e/log-secrets.spec.ts reads it).
      LOG_LEVEL: 'info',
      // /metrics on the app's port behind a bearer token (e2e/metrics.spec.ts); the value is the tests'.
      METRICS_TOKEN: E2E_METRICS_TOKEN,
    }),
  },
});
