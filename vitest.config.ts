import { defineConfig } from 'vitest/config';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Unit tests (*.test.ts) need nothing; integration tests (*.int.test.ts) use a real database,
// the SMTP stand-in and the Twilio stand-in with the real SDK. `npm test` runs the integration
// tests a second time on PostgreSQL when TEST_POSTGRES_URL is set.

/**
 * What makes a test file change the modules it shares with others: it mocks or spies on a module,
 * sets the environment, builds the app's one runtime (src/runtime.ts, whose database is the first
 * caller's), swaps the logger, adds a kind to the registry, or lints with a configuration of its
 * own (typescript-eslint keeps its programs and settings in its modules, so two files linting the
 * same path with different settings would share them). Such a file gets modules of its own.
 */
export const CHANGES_SHARED_MODULES =
  /vi\.(mock|doMock|spyOn|stubEnv|stubGlobal)\(|app-harness|src\/runtime|setLogger\(|addKind\(|process\.env\.\w+\s*=[^=]|process\.chdir\(|new ESLint\(/;

const testFiles = readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `tests/${f.split('\\').join('/')}`);
export const OWN_MODULES = testFiles.filter((f) => CHANGES_SHARED_MODULES.test(readFileSync(f, 'utf8'))).sort();

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // Pages and actions called directly, outside Next.js's react-server build (tests/harness/next-intl-server.ts).
      'next-intl/server': fileURLToPath(new URL('tests/harness/next-intl-server.ts', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    // Migrates one template database for the run; each test file's database is a copy of it.
    globalSetup: ['tests/harness/template-db.ts'],
    // Generous: a shared 2-core machine (CI runs the PostgreSQL suite beside the SQLite one) can be slow; no test is timed.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // No log lines in the test output: a test that reads the log gives itself a logger (setLogger).
    env: { BCRYPT_COST: '4', LOG_LEVEL: 'silent' },
    // Loading the modules again for every file was most of the suite's time (the Prisma client,
    // zod schemas, the app's actions): the files that leave the modules as they found them share
    // them within a worker thread; the others (CHANGES_SHARED_MODULES) load their own in a child
    // process each. (Vitest decides isolation per pool, not per project: hence one pool each.)
    poolOptions: { threads: { isolate: false }, forks: { isolate: true } },
    projects: [
      {
        extends: true,
        test: {
          name: 'shared-modules',
          include: testFiles.filter((f) => !OWN_MODULES.includes(f)),
          pool: 'threads',
        },
      },
      { extends: true, test: { name: 'own-modules', include: OWN_MODULES, pool: 'forks' } },
    ],
  },
});
