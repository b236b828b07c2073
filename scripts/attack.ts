// `npm run attack`: the portal tried as an attacker would, over HTTP against the production build
// with the local stand-ins, on SQLite (one instance) and, when TEST_POSTGRES_URL names a server, on
// PostgreSQL with two instances sharing one database. Prints:
//   - of 100 parallel wrong passwords for one Apple ID, how many reached a password compare;
//   - after 1,000 failures by a stranger, whether the holder's known browser signs in (and an
//     unknown browser does not);
//   - fuzz requests sent and answers of 500 or more: anonymous; bad sealed cookies on every page;
//     bad ids and fields to every action as a signed-in and as a password-stage session.
// Requests only go to this machine's loopback; every loop is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfChanged, ensureInstalled } from './lib/bootstrap.mjs';
import { localEnv, type LocalPorts, randomSecrets } from '../dev/standins/local-env.ts';
import { createDb } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../dev/seed/demo-accounts.ts';
import { PER_APPLE_ID } from '../src/accounts/password-guesses.ts';
import { fuzzServer } from './lib/fuzz-http.ts';
import { allActions, signInOverHttp } from './attack/http.ts';
import { fuzzCookies } from './attack/cookie-fuzz.ts';
import { createPostgresDatabase } from './lib/postgres-database.ts';
import { hashingLineFloods } from './attack/hashing-line-flood.ts';
import { describeSmsFlood, smsBudgetFlood } from './attack/sms-budget-flood.ts';

const PARALLEL = 100;
const STRANGER_FAILURES = 1000;
const FUZZ_REQUESTS = 500;
const TARGET = 'robin@two-step.test'; // two-step off: a right password completes the sign-in
const HOLDER = 'avery@two-step.test';
const SIGNED_IN = 'nima@two-step.test'; // two-step off
const PASSWORD_STAGE = 'olivia@two-step.test'; // two-step on: the right password reaches the code step
// ATTACK_PORT_OFFSET moves the ports, so two checkouts on one machine can run it side by side.
const offset = Number(process.env.ATTACK_PORT_OFFSET ?? 0);
const PORTS: LocalPorts = { app: 3700 + offset, http: 3710 + offset, smtp: 3725 + offset };

ensureInstalled();
buildIfChanged({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' });

/** An app instance; its log (one line per refused request) is left out of the figures. */
function startInstance(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], { env: { ...process.env, ...env }, stdio: 'ignore' });
}

async function waitUntilUp(base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${base}/sign-in`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not start`);
}

