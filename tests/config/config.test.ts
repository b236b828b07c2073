import { describe, expect, it } from 'vitest';
import { parseConfig, ConfigError, logLevelOf } from '../../src/config.ts';
import { localEnv, DEV_PORTS, TEST_SECRETS } from '../../dev/standins/local-env.ts';

const valid = localEnv(DEV_PORTS, { ...TEST_SECRETS });

describe('configuration from the environment', () => {
  it('accepts the local stand-in environment and fills defaults', () => {
    const c = parseConfig(valid);
    expect(c.BCRYPT_COST).toBe(12);
    expect(c.DATABASE_URL).toBe('file:./data/dev.db');
    expect(c.STANDINS).toBe('on');
    expect(c.LOG_LEVEL).toBe('info');
  });

  it('reads LOG_LEVEL alone for the logger, and names a bad one', () => {
    expect(logLevelOf({})).toBe('info');
    expect(logLevelOf({ LOG_LEVEL: 'warn' })).toBe('warn');
    expect(() => logLevelOf({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL: must be one of/);
  });

  it('keeps /metrics off and shuts down gracefully by default', () => {
    const c = parseConfig({ ...valid, METRICS_PORT: '', METRICS_TOKEN: '' });
    expect(c).toMatchObject({
      METRICS_PORT: undefined,
      METRICS_TOKEN: undefined,
      METRICS_HOST: '127.0.0.1',
      SHUTDOWN_DELAY_MS: 1_000,
      SHUTDOWN_GRACE_MS: 10_000,
    });
    expect(parseConfig({ ...valid, METRICS_PORT: '9464', METRICS_TOKEN: 't'.repeat(32) })).toMatchObject({
      METRICS_PORT: 9464,
      METRICS_TOKEN: 't'.repeat(32),
    });
  });

  it('names a missing variable', () => {
    const { SESSION_SECRET: _, ...env } = valid;
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(/SESSION_SECRET/);
  });

  it.each([
    ['SESSION_SECRET', 'too short', /SESSION_SECRET: must be at least 32 characters/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: must start with file: or postgresql:\/\//],
    ['TWILIO_ACCOUNT_SID', 'SK123', /TWILIO_ACCOUNT_SID: must be AC followed by 32 hex digits/],
    ['TWILIO_FROM', '555-0100', /TWILIO_FROM: must be an E.164 number/],
    ['SMTP_URL', 'http://mail', /SMTP_URL: must start with smtp:\/\//],
    ['BCRYPT_COST', '3', /BCRYPT_COST/],
    ['CODE_DIGITS', '3', /CODE_DIGITS/],
    ['CODE_HMAC_KEY', 'short', /CODE_HMAC_KEY: must be at least 32 characters/],
    ['TOTP_ENCRYPTION_KEY', 'k'.repeat(32), /TOTP_ENCRYPTION_KEY: must be 32 random bytes in base64url/],
    ['TOTP_ENCRYPTION_KEY', `${'k'.repeat(42)}=`, /TOTP_ENCRYPTION_KEY: must be 32 random bytes in base64url/],
    ['OIDC_KEY_ENCRYPTION_KEY', 'k'.repeat(32), /OIDC_KEY_ENCRYPTION_KEY: must be 32 random bytes in base64url/],
    ['STANDINS', 'yes', /STANDINS/],
    ['METRICS_TOKEN', 'short', /METRICS_TOKEN: must be at least 32 characters/],
    ['METRICS_PORT', '70000', /METRICS_PORT/],
    ['SHUTDOWN_GRACE_MS', '-1', /SHUTDOWN_GRACE_MS/],
    ['SHUTDOWN_DELAY_MS', 'soon', /SHUTDOWN_DELAY_MS/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL/],
  ])('names a bad %s', (name, value, message) => {
    expect(() => parseConfig({ ...valid, [name]: value })).toThrow(message);
  });
});
