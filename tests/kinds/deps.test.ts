// What the kinds are given is built from the configuration in one place (src/kinds/deps-registry.ts):
// each kind's settings come through src/config.ts, and each kind's part reaches the runtime under
// the name the kind gives it, built from those settings.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { kindDeps } from '../../src/kinds/deps-registry.ts';
import { localEnv, DEV_PORTS, TEST_SECRETS } from '../../dev/standins/local-env.ts';

const env = localEnv(DEV_PORTS, { ...TEST_SECRETS });

describe("the kinds' dependencies, from the configuration", () => {
  it("builds each kind's part from the kinds' settings and the portal's", () => {
    const c = parseConfig({ ...env, APP_URL: 'https://appleid.example.com:8443' });
    const deps = kindDeps(c);
    expect(typeof deps.sms.send).toBe('function');
    expect(typeof deps.sms.lineType).toBe('function');
    expect(typeof deps.push.push).toBe('function');
    // The sealing key is the setting's 43 base64url characters, read as the 32 bytes of an AES-256 key.
    expect(deps.totpKey).toEqual(Buffer.from(TEST_SECRETS.TOTP_ENCRYPTION_KEY, 'base64url'));
    expect(deps.totpKey).toHaveLength(32);
    expect(deps.webauthn).toMatchObject({ rpId: 'appleid.example.com', origin: 'https://appleid.example.com:8443' });
  });

  it("refuses at start a configuration without a kind's setting, naming it", () => {
    const { TWILIO_AUTH_TOKEN: _, ...withoutToken } = env;
    expect(() => parseConfig(withoutToken)).toThrow(/TWILIO_AUTH_TOKEN/);
    expect(() => parseConfig({ ...env, PUSH_URL: 'not a url' })).toThrow(/PUSH_URL/);
  });
});