async function run(command: string[], env: Record<string, string>): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    spawn(process.execPath, ['--import', 'tsx', ...command], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command.join(' ')} exited ${code}`)))),
  );
}

/**
 * Bad cookies on every page, and bad input (ids holding NUL, over-long ids) to every server action
 * as a signed-in browser and as one that gave only the password (what a stolen password reaches).
 */
async function fuzzAsSessions(bases: string[], label: string): Promise<void> {
  const signedIn = await signInOverHttp(bases[0]!, SIGNED_IN, DEMO_PASSWORD, { from: '192.0.2.20' });
  const passwordStage = await signInOverHttp(bases[bases.length - 1]!, PASSWORD_STAGE, DEMO_PASSWORD, { from: '192.0.2.21' });
  if (!signedIn.signedIn || !signedIn.sessionCookie || !passwordStage.sessionCookie || passwordStage.signedIn)
    throw new Error('the fuzz sessions could not be made');
  const seals = [signedIn.sessionCookie, signedIn.deviceCookie, passwordStage.sessionCookie].flatMap((c) =>
    c ? [c.slice(c.indexOf('=') + 1)] : [],
  );
  const cookies = await fuzzCookies(bases[bases.length - 1]!, FUZZ_REQUESTS, seals);
  console.log(`  ${label}: bad sealed cookies sent: ${cookies.sent}, 5xx seen: ${cookies.serverErrors}`);
  for (const e of cookies.examples) console.log(`    ${e}`);
  // Every action but the sign-outs (which would end the session the rest is sent as).
  const actionIds = allActions()
    .filter((a) => !/signOut/i.test(a.name))
    .map((a) => a.id);
  for (const [who, cookie] of [
    ['signed in', signedIn.sessionCookie],
    ['password stage', passwordStage.sessionCookie],
  ] as const) {
    const fuzz = await fuzzServer(bases[0]!, FUZZ_REQUESTS, { cookie, actionIds, seed: 20261207 });
    console.log(
      `  ${label}: fuzz of every action (${who}): sent ${fuzz.sent}, 5xx seen: ${fuzz.serverErrors}; by status ${JSON.stringify(fuzz.byStatus)}`,
    );
    for (const e of fuzz.examples) console.log(`    ${e}`);
  }
}

async function attack(engine: 'sqlite' | 'postgresql', databaseUrl: string): Promise<void> {
  const secrets = randomSecrets();
  // TRUST_PROXY: each stranger's request names its own client address (a botnet), so the
  // per-Apple-ID limit is the one under test, not the per-address slow-down.
  const env = localEnv(PORTS, { DATABASE_URL: databaseUrl, BCRYPT_COST: '12', TRUST_PROXY: 'on', ...secrets });
  await run(['scripts/seed.ts'], env);
  const instances = [startInstance(env)];
  const bases = [env.APP_URL!];
  if (engine === 'postgresql') {
    // The second instance shares the database and the first one's stand-ins.
    const port = PORTS.app + 1;
    instances.push(startInstance({ ...env, STANDINS: 'off', PORT: String(port), APP_URL: `http://localhost:${port}` }));
    bases.push(`http://localhost:${port}`);
  }
  const db = createDb(databaseUrl);
  try {
    await Promise.all(bases.map(waitUntilUp));
    const label = engine === 'postgresql' ? 'PostgreSQL, two instances' : 'SQLite, one instance';
    const stranger = (i: number) => `203.0.${Math.floor(i / 250) % 250}.${i % 250}`;

    const target = await db.account.findUniqueOrThrow({ where: { appleIdKey: TARGET } });
    await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        signInOverHttp(bases[i % bases.length]!, TARGET, `wrong guess ${i}`, { from: stranger(i) }),
      ),
    );
    const compared = await db.securityEvent.count({ where: { accountId: target.id, kind: 'sign-in-failed' } });
    console.log(
      `  ${label}: ${compared} of ${PARALLEL} parallel wrong passwords reached a password compare (limit ${PER_APPLE_ID.maxFailures})`,
    );

    const first = await signInOverHttp(bases[0]!, HOLDER, DEMO_PASSWORD, { from: '192.0.2.10' });
    if (!first.signedIn || !first.deviceCookie) throw new Error('the holder could not sign in before the attack');
    let next = 0;
    const worker = async () => {
      while (next < STRANGER_FAILURES) {
        const i = next++;
        await signInOverHttp(bases[i % bases.length]!, HOLDER, `stranger guess ${i}`, { from: stranger(i) });
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: 20 }, worker));
    const seconds = (Date.now() - started) / 1000;
    const known = await signInOverHttp(bases[bases.length - 1]!, HOLDER, DEMO_PASSWORD, { from: '192.0.2.10', cookie: first.deviceCookie });
    const unknown = await signInOverHttp(bases[0]!, HOLDER, DEMO_PASSWORD, { from: '192.0.2.11' });
    console.log(
      `  ${label}: after ${STRANGER_FAILURES} stranger failures (${seconds.toFixed(1)} s), the holder's known browser: ${known.signedIn ? 'ok' : 'refused'}; ` +
        `an unknown browser with the right password: ${unknown.signedIn ? 'ok' : 'refused'}`,
    );

    // The sessions' fuzz first: the floods below lock the Apple IDs it signs in with.
    await fuzzAsSessions(bases, label);
    if (engine === 'sqlite') {
      const fuzz = await fuzzServer(bases[0]!, FUZZ_REQUESTS);
      console.log(`  ${label}: fuzz requests sent: ${fuzz.sent}, 5xx seen: ${fuzz.serverErrors}`);
      for (const e of fuzz.examples) console.log(`    ${e}`);
    }

    await hashingLineFloods(bases, db, label);
    console.log(
      describeSmsFlood(label, await smsBudgetFlood({ base: bases[0]!, standinsUrl: env.STANDINS_URL!, holderPassword: DEMO_PASSWORD })),
    );
  } finally {
    await db.$disconnect();
    for (const p of instances) p.kill('SIGTERM');
    await Promise.all(instances.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.on('exit', r)))));
  }
}

console.log('attack (bcrypt cost 12, production build, local stand-ins)');
const dir = mkdtempSync(join(tmpdir(), 'two-step-attack-'));
try {
  await attack('sqlite', `file:${join(dir, 'attack.db')}`);
  const server = process.env.TEST_POSTGRES_URL;
  if (server) {
    const database = await createPostgresDatabase(server, 'two_step_attack');
    try {
      await attack('postgresql', database.url);
    } finally {
      await database.drop();
    }
  } else {
    console.log('  PostgreSQL: skipped (set TEST_POSTGRES_URL, e.g. from `bash .ci/postgres.sh | tail -n 1`)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
