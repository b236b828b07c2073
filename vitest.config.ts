import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests (*.test.ts) need nothing; integration tests (*.int.test.ts) use a real database,
// the SMTP stand-in and the Twilio stand-in with the real SDK. `npm test` runs the integration
// tests a second time on PostgreSQL when TEST_POSTGRES_URL is set.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Migrates one template database for the run; each test file's database is a copy of it.
    globalSetup: ['tests/harness/template-db.ts'],
    // Generous: a shared 2-core machine (CI runs the PostgreSQL suite beside the SQLite one) can be slow; no test is timed.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // No log lines in the test output: a test that reads the log gives itself a logger (setLogger).
    env: { BCRYPT_COST: '4', LOG_LEVEL: 'silent' },
  },
});
