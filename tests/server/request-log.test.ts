// The request line: route patterns (never the path: a reset link carries its token), the request
// id (the proxy's only when TRUST_PROXY=on), the client address, and the duration histogram.
// A plain Node.js server around a stand-in handler: no Next.js needed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../../src/observability/metrics.ts';
import { UNMATCHED, requestIdOf, routeMatcher, withRequestLog } from '../../src/server/request-log.ts';
import { logger } from '../../src/observability/log.ts';
import { captureLog, type CapturedLog } from '../harness/log-capture.ts';

const ROUTES = [
  '/',
  '/sign-in',
  '/account/security',
  '/reset/open',
  '/api/app/whoami',
  '/items/[id]',
  '/docs/[...slug]',
  '/shop/[[...path]]',
];

describe('routeMatcher', () => {
  const routeOf = routeMatcher(ROUTES);

  it.each([
    ['/', '/'],
    ['/sign-in', '/sign-in'],
    ['/sign-in/', '/sign-in'],
    ['/account/security?_rsc=abc', '/account/security'],
    ['/reset/open?token=Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXhx', '/reset/open'],
    ['/items/42', '/items/[id]'],
    ['/docs/a/b/c', '/docs/[...slug]'],
    ['/shop', '/shop/[[...path]]'],
    ['/shop/x/y', '/shop/[[...path]]'],
    ['/_next/static/chunks/app-123.js', '/_next/static/*'],
    ['/_next/image?url=x', '/_next/image'],
    ['/nope', UNMATCHED],
    ['/items', UNMATCHED],
    ['/items/1/2', UNMATCHED],
    ['/reset/open/Zm9vYmFy', UNMATCHED],
  ])('%s → %s', (url, route) => {
    expect(routeOf(url)).toBe(route);
  });

  it('never returns a query string or a path that is not a pattern (bounded labels, no tokens)', () => {
    for (const url of ['/x?token=secret', '/a/b/c/d/e?code=1234', '/%2e%2e/etc/passwd', '//double', '/reset/open?token=secret#frag']) {
      const route = routeOf(url);
      expect([...ROUTES, UNMATCHED]).toContain(route);
    }
  });
});

describe('requestIdOf', () => {
  it("takes the proxy's well-formed X-Request-Id only when TRUST_PROXY=on", () => {
    const id = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
    expect(requestIdOf({ headers: { 'x-request-id': id } }, true)).toBe(id);
    expect(requestIdOf({ headers: { 'x-request-id': id } }, false)).not.toBe(id);
    expect(requestIdOf({ headers: { 'x-request-id': 'has spaces and {json}' } }, true)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf({ headers: { 'x-request-id': 'x'.repeat(200) } }, true)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf({ headers: {} }, true)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('withRequestLog around a server', () => {
  let log: CapturedLog;
  let server: Server;
  let base: string;
  let trustProxy = false;

  beforeAll(async () => {
    const handler = withRequestLog(
      (req, res) => {
        // A domain line logged while handling: it must carry the request id.
        logger().info({ event: 'domain' }, 'inside the handler');
        res.statusCode = req.url?.startsWith('/nope') ? 404 : 200;
        res.end('ok');
      },
      { trustProxy: false, routeOf: routeMatcher(ROUTES) },
    );
    const proxied = withRequestLog((_req, res) => void res.end('ok'), { trustProxy: true, routeOf: routeMatcher(ROUTES) });
    server = createServer((req, res) => (trustProxy ? proxied : handler)(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  afterEach(() => {
    log?.restore();
    trustProxy = false;
  });

  const requestLines = () => log.lines.filter((l) => l.msg === 'request');

  it('logs one line per request: id, method, route pattern, status, duration, client address; echoes the id', async () => {
    log = captureLog();
    const res = await fetch(`${base}/reset/open?token=the-secret-token`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    await res.text();
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => requestLines().length).toBe(1);
    const [line] = requestLines();
    expect(line).toMatchObject({ reqId: id, method: 'GET', route: '/reset/open', status: 200, clientAddress: '127.0.0.1', level: 'info' });
    expect(typeof line!.durationMs).toBe('number');
    // The domain line carries the same request id; the token is nowhere.
    expect(log.lines.find((l) => l.event === 'domain')).toMatchObject({ reqId: id });
    expect(log.text()).not.toContain('the-secret-token');
  });

  it("behind a trusted proxy: the proxy's request id and the address it appended", async () => {
    trustProxy = true;
    log = captureLog();
    const res = await fetch(`${base}/sign-in`, {
      headers: { 'X-Request-Id': 'nginx-req-42', 'X-Forwarded-For': '198.51.100.1, 203.0.113.9' },
    });
    await res.text();
    expect(res.headers.get('x-request-id')).toBe('nginx-req-42');
    await expect.poll(() => requestLines().length).toBe(1);
    expect(requestLines()[0]).toMatchObject({ reqId: 'nginx-req-42', route: '/sign-in', clientAddress: '203.0.113.9' });
  });

  it('puts the duration into the histogram by route, method and status', async () => {
    log = captureLog();
    const count = async () => {
      const metric = await register.getSingleMetric('two_step_http_request_duration_seconds')!.get();
      return (
        metric.values.find(
          (v) =>
            (v as { metricName?: string }).metricName === 'two_step_http_request_duration_seconds_count' &&
            v.labels.route === UNMATCHED &&
            v.labels.status === '404',
        )?.value ?? 0
      );
    };
    const before = await count();
    await (await fetch(`${base}/nope/123?code=1234`)).text();
    await expect.poll(count).toBe(before + 1);
  });
});
