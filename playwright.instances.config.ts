// End-to-end test of several instances (docs/operating.md#several-instances): two production
// instances of the portal on one PostgreSQL database, behind nginx configured from
// deploy/nginx/two-step.conf, in Debian's Chromium. Needs TEST_POSTGRES_URL and nginx; `npm test`
// runs it after the main end-to-end run (playwright.config.ts) when TEST_POSTGRES_URL is set.
// e2e-instances/global-setup.ts starts and stops everything; the browser only ever talks to nginx.
import { defineConfig } from '@playwright/test';
import { NGINX_URL } from './e2e-instances/ports.ts';
import { CHROMIUM_LAUNCH } from './e2e/chromium.ts';

export default defineConfig({
  testDir: 'e2e-instances',
  globalSetup: './e2e-instances/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 240_000,
  expect: { timeout: 30_000 }, // generous, as playwright.config.ts says why
  reporter: [['list'], ...(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['json'] as const] : [])],
  outputDir: 'test-results/instances',
  use: {
    baseURL: NGINX_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH,
  },
});
