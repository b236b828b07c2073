// Secret hashing with bcrypt (passwords, security answers; later recovery keys). The cost is a
// parameter: 12 in production, lower in tests.
// bcrypt reads only the first 72 bytes, and passwords may be 128 characters of any script, so the
// secret is first reduced to its SHA-256 in base64 (44 ASCII bytes, no NUL): every character counts.
// Every hash and compare waits its turn in the hashing line (hashing-line.ts); the guessing
// endpoints (the sign-in form, an app) take their place first, to be refused when the line is full.
import bcrypt from 'bcrypt';
import { createHash } from 'node:crypto';
import { hashingLine, type Place } from './hashing-line.ts';

function prehash(secret: string): string {
  return createHash('sha256').update(secret.normalize('NFKC'), 'utf8').digest('base64');
}

/** Runs `hash` in `place`, or in a place of its own that waits its turn (join) and is left after it. */
async function inLine<T>(place: Place | undefined, hash: () => Promise<T>): Promise<T> {
  if (place) return place.run(hash);
  const joined = hashingLine.join();
  try {
    return await joined.run(hash);
  } finally {
    joined.leave();
  }
}

export function hashSecret(secret: string, cost: number): Promise<string> {
  return inLine(undefined, () => bcrypt.hash(prehash(secret), cost));
}

/** Constant-time by bcrypt's construction. `place`: one taken in the hashing line beforehand. */
export function verifySecret(secret: string, hash: string, place?: Place): Promise<boolean> {
  return inLine(place, () => bcrypt.compare(prehash(secret), hash));
}

// Compared against when no account matches, so that an unknown Apple ID takes as long to refuse
// as a wrong password (no account enumeration by timing).
const dummyHashes = new Map<number, Promise<string>>();
// It waits in the same line as a real compare, so that it is refused and delayed alike.
export async function verifyAgainstNothing(secret: string, cost: number, place?: Place): Promise<false> {
  if (!dummyHashes.has(cost)) dummyHashes.set(cost, hashSecret('no account has this password', cost));
  await verifySecret(secret, await dummyHashes.get(cost)!, place);
  return false;
}
