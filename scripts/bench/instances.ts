// docs/operating.md#several-instances: sign-ins per second through nginx
// (deploy/nginx/two-step.conf, as the end-to-end test of several instances renders it) with one
// instance behind it and with two, on one PostgreSQL database, 8 users doing the three
// server-action POSTs of a sign-in (sign-in.ts). Their ratio shows what bounds the throughput on
// this machine: near 2, the instances (each its own bcrypt line and event loop); near 1, what they
// share (the database, or here the machine's cores, which the instances, PostgreSQL and nginx all
// use). Both nginx runs are up side by side and the rounds alternate, so both figures meet the same
// background load. Loopback only; bounded (rounds of 20 s; 6 s with --quick).
import { randomSecrets } from '../../dev/standins/local-env.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../src/db/migrate.ts';
import { createDb } from '../../src/db/client.ts';
import { startNginx } from '../lib/nginx.ts';
import { benchStandins, freePort, onStop, startServer, throwawayDatabase, type Server } from './harness.ts';
import { seedAccounts } from './seed.ts';
import { AccountPool, runUsers, signInFlows, type FlowResult } from './sign-in.ts';
import { median } from './load.ts';
import { addRow, note, perS, section } from './table.ts';

const PREFIX = 'n';
const USERS = 8;

export async function benchInstances(opts: { quick: boolean; rounds: number }): Promise<void> {
  console.log('\nPostgreSQL: several instances behind nginx…');
  const databaseUrl = await throwawayDatabase('postgresql');
  await migrate(databaseUrl);
  const db = createDb(databaseUrl);
  onStop(() => db.$disconnect());
  const standins = await benchStandins();
  const seconds = opts.quick ? 6 : 20;
  const rounds = opts.quick ? 1 : opts.rounds;
  // Enough accounts for every sign-in: a sign-in never reuses an account (code limits are per account).
  const count = opts.quick ? 5_000 : 20_000; // a refused sign-in ("try again") is quick and uses one too
  const seeded = await seedAccounts(databaseUrl, { prefix: PREFIX, count, phoneBase: 800_000, bcryptCost: 12 });
  const pool = new AccountPool(PREFIX, 0, count, 800_000);

  // Two instances as production runs them: one secret and one code key, TRUST_PROXY=on.
  const shared = randomSecrets();
  const a = await startServer({ databaseUrl, standins, env: shared });
  const b = await startServer({ databaseUrl, standins, env: shared });
  const upstream = (s: Server) => new URL(s.base).host;

  const dir = mkdtempSync(join(tmpdir(), 'two-step-bench-nginx-'));
  onStop(() => rmSync(dir, { recursive: true, force: true }));
  // The bench's users each name their own client address in X-Forwarded-For (sign-in.ts), so that
  // per-address budgets, meant for one attacker, do not throttle a crowd. nginx takes that address
  // as the client's, as it would behind a front it trusts (a CDN); the site file is unchanged.
  const realIp = ['set_real_ip_from 127.0.0.1;', 'real_ip_header X-Forwarded-For;'];
  const behind = async (name: string, servers: Server[]) => {
    const nginx = await startNginx(
      join(dir, name),
      { listen: `127.0.0.1:${await freePort()}`, instances: servers.map(upstream), extraInServer: realIp },
      { readyPath: '/sign-in' },
    );
    onStop(() => nginx.stop());
    return { ...a, base: nginx.url };
  };
  const one = await behind('one', [a]);
  const two = await behind('two', [a, b]);

  const flowsOne = signInFlows(one, standins);
  const flowsTwo = signInFlows(two, standins);
  const devices = await db.trustedDevice.findMany({ where: { accountId: { in: seeded.ids } }, select: { id: true, phoneNumber: true } });
  await flowsOne.knowDevices(devices);
  await flowsTwo.knowDevices(devices);

  const fail = (what: string, r: FlowResult) => {
    if (r.failed > 0)
      throw new Error(`instances, ${what}: ${r.failed} sign-ins failed, ${r.refused} refused (${r.firstFailure ?? 'refused'})`);
  };
  // Warm-up, not measured: both instances compile and connect.
  fail('warm-up', await runUsers(two, pool, flowsTwo.actionsOnly, USERS, { count: 32 }));
  const ones: FlowResult[] = [];
  const twos: FlowResult[] = [];
  for (let r = 0; r < rounds; r++) {
    ones.push(await runUsers(one, pool, flowsOne.actionsOnly, USERS, { seconds }));
    twos.push(await runUsers(two, pool, flowsTwo.actionsOnly, USERS, { seconds }));
  }
  for (const r of ones) fail('one instance', r);
  for (const r of twos) fail('two instances', r);
  const checked = (await flowsOne.checkSessions(10)) + (await flowsTwo.checkSessions(10));

  const x1 = median(ones.map((r) => r.perSecond));
  const x2 = median(twos.map((r) => r.perSecond));
  const refused = (rs: FlowResult[]) =>
    `${rs.reduce((n, r) => n + r.refused, 0)} of ${rs.reduce((n, r) => n + r.done + r.refused, 0)} refused`;
  section(`PostgreSQL: several instances behind nginx, sign-in (3 server-action POSTs), ${USERS} users, bcrypt cost 12`);
  addRow({
    what: 'PostgreSQL sign-in through nginx, one instance',
    figure: `${perS(x1, 'sign-ins/s')}; ${refused(ones)}`,
    limit: `rounds of ${seconds} s`,
  });
  addRow({
    what: 'PostgreSQL sign-in through nginx, two instances ÷ one',
    figure: `${perS(x2, 'sign-ins/s')}; ${refused(twos)}`,
    limit: perS(x1, 'sign-ins/s'),
    ratio: x2 / x1,
  });
  note(
    `instances: near 2, the instances bound the sign-ins; near 1, what they share (PostgreSQL, or the ${availableParallelism()} cores that both instances, PostgreSQL and nginx use here). ${checked} of the sessions made were opened through nginx to check they are signed in.`,
  );
  await b.stop();
  await a.stop();
}
