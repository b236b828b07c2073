// The shutdown sequence on a plain Node.js server (no Next.js; the production build is tried under
// load in e2e/graceful-shutdown.spec.ts). The worker and database are fakes that record the order.
import { afterEach, describe, expect, it } from 'vitest';
import { Agent, createServer, request, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { draining, gracefulShutdown } from '../../src/server/shutdown.ts';

let servers: Server[] = [];
afterEach(() => {
  for (const s of servers) s.closeAllConnections();
  servers = [];
});

/** A server whose /slow requests wait until `release()`; everything else answers at once. */
async function slowServer() {
  const drain = draining();
  const waiting: ServerResponse[] = [];
  const server = createServer((req, res) => {
    drain.mark(res);
    if (req.url === '/slow') waiting.push(res);
    else res.end(drain.active ? 'draining' : 'ok');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const release = () => waiting.splice(0).forEach((res) => res.end('done'));
  const arrived = async (n: number) => {
    while (waiting.length < n) await new Promise((r) => setTimeout(r, 5));
  };
  return { drain, server, port, release, arrived };
}

function get(port: number, path: string): Promise<{ status: number; body: string; connection?: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end();
  });
}

describe('graceful shutdown', () => {
  it('drains: refuses new connections, finishes requests in flight, then stops the worker and closes the database', async () => {
    const s = await slowServer();
    const steps: string[] = [];
    const inFlight = get(s.port, '/slow');
    await s.arrived(1);

    const shutdown = gracefulShutdown({
      draining: s.drain,
      server: s.server,
      delayMs: 0,
      graceMs: 60_000,
      stopWorker: async () => void steps.push('worker stopped'),
      close: async () => void steps.push('database closed'),
      log: () => {},
    });
    expect(s.drain.active).toBe(true);
    // The listener closes while the request is still in flight...
    while (!('error' in (await get(s.port, '/')))) await new Promise((r) => setTimeout(r, 5));
    expect(await get(s.port, '/')).toEqual({ error: 'ECONNREFUSED' });
    expect(steps).toEqual([]);
    // ...which then finishes, told to close its connection afterwards.
    s.release();
    expect(await inFlight).toEqual({ status: 200, body: 'done', connection: 'close' });
    await shutdown;
    expect(steps).toEqual(['worker stopped', 'database closed']);
  });

  it('keeps accepting during the delay, answering with Connection: close', async () => {
    const s = await slowServer();
    const shutdown = gracefulShutdown({
      draining: s.drain,
      server: s.server,
      delayMs: 60_000,
      graceMs: 0,
      stopWorker: async () => {},
      close: async () => {},
      log: () => {},
    });
    expect(await get(s.port, '/')).toEqual({ status: 200, body: 'draining', connection: 'close' });
    void shutdown; // the test's afterEach closes the server; the 60 s delay timer only delays nothing
  });

  it('closes connections still busy after the grace, and still closes the database', async () => {
    const s = await slowServer();
    const steps: string[] = [];
    const inFlight = get(s.port, '/slow');
    await s.arrived(1);
    const result = await gracefulShutdown({
      draining: s.drain,
      server: s.server,
      delayMs: 0,
      graceMs: 50,
      stopWorker: async () => {},
      close: async () => void steps.push('database closed'),
      log: () => {},
    });
    expect(result).toEqual({ forcedConnections: 1 });
    expect(await inFlight).toEqual({ error: 'ECONNRESET' });
    expect(steps).toEqual(['database closed']);
  });

  it('answers a connection accepted before the listener closed whose request comes after, and closes idle kept-alive ones at once', async () => {
    const s = await slowServer();
    // A kept-alive connection, idle now.
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve) =>
      request({ host: '127.0.0.1', port: s.port, path: '/', agent }, (res) => res.resume().on('end', resolve)).end(),
    );
    // A connection the server accepted, whose request has not been sent yet.
    const accepted = new Promise((r) => s.server.once('connection', r));
    const late = connect(s.port, '127.0.0.1');
    await accepted;

    const shutdown = gracefulShutdown({
      draining: s.drain,
      server: s.server,
      delayMs: 0,
      graceMs: 60_000,
      stopWorker: async () => {},
      close: async () => {},
      log: () => {},
    });
    while (!('error' in (await get(s.port, '/')))) await new Promise((r) => setTimeout(r, 5));
    let answer = '';
    late.setEncoding('utf8').on('data', (c: string) => (answer += c));
    const ended = new Promise((r) => late.once('close', r));
    late.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await ended;
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(answer).toMatch(/draining$/);
    // The idle kept-alive connection did not hold the shutdown up to its 60 s grace.
    expect(await shutdown).toEqual({ forcedConnections: 0 });
    agent.destroy();
  });
});
