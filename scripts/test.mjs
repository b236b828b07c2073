#!/usr/bin/env node
// `npm test` on a fresh clone: installs what is missing, then
//   0. the linters: Prettier's check (prettier.config.mjs), ESLint (comments within the line width;
//      imports at the top, once each; no floating or misused promises) and
//      dependency-cruiser (import boundaries, .dependency-cruiser.cjs; tests/architecture/ checks
//      the same inside vitest);
//   1. vitest: unit and integration tests (real SQLite files, SMTP and Twilio stand-ins);
//   2. the integration tests again on PostgreSQL, when TEST_POSTGRES_URL is set (.ci/run sets it);
//   3. Playwright end-to-end tests in Debian's Chromium (installed with apt-get when missing),
//      against a production build of the app;
//   4. when TEST_POSTGRES_URL is set, the end-to-end test of two instances on one PostgreSQL
//      database behind Debian's nginx (installed with apt-get when missing):
//      playwright.instances.config.ts.
import { spawn } from 'node:child_process';
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

step("linters: Prettier's check, ESLint and the import boundaries");
run('npm', ['run', '--silent', 'lint'], env);

/** Each runner writes a JSON report; the last line sums them up for people and for CI. */
const reports = [];
function vitest(name, args, extraEnv = {}) {
  const file = `test-reports/vitest-${name}.json`;
  reports.push({ file, passed: (r) => r.numPassedTests, failed: (r) => r.numFailedTests });
  run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], { ...env, ...extraEnv });
}

/** Like vitest(), without blocking: resolves to its exit status and everything it printed. */
function vitestInBackground(name, args, extraEnv = {}) {
  const file = `test-reports/vitest-${name}.json`;
  reports.push({ file, passed: (r) => r.numPassedTests, failed: (r) => r.numFailedTests });
  const child = spawn('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], {
    env: { ...env, ...extraEnv, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A step that fails ends `npm test` (process.exit) while this run may still go on: stop it too.
  process.on('exit', () => child.kill());
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })));
}

// The PostgreSQL run mostly waits on the database server, so it runs beside the SQLite run (each
// test file has its own database on either engine); its output is shown when it ends.
let postgres = null;
if (env.TEST_POSTGRES_URL) {
  step('integration tests on PostgreSQL, in the background');
  postgres = vitestInBackground('postgresql', ['.int.test.ts'], { TEST_DB_ENGINE: 'postgresql' });
} else {
  console.log('\nTEST_POSTGRES_URL is not set: skipping the PostgreSQL run (.ci/run sets it).');
}

step('unit and integration tests on SQLite');
vitest('sqlite', []);

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

// Only now: the end-to-end run (on SQLite) goes on beside the PostgreSQL run's last files.
if (postgres) {
  step('waiting for the integration tests on PostgreSQL');
  const { status, output } = await postgres;
  console.log(output);
  if (status !== 0) {
    console.error(`\nThe integration tests on PostgreSQL failed (exit ${status}).`);
    process.exit(status ?? 1);
  }
}

if (env.TEST_POSTGRES_URL) {
  const nginx = env.NGINX_PATH ?? '/usr/sbin/nginx';
  if (!existsSync(nginx)) {
    step("installing Debian's nginx");
    run('apt-get', ['update', '-qq'], { ...env, DEBIAN_FRONTEND: 'noninteractive' });
    run('apt-get', ['install', '-y', '-qq', 'nginx'], { ...env, DEBIAN_FRONTEND: 'noninteractive' });
  }
  step('end-to-end test of two instances behind nginx, on PostgreSQL');
  reports.push({
    file: 'test-reports/e2e-instances.json',
    passed: (r) => r.stats.expected,
    failed: (r) => r.stats.unexpected + r.stats.flaky,
  });
  run('npx', ['playwright', 'test', '-c', 'playwright.instances.config.ts'], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-reports/e2e-instances.json',
  });
} else {
  console.log(
    '\nTEST_POSTGRES_URL is not set: skipping the end-to-end test of two instances behind nginx (they share a PostgreSQL database; .ci/run sets it).',
  );
}

let passed = 0;
let failed = 0;
for (const r of reports) {
  const report = JSON.parse(readFileSync(r.file, 'utf8'));
  passed += r.passed(report);
  failed += r.failed(report);
}
step(`all tests passed in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
