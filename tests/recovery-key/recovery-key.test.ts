// Recovery Key helpers (docs/rules.md#recovery-key, Apple's FAQ): 14 characters from an alphabet
// without look-alikes, formatted for print, typed back with spaces/dashes/case ignored, stored as
// bcrypt.
import { describe, expect, it } from 'vitest';
import {
  confirmsRecoveryKey,
  formatRecoveryKey,
  generateRecoveryKey,
  hashRecoveryKey,
  normaliseRecoveryKey,
  RECOVERY_KEY_ALPHABET,
  RECOVERY_KEY_ENTROPY_BITS,
  RECOVERY_KEY_LENGTH,
  verifyRecoveryKey,
} from '../../src/recovery-key/recovery-key.ts';

const COST = Number(process.env.BCRYPT_COST ?? 4);
const KEY = 'ABCDEFGHJKMNPQ';

/** The key with its character at `i` replaced by another alphabet character. */
function withOneWrong(key: string, i: number): string {
  const c = key[i]!;
  const other = RECOVERY_KEY_ALPHABET[(RECOVERY_KEY_ALPHABET.indexOf(c) + 1) % RECOVERY_KEY_ALPHABET.length]!;
  return key.slice(0, i) + other + key.slice(i + 1);
}

describe('the alphabet', () => {
  it('has 31 characters, no duplicates, no look-alikes, ~69 bits per key', () => {
    expect(RECOVERY_KEY_LENGTH).toBe(14);
    expect(RECOVERY_KEY_ALPHABET).toHaveLength(31);
    expect(new Set(RECOVERY_KEY_ALPHABET).size).toBe(31);
    for (const c of '0O1IL') expect(RECOVERY_KEY_ALPHABET).not.toContain(c);
    expect(RECOVERY_KEY_ALPHABET).toMatch(/^[A-Z2-9]+$/);
    expect(RECOVERY_KEY_ENTROPY_BITS).toBeCloseTo(69.36, 1);
  });
});

describe('generateRecoveryKey', () => {
  it('makes 14 alphabet characters, never a look-alike, and no repeats over many keys', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 2_000; n++) {
      const key = generateRecoveryKey();
      expect(key).toHaveLength(RECOVERY_KEY_LENGTH);
      for (const c of key) expect(RECOVERY_KEY_ALPHABET).toContain(c);
      expect(key).not.toMatch(/[0O1IL]/);
      expect(normaliseRecoveryKey(key)).toBe(key);
      seen.add(key);
    }
    expect(seen.size).toBe(2_000);
  });

  it('uses every character about equally over 20,000 keys, overall and at each position', () => {
    const N = 20_000;
    const total = new Map<string, number>();
    const byPosition = Array.from({ length: RECOVERY_KEY_LENGTH }, () => new Map<string, number>());
    for (let n = 0; n < N; n++) {
      const key = generateRecoveryKey();
      for (let i = 0; i < key.length; i++) {
        const c = key[i]!;
        total.set(c, (total.get(c) ?? 0) + 1);
        byPosition[i]!.set(c, (byPosition[i]!.get(c) ?? 0) + 1);
      }
    }
    expect([...total.keys()].sort().join('')).toBe([...RECOVERY_KEY_ALPHABET].sort().join(''));
    // Overall: expected 280,000 / 31 ≈ 9,032 each, σ ≈ 94; ±10% is ~9.6σ.
    const expected = (N * RECOVERY_KEY_LENGTH) / RECOVERY_KEY_ALPHABET.length;
    for (const c of RECOVERY_KEY_ALPHABET) {
      expect(total.get(c)).toBeGreaterThan(expected * 0.9);
      expect(total.get(c)).toBeLessThan(expected * 1.1);
    }
    // Per position: expected ≈ 645, σ ≈ 25; ±25% is ~6.4σ (434 cells, flake chance negligible).
    const perPosition = N / RECOVERY_KEY_ALPHABET.length;
    for (const counts of byPosition) {
      for (const c of RECOVERY_KEY_ALPHABET) {
        expect(counts.get(c) ?? 0).toBeGreaterThan(perPosition * 0.75);
        expect(counts.get(c) ?? 0).toBeLessThan(perPosition * 1.25);
      }
    }
  });
});

describe('formatRecoveryKey and normaliseRecoveryKey', () => {
  it('groups 4-4-4-2 for print', () => {
    expect(formatRecoveryKey(KEY)).toBe('ABCD-EFGH-JKMN-PQ');
  });

  it('round-trips: normalise(format(key)) is the key, for many generated keys', () => {
    for (let n = 0; n < 500; n++) {
      const key = generateRecoveryKey();
      const printed = formatRecoveryKey(key);
      expect(printed).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
      expect(normaliseRecoveryKey(printed)).toBe(key);
      expect(formatRecoveryKey(printed)).toBe(printed);
    }
  });

  it('ignores spaces, dashes (including typographic ones) and case', () => {
    for (const typed of [
      'abcd-efgh-jkmn-pq',
      ' ABCD EFGH JKMN PQ ',
      'abcdEFGHjkmnPQ',
      'a b c d e f g h j k m n p q',
      'ABCD\tEFGH\nJKMN PQ',
      'ABCD–EFGH—JKMN‐PQ',
      '--ABCD--EFGH--JKMN--PQ--',
    ]) {
      expect(normaliseRecoveryKey(typed)).toBe(KEY);
    }
  });

  it('is null for 13 or 15 characters, empty input, or too much input', () => {
    expect(normaliseRecoveryKey('ABCDEFGHJKMNP')).toBeNull();
    expect(normaliseRecoveryKey('ABCDEFGHJKMNPQR')).toBeNull();
    expect(normaliseRecoveryKey('')).toBeNull();
    expect(normaliseRecoveryKey(' - - ')).toBeNull();
    expect(normaliseRecoveryKey(KEY + ' '.repeat(200))).toBeNull();
  });

  it('is null for characters outside the alphabet: look-alikes are refused, not mapped', () => {
    for (const bad of ['0', 'O', 'o', '1', 'I', 'i', 'L', 'l', '_', '.', '/', '+', 'é', 'Ａ']) {
      expect(normaliseRecoveryKey(bad + KEY.slice(1))).toBeNull();
    }
    // Non-ASCII letters that upper-case into ASCII ones are refused too.
    expect(normaliseRecoveryKey('ß' + KEY.slice(2))).toBeNull(); // 'ß' → 'SS'
    expect(normaliseRecoveryKey('ﬀ' + KEY.slice(2))).toBeNull(); // 'ﬀ' → 'FF'
  });

  it('refuses to format something that is not a key', () => {
    expect(() => formatRecoveryKey('ABCDEFGHJKMNP')).toThrow();
    expect(() => formatRecoveryKey('0BCDEFGHJKMNPQ')).toThrow();
  });
});

