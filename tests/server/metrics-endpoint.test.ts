// /metrics is never public by default: 404 without METRICS_PORT or METRICS_TOKEN, 401 without the
// right bearer token, Prometheus text with it, and a listener of its own on METRICS_PORT.
import { afterAll, describe, expect, it } from 'vitest';
import { Counter, Registry } from 'prom-client';
import type { Server } from 'node:http';
import { startHttp } from '../harness/net.ts';
import { bearerTokenMatches, metricsHandler, startMetricsServer } from '../../src/server/metrics-endpoint.ts';

const TOKEN = 'm'.repeat(20) + 'T0ken-for-the-scraper';
const registry = new Registry();
new Counter({ name: 'two_step_test_total', help: 'A counter for this test.', registers: [registry] }).inc(3);

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

async function mainPort(opts: { token?: string }) {
  const server = await startHttp([metricsHandler({ ...opts, open: false, registry })]);
  closers.push(server.close);
  return (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });
}

describe('/metrics', () => {
  it('answers 404 on the main port when neither METRICS_PORT nor METRICS_TOKEN is set', async () => {
    const get = await mainPort({});
    const res = await get('/metrics');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('two_step_test_total');
    expect((await get('/metrics', { authorization: `Bearer ${TOKEN}` })).status).toBe(404);
  });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    const get = await mainPort({ token: TOKEN });
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, TOKEN, 'Bearer ']) {
      const res = await get('/metrics', authorization === undefined ? {} : { authorization });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await res.text()).not.toContain('two_step_test_total');
    }
    const res = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await res.text()).toMatch(
      /^# HELP two_step_test_total A counter for this test\.\n# TYPE two_step_test_total counter\ntwo_step_test_total 3$/m,
    );
    // Other paths are left to the next handler (Next.js).
    expect((await get('/metrics/x', { authorization: `Bearer ${TOKEN}` })).status).toBe(404);
  });

  it('is served without a token on METRICS_PORT, and only /metrics', async () => {
    const { server, url } = await startMetricsServer({ host: '127.0.0.1', port: 0, registry });
    closers.push(() => closeServer(server));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('two_step_test_total 3');
    expect((await fetch(url.replace(/metrics$/, 'healthz'))).status).toBe(404);
  });

  it('needs the token on METRICS_PORT too when both are set', async () => {
    const { server, url } = await startMetricsServer({ host: '127.0.0.1', port: 0, token: TOKEN, registry });
    closers.push(() => closeServer(server));
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('compares the token exactly', () => {
    expect(bearerTokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerTokenMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerTokenMatches(undefined, TOKEN)).toBe(false);
    expect(bearerTokenMatches(`Bearer ${TOKEN} extra`, TOKEN)).toBe(false);
  });
});

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
