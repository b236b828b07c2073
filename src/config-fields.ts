// The shapes of environment variables that more than one part of the configuration uses: the
// portal's own (src/config.ts) and the kinds' settings it composes (src/kinds/<kind>/settings.ts).
import { z } from 'zod';

export const blankIsUnset = (v: unknown) => (v === '' ? undefined : v);
export const optionalUrl = z.preprocess(blankIsUnset, z.url().optional());
/** An AES-256 key (src/secret-box.ts) in base64url. */
export const aesKey = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{43}$/,
    "must be 32 random bytes in base64url (43 characters): node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"",
  );
