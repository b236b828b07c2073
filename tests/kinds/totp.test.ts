// The TOTP wrapper (src/kinds/authenticator-app/totp.ts) on fixed dates: RFC 6238 Appendix B's SHA-1
// vectors, the ±1 step of drift and nothing beyond, the URI the app scans, and the secret's size.
import { describe, expect, it } from 'vitest';
import { ScureBase32Plugin } from 'otplib';
import {
  matchingStep,
  newTotpSecret,
  timeStepOf,
  totpCodeAt,
  totpUri,
  TOTP_DIGITS,
  TOTP_DRIFT_STEPS,
  TOTP_SECRET_BYTES,
  TOTP_STEP_SECONDS,
} from '../../src/kinds/authenticator-app/totp.ts';

const base32 = new ScureBase32Plugin();

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII "12345678901234567890"; its codes have 8 digits,
// and a 6-digit code is the same number modulo 10^6 (RFC 4226 §5.3), i.e. its last 6 digits.
const RFC_SECRET = base32.encode(new TextEncoder().encode('12345678901234567890'));
const RFC_VECTORS: Array<[seconds: number, eightDigits: string, step: number]> = [
  [59, '94287082', 0x1],
  [1111111109, '07081804', 0x23523ec],
  [1111111111, '14050471', 0x23523ed],
  [1234567890, '89005924', 0x273ef07],
  [2000000000, '69279037', 0x3f940aa],
  [20000000000, '65353130', 0x27bc86aa],
];

describe('TOTP (RFC 6238) through otplib', () => {
  it('uses 6 digits, 30-second steps and ±1 step', () => {
    expect([TOTP_DIGITS, TOTP_STEP_SECONDS, TOTP_DRIFT_STEPS]).toEqual([6, 30, 1]);
  });

  it.each(RFC_VECTORS)(
    'RFC 6238 Appendix B, T = %i s: the code is the vector’s last 6 digits, at its time step',
    (seconds, eight, step) => {
      const at = new Date(seconds * 1000);
      expect(timeStepOf(at)).toBe(step);
      expect(totpCodeAt(RFC_SECRET, at)).toBe(eight.slice(-6));
      expect(matchingStep(RFC_SECRET, eight.slice(-6), at)).toBe(step);
    },
  );

  describe('drift', () => {
    const secret = newTotpSecret();
    // 10 s into a step, and at the very first and last second of one.
    const instants = ['2026-11-23T10:00:10.000Z', '2026-11-23T10:00:00.000Z', '2026-11-23T10:00:29.999Z'].map((s) => new Date(s));
    it.each(instants)('at %s: codes of steps −1, 0 and +1 match their own step; −2 and +2 do not', (now) => {
      const step = timeStepOf(now);
      const codeOfStep = (delta: number) => totpCodeAt(secret, new Date((step + delta) * TOTP_STEP_SECONDS * 1000));
      for (const delta of [-1, 0, 1]) expect(matchingStep(secret, codeOfStep(delta), now)).toBe(step + delta);
      for (const delta of [-2, 2]) {
        const code = codeOfStep(delta);
        // (One in 10^6: the far step's code may equal a near one's; then it matches that step, never its own.)
        const near = [-1, 0, 1].map(codeOfStep);
        if (!near.includes(code)) expect(matchingStep(secret, code, now)).toBeNull();
      }
    });
  });

  it('refuses what is not 6 digits, without asking the library', () => {
    const now = new Date('2026-11-23T10:00:10.000Z');
    const secret = newTotpSecret();
    const code = totpCodeAt(secret, now);
    for (const typed of ['', code.slice(1), `${code}0`, `${code.slice(0, 3)} ${code.slice(3)}`, 'abcdef'])
      expect(matchingStep(secret, typed, now)).toBeNull();
  });

  it('draws a 160-bit secret (RFC 4226 §4), a new one each time', () => {
    const a = newTotpSecret();
    expect(TOTP_SECRET_BYTES * 8).toBe(160);
    expect(base32.decode(a)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(a);
  });

  it('the URI names the issuer "Two-Step" and the Apple ID as the account', () => {
    const uri = new URL(totpUri('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'jane.holder@example.com'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Two-Step:jane.holder@example.com');
    expect(uri.searchParams.get('secret')).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(uri.searchParams.get('issuer')).toBe('Two-Step');
  });
});
