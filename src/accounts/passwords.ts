// Secret hashing with bcrypt (passwords, security answers; later recovery keys). The cost is a
// parameter: 12 in production, lower in tests.
// bcrypt reads only the first 72 bytes, and passwords may be 128 characters of any script, so the
// secret is first reduced to its SHA-256 in base64 (44 ASCII bytes, no NUL): every character counts.
import bcrypt from 'bcrypt';
import { createHash } from 'node:crypto';

function prehash(secret: string): string {
  return createHash('sha256').update(secret.normalize('NFKC'), 'utf8').digest('base64');
}

export function hashSecret(secret: string, cost: number): Promise<string> {
  return bcrypt.hash(prehash(secret), cost);
}

/** Constant-time by bcrypt's construction. */
export function verifySecret(secret: string, hash: string): Promise<boolean> {
  return bcrypt.compare(prehash(secret), hash);
}

// Compared against when no account matches, so that an unknown Apple ID takes as long to refuse
// as a wrong password (no account enumeration by timing).
const dummyHashes = new Map<number, Promise<string>>();
export async function verifyAgainstNothing(secret: string, cost: number): Promise<false> {
  if (!dummyHashes.has(cost)) dummyHashes.set(cost, hashSecret('no account has this password', cost));
  await verifySecret(secret, await dummyHashes.get(cost)!);
  return false;
}
