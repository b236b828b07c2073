// The Recovery Key (docs/rules.md#recovery-key; Apple's FAQ: "a 14-character Recovery Key to print
// and keep in a safe place"). Pure helpers only: generating, formatting for print, reading back
// what the holder types, hashing for storage and checking. Storage and the flows (setup, Replace
// Lost Key, reset with key + trusted device) come later.
//
// The key is shown once, printed, and later typed in by hand, possibly years later and from paper.
// So the alphabet leaves out the characters people confuse when reading or typing:
//   0 and O, 1 and I and L.
// Letters are upper case on paper; case is ignored when typed, so a lower-case l or o typed by the
// holder becomes L or O, which are not in the alphabet: the input is refused, never guessed at.
//
//   alphabet:  ABCDEFGHJKMNPQRSTUVWXYZ23456789   (23 letters + 8 digits = 31 characters)
//   entropy:   14 × log2(31) = 14 × 4.954 ≈ 69.4 bits
//
// ~69 bits is far beyond online guessing (every attempt also needs the password or a trusted
// device, and is rate-limited by the flows), and the stored form is a bcrypt hash, so a copy of the
// database still costs ~2^68 bcrypt evaluations on average per key.
import { randomInt, timingSafeEqual } from 'node:crypto';
import { hashSecret, verifySecret } from '../accounts/passwords.ts';

import { RECOVERY_KEY_LENGTH } from './key-length.ts';

export { RECOVERY_KEY_LENGTH };
export const RECOVERY_KEY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Bits of entropy in a generated key: 14 × log2(31) ≈ 69.4. */
export const RECOVERY_KEY_ENTROPY_BITS = RECOVERY_KEY_LENGTH * Math.log2(RECOVERY_KEY_ALPHABET.length);

/** Groups for print and display: 4-4-4-2. */
const GROUP_SIZE = 4;
const GROUP_SEPARATOR = '-';

const ALPHABET_SET = new Set(RECOVERY_KEY_ALPHABET);

// Separators ignored when the key is typed back: any white space, the ASCII hyphen, and the
// Unicode hyphens/dashes/minus that phones and word processors substitute for it ("smart
// punctuation" turns a typed "-" or "--" into – or —). They carry no key material.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/gu;
// Anything longer than this after trimming is not a key with separators, just refuse it early.
const MAX_INPUT_LENGTH = 64;

/**
 * A new key: 14 characters, each drawn independently with crypto.randomInt, which uses rejection
 * sampling over a CSPRNG, so every character of the alphabet is equally likely (no modulo bias).
 * Returned unformatted; use formatRecoveryKey to show it.
 */
export function generateRecoveryKey(): string {
  let key = '';
  for (let i = 0; i < RECOVERY_KEY_LENGTH; i++) {
    key += RECOVERY_KEY_ALPHABET[randomInt(RECOVERY_KEY_ALPHABET.length)];
  }
  return key;
}

/**
 * The canonical form of a typed key, or null if it is not one.
 * Ignores white space, dashes and case. Maps nothing else: a character outside the alphabet
 * (O, 0, I, 1, L, punctuation, any non-ASCII letter or digit) makes the input null, as does a length
 * other than 14 once separators are gone.
 */
export function normaliseRecoveryKey(input: string): string | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return null;
  const stripped = input.replace(SEPARATORS, '');
  if (stripped.length !== RECOVERY_KEY_LENGTH) return null;
  // ASCII only BEFORE changing case: toUpperCase maps some non-ASCII characters onto ASCII ones
  // ('ß' → 'SS', 'ﬀ' → 'FF', 'ı' → 'I'), which would turn a wrong input into a plausible one.
  if (!/^[A-Za-z0-9]+$/.test(stripped)) return null;
  const upper = stripped.toUpperCase();
  for (const c of upper) if (!ALPHABET_SET.has(c)) return null;
  return upper;
}

/** The key grouped for reading and printing, e.g. "ABCD-EFGH-JKMN-PQ". Throws if `key` is not a key. */
export function formatRecoveryKey(key: string): string {
  const canonical = requireKey(key);
  const groups: string[] = [];
  for (let i = 0; i < canonical.length; i += GROUP_SIZE) groups.push(canonical.slice(i, i + GROUP_SIZE));
  return groups.join(GROUP_SEPARATOR);
}

/**
 * The stored form: bcrypt (via hashSecret) of the canonical key, so the same key hashes the same way
 * however it was formatted. Rejects if `key` is not a key: only generated keys are ever hashed.
 */
export async function hashRecoveryKey(key: string, bcryptCost: number): Promise<string> {
  return hashSecret(requireKey(key), bcryptCost);
}

// Compared against the stored hash when the input is malformed. It can never match: it is not a
// canonical key (lower case, wrong length), and hashRecoveryKey only ever hashes canonical keys.
const MALFORMED_PROBE = 'malformed recovery key';

/**
 * Whether `input` (as typed: spaces, dashes and case ignored) is the key behind `hash`.
 * Malformed input is false, but only AFTER a bcrypt compare against the same hash: every answer then
 * costs one bcrypt at the stored cost, so the response time doesn't tell a caller which inputs were
 * rejected by shape and which by the hash, and a flow built on this has one timing profile whatever
 * is typed. (The key's shape is public; what must not leak is anything about the stored key, and
 * uniform cost also keeps flows that sequence "key, then device" from revealing where they stopped.)
 */
export async function verifyRecoveryKey(input: string, hash: string): Promise<boolean> {
  const canonical = normaliseRecoveryKey(input);
  if (canonical === null) {
    await verifySecret(MALFORMED_PROBE, hash);
    return false;
  }
  return verifySecret(canonical, hash);
}

/**
 * At setup the holder types the key back before two-step turns on. True when `typed` is `shownKey`
 * (spaces, dashes and case ignored). The canonical forms are compared with crypto.timingSafeEqual
 * (both are exactly 14 ASCII bytes), so the time taken says nothing about how many leading
 * characters were right. Throws if `shownKey` is not a key: that is a bug, not a typing mistake.
 */
export function confirmsRecoveryKey(shownKey: string, typed: string): boolean {
  const shown = Buffer.from(requireKey(shownKey), 'ascii');
  const canonical = normaliseRecoveryKey(typed);
  // Malformed input still goes through one comparison of the same length (and then is false).
  const candidate = canonical === null ? Buffer.alloc(RECOVERY_KEY_LENGTH) : Buffer.from(canonical, 'ascii');
  const equal = timingSafeEqual(shown, candidate);
  return canonical !== null && equal;
}

function requireKey(key: string): string {
  const canonical = normaliseRecoveryKey(key);
  if (canonical === null) throw new Error('not a recovery key');
  return canonical;
}
