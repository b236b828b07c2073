import { afterEach, describe, expect, it, vi } from 'vitest';
import { localEnv, DEV_PORTS, TEST_SECRETS } from '../../dev/standins/local-env.ts';

// The dev inbox pages exist only while the local stand-ins run; in production they answer 404.
describe('the dev inbox pages', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function gateWith(env: Record<string, string>) {
    for (const [k, v] of Object.entries(localEnv(DEV_PORTS, { ...TEST_SECRETS, ...env }))) vi.stubEnv(k, v);
    const { requireStandins } = await import('../../app/dev/standins.ts');
    return requireStandins;
  }

  it('answer 404 when the stand-ins are off', async () => {
    const requireStandins = await gateWith({ STANDINS: 'off' });
    expect(() => requireStandins()).toThrow(expect.objectContaining({ digest: expect.stringContaining('404') }));
  });

  it('open, reading from the stand-ins, when they are on', async () => {
    const requireStandins = await gateWith({ STANDINS: 'on' });
    expect(requireStandins()).toBe(`http://127.0.0.1:${DEV_PORTS.http}`);
  });
});
