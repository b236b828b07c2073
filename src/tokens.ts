// Bearer tokens (session cookies, reset links): 32 random bytes for the holder, and only their
// SHA-256 in the database, so a copy of the database yields no usable token.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The row id under which a token is stored. */
export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
