// Graceful shutdown (SIGTERM, SIGINT: scripts/serve.ts), docs/operating.md#shutdown:
//
// 1. At once: /readyz answers 503 and every response carries "Connection: close", so balancers
//    and kept-alive clients move to another instance.
// 2. For SHUTDOWN_DELAY_MS the listener still accepts, so that a balancer polling /readyz sees
//    the 503 before connections are refused.
// 3. Connections the kernel queued are taken (acceptQueued: closing the listener would reset
//    them with their requests); then the listener closes (new connections are refused), and
//    idle kept-alive connections close.
// 4. Requests in flight finish; SHUTDOWN_GRACE_MS after the delay (3 and 4 together), the
//    connections still open are closed.
// 5. The outbox worker stops (it ran until now, so the emails of the requests just served leave
//    at once): it finishes the email it is sending, releases a row it claimed but did not send,
//    and claims no more. What is left waits in the outbox for another instance (or the restart).
// 6. The database pool closes; the caller exits 0.
import type { Server, ServerResponse } from 'node:http';
import { logger } from '../observability/log.ts';

export interface Draining {
  /** True once shutdown began. */
  readonly active: boolean;
  begin(): void;
  /** For every response: while draining, the connection closes after it. */
  mark(res: ServerResponse): void;
}

export function draining(): Draining {
  let active = false;
  return {
    get active() {
      return active;
    },
    begin() {
      active = true;
    },
    mark(res) {
      if (active) res.setHeader('Connection', 'close');
    },
  };
}

export interface ShutdownOptions {
  draining: Draining;
  /** The main listener; `others` (the metrics listener) close with it. */
  server: Server;
  others?: Server[];
  delayMs: number;
  graceMs: number;
  stopWorker(): Promise<void>;
  /** Last: the database pool (and the stand-ins in development). */
  close(): Promise<void>;
  log?: (line: string) => void;
}

/** Runs steps 1-6; resolves once everything is closed. Never rejects: the caller exits either way. */
export async function gracefulShutdown(opts: ShutdownOptions): Promise<{ forcedConnections: number }> {
  const log = opts.log ?? ((line: string) => logger().info({ event: 'shutdown' }, line));
  const started = Date.now();
  opts.draining.begin();
  log(`[shutdown] not ready; closing the listener in ${opts.delayMs} ms, requests in flight get up to ${opts.graceMs} ms more`);

  await sleep(opts.delayMs);
  // The grace covers taking the queued connections and finishing every request.
  const graceEnds = Date.now() + opts.graceMs;
  const queued = await acceptQueued(opts.server, opts.graceMs);
  const servers = [opts.server, ...(opts.others ?? [])];
  // http.Server's close also closes the kept-alive connections idle now (not one just accepted
  // whose request is still being read: tests/server/shutdown.test.ts); those busy close after
  // their response ("Connection: close", above).
  const closed = Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  log(
    `[shutdown] listener closed; ${await openConnections(opts.server)} connection(s) still open (${queued} taken from the kernel's queue first)`,
  );
  let forcedConnections = 0;
  const timedOut = await Promise.race([closed.then(() => false), sleep(Math.max(0, graceEnds - Date.now())).then(() => true)]);
  if (timedOut) {
    forcedConnections = (await Promise.all(servers.map(openConnections))).reduce((a, b) => a + b, 0);
    for (const s of servers) s.closeAllConnections();
    await closed;
  }
  await opts.stopWorker().catch(() => {});
  try {
    await opts.close();
  } catch (err) {
    log(`[shutdown] closing failed: ${err instanceof Error ? err.name : 'error'}`);
  }
  log(
    `[shutdown] done in ${Date.now() - started} ms${forcedConnections ? `; ${forcedConnections} connection(s) still open after the grace were closed` : ''}`,
  );
  return { forcedConnections };
}

/**
 * Closing a listener resets every connection still in the kernel's accept queue, and under load
 * Node.js takes only a few from it per turn of its event loop (measured: 90 connections waited
 * there for seconds). So the listener closes only after two turns in a row accepted nothing (the
 * queue is empty), or after `maxMs`. Resolves to the number accepted meanwhile.
 */
async function acceptQueued(server: Server, maxMs: number): Promise<number> {
  let accepted = 0;
  const count = () => void accepted++;
  server.on('connection', count);
  const deadline = Date.now() + maxMs;
  try {
    let quietTurns = 0;
    while (quietTurns < 2 && Date.now() < deadline) {
      const before = accepted;
      // Immediates queued from an immediate run in the next turn, after its poll phase (accepts).
      await new Promise((resolve) => setImmediate(resolve));
      quietTurns = accepted === before ? quietTurns + 1 : 0;
    }
  } finally {
    server.off('connection', count);
  }
  return accepted;
}

function openConnections(server: Server): Promise<number> {
  return new Promise((resolve) => server.getConnections((err, n) => resolve(err ? 0 : n)));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
