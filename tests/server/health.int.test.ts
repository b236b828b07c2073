// /healthz and /readyz over HTTP, with a real database (SQLite or PostgreSQL), the real outbox
// worker and the SMTP stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabaseAndMail } from '../harness/mail.ts';
import { freePort, startHttp } from '../harness/net.ts';
import { createDb } from '../../src/db/client.ts';
import { MIGRATIONS_TABLE, shippedMigrations } from '../../src/db/migrate.ts';
import { systemClock } from '../../src/clock.ts';
import { startOutboxWorker, type OutboxWorker } from '../../src/mail/outbox-worker.ts';
import { healthHandler, outboxCheck, readinessCheck, type ReadinessDeps } from '../../src/server/health.ts';

describe('health checks', () => {
  const mail = withDatabaseAndMail();
  let worker: OutboxWorker;
  let shuttingDown = false;
  const servers: { url: string; close(): Promise<void> }[] = [];

  beforeAll(() => {
    worker = startOutboxWorker({ db: mail.t.db, clock: systemClock, mailer: mail.mailer }, { intervalMs: 50 });
  });
  afterAll(async () => {
    await worker.stop();
    for (const s of servers) await s.close();
  });

  /** A server answering the health checks with these dependencies (the database cache off unless given). */
  async function serveHealth(deps: Partial<ReadinessDeps> = {}) {
    const readiness = readinessCheck({
      db: mail.t.db,
      shippedMigrations: shippedMigrations(mail.t.url),
      worker,
      shuttingDown: () => shuttingDown,
      cacheMs: 0,
      ...deps,
    });
    const server = await startHttp([healthHandler(readiness)]);
    servers.push(server);
    return async (path: string, init?: RequestInit) => {
      const res = await fetch(server.url + path, init);
      return { status: res.status, headers: res.headers, text: await res.text() };
    };
  }

  it('says ready when the database answers, every migration is applied and the worker runs', async () => {
    const get = await serveHealth();
    const res = await get('/readyz');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', outbox: 'ok' } });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/readyz?probe=1')).status).toBe(200);
    expect((await get('/readyz', { method: 'POST' })).status).toBe(405);
  });

  it('says 503 when the database is unreachable, without its address or password', async () => {
    const url = `postgresql://app:s3cret-pw@127.0.0.1:${await freePort()}/nowhere`;
    const broken = createDb(url);
    try {
      const get = await serveHealth({ db: broken });
      const res = await get('/readyz');
      expect(res.status).toBe(503);
      expect(JSON.parse(res.text)).toEqual({
        status: 'not ready',
        checks: { database: 'unreachable', migrations: 'unknown', outbox: 'ok' },
      });
      expect(res.text).not.toMatch(/s3cret|127\.0\.0\.1|postgres|nowhere/);
      // The process itself is alive.
      expect((await get('/healthz')).status).toBe(200);
    } finally {
      await broken.$disconnect().catch(() => {});
    }
  });

  it('says 503 while a migration this build ships is not applied, and checks again after a second', async () => {
    let now = 1_000_000;
    const get = await serveHealth({ cacheMs: 1_000, now: () => now });
    expect((await get('/readyz')).status).toBe(200);
    const last = shippedMigrations(mail.t.url).at(-1)!;
    const [row] = await mail.t.db.$queryRawUnsafe<{ name: string; applied_at: string }[]>(
      `SELECT name, applied_at FROM ${MIGRATIONS_TABLE} WHERE name = '${last}'`,
    );
    await mail.t.db.$executeRawUnsafe(`DELETE FROM ${MIGRATIONS_TABLE} WHERE name = '${last}'`);
    try {
      // Within the second the database is not asked again.
      expect((await get('/readyz')).status).toBe(200);
      now += 1_000;
      const res = await get('/readyz');
      expect(res.status).toBe(503);
      expect(JSON.parse(res.text).checks).toEqual({ database: 'ok', migrations: 'pending', outbox: 'ok' });
    } finally {
      await mail.t.db.$executeRawUnsafe(`INSERT INTO ${MIGRATIONS_TABLE} (name, applied_at) VALUES ('${row!.name}', '${row!.applied_at}')`);
    }
    now += 1_000;
    expect((await get('/readyz')).status).toBe(200);
  });

  it('says 503 when the outbox worker stopped or stalled', async () => {
    const stoppedWorker = startOutboxWorker({ db: mail.t.db, clock: systemClock, mailer: mail.mailer }, { intervalMs: 50 });
    const get = await serveHealth({ worker: stoppedWorker });
    expect((await get('/readyz')).status).toBe(200);
    await stoppedWorker.stop();
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text).checks.outbox).toBe('stopped');

    const idle = { running: true, busy: false, intervalMs: 2_000, startedAt: 0, lastRunEndedAt: 1_000 };
    expect(outboxCheck(idle, 11_000)).toBe('ok');
    expect(outboxCheck(idle, 11_001)).toBe('stalled');
    // A run in progress (a slow SMTP server) keeps the app in rotation.
    expect(outboxCheck({ ...idle, busy: true }, 60_000)).toBe('ok');
  });

  it('says 503 once shutdown began', async () => {
    const get = await serveHealth();
    shuttingDown = true;
    try {
      const res = await get('/readyz');
      expect(res.status).toBe(503);
      expect(JSON.parse(res.text).status).toBe('shutting down');
      expect((await get('/healthz')).status).toBe(200);
    } finally {
      shuttingDown = false;
    }
  });

  it('leaves every other path to the next handler', async () => {
    const get = await serveHealth();
    expect((await get('/readyz/x')).status).toBe(404);
    expect((await get('/')).status).toBe(404);
  });
});
