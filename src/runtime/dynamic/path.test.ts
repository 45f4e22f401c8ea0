import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../connector/json.ts';
import { displayText, setAt, splitPath, valueAt } from './path.ts';

describe('splitPath', () => {
  it.each([
    { path: '', segments: [] },
    { path: 'value', segments: ['value'] },
    { path: 'data/items', segments: ['data', 'items'] },
    { path: '/data/items', segments: ['data', 'items'] },
    { path: 'a~1b/c~0d', segments: ['a/b', 'c~d'] },
  ])('splits `$path`.', ({ path, segments }) => {
    expect(splitPath(path)).toEqual(segments);
  });
});

describe('valueAt', () => {
  const doc = JSON.parse('{"a":{"list":[{"id":1}]},"__proto__":{"x":2}}') as JsonValue;
  it.each([
    { path: 'a/list/0/id', expected: 1 },
    { path: 'a/list/1/id', expected: undefined },
    { path: 'a/list/first', expected: undefined },
    { path: 'a/missing/deeper', expected: undefined },
    { path: '__proto__/x', expected: 2 },
    { path: 'constructor', expected: undefined },
    { path: '', expected: doc },
  ])('reads `$path`.', ({ path, expected }) => {
    expect(valueAt(doc, path)).toEqual(expected);
  });
});

describe('setAt', () => {
  it('creates intermediate objects and replaces non-objects on the way.', () => {
    const root: JsonObject = { a: 'text' };
    setAt(root, ['a', 'b', 'c'], 1);
    expect(root).toEqual({ a: { b: { c: 1 } } });
  });

  it('stores a `__proto__` segment as data.', () => {
    const root: JsonObject = {};
    setAt(root, ['__proto__', 'polluted'], true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(root)).toEqual(['__proto__']);
  });
});

describe('displayText', () => {
  it.each<{ value: JsonValue | undefined; text: string }>([
    { value: 'x', text: 'x' },
    { value: 3, text: '3' },
    { value: false, text: 'false' },
    { value: null, text: '' },
    { value: undefined, text: '' },
    { value: { a: 1 }, text: '{"a":1}' },
  ])('shows $value as `$text`.', ({ value, text }) => {
    expect(displayText(value)).toBe(text);
  });
});
