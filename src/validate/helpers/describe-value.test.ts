import { describe, expect, it } from 'vitest';
import { describeValue } from './describe-value.ts';

describe('describeValue', () => {
  it.each([
    ['hidden', '`hidden`'],
    [null, '`null`'],
    [true, '`true`'],
    [2, '`2`'],
    [[], 'an array'],
    [{}, 'an object'],
  ])('shows %j as %s', (value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });
});
