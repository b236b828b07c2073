#!/usr/bin/env node
// `npm run check`: the quick answer while working (about a minute on 2 cores), before `npm test`'s
// full one. The typechecker, the linters and the unit tests (*.test.ts, not *.int.test.ts: none of
// them needs a database, a stand-in or a build) run side by side; each one's output is shown when
// it ends, and the command fails if any of them does. Integration tests, the end-to-end tests and
// the PostgreSQL run are `npm test`'s.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.chdir(join(fileURLToPath(import.meta.url), '..', '..'));
const started = Date.now();
const env = { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') };

const jobs = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit tests', 'npx', ['vitest', 'run', '--exclude', 'tests/**/*.int.test.ts']],
];

/** Runs one job with its output kept, so that the three do not interleave line by line. */
function job([name, command, args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (status) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(`\n=== ${name}: ${status === 0 ? 'passed' : `FAILED (exit ${status})`} (${seconds} s)\n`);
      if (output.trim()) console.log(output.trimEnd());
      resolve(status === 0);
    });
  });
}

const results = await Promise.all(jobs.map(job));
const failed = jobs.filter((_, i) => !results[i]).map(([name]) => name);
console.log(`\n=== ${failed.length ? `failed: ${failed.join(', ')}` : 'all passed'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failed.length ? 1 : 0);
