// The environment for running the portal on one machine with the local stand-ins: `npm start`
// and the end-to-end tests. Values already in the environment (or .env) win.
import { randomBytes } from 'node:crypto';
export const STANDIN_TWILIO = {
  // Credentials the stand-in accepts; the real ones come from the environment in production.
  accountSid: `AC${'0'.repeat(32)}`,
  authToken: 'local-standin-auth-token',
  from: '+15005550006',
} as const;

/** The server's secrets (src/config.ts), all random: for a run whose data is thrown away. */
export function randomSecrets(): Record<(typeof SECRET_NAMES)[number], string> {
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, randomBytes(32).toString('base64url')])) as Record<
    (typeof SECRET_NAMES)[number],
    string
  >;
}

/** Fixed secrets for unit tests that only need a valid environment. */
export const TEST_SECRETS: Readonly<Record<(typeof SECRET_NAMES)[number], string>> = {
  SESSION_SECRET: 's'.repeat(32),
  CODE_HMAC_KEY: 'k'.repeat(32),
  TOTP_ENCRYPTION_KEY: 't'.repeat(43),
  OIDC_KEY_ENCRYPTION_KEY: 'o'.repeat(43),
};

/** Every secret the server needs, each 32 random bytes in base64url when generated. */
export const SECRET_NAMES = ['SESSION_SECRET', 'CODE_HMAC_KEY', 'TOTP_ENCRYPTION_KEY', 'OIDC_KEY_ENCRYPTION_KEY'] as const;

export interface LocalPorts {
  app: number;
  http: number; // the stand-ins' HTTP server: Twilio API, push, dev inbox listings
  smtp: number;
}

export const DEV_PORTS: LocalPorts = { app: 3000, http: 4010, smtp: 2525 };

export function localEnv(ports: LocalPorts, extra: Record<string, string> = {}): Record<string, string> {
  const standins = `http://127.0.0.1:${ports.http}`;
  return {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    APP_URL: `http://localhost:${ports.app}`,
    PORT: String(ports.app),
    DATABASE_URL: 'file:./data/dev.db',
    STANDINS: 'on',
    STANDINS_URL: standins,
    SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
    TWILIO_ACCOUNT_SID: STANDIN_TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: STANDIN_TWILIO.authToken,
    TWILIO_FROM: STANDIN_TWILIO.from,
    TWILIO_API_BASE_URL: standins,
    TWILIO_LOOKUPS_BASE_URL: standins,
    PUSH_URL: standins,
    ...extra,
  };
}
