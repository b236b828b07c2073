import { afterEach, describe, expect, it, vi } from 'vitest';
import { localEnv, DEV_PORTS } from '../../src/standins/local-env.ts';

// POST /dev/clock moves the portal's clock forward, only while the local stand-ins run.
describe('the dev clock', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
    delete (globalThis as { twoStepRuntime?: unknown }).twoStepRuntime;
  });

  async function routeWith(env: Record<string, string>) {
    delete (globalThis as { twoStepRuntime?: unknown }).twoStepRuntime;
    for (const [k, v] of Object.entries(localEnv(DEV_PORTS, { SESSION_SECRET: 's'.repeat(32), CODE_HMAC_KEY: 'k'.repeat(32), DATABASE_URL: 'file::memory:', ...env }))) vi.stubEnv(k, v);
    const { POST } = await import('../../app/dev/clock/route.ts');
    const { runtime } = await import('../../src/runtime.ts');
    const post = (data: unknown) => POST(new Request('http://localhost/dev/clock', { method: 'POST', body: JSON.stringify(data) }));
    return { post, runtime };
  }

  it('answers 404 and leaves time alone when the stand-ins are off', async () => {
    const { post, runtime } = await routeWith({ STANDINS: 'off' });
    expect((await post({ advanceSeconds: 31 })).status).toBe(404);
    expect(Math.abs(runtime().clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('moves the clock forward when they are on, and refuses anything but a whole number of seconds', async () => {
    const { post, runtime } = await routeWith({ STANDINS: 'on' });
    const res = await post({ advanceSeconds: 3600 });
    expect(await res.json()).toEqual({ offsetSeconds: 3600 });
    expect(runtime().clock.now().getTime() - Date.now()).toBeGreaterThan(3599_000);
    for (const bad of [{ advanceSeconds: -5 }, { advanceSeconds: 1.5 }, { advanceSeconds: '60' }, null]) expect((await post(bad)).status).toBe(400);
  });
});
