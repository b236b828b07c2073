// Starts what the several-instances test runs against, and returns the function that stops it:
// a fresh PostgreSQL database (random name, dropped at the end), migrated and seeded
// (scripts/seed.ts); the local stand-ins once (scripts/standins.ts); two production instances
// (scripts/serve.ts with STANDINS_RUNNING=on: same SESSION_SECRET and CODE_HMAC_KEY,
// TRUST_PROXY=on, APP_URL = nginx's address); and nginx from the shipped site file with one
// test-only line: a response header naming the instance that answered.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { localEnv, randomSecrets } from '../dev/standins/local-env.ts';
import { startNginx } from '../scripts/lib/nginx.ts';
import { createPostgresDatabase } from '../scripts/lib/postgres-database.ts';
import { INSTANCE_PORTS, NGINX_URL } from './ports.ts';

type Stop = () => Promise<void>;

/** Runs a TypeScript script with tsx; its output goes to `log`. */
function start(script: string, env: Record<string, string>, log: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(log, { flags: 'a' });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor(url: string, child: ChildProcess, what: string, log: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}); see ${log}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not answer at ${url} within 2 minutes; see ${log}`);
}

export default async function globalSetup(): Promise<Stop> {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) throw new Error('The several-instances test needs TEST_POSTGRES_URL (e.g. `bash .ci/postgres.sh | tail -n 1`).');
  // The logs of every process (and nginx's files) stay there after the run, to read on a failure;
  // the next run starts it afresh.
  const dir = join(process.cwd(), 'test-results', 'instances-stack');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const stops: Stop[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e: Error) => console.error(`(stopping: ${e.message})`));
  };
  try {
    const database = await createPostgresDatabase(server, 'two_step_instances');
    stops.push(() => database.drop());
    const databaseUrl = database.url;

    const p = INSTANCE_PORTS;
    const env = localEnv(
      { app: p.nginx, http: p.http, smtp: p.smtp },
      {
        APP_URL: NGINX_URL,
        DATABASE_URL: databaseUrl,
        ...randomSecrets(),
        BCRYPT_COST: '8',
        ACCOUNTS_PER_ADDRESS_PER_HOUR: '1000',
        TRUST_PROXY: 'on',
        STANDINS_RUNNING: 'on',
      },
    );

    const standins = start('scripts/standins.ts', env, join(dir, 'standins.log'));
    stops.push(() => stopChild(standins));
    await waitFor(`${env.STANDINS_URL}/_standin/sms`, standins, 'the stand-ins', join(dir, 'standins.log'));

    const seed = start('scripts/seed.ts', env, join(dir, 'seed.log'));
    const seeded = await new Promise<number | null>((resolve) => seed.once('exit', resolve));
    if (seeded !== 0) throw new Error(`scripts/seed.ts failed (${seeded}); see ${join(dir, 'seed.log')}`);

    const pids: Record<string, number> = {};
    for (const [label, port] of [
      ['a', p.a],
      ['b', p.b],
    ] as const) {
      const log = join(dir, `instance-${label}.log`);
      const instance = start('scripts/serve.ts', { ...env, PORT: String(port) }, log);
      stops.push(() => stopChild(instance));
      await waitFor(`http://127.0.0.1:${port}/sign-in`, instance, `instance ${label}`, log);
      pids[label] = instance.pid!;
    }

    const nginx = await startNginx(join(dir, 'nginx'), {
      listen: `127.0.0.1:${p.nginx}`,
      instances: [`127.0.0.1:${p.a}`, `127.0.0.1:${p.b}`],
      // Test only: which instance answered, so the test can show a sign-in crossing instances.
      extraInLocation: ['add_header X-Two-Step-Upstream $upstream_addr always;'],
    });
    stops.push(() => nginx.stop());

    // For the tests (workers inherit the environment set here).
    process.env.INSTANCES_DATABASE_URL = databaseUrl;
    process.env.INSTANCES_DIR = dir;
    process.env.INSTANCE_A_PID = String(pids.a);
    process.env.INSTANCE_B_PID = String(pids.b);
    console.log(`several instances: nginx at ${NGINX_URL} → 127.0.0.1:${p.a}, 127.0.0.1:${p.b}; logs in ${dir}`);
  } catch (e) {
    await stopAll();
    throw e;
  }
  return stopAll;
}
