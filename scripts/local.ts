// The portal on this machine with the local stand-ins (see scripts/start.mjs).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DEV_PORTS, localEnv } from '../dev/standins/local-env.ts';
import { buildIfChanged } from './lib/bootstrap.mjs';

if (existsSync('.env')) process.loadEnvFile('.env');
mkdirSync('data', { recursive: true });
// Random secrets, kept in data/ so that sessions and pending codes survive a restart.
function secret(file: string): string {
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
const port = Number(process.env.PORT ?? DEV_PORTS.app);
Object.assign(process.env, {
  ...localEnv(
    { ...DEV_PORTS, app: port },
    {
      SESSION_SECRET: secret('data/session-secret'),
      CODE_HMAC_KEY: secret('data/code-key'),
      TOTP_ENCRYPTION_KEY: secret('data/totp-key'),
      OIDC_KEY_ENCRYPTION_KEY: secret('data/oidc-key'),
    },
  ),
  ...process.env,
});
// These rewrite Twilio host names; the stand-in must get the requests.
delete process.env.TWILIO_REGION;
delete process.env.TWILIO_EDGE;

await import('./seed.ts');
buildIfChanged(process.env);
await import('./serve.ts');
