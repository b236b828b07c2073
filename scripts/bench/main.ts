// `npm run bench`: the performance benchmark (docs/performance.md), one command on a fresh clone.
// Builds the app if its sources changed, starts the production server (scripts/serve.ts, bcrypt
// cost 12) on free loopback ports with a throwaway SQLite database and, when TEST_POSTGRES_URL is
// set, again with a throwaway PostgreSQL database it creates and drops; seeds what it needs; prints
// one table of figures and ratios, each measured against its limit in the same run; stops
// everything it started, also on an error or Ctrl-C. Not part of `npm test`.
//
// Options (after `npm run bench --`):
//   --only <parts>    comma-separated (default: all):
//                       pages      goal 1 and the activity list of goal 4, at scale
//                       token      the OpenID Connect token endpoint: code exchanges/s against /sign-in
//                       sign-in    goal 2 (a)-(c) over HTTP, and (d) the domain in process
//                       domain     goal 2 (d) alone: the domain sign-in in process (part of sign-in)
//                       memory     goal 3 (SQLite only: its own server at bcrypt cost 4)
//                       in-process bcrypt cost ratios, timing equality, session look-ups, outbox
//                       instances  sign-ins/s through nginx with one and two instances
//                                  (PostgreSQL only: needs TEST_POSTGRES_URL, and nginx)
//   --engine <name>   sqlite or postgresql (default: sqlite, and postgresql when TEST_POSTGRES_URL is set)
//   --quick           3-second rounds, 10,000 accounts, 1,000 sign-ins and 4,000 views for
//                     memory: to iterate; the figures are rougher
// BENCH_PROF=1 in the environment starts the server with --cpu-prof: a V8 profile of the server
// is written to /tmp/prof when the bench stops it (open it in Chrome's DevTools).
// Rounds last at least 5 s and at least 4 latencies of what they measure (from the warm-up). On
// 2 cores shared with other load, pages and sign-in on both engines took 26 minutes, token about
// 4; the memory part (5,000 sign-ins, 20,000 page views) takes about an hour at today's speed.
//
// Parts (one module each): harness.ts (ports, databases, stand-ins, the server with probe.mjs),
// load.ts (autocannon, interleaved rounds), seed.ts + scale.ts (bulk data), pages.ts (goal 1,
// activity pages), token.ts + token-codes.ts (the token endpoint), sign-in.ts (goal 2),
// memory.ts (goal 3), in-process.ts (domain figures).
import { parseArgs } from 'node:util';
import { buildIfChanged, ensureInstalled } from '../lib/bootstrap.mjs';
import { stopAll, stopOnSignals, type Engine } from './harness.ts';
import { renderTable, note } from './table.ts';
import { benchEngine, type BenchOptions } from './engine.ts';
import { benchInProcess } from './in-process.ts';
import { benchInstances } from './instances.ts';
import { pino } from 'pino';
import { createLogger, setLogger } from '../../src/observability/log.ts';

// The domain run in this process logs every security event at info, as in production: keep that
// cost in the figures, but send the lines nowhere, so the table stays readable.
setLogger(createLogger({ destination: pino.destination('/dev/null') }));

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    engine: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const PARTS = ['in-process', 'pages', 'token', 'sign-in', 'domain', 'memory', 'instances'] as const;
const only = new Set(values.only ? values.only.split(',').map((s) => s.trim()) : PARTS);
for (const p of only)
  if (!PARTS.includes(p as (typeof PARTS)[number])) throw new Error(`--only: unknown part ${p} (parts: ${PARTS.join(', ')})`);
const engines: Engine[] = values.engine ? [values.engine as Engine] : process.env.TEST_POSTGRES_URL ? ['sqlite', 'postgresql'] : ['sqlite'];
if (engines.includes('postgresql') && !process.env.TEST_POSTGRES_URL) throw new Error('--engine postgresql needs TEST_POSTGRES_URL');

const options: BenchOptions = {
  parts: only as Set<string>,
  quick: values.quick,
  seconds: values.quick ? 3 : 5,
  rounds: 3,
};

ensureInstalled();
buildIfChanged({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' });

const started = Date.now();
stopOnSignals(() => console.log(`\n${renderTable()}\n(interrupted)`));
let failed = false;
try {
  if (only.has('in-process')) {
    console.log('in process: bcrypt, timing equality, sessions, outbox…');
    await benchInProcess();
  }
  const memoryParts = [];
  for (const engine of engines) memoryParts.push(await benchEngine(engine, options));
  if (only.has('instances')) {
    if (process.env.TEST_POSTGRES_URL) await benchInstances(options);
    else note('Several instances behind nginx: skipped (they share a PostgreSQL database: set TEST_POSTGRES_URL).');
  }
  // Memory once, on the first engine (growth does not depend on it), last: it is the longest part.
  if (only.has('memory')) await memoryParts[0]?.();
  if (!process.env.TEST_POSTGRES_URL && !values.engine)
    note('PostgreSQL: skipped (set TEST_POSTGRES_URL, e.g. from `bash .ci/postgres.sh | tail -n 1`).');
} catch (e) {
  failed = true;
  console.error(`\nbench failed: ${(e as Error).stack ?? e}`);
} finally {
  await stopAll();
}
note(`Total time ${((Date.now() - started) / 60_000).toFixed(1)} min${options.quick ? ' (--quick)' : ''}.`);
console.log(`\n${renderTable()}`);
process.exit(failed ? 1 : 0);
