// Secrets the server must read back (a device's shared code secret: checking a code needs it, so it
// cannot be hashed; the OpenID Connect signing keys) are sealed with AES-256-GCM (NIST SP 800-38D)
// under a 32-byte key of the runtime's before they reach the database. A database leak alone yields
// no secret. Not a kind of trusted device's own code: every sealed value of the portal uses it.
//
// Sealed form: "v1." + base64url(iv ‖ ciphertext ‖ tag). 12-byte random IV (SP 800-38D 8.2.2: at
// most 2^32 seals per key with random IVs, far more than secrets we will ever seal under one key);
// 16-byte tag. The row it belongs to is the associated data, so a sealed secret copied onto
// another device row or account does not open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_BOX_KEY_BYTES = 32;

function checkKey(key: Buffer): void {
  if (key.length !== SECRET_BOX_KEY_BYTES) throw new Error(`the secret box key must be ${SECRET_BOX_KEY_BYTES} bytes`);
}

/** Seals `plaintext` for the row named by `boundTo` (e.g. "accountId:trustedDeviceId"). */
export function seal(key: Buffer, plaintext: string, boundTo: string): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/** Opens a sealed value; null when it was not sealed with this key for this row (or was altered). */
export function open(key: Buffer, sealed: string, boundTo: string): string | null {
  checkKey(key);
  const [version, payload] = sealed.split('.');
  if (version !== VERSION || !payload) return null;
  const raw = Buffer.from(payload, 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null; // wrong key, wrong row, or altered: the tag does not verify
  }
}
