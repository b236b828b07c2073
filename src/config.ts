// The environment, read and validated once. A missing or bad variable stops the app at start
// with a message that names it. Every variable is listed, with a comment, in .env.example.
// The kinds of trusted device declare their own variables (the senders' settings, the key that
// seals their secrets: src/kinds/<kind>/settings.ts), composed here with the portal's.
import { z } from 'zod';
import { aesKey, blankIsUnset, optionalUrl } from './config-fields.ts';
import { KIND_SETTINGS } from './kinds/settings-registry.ts';

const flag = z.enum(['on', 'off']).default('off');
const port = z.coerce.number().int().min(1).max(65535);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const logLevel = z.enum(LOG_LEVELS).default('info');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  APP_URL: z.url().default('http://localhost:3000'),
  // Where the server listens; the port defaults to APP_URL's.
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: or postgresql://')
    .default('file:./data/dev.db'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
  // The server key of the HMAC-SHA-256 that verification codes are stored as.
  CODE_HMAC_KEY: z.string().min(32, 'must be at least 32 characters'),
  // Seals the keys ID tokens are signed with, and the salt of pairwise subject identifiers, in the
  // database (src/oidc/signing-keys.ts): every instance must have the same one.
  OIDC_KEY_ENCRYPTION_KEY: aesKey,
  // Digits of a verification code: 4 as in Apple's two-step verification; more is stronger
  // (docs/rules.md#verification-codes, docs/security.md).
  CODE_DIGITS: z.coerce.number().int().min(4).max(8).default(4),
  // bcrypt work factor: 12 in production; tests may lower it to stay fast.
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  TRUST_PROXY: flag,
  // The structured log's threshold (src/observability/log.ts): info logs every request and
  // security event; debug adds static files.
  LOG_LEVEL: logLevel,
  // New Apple IDs one client address may ask for in an hour (src/accounts/creation-limits.ts).
  ACCOUNTS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),

  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://'),
  MAIL_FROM: z.string().min(3).default('Two-Step <no-reply@two-step.localhost>'),

  // The local stand-ins of the mail server and of the kinds' senders, and their dev inbox pages
  // (/dev/*). Off in production.
  STANDINS: flag,
  // Base URL of the stand-ins' HTTP server (the senders' APIs and the dev inbox listings).
  STANDINS_URL: optionalUrl,

  // Operating it (docs/operating.md). /metrics is never public by default: it is served on
  // METRICS_PORT (a listener of its own on METRICS_HOST), and/or on the main port to a request with
  // "Authorization: Bearer <METRICS_TOKEN>". Neither set: /metrics answers 404.
  METRICS_PORT: z.preprocess(blankIsUnset, port.optional()),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_TOKEN: z.preprocess(blankIsUnset, z.string().min(32, 'must be at least 32 characters').optional()),
  // On SIGTERM: how long the instance keeps accepting connections while it already reports not
  // ready (so balancers stop sending and no queued connection is reset), ...
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  // ...then how long requests in flight may take to finish before their connections are closed.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),

  ...KIND_SETTINGS,
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment (see .env.example):\n${lines.join('\n')}`);
  }
  return result.data;
}

/**
 * LOG_LEVEL alone, for the logger: it is made on first use, which may come before the rest of the
 * environment is read (or, in unit tests, without it). config() checks it again with the rest.
 */
export function logLevelOf(env: Record<string, string | undefined>): LogLevel {
  const result = logLevel.safeParse(env.LOG_LEVEL === '' ? undefined : env.LOG_LEVEL);
  if (!result.success)
    throw new ConfigError(`Invalid environment (see .env.example):\n  LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}`);
  return result.data;
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
