// GET /metrics: prom-client's default registry (where the metrics are defined) in Prometheus text
// format. Never public by default (docs/operating.md):
// - METRICS_PORT: a listener of its own on METRICS_HOST (default 127.0.0.1), which answers only
//   /metrics, for a scraper on the same host or a private network;
// - METRICS_TOKEN: /metrics (on either port) needs "Authorization: Bearer <token>", compared in
//   constant time;
// - neither: /metrics on the main port answers 404, like any address the portal does not have.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { register, type Registry } from 'prom-client';

export interface MetricsOptions {
  /** Required bearer token (at least 32 characters, config.ts); undefined: no token. */
  token?: string;
  /** Whether this listener serves /metrics without a token (the separate METRICS_PORT one does). */
  open: boolean;
  registry?: Registry;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares digests, so neither the length nor the content of the token leaks through timing. */
export function bearerTokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}

/** Answers /metrics; returns false for any other path (the caller goes on). */
export function metricsHandler(opts: MetricsOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const registry = opts.registry ?? register;
  return (req, res) => {
    if ((req.url ?? '').split('?')[0] !== '/metrics') return false;
    if (!opts.token && !opts.open) {
      sendText(res, 404, 'Not found.\n');
      return true;
    }
    if (opts.token && !bearerTokenMatches(req.headers.authorization, opts.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      sendText(res, 401, 'A bearer token is needed.\n');
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed.\n');
      return true;
    }
    registry.metrics().then(
      (text) => sendText(res, 200, text, registry.contentType),
      () => sendText(res, 500, 'The metrics could not be collected.\n'),
    );
    return true;
  };
}

/** The METRICS_PORT listener: /metrics only. */
export async function startMetricsServer(opts: {
  host: string;
  port: number;
  token?: string;
  registry?: Registry;
}): Promise<{ server: Server; url: string }> {
  const handle = metricsHandler({ token: opts.token, open: true, registry: opts.registry });
  const server = createServer((req, res) => {
    if (!handle(req, res)) sendText(res, 404, 'Not found.\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}/metrics` };
}

function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8') {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(res.req?.method === 'HEAD' ? undefined : text);
}
