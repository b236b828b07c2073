#!/usr/bin/env node
// `npm test` on a fresh clone: installs what is missing, then
//   1. vitest: unit and integration tests (real SQLite files, SMTP and Twilio stand-ins);
//   2. the integration tests again on PostgreSQL, when TEST_POSTGRES_URL is set (.ci/run sets it);
//   3. Playwright end-to-end tests in Debian's Chromium (installed with apt-get when missing),
//      against a production build of the app.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfChanged, ensureInstalled, run } from './lib/bootstrap.mjs';

process.chdir(join(fileURLToPath(import.meta.url), '..', '..'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
delete env.TWILIO_REGION;
delete env.TWILIO_EDGE;
const started = Date.now();
const step = (name) => console.log(`\n=== ${name} (${Math.round((Date.now() - started) / 1000)} s)\n`);

ensureInstalled();
rmSync('test-reports', { recursive: true, force: true });

/** Each runner writes a JSON report; the last line sums them up for people and for CI. */
const reports = [];
function vitest(name, args, extraEnv = {}) {
  const file = `test-reports/vitest-${name}.json`;
  reports.push({ file, passed: (r) => r.numPassedTests, failed: (r) => r.numFailedTests });
  run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], { ...env, ...extraEnv });
}

step('unit and integration tests on SQLite');
vitest('sqlite', []);

if (env.TEST_POSTGRES_URL) {
  step('integration tests on PostgreSQL');
  vitest('postgresql', ['.int.test.ts'], { TEST_DB_ENGINE: 'postgresql' });
} else {
  console.log('\nTEST_POSTGRES_URL is not set: skipping the PostgreSQL run (.ci/run sets it).');
}

const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  step("installing Debian's Chromium");
  run('apt-get', ['update', '-qq'], { ...env, DEBIAN_FRONTEND: 'noninteractive' });
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { ...env, DEBIAN_FRONTEND: 'noninteractive' });
}

step('building the app');
buildIfChanged(env);

step('end-to-end tests in Chromium');
reports.push({ file: 'test-reports/e2e.json', passed: (r) => r.stats.expected, failed: (r) => r.stats.unexpected + r.stats.flaky });
run('npx', ['playwright', 'test'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-reports/e2e.json' });

let passed = 0;
let failed = 0;
for (const r of reports) {
  const report = JSON.parse(readFileSync(r.file, 'utf8'));
  passed += r.passed(report);
  failed += r.failed(report);
}
step(`all tests passed in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
