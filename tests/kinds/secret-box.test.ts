// The sealed form of authenticator-app secrets (src/secret-box.ts): AES-256-GCM, bound to
// the row it belongs to, and useless with any other key or row.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from '../../src/secret-box.ts';

const key = randomBytes(32);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('secret box', () => {
  it('opens what it sealed, for the same row', () => {
    expect(open(key, seal(key, SECRET, 'acc:dev'), 'acc:dev')).toBe(SECRET);
  });

  it('never stores the secret in the clear, and seals the same secret differently each time (random IV)', () => {
    const a = seal(key, SECRET, 'acc:dev');
    const b = seal(key, SECRET, 'acc:dev');
    expect(a).not.toContain(SECRET);
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.')).toBe(true);
  });

  it('does not open with another key, for another row, or once altered', () => {
    const sealed = seal(key, SECRET, 'acc:dev');
    expect(open(randomBytes(32), sealed, 'acc:dev')).toBeNull();
    expect(open(key, sealed, 'acc:other-dev')).toBeNull();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[14] ^= 1;
    expect(open(key, `v1.${raw.toString('base64url')}`, 'acc:dev')).toBeNull();
    expect(open(key, 'v2.' + sealed.slice(3), 'acc:dev')).toBeNull();
    expect(open(key, 'v1.', 'acc:dev')).toBeNull();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => seal(randomBytes(16), SECRET, 'x')).toThrow(/32 bytes/);
  });
});
