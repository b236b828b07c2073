// One engine's run: a throwaway database seeded at scale, the stand-ins, the production server
// at bcrypt cost 12; then the parts asked for. The memory part starts its own server.
import { migrate } from '../../src/db/migrate.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import type { Standins } from '../../dev/standins/server.ts';
import { benchStandins, startServer, throwawayDatabase, onStop, type Engine } from './harness.ts';
import { seedScale, RANGES, ACCOUNT_PREFIX } from './scale.ts';
import { benchActivityPages, benchPages } from './pages.ts';
import { AccountPool, bcryptLimit, median, runUsers, signInFlows, type FlowResult } from './sign-in.ts';
import { benchDomainSignIn } from './in-process.ts';
import { benchMemory } from './memory.ts';
import { benchToken } from './token.ts';
import { addRow, ms, note, perS, section } from './table.ts';

export interface BenchOptions {
  parts: Set<string>;
  quick: boolean;
  seconds: number;
  rounds: number;
}

/** Runs the engine's parts; returns its memory part, to run after every engine's other figures. */
export async function benchEngine(engine: Engine, opts: BenchOptions): Promise<(() => Promise<void>) | null> {
  if (!['pages', 'token', 'sign-in', 'domain', 'memory'].some((p) => opts.parts.has(p))) return null;
  const label = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  console.log(`\n${label}: seeding the database…`);
  const databaseUrl = await throwawayDatabase(engine);
  await migrate(databaseUrl);
  const db = createDb(databaseUrl);
  onStop(() => db.$disconnect());
  const scale = await seedScale(databaseUrl, { quick: opts.quick, engineLabel: label });
  const standins = await benchStandins();
  if (opts.parts.has('pages')) {
    console.log(`${label}: signed-in pages…`);
    const server = await startServer({ databaseUrl, standins });
    section(`${label}: signed-in pages (goal 1), activity list (goal 4), with the data of goal 4`);
    const [from, to] = RANGES.pages;
    await benchPages(db, server, scale.accounts.ids.slice(from, to), { seconds: opts.seconds, rounds: opts.rounds, engineLabel: label });
    await benchActivityPages(db, server, scale.accounts.ids[RANGES.longActivity]!, {
      seconds: opts.seconds,
      rounds: opts.rounds,
      engineLabel: label,
    });
    await server.stop();
  }
  if (opts.parts.has('token')) {
    console.log(`${label}: token endpoint…`);
    const server = await startServer({ databaseUrl, standins });
    section(`${label}: token endpoint (authorization-code exchanges) against /sign-in`);
    const [from, to] = RANGES.token;
    await benchToken(db, server, scale.accounts.ids.slice(from, to), { seconds: opts.seconds, rounds: opts.rounds, engineLabel: label });
    await server.stop();
  }
  if (opts.parts.has('sign-in')) {
    console.log(`${label}: sign-in…`);
    section(`${label}: sign-in (goal 2), bcrypt cost 12`);
    await benchSignIn(db, standins, databaseUrl, scale.accounts.ids, { ...opts, label });
  }
  if (opts.parts.has('domain') && !opts.parts.has('sign-in')) {
    // Goal 2 (d) alone (sign-in runs it after its HTTP figures): minutes instead of the whole sign-in part.
    console.log(`${label}: domain sign-in in process…`);
    section(`${label}: domain sign-in in process (goal 2 d), bcrypt cost 12`);
    const [dFrom, dTo] = RANGES.inProcess;
    await benchDomainSignIn(db, standins, new AccountPool(ACCOUNT_PREFIX, dFrom, dTo, 0), {
      seconds: opts.seconds,
      rounds: opts.rounds,
      engineLabel: label,
    });
  }
  // Memory last of all (the longest part): runMemory is called once every engine has its figures.
  return async () => {
    console.log(`${label}: memory (sign-ins at bcrypt cost 4 and page views)…`);
    section(`${label}: memory (goal 3)`);
    await benchMemory(db, standins, { quick: opts.quick, engineLabel: label, databaseUrl });
  };
}

