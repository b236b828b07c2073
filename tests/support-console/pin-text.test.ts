// The support PIN as the holder reads it out: short groups, every digit kept, in order.
import { describe, expect, it } from 'vitest';
import { pinGroups, pinInGroups } from '../../src/support/pin-text.ts';
import { SUPPORT_PIN_DIGITS } from '../../src/support/pin.ts';

describe('pinGroups', () => {
  it('shows the portal\'s PIN as two groups of three: "123 456"', () => {
    expect(SUPPORT_PIN_DIGITS).toBe(6);
    expect(pinInGroups('123456')).toBe('123 456');
  });

  it('suits the length: threes, or fours when the length divides by four and not by three; the last group holds what is left', () => {
    expect(pinGroups('12345678')).toEqual(['1234', '5678']);
    expect(pinGroups('123456789')).toEqual(['123', '456', '789']);
    expect(pinGroups('12345')).toEqual(['123', '45']);
    expect(pinGroups('')).toEqual([]);
  });

  it('keeps every digit in order: the groups, joined, are the PIN', () => {
    for (const pin of ['0', '007', '0000', '1234567', '000111', '9876543210']) {
      expect(pinGroups(pin).join(''), pin).toBe(pin);
      for (const g of pinGroups(pin)) expect(g.length, pin).toBeLessThanOrEqual(4);
    }
  });
});