describe('confirmsRecoveryKey (typed back at setup)', () => {
  const shown = generateRecoveryKey();
  const printed = formatRecoveryKey(shown);

  it('confirms the key typed back with spaces, dashes or lower case', () => {
    expect(confirmsRecoveryKey(shown, shown)).toBe(true);
    expect(confirmsRecoveryKey(shown, printed)).toBe(true);
    expect(confirmsRecoveryKey(printed, shown.toLowerCase())).toBe(true);
    expect(confirmsRecoveryKey(shown, printed.replaceAll('-', ' ').toLowerCase())).toBe(true);
  });

  it('does not confirm with one wrong character, at any position', () => {
    for (let i = 0; i < RECOVERY_KEY_LENGTH; i++) {
      expect(confirmsRecoveryKey(shown, withOneWrong(shown, i))).toBe(false);
    }
  });

  it('does not confirm 13 or 15 characters, or characters outside the alphabet', () => {
    expect(confirmsRecoveryKey(shown, shown.slice(0, 13))).toBe(false);
    expect(confirmsRecoveryKey(shown, shown + 'A')).toBe(false);
    expect(confirmsRecoveryKey(shown, shown.slice(0, 13) + 'O')).toBe(false);
    expect(confirmsRecoveryKey(shown, '')).toBe(false);
  });

  it('does not confirm another key', () => {
    expect(confirmsRecoveryKey(KEY, 'BCDEFGHJKMNPQR')).toBe(false);
  });

  it('throws when the shown key itself is not a key (a bug, not a typo)', () => {
    expect(() => confirmsRecoveryKey('nope', 'nope')).toThrow();
  });
});

describe('hashRecoveryKey and verifyRecoveryKey', () => {
  it('stores a bcrypt hash that does not contain the key in any form', async () => {
    const key = generateRecoveryKey();
    const hash = await hashRecoveryKey(formatRecoveryKey(key), COST);
    expect(hash).toMatch(/^\$2[aby]\$0?4\$/);
    for (const form of [key, key.toLowerCase(), formatRecoveryKey(key), Buffer.from(key).toString('base64')]) {
      expect(hash).not.toContain(form);
    }
    for (const group of formatRecoveryKey(key).split('-').slice(0, 3)) expect(hash).not.toContain(group);
  });

  it('verifies the key however it is typed', async () => {
    const key = generateRecoveryKey();
    const hash = await hashRecoveryKey(key, COST);
    for (const typed of [key, formatRecoveryKey(key), key.toLowerCase(), ` ${formatRecoveryKey(key).replaceAll('-', ' ')} `]) {
      expect(await verifyRecoveryKey(typed, hash)).toBe(true);
    }
  });

  it('hashes the same key the same way whatever its formatting (salted, but verifiable both ways)', async () => {
    const key = generateRecoveryKey();
    const fromPrinted = await hashRecoveryKey(formatRecoveryKey(key).toLowerCase(), COST);
    expect(await verifyRecoveryKey(key, fromPrinted)).toBe(true);
    expect(await hashRecoveryKey(key, COST)).not.toBe(fromPrinted); // salted
  });

  it('is false for a wrong key, one wrong character, or another key (e.g. the replaced one)', async () => {
    const key = generateRecoveryKey();
    const hash = await hashRecoveryKey(key, COST);
    expect(await verifyRecoveryKey(withOneWrong(key, 0), hash)).toBe(false);
    expect(await verifyRecoveryKey(withOneWrong(key, 13), hash)).toBe(false);
    const replacement = generateRecoveryKey();
    const newHash = await hashRecoveryKey(replacement, COST);
    expect(await verifyRecoveryKey(key, newHash)).toBe(false);
    expect(await verifyRecoveryKey(replacement, newHash)).toBe(true);
  });

  it('is false for malformed input (and still spends a bcrypt compare on it)', async () => {
    const key = generateRecoveryKey();
    const hash = await hashRecoveryKey(key, COST);
    for (const bad of ['', key.slice(0, 13), key + 'A', 'O' + key.slice(1), 'malformed recovery key', key + '\u0000']) {
      expect(await verifyRecoveryKey(bad, hash)).toBe(false);
    }
  });

  it('refuses to hash something that is not a key', async () => {
    await expect(hashRecoveryKey('short', COST)).rejects.toThrow();
  });
});
