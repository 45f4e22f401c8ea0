import { describe, expect, it } from 'vitest';
import { firstDifference } from './json-difference.ts';

describe('firstDifference', () => {
  it('finds none between equal values, whatever their key order', () => {
    expect(
      firstDifference({ a: 1, b: { c: [1, { d: null }] } }, { b: { c: [1, { d: null }] }, a: 1 }),
    ).toBeUndefined();
  });

  it('points at the first difference in document order', () => {
    const cases: [unknown, unknown, string, unknown, unknown][] = [
      [{ a: [1, 2] }, { a: [1, 3] }, '/a/1', 2, 3],
      [{ a: 1, b: 2 }, { a: 1 }, '/b', 2, undefined],
      [{ a: 1 }, { a: 1, 'x/y': 2 }, '/x~1y', undefined, 2],
      [[1], [1, 2], '/1', undefined, 2],
      [{ a: '1' }, { a: 1 }, '/a', '1', 1],
      [{ a: {} }, { a: [] }, '/a', {}, []],
      [1, 2, '', 1, 2],
    ];
    for (const [left, right, pointer, l, r] of cases)
      expect(firstDifference(left as never, right as never)).toEqual({ pointer, left: l, right: r });
  });

  it('reads `__proto__` keys as data', () => {
    const a = JSON.parse('{"__proto__": {"x": 1}}');
    const b = JSON.parse('{"__proto__": {"x": 2}}');
    expect(firstDifference(a, b)).toEqual({ pointer: '/__proto__/x', left: 1, right: 2 });
  });
});
