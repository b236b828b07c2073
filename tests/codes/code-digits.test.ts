// What people paste into a code field: the server keeps only the digits when there are exactly as
// many as a code has (the form does the same as they type, app/components/code-input.tsx).
import { describe, expect, it } from 'vitest';
import { codeDigitsOf } from '../../src/codes/codes.ts';

describe('codeDigitsOf', () => {
  it.each([
    ['1234', '1234'],
    ['12 34', '1234'],
    ['Your code: 1234', '1234'],
    ['1234 ', '1234'],
    [' 1234\n', '1234'],
    ['12-34', '1234'],
    ['Your Two-Step code is 1234.', '1234'],
  ])('%j is the code %j', (typed, code) => {
    expect(codeDigitsOf(typed, 4)).toBe(code);
  });

  it.each([
    ['123', '123'],
    ['12345', '12345'],
    [' 12 345 ', '12 345'],
    ['abcd', 'abcd'],
    ['１２３４', '１２３４'], // full-width digits are not ASCII digits: refused as before
    ['', ''],
  ])('%j is not a 4-digit code: left as typed (trimmed) for the check to refuse', (typed, kept) => {
    expect(codeDigitsOf(typed, 4)).toBe(kept);
  });

  it('six-digit codes the same way', () => {
    expect(codeDigitsOf('123 456', 6)).toBe('123456');
    expect(codeDigitsOf('1234', 6)).toBe('1234');
  });
});

describe('the code field in the browser keeps only digits (app/components/code-input.tsx)', async () => {
  const { onlyDigits } = await import('../../app/components/code-input.tsx');
  it.each([
    ['12 34', '1234'],
    ['Your code: 1234', '1234'],
    ['1234 ', '1234'],
    ['123456', '1234'],
    ['12a', '12'],
  ])('%j becomes %j in a 4-digit field', (typed, kept) => {
    expect(onlyDigits(typed, 4)).toBe(kept);
  });
});
