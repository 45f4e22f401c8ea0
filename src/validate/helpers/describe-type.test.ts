import { describe, expect, it } from 'vitest';
import { describeType } from './describe-type.ts';

describe('describeType', () => {
  it('adds the right article', () => {
    expect([[], {}, 'x', 1, 1.5, true, null].map(describeType)).toEqual([
      'an array',
      'an object',
      'a string',
      'an integer',
      'a number',
      'a boolean',
      'null',
    ]);
  });
});
