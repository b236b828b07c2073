import { afterEach, describe, expect, it, vi } from 'vitest';
import { localEnv, DEV_PORTS, TEST_SECRETS } from '../../dev/standins/local-env.ts';

// POST /dev/clock moves the portal's clock forward, only while the local stand-ins run.
describe('the dev clock', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
    delete (globalThis as { twoStepRuntime?: unknown }).twoStepRuntime;
  });

  /** The portal's clock reads the system clock plus `offsetMs`: read between two readings of the system clock, whatever time passed. */
  function expectOffset(rt: { clock: { now(): Date } }, offsetMs: number) {
    const before = Date.now();
    const now = rt.clock.now().getTime();
    const after = Date.now();
    expect(now - offsetMs).toBeGreaterThanOrEqual(before);
    expect(now - offsetMs).toBeLessThanOrEqual(after);
  }

  async function routeWith(env: Record<string, string>) {
    delete (globalThis as { twoStepRuntime?: unknown }).twoStepRuntime;
    for (const [k, v] of Object.entries(localEnv(DEV_PORTS, { ...TEST_SECRETS, DATABASE_URL: 'file::memory:', ...env }))) vi.stubEnv(k, v);
    const { POST } = await import('../../app/dev/clock/route.ts');
    const { runtime } = await import('../../src/runtime.ts');
    const raw = (body: string, contentType?: string) =>
      POST(
        new Request('http://localhost/dev/clock', {
          method: 'POST',
          body,
          headers: contentType === undefined ? {} : { 'content-type': contentType },
        }),
      );
    const post = (data: unknown) => raw(JSON.stringify(data), 'application/json');
    return { post, raw, runtime };
  }

  it('answers 404 and leaves time alone when the stand-ins are off', async () => {
    const { post, runtime } = await routeWith({ STANDINS: 'off' });
    expect((await post({ advanceSeconds: 31 })).status).toBe(404);
    expectOffset(runtime(), 0);
  });

  it('moves the clock forward when they are on, and refuses anything but a whole number of seconds', async () => {
    const { post, runtime } = await routeWith({ STANDINS: 'on' });
    const res = await post({ advanceSeconds: 3600 });
    expect(await res.json()).toEqual({ offsetSeconds: 3600 });
    expectOffset(runtime(), 3600_000);
    for (const bad of [{ advanceSeconds: -5 }, { advanceSeconds: 1.5 }, { advanceSeconds: '60' }, null])
      expect((await post(bad)).status).toBe(400);
  });

  it('takes only application/json (415 otherwise), and answers malformed JSON with 400, the clock untouched', async () => {
    const { raw, runtime } = await routeWith({ STANDINS: 'on' });
    const body = JSON.stringify({ advanceSeconds: 60 });
    for (const type of [
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
    ]) {
      expect((await raw(body, type)).status, String(type)).toBe(415);
    }
    expect((await raw(body, 'Application/JSON; charset=utf-8')).status).toBe(200);
    for (const bad of ['{', '', '{"advanceSeconds": 60', 'advanceSeconds=60', '\u0000'])
      expect((await raw(bad, 'application/json')).status, bad).toBe(400);
    expectOffset(runtime(), 60_000);
  });
});
