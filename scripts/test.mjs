#!/usr/bin/env node
// `npm test` on a fresh clone: installs what is missing, then
//   1. vitest: unit and integration tests (real SQLite files, SMTP and Twilio stand-ins);
//   2. the integration tests again on PostgreSQL, when TEST_POSTGRES_URL is set (.ci/run sets it);
//   3. Playwright end-to-end tests in Debian's Chromium (installed with apt-get when missing),
//      against a production build of the app.
import { existsSync } from 'node:fs';
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

step('unit and integration tests on SQLite');
run('npx', ['vitest', 'run'], env);

if (env.TEST_POSTGRES_URL) {
  step('integration tests on PostgreSQL');
  run('npx', ['vitest', 'run', '.int.test.ts'], { ...env, TEST_DB_ENGINE: 'postgresql' });
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
run('npx', ['playwright', 'test'], env);

step(`all tests passed in ${Math.round((Date.now() - started) / 1000)} s`);
