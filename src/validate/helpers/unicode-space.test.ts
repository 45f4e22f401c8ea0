import { describe, expect, it } from 'vitest';
import { isNonAsciiSpace } from './unicode-space.ts';

describe('isNonAsciiSpace', () => {
  it('agrees with the `\\s` regex on every non-ASCII code unit', () => {
    for (let c = 0x80; c <= 0xffff; c++) {
      expect(isNonAsciiSpace(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
    }
  });
});
