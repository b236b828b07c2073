// SIGTERM under load, on the production build (docs/operating.md#shutdown). The spec runs an
// instance of its own as docs/operating.md runs one (`npm run serve`, signalled as a terminal or
// systemd signals it: its whole process group), on its own ports and a fresh database (PostgreSQL
// when TEST_POSTGRES_URL is set, else SQLite) with stand-ins in a process of their own, which
// outlives it. It fires 100 parallel requests (pages, and "Forgot password?" requests that put
// emails in the outbox), sends SIGTERM while they are in flight, and checks: every request got a
// complete answer below 500; /readyz said 503 during the drain; the process exited 0 within its
// bounds; new connections are refused; then (a second instance delivering what the first left)
// every outbox row was sent exactly once and none is left claimed.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { E2E_PORTS } from './ports.ts';
import { localEnv, randomSecrets } from '../dev/standins/local-env.ts';
import { createPostgresDatabase } from '../scripts/lib/postgres-database.ts';

// The demo accounts of dev/seed/demo-accounts.ts (scripts/seed.ts makes them).
const DEMO_ACCOUNTS = ['avery', 'nima', 'robin', 'quinn', 'olivia'].map((name) => ({ appleId: `${name}@two-step.test` }));

// Ports of this spec's own, apart from the suite's instance (E2E_PORTS).
const PORTS = { app: E2E_PORTS.app + 50, http: E2E_PORTS.http + 50, smtp: E2E_PORTS.smtp + 50 };
const SECOND_APP_PORT = PORTS.app + 1;
const PARALLEL = 100;
const DELAY_MS = 2_000;
const GRACE_MS = 30_000;

type Answer = { status: number; body: string; connection?: string } | { error: string; at: number; path: string };

/** One request on a connection of its own; `connected` resolves once the TCP handshake is done. */
function send(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}) {
  let onConnect!: () => void;
  const connected = new Promise<void>((r) => (onConnect = r));
  const answer = new Promise<Answer>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        resolve(
          res.complete
            ? { status: res.statusCode!, body, connection: res.headers.connection }
            : { error: 'incomplete', at: Date.now(), path },
        ),
      );
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message, at: Date.now(), path }));
    });
    req.on('socket', (socket) => socket.once('connect', onConnect));
    req.on('error', (e: NodeJS.ErrnoException) => {
      onConnect();
      resolve({ error: e.code ?? e.message, at: Date.now(), path: `${opts.method ?? 'GET'} ${path}` });
    });
    req.end(opts.body);
  });
  return { connected, answer };
}

/** The id of a server action in this build (.next, as scripts/attack.ts finds it). */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in .next: build first`);
  return found[0];
}

/** The "Forgot password?" form as the page's JavaScript posts it. */
async function forgotPasswordRequest(appleId: string, from: string) {
  const form = new FormData();
  form.set('_1_appleId', appleId);
  form.set('0', '[{},"$K1"]');
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  const origin = `http://localhost:${PORTS.app}`;
  const headers = {
    host: `localhost:${PORTS.app}`,
    'content-type': encoded.headers.get('content-type')!,
    'next-action': actionId('requestPasswordResetAction'),
    accept: 'text/x-component',
    origin,
    'x-forwarded-for': from,
  };
  return () => send(PORTS.app, '/forgot', { method: 'POST', headers, body });
}

/** A fresh database: PostgreSQL when TEST_POSTGRES_URL names a server, else a SQLite file. */
async function freshDatabase(): Promise<{ url: string; rows(): Promise<OutboxRow[]>; drop(): Promise<void> }> {
  const select =
    'SELECT "kind", "toAddress", "subject", "textBody", "sentAt" IS NOT NULL AS sent, "lockedUntil" IS NOT NULL AS locked FROM "EmailOutbox"';
  const server = process.env.TEST_POSTGRES_URL;
  if (server) {
    const database = await createPostgresDatabase(server, 'two_step_shutdown');
    return {
      url: database.url,
      async rows() {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          return (await client.query(select)).rows.map(toRow);
        } finally {
          await client.end();
        }
      },
      drop: () => database.drop(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'two-step-shutdown-'));
  const file = join(dir, 'shutdown.db');
  return {
    url: `file:${file}`,
    async rows() {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare(select).all() as Record<string, unknown>[]).map(toRow);
      } finally {
        db.close();
      }
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type OutboxRow = { kind: string; to: string; subject: string; text: string; sent: boolean; locked: boolean };
const toRow = (r: Record<string, unknown>): OutboxRow => ({
  kind: String(r.kind),
  to: String(r.toAddress),
  subject: String(r.subject),
  text: String(r.textBody),
  sent: Boolean(r.sent),
  locked: Boolean(r.locked),
});

/**
 * An instance started as docs/operating.md says, `npm run serve`, in a process group of its own,
 * and stopped as a terminal's Ctrl-C or systemd's control-group kill stops it: the signal goes to
 * the whole group (npm, its shell, and the portal's node process, which must drain).
 */
function startInstance(env: Record<string, string>, log: string[]): ChildProcess {
  const child = spawn('npm', ['run', '--silent', 'serve'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (c: Buffer) => log.push(c.toString()));
  child.stderr!.on('data', (c: Buffer) => log.push(c.toString()));
  return child;
}

/** Sends `signal` to the instance's process group. */
function signalInstance(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is gone already
  }
}

/**
 * Once every process of the instance's group is gone: 0 when the portal finished its graceful
 * shutdown ("[shutdown] done", then process.exit(0) in scripts/serve.ts), else 1. npm and its
 * shell end on the signal itself, so their exit codes say nothing of the portal's.
 */
async function instanceExited(child: ChildProcess, log: string[]): Promise<number> {
  await exited(child);
  for (;;) {
    try {
      process.kill(-child.pid!, 0);
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return log.join('').includes('[shutdown] done') ? 0 : 1;
}

async function untilReady(port: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const a = await send(port, '/readyz').answer;
    if ('status' in a && a.status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the instance on ${port} never became ready`);
}

function run(script: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) =>
    spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: 'ignore' }).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${script} exited ${code}`)),
    ),
  );
}

