// What the authenticator-app kind is given by the composition root (src/runtime.ts, through
// ../deps-registry.ts): the key its secrets are sealed with (./add.ts seals, ./check.ts opens).
import type { AppSettings } from './settings.ts';

export interface AppKindDeps {
  /** The AES-256-GCM key that seals authenticator-app secrets (TOTP_ENCRYPTION_KEY), 32 bytes. */
  totpKey: Buffer;
}

export function appKindDeps(c: AppSettings): AppKindDeps {
  return { totpKey: Buffer.from(c.TOTP_ENCRYPTION_KEY, 'base64url') };
}
