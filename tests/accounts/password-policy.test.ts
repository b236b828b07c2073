import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PASSWORD_MESSAGES,
  checkNewPassword,
  commonPasswords,
  isCommonPassword,
  passwordLength,
} from '../../src/accounts/password-policy.ts';

const APPLE_ID = 'Jane.Appleseed@Example.com';

describe('the common-password list', () => {
  const lines = readFileSync(new URL('../../src/accounts/common-passwords.txt', import.meta.url), 'utf8').split('\n');
  const entries = lines.filter((l) => l !== '');

  it('has at least 10,000 entries, lower-cased and without repeats, one a line', () => {
    expect(entries.length).toBeGreaterThanOrEqual(10_000);
    expect(new Set(entries).size).toBe(entries.length);
    for (const e of entries) {
      expect(e).toBe(e.toLowerCase());
      expect(e).toBe(e.trim());
    }
    expect(commonPasswords().size).toBe(entries.length);
  });

  it('holds the well-known ones', () => {
    for (const p of ['123456', 'password', 'qwerty', '12345678', 'iloveyou', 'football', 'baseball', 'sunshine', 'trustno1']) {
      expect(commonPasswords().has(p), p).toBe(true);
    }
  });

  it('is compared without regard to case', () => {
    expect(isCommonPassword('PassWord')).toBe(true);
    expect(isCommonPassword('correct horse battery staple')).toBe(false);
  });
});

describe('checkNewPassword', () => {
  it('accepts a long, uncommon password with no composition rules', () => {
    expect(checkNewPassword('correct horse battery staple', APPLE_ID)).toBeNull();
    expect(checkNewPassword('alllowercaseletters', APPLE_ID)).toBeNull(); // no "one digit, one capital"
    expect(checkNewPassword('two-step demo 2013', APPLE_ID)).toBeNull();
  });

  it('asks for a password when there is none', () => {
    expect(checkNewPassword('', APPLE_ID)).toBe(PASSWORD_MESSAGES.empty);
  });

  it('needs at least 8 characters', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(8);
    expect(checkNewPassword('Xq7#vL2', APPLE_ID)).toBe('Use at least 8 characters.');
    expect(checkNewPassword('Xq7#vL2!', APPLE_ID)).toBeNull();
  });

  it('allows at most 128 characters', () => {
    expect(MAX_PASSWORD_LENGTH).toBe(128);
    const base = 'Zebra quilt 42 '.repeat(9).slice(0, 128);
    expect(passwordLength(base)).toBe(128);
    expect(checkNewPassword(base, APPLE_ID)).toBeNull();
    expect(checkNewPassword(base + 'x', APPLE_ID)).toBe(PASSWORD_MESSAGES.tooLong);
  });

  it('counts Unicode code points after NFKC, not UTF-16 units or bytes', () => {
    // 4 emoji are 8 UTF-16 code units but 4 characters.
    expect(passwordLength('🔐🔑🗝🛡')).toBe(4);
    expect(checkNewPassword('🔐🔑🗝🛡', APPLE_ID)).toBe(PASSWORD_MESSAGES.tooShort);
    // 8 characters of any script are enough.
    expect(checkNewPassword('пароль№7', APPLE_ID)).toBeNull();
    // "e" + combining acute is one character once NFKC composes it: 7 characters, too short.
    expect(passwordLength('cafe\u0301bar')).toBe(7);
    expect(checkNewPassword('cafe\u0301bar', APPLE_ID)).toBe(PASSWORD_MESSAGES.tooShort);
    // The "ﬃ" ligature is three letters under NFKC: 8 characters.
    expect(passwordLength('ab\ufb03xyz')).toBe(8);
    expect(checkNewPassword('ab\ufb03xyz', APPLE_ID)).toBeNull();
    // 128 code points that are 256 UTF-16 units are allowed; 129 are not.
    expect(checkNewPassword('𝒜'.repeat(64) + 'lock'.repeat(16), APPLE_ID)).toBeNull();
    expect(checkNewPassword('😀'.repeat(129), APPLE_ID)).toBe(PASSWORD_MESSAGES.tooLong);
  });

  it('refuses a common password, in any case', () => {
    expect(checkNewPassword('password', APPLE_ID)).toBe(
      'This password is one of the most commonly used and easily guessed. Choose another.',
    );
    expect(checkNewPassword('PASSWORD', APPLE_ID)).toBe(PASSWORD_MESSAGES.common);
    expect(checkNewPassword('Sunshine', APPLE_ID)).toBe(PASSWORD_MESSAGES.common);
    expect(checkNewPassword('12345678', APPLE_ID)).toBe(PASSWORD_MESSAGES.common);
    // Full-width letters are the same password once normalised.
    expect(checkNewPassword('ｐａｓｓｗｏｒｄ', APPLE_ID)).toBe(PASSWORD_MESSAGES.common);
  });

  it('refuses the Apple ID or its local part, in any case', () => {
    expect(checkNewPassword('jane.appleseed@example.com', APPLE_ID)).toBe("Your password can't be your Apple ID.");
    expect(checkNewPassword('JANE.APPLESEED@EXAMPLE.COM', APPLE_ID)).toBe(PASSWORD_MESSAGES.appleId);
    expect(checkNewPassword('Jane.Appleseed', APPLE_ID)).toBe(PASSWORD_MESSAGES.appleId);
    expect(checkNewPassword('jane.appleseed', `  ${APPLE_ID} `)).toBe(PASSWORD_MESSAGES.appleId);
    // Containing it is not the same as being it.
    expect(checkNewPassword('jane.appleseed!2024', APPLE_ID)).toBeNull();
    expect(checkNewPassword('example.com', 'someone@example.com')).toBeNull();
  });

  it('checks the Apple ID only when there is one', () => {
    expect(checkNewPassword('Xq7#vL2!', '')).toBeNull();
  });
});
