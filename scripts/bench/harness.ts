// The bench's processes and databases: free ports, a throwaway database per engine, the local
// stand-ins (run here, in the bench process: the server's CPU and memory figures then hold only
// the server's own work, as in production where Twilio and SMTP are elsewhere), and the
// production server (scripts/serve.ts, STANDINS=off, pointed at those stand-ins) with the probe
// preload (probe.mjs). Everything started is stopped by `stopAll`, also on Ctrl-C or an error.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandins, type Standins } from '../../dev/standins/server.ts';
import { STANDIN_TWILIO, randomSecrets } from '../../dev/standins/local-env.ts';
import { createPostgresDatabase } from '../lib/postgres-database.ts';

export type Engine = 'sqlite' | 'postgresql';

const cleanups: Array<() => Promise<void> | void> = [];
/** Runs at the end, on error or Ctrl-C, last registered first. */
export function onStop(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}
export async function stopAll(): Promise<void> {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (e) {
      console.error(`  (cleanup: ${(e as Error).message})`);
    }
  }
}
/** On Ctrl-C: stop everything, and show what was measured so far. */
export function stopOnSignals(beforeExit: () => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping what the bench started…`);
      void stopAll().finally(() => {
        beforeExit();
        process.exit(130);
      });
    });
  }
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** An empty database for this run: a file in a temporary folder, or a PostgreSQL database dropped at the end. */
export async function throwawayDatabase(engine: Engine): Promise<string> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'two-step-bench-'));
    onStop(() => rmSync(dir, { recursive: true, force: true }));
    return `file:${join(dir, 'bench.db')}`;
  }
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) throw new Error('TEST_POSTGRES_URL is not set');
  const database = await createPostgresDatabase(server, 'two_step_bench');
  onStop(() => database.drop());
  return database.url;
}

export async function benchStandins(): Promise<Standins> {
  const standins = await startStandins({});
  onStop(() => standins.stop());
  return standins;
}

export interface ProbeSnapshot {
  cpuMs: number;
  memory: NodeJS.MemoryUsage;
  loopDelay: { p50: number; p99: number; max: number; mean: number };
}

export interface Server {
  base: string;
  env: Record<string, string>;
  /** CPU, memory and event-loop delay since the previous snapshot (probe.mjs). */
  snapshot(opts?: { gc?: boolean }): Promise<ProbeSnapshot>;
  stop(): Promise<void>;
}

/** The environment of a production server on `port` with the bench's stand-ins. */
function serverEnv(port: number, standins: Standins, extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    APP_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    STANDINS: 'off',
    SMTP_URL: standins.smtpUrl,
    TWILIO_ACCOUNT_SID: STANDIN_TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: STANDIN_TWILIO.authToken,
    TWILIO_FROM: STANDIN_TWILIO.from,
    TWILIO_API_BASE_URL: standins.httpUrl,
    TWILIO_LOOKUPS_BASE_URL: standins.httpUrl,
    PUSH_URL: standins.httpUrl,
    ...randomSecrets(),
    BCRYPT_COST: '12',
    // Each simulated user names its own client address, so that per-address budgets (meant for
    // one attacker) do not throttle a crowd of distinct users.
    TRUST_PROXY: 'on',
    ...extra,
  };
}

export async function startServer(opts: {
  databaseUrl: string;
  standins: Standins;
  env?: Record<string, string>;
  nodeFlags?: string[];
}): Promise<Server> {
  const port = await freePort();
  const env = serverEnv(port, opts.standins, { DATABASE_URL: opts.databaseUrl, ...opts.env });
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(opts.nodeFlags ?? []),
      ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      '--import',
      './scripts/bench/probe.mjs',
      '--import',
      'tsx',
      'scripts/serve.ts',
    ],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  onStop(stop);

  let nextId = 0;
  const snapshot = (o: { gc?: boolean } = {}) =>
    new Promise<ProbeSnapshot>((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => reject(new Error('the server probe did not answer')), 10_000);
      const onMessage = (m: { probe?: string; id?: number } & ProbeSnapshot) => {
        if (m?.probe !== 'snapshot' || m.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      child.send({ probe: 'snapshot', id, gc: o.gc ?? false });
    });

  const base = env.APP_URL!;
  // Its own port, not APP_URL: behind nginx (instances.ts) APP_URL is nginx's address.
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was up:\n${stderr}`);
    if (
      await fetch(`http://127.0.0.1:${port}/sign-in`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i >= 240) throw new Error(`the server did not start within 2 minutes:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, env, snapshot, stop };
}
