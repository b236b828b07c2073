// The authenticator-app kind's environment variable, composed into the portal's configuration by
// ../settings-registry.ts and src/config.ts, which checks it with the rest at start.
import { z } from 'zod';
import { aesKey } from '../../config-fields.ts';

const appSettings = z.object({
  // Seals the shared secrets of authenticator apps (AES-256-GCM, src/secret-box.ts): the server
  // must read them back to check a code, so they are encrypted rather than hashed.
  TOTP_ENCRYPTION_KEY: aesKey,
});

export const APP_SETTINGS = appSettings.shape;
export type AppSettings = z.infer<typeof appSettings>;