async function benchSignIn(
  db: Db,
  standins: Standins,
  databaseUrl: string,
  ids: string[],
  opts: BenchOptions & { label: string },
): Promise<void> {
  const label = opts.label;
  const server = await startServer({ databaseUrl, standins });
  const flows = signInFlows(server, standins);
  const [from, to] = RANGES.signInHttp;
  await flows.knowDevices(
    await db.trustedDevice.findMany({ where: { accountId: { in: ids.slice(from, to) } }, select: { id: true, phoneNumber: true } }),
  );
  const pool = new AccountPool(ACCOUNT_PREFIX, from, to, 0);
  // A sign-in refused with "try again" (the hashing line was full: on a machine busy with other
  // work a compare takes longer) is counted and shown, not an error; a failed one stops the bench.
  const fail = (what: string, r: FlowResult) => {
    if (r.failed > 0)
      throw new Error(`${label} ${what}: ${r.failed} sign-ins failed, ${r.refused} refused (${r.firstFailure ?? 'refused'})`);
  };
  // Warm-up, not measured: compiled code, the first queries. It also tells how long one sign-in
  // takes at 8 users: a round lasts at least 4 of them (at most a minute), so that the three
  // quarters of it that count hold several sign-ins per user.
  const warm = await runUsers(server, pool, flows.browser, 8, { count: 16 });
  fail('warm-up', warm);
  fail('warm-up', await runUsers(server, pool, flows.actionsOnly, 8, { count: 16 }));
  await flows.checkSessions();
  const seconds = Math.min(60, Math.max(opts.seconds * 2, Math.ceil((4 * warm.p50) / 1000)));

  const limits: Array<{ perSecond: number; cpuMsPerCompare: number }> = [];
  const actions: FlowResult[] = [];
  const browser: FlowResult[] = [];
  for (let r = 0; r < opts.rounds; r++) {
    limits.push(await bcryptLimit(opts.seconds)); // the server is idle meanwhile
    actions.push(await runUsers(server, pool, flows.actionsOnly, 8, { seconds }));
    browser.push(await runUsers(server, pool, flows.browser, 8, { seconds }));
  }
  for (const r of [...actions, ...browser]) fail('at 8 users', r);
  await flows.checkSessions();
  const limit = median(limits.map((l) => l.perSecond));
  const compareCpu = median(limits.map((l) => l.cpuMsPerCompare));
  const a = median(actions.map((r) => r.perSecond));
  const b = median(browser.map((r) => r.perSecond));
  const bCpu = median(browser.map((r) => r.cpuMsPerSignIn));
  const limitText = perS(limit, 'compares/s');
  const refusedIn = (rs: FlowResult[]) => `${rs.reduce((n, r) => n + r.refused, 0)} of ${rs.reduce((n, r) => n + r.done + r.refused, 0)}`;
  addRow({
    what: `${label} bcrypt limit: cost 12 compares, 2 in flight (bench process)`,
    figure: limitText,
    limit: `CPU ${ms(compareCpu)} per compare; rounds of ${seconds} s`,
  });
  addRow({
    what: `${label} sign-in, 3 server-action POSTs, 8 users`,
    figure: `${perS(a, 'sign-ins/s')}; ${refusedIn(actions)} refused`,
    limit: limitText,
    ratio: a / limit,
    goal: ['>=', 0.9],
  });
  addRow({
    what: `${label} sign-in as a browser does it (GET /sign-in + 3 POSTs carrying the next pages), 8 users`,
    figure: `${perS(b, 'sign-ins/s')}, p95 ${ms(median(browser.map((r) => r.p95)))}; ${refusedIn(browser)} refused`,
    limit: limitText,
    ratio: b / limit,
    goal: ['>=', 0.8],
  });
  addRow({
    what: `${label} server CPU per browser sign-in ÷ one compare's CPU`,
    figure: ms(bCpu),
    limit: ms(compareCpu),
    ratio: bCpu / compareCpu,
    goal: ['<=', 1.25],
  });

  // 32 users, three sign-ins each: the first wave arrives at once, the later ones in steady state.
  const crowd = await runUsers(server, pool, flows.browser, 32, { count: 96 });
  if (crowd.failed > 0) throw new Error(`${label} at 32 users: ${crowd.failed} sign-ins failed (${crowd.firstFailure})`);
  await flows.checkSessions();
  addRow({
    what: `${label} browser sign-in, 32 users: p95; refused ("try again")`,
    figure: `p95 ${ms(crowd.p95)}, p50 ${ms(crowd.p50)}; ${crowd.done} done, ${crowd.refused} refused`,
    limit: perS(crowd.perSecond, 'sign-ins/s'),
  });
  addRow({ what: `${label} event-loop delay p99 at 32 users`, figure: ms(crowd.loopDelayP99) });
  await server.stop();

  const [dFrom, dTo] = RANGES.inProcess;
  await benchDomainSignIn(db, standins, new AccountPool(ACCOUNT_PREFIX, dFrom, dTo, 0), {
    seconds: opts.seconds,
    rounds: opts.rounds,
    engineLabel: label,
  });
  note(
    `${label}: sign-ins never reuse an account; each user has its own client address (TRUST_PROXY=on); every sign-in was checked to open /account.`,
  );
}
