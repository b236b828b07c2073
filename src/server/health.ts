// GET /healthz and GET /readyz, answered by the HTTP server before Next.js sees the request (no
// proxy, no session, no rate limit, no page render), so that balancers may poll them every second:
//
// - /healthz: the process is alive and its event loop answers. Always 200.
// - /readyz: this instance should get traffic: the database answers, every migration this build
//   ships is applied, the outbox worker is running, and the instance is not shutting down.
//   200 when all hold, 503 otherwise. The database checks are one query, cached about a second
//   (and shared by requests that arrive while it runs), so many balancers cost one query a second.
//
// The JSON bodies name each check with a fixed word ("ok", "unreachable", ...): never an error
// message, which could carry a database URL with its password. No authentication: they say
// nothing secret.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../db/client.ts';
import { MIGRATIONS_TABLE } from '../db/migrate.ts';
import type { OutboxWorkerStatus } from '../mail/outbox-worker.ts';

/** How long one database check is reused. */
export const READINESS_CACHE_MS = 1_000;
/** A database that has not answered in this long is "unreachable" (a PostgreSQL connect may otherwise hang). */
export const DATABASE_CHECK_TIMEOUT_MS = 2_000;
/** The outbox worker is "stalled" when no run ended for this many poll intervals (and none is running). */
export const OUTBOX_STALE_AFTER_POLLS = 5;

export type DatabaseCheck = 'ok' | 'unreachable';
export type MigrationsCheck = 'ok' | 'pending' | 'unknown';
export type OutboxCheck = 'ok' | 'stopped' | 'stalled';

export interface Readiness {
  status: 'ready' | 'not ready' | 'shutting down';
  checks: { database: DatabaseCheck; migrations: MigrationsCheck; outbox: OutboxCheck };
}

export interface ReadinessDeps {
  db: Db;
  /** The migrations this build ships (shippedMigrations in src/db/migrate.ts). */
  shippedMigrations: readonly string[];
  worker: { status(): OutboxWorkerStatus };
  /** True once shutdown began (src/server/shutdown.ts). */
  shuttingDown: () => boolean;
  now?: () => number;
  cacheMs?: number;
  timeoutMs?: number;
}

/** Checks readiness; the database part is cached for `cacheMs`. */
export function readinessCheck(deps: ReadinessDeps): () => Promise<Readiness> {
  const now = deps.now ?? Date.now;
  const cacheMs = deps.cacheMs ?? READINESS_CACHE_MS;
  let cached: { at: number; result: Promise<Pick<Readiness['checks'], 'database' | 'migrations'>> } | undefined;

  const databaseChecks = () => {
    if (!cached || now() - cached.at >= cacheMs)
      cached = { at: now(), result: checkDatabase(deps.db, deps.shippedMigrations, deps.timeoutMs ?? DATABASE_CHECK_TIMEOUT_MS) };
    return cached.result;
  };

  return async () => {
    const outbox = outboxCheck(deps.worker.status(), now());
    const { database, migrations } = await databaseChecks();
    const checks = { database, migrations, outbox };
    if (deps.shuttingDown()) return { status: 'shutting down', checks };
    const ready = database === 'ok' && migrations === 'ok' && outbox === 'ok';
    return { status: ready ? 'ready' : 'not ready', checks };
  };
}

/** One query: it reaches the database and lists the applied migrations. */
async function checkDatabase(
  db: Db,
  shipped: readonly string[],
  timeoutMs: number,
): Promise<{ database: DatabaseCheck; migrations: MigrationsCheck }> {
  const query = <T>(sql: string) => withTimeout(db.$queryRawUnsafe<T>(sql), timeoutMs);
  try {
    const rows = await query<{ name: string }[]>(`SELECT name FROM ${MIGRATIONS_TABLE}`);
    const applied = new Set(rows.map((r) => r.name));
    return { database: 'ok', migrations: shipped.every((name) => applied.has(name)) ? 'ok' : 'pending' };
  } catch {
    // No migrations table yet, or no database: tell them apart with the cheapest query there is.
    try {
      await query('SELECT 1');
      return { database: 'ok', migrations: 'pending' };
    } catch {
      return { database: 'unreachable', migrations: 'unknown' };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  promise.catch(() => {}); // a late failure after the timeout is not an unhandled rejection
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A run in progress counts as alive: a slow SMTP server must not take the whole app out of rotation. */
export function outboxCheck(status: OutboxWorkerStatus, now: number): OutboxCheck {
  if (!status.running) return 'stopped';
  if (status.busy) return 'ok';
  const since = status.lastRunEndedAt ?? status.startedAt;
  return now - since > OUTBOX_STALE_AFTER_POLLS * status.intervalMs ? 'stalled' : 'ok';
}

/**
 * Answers GET/HEAD /healthz and /readyz; returns false for any other path (the caller goes on).
 */
export function healthHandler(readiness: () => Promise<Readiness>): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/healthz' && path !== '/readyz') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendJson(res, 405, { status: 'method not allowed' });
      return true;
    }
    if (path === '/healthz') {
      sendJson(res, 200, { status: 'alive' });
      return true;
    }
    readiness().then(
      (r) => sendJson(res, r.status === 'ready' ? 200 : 503, r),
      () => sendJson(res, 503, { status: 'not ready' }),
    );
    return true;
  };
}

function sendJson(res: ServerResponse, status: number, body: object) {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(res.req?.method === 'HEAD' ? undefined : text);
}
