import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits } from './group-digits.ts';

describe('groupDigits', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [16_384, '16,384'],
    [4_194_304, '4,194,304'],
    [-1_234_567, '-1,234,567'],
  ])('prints %d as %s', (n, shown) => {
    expect(groupDigits(n)).toBe(shown);
  });

  it('prints every safe integer as toLocaleString("en") does', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(groupDigits(n)).toBe(n.toLocaleString('en'));
      }),
    );
  });
});
