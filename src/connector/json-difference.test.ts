import { describe, expect, it } from 'vitest';
import { firstDifference, jsonDifferences } from './json-difference.ts';

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

describe('jsonDifferences', () => {
  it('lists every difference in document order, and none between equal values', () => {
    expect(jsonDifferences({ a: [1, { b: 2 }], c: 'x' }, { c: 'x', a: [1, { b: 2 }] })).toEqual([]);
    expect(
      jsonDifferences(
        { a: [1, 2], b: { c: 1, d: 2 }, e: 1 },
        { a: [1, 3, 4], b: { c: 1, d: 5, f: 6 }, g: true },
      ),
    ).toEqual([
      { pointer: '/a/1', left: 2, right: 3 },
      { pointer: '/a/2', left: undefined, right: 4 },
      { pointer: '/b/d', left: 2, right: 5 },
      { pointer: '/b/f', left: undefined, right: 6 },
      { pointer: '/e', left: 1, right: undefined },
      { pointer: '/g', left: undefined, right: true },
    ]);
  });

  it('stops at the limit', () => {
    const left = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    expect(jsonDifferences(left, {}, 3).map((d) => d.pointer)).toEqual(['/k0', '/k1', '/k2']);
    expect(jsonDifferences(left, {})).toHaveLength(50);
  });
});