/** The local stand-ins in a process of their own (Playwright's loader cannot load dev/standins). */
async function startStandinsProcess(): Promise<ChildProcess> {
  const code = `const { startStandins } = await import('./dev/standins/server.ts'); await startStandins({ httpPort: ${PORTS.http}, smtpPort: ${PORTS.smtp} }); console.log('stand-ins up');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('stand-ins up') && resolve());
    child.once('exit', (code) => reject(new Error(`the stand-ins exited ${code}`)));
  });
  return child;
}

/** What the SMTP stand-in received. */
async function receivedMail(): Promise<{ to: string[]; subject: string; text: string }[]> {
  const res = await fetch(`http://127.0.0.1:${PORTS.http}/_standin/mail`);
  return ((await res.json()) as { messages: { to: string[]; subject: string; text: string }[] }).messages;
}

/** A process's exit code once it ended (null when a signal ended it: npm does, on the group's SIGTERM). */
const exited = (p: ChildProcess) =>
  new Promise<number | null>((r) => (p.exitCode !== null || p.signalCode !== null ? r(p.exitCode) : p.once('exit', (code) => r(code))));

test('SIGTERM under load: requests in flight finish, no email is lost or sent twice', async () => {
  test.setTimeout(300_000);
  const database = await freshDatabase();
  const children: ChildProcess[] = [];
  try {
    children.push(await startStandinsProcess());
    const env = localEnv(PORTS, {
      STANDINS: 'off', // started here instead, so that they outlive the instance
      DATABASE_URL: database.url,
      ...randomSecrets(),
      BCRYPT_COST: '8',
      // Each request names its own client address, so the per-address slow-down stays out of the way.
      TRUST_PROXY: 'on',
      SHUTDOWN_DELAY_MS: String(DELAY_MS),
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
    });
    await run('scripts/seed.ts', env);
    const log: string[] = [];
    const app = startInstance(env, log);
    children.push(app);
    await untilReady(PORTS.app);
    await send(PORTS.app, '/sign-in').answer; // warm

    // 100 requests: 3 of 5 ask for a password reset (each Apple ID gets 3 emails an hour at most,
    // so about 15 of them enqueue an email), the others load pages.
    const pages = ['/sign-in', '/forgot', '/create', '/'];
    const load = await Promise.all(
      Array.from({ length: PARALLEL }, async (_, i) =>
        i % 5 < 3
          ? (await forgotPasswordRequest(DEMO_ACCOUNTS[i % DEMO_ACCOUNTS.length]!.appleId, `198.51.100.${i}`))()
          : send(PORTS.app, pages[i % pages.length]!),
      ),
    );
    await Promise.all(load.map((r) => r.connected));
    let answeredBefore = 0;
    for (const r of load) void r.answer.then(() => answeredBefore++);
    await new Promise((r) => setImmediate(r));
    const inFlightAtSignal = PARALLEL - answeredBefore;
    const signalledAt = Date.now();
    signalInstance(app, 'SIGTERM');
    log.push(`[spec] SIGTERM sent at ${new Date(signalledAt).toISOString()}\n`);

    // /readyz from a balancer's point of view: 503 while the instance drains.
    const readiness: string[] = [];
    for (let i = 0; i < 200; i++) {
      const a = await send(PORTS.app, '/readyz').answer;
      readiness.push('status' in a ? String(a.status) : `${a.error}@${a.at - signalledAt}ms`);
      if ('error' in a || a.status === 503) break;
      await new Promise((r) => setTimeout(r, 50));
    }

    const answers = await Promise.all(load.map((r) => r.answer));
    const code = await instanceExited(app, log);
    const stoppedInMs = Date.now() - signalledAt;
    const refusedAfter = await send(PORTS.app, '/healthz').answer;

    // Then a second instance on the same database delivers what the first one left.
    // The load's emails; the seed also schedules a few for later (not due: never sent here).
    const ofTheLoad = (rows: OutboxRow[]) => rows.filter((r) => r.kind.startsWith('password-reset'));
    const leftUnsent = ofTheLoad(await database.rows()).filter((r) => !r.sent).length;
    const secondLog: string[] = [];
    const second = startInstance({ ...env, PORT: String(SECOND_APP_PORT), APP_URL: `http://localhost:${SECOND_APP_PORT}` }, secondLog);
    children.push(second);
    await untilReady(SECOND_APP_PORT);
    let rows = await database.rows();
    for (let i = 0; i < 120 && ofTheLoad(rows).some((r) => !r.sent); i++) {
      await new Promise((r) => setTimeout(r, 500));
      rows = await database.rows();
    }
    signalInstance(second, 'SIGTERM');
    expect(await instanceExited(second, secondLog)).toBe(0);
    // Read again once no instance can send: until it stopped, the second one could still deliver an
    // email the seed scheduled (not the load's), after the rows above were read.
    rows = await database.rows();

    const statuses = new Map<string, number>();
    for (const a of answers)
      statuses.set('status' in a ? String(a.status) : a.error, (statuses.get('status' in a ? String(a.status) : a.error) ?? 0) + 1);
    console.log(`answers: ${JSON.stringify(Object.fromEntries(statuses))}`);
    const failures = answers.filter((a) => 'error' in a || a.status >= 500);
    console.log(
      `graceful shutdown (${process.env.TEST_POSTGRES_URL ? 'PostgreSQL' : 'SQLite'}): ${inFlightAtSignal} of ${PARALLEL} requests in flight at SIGTERM, ` +
        `${failures.length} failed; /readyz after SIGTERM: ${readiness.join(' ')}; exit ${code} after ${stoppedInMs} ms; ` +
        `${ofTheLoad(rows).length} emails enqueued by the load, ${leftUnsent} left unsent by the first instance`,
    );
    expect(inFlightAtSignal).toBeGreaterThan(PARALLEL / 2);
    console.log(
      log
        .join('')
        .split('\n')
        .filter((l) => /\[shutdown\]|outbox/.test(l))
        .join('\n'),
    );
    if (failures.length) console.log(log.join(''), JSON.stringify(failures.map((f) => ('at' in f ? { ...f, at: f.at - signalledAt } : f))));
    expect(failures).toEqual([]);
    expect(answers.every((a) => 'status' in a && a.body.length > 0)).toBe(true);
    expect(readiness).toContain('503');
    expect(log.join('')).toContain('[shutdown] not ready');
    expect(code).toBe(0);
    // Stopped by draining, not by the grace running out (how long that took depends on the machine).
    expect(log.join('')).toMatch(/\[shutdown\] done in \d+ ms/);
    expect(log.join('')).not.toContain('still open after the grace were closed');
    expect('error' in refusedAfter && refusedAfter.error).toBe('ECONNREFUSED');

    // Every row sent, none claimed, and the SMTP server received each exactly once.
    expect(ofTheLoad(rows).length).toBeGreaterThanOrEqual(10);
    expect(ofTheLoad(rows).filter((r) => !r.sent)).toEqual([]);
    expect(rows.filter((r) => r.locked)).toEqual([]);
    const key = (to: string, subject: string, text: string) => JSON.stringify([to.toLowerCase(), subject, text.trim()]);
    const expected = new Map<string, number>();
    for (const r of rows.filter((r) => r.sent))
      expected.set(key(r.to, r.subject, r.text), (expected.get(key(r.to, r.subject, r.text)) ?? 0) + 1);
    // A delivered email ends with the support footer of the instance that sent it (src/mail/compose.ts);
    // the outbox keeps the template's text.
    const footer = /\n+How to reach support:\nhttp:\/\/localhost:\d+\/contact-support\s*$/;
    const received = new Map<string, number>();
    for (const m of await receivedMail()) {
      expect(m.text).toMatch(footer);
      const text = m.text.replace(footer, '');
      for (const to of m.to) received.set(key(to, m.subject, text), (received.get(key(to, m.subject, text)) ?? 0) + 1);
    }
    expect(received).toEqual(expected);
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) signalInstance(c, 'SIGKILL');
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await database.drop();
  }
});
