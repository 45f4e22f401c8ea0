import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import { deleteAt, formatSteps, getAt, parsePath, setAt } from './path.ts';

describe('parsePath', () => {
  const cases: [string, string, string, string][] = [
    ['the body root', '@body()', 'body', ''],
    ['a body property chain', '@body().peopleObject.location', 'body', '.peopleObject.location'],
    ['a bracketed name with at sign and dots', "@body()['@odata.etag']", 'body', "['@odata.etag']"],
    ['an item path', '@item()._assignments', 'item', '._assignments'],
    ['a trigger body path', '@triggerBody().value', 'triggerBody', '.value'],
    ['a body root written without the at sign', 'body()', 'body', ''],
    ['a bare relative path', 'peopleObject.location', 'relative', '.peopleObject.location'],
    ['a bare bracketed name', "['@odata.type']", 'relative', "['@odata.type']"],
    ['a double-quoted bracketed name', '["orderHint"]', 'relative', '.orderHint'],
    ['an index', '@body().value[0]', 'body', '.value[0]'],
    ['the null sub-path', 'null', 'relative', ''],
    ['the empty sub-path', '', 'relative', ''],
    ['names with dashes', 'field-entries', 'relative', "['field-entries']"],
  ];
  for (const [name, source, root, steps] of cases) {
    it(`parses ${name}`, () => {
      const path = parsePath(source);
      expect(path.root).toBe(root);
      expect(formatSteps(path.steps)).toBe(steps);
    });
  }

  for (const [name, source] of [
    ['an empty step', '@body()..a'],
    ['an unterminated bracket', "@body()['a"],
    ['a stray character after a bracket', "@body()['a']x"],
    ['an unknown root function', "@headers('a')"],
  ] as const) {
    it(`rejects ${name}`, () => {
      expect(() => parsePath(source)).toThrow(FlowportError);
    });
  }
});

describe('getAt, setAt and deleteAt', () => {
  it('reads own properties and indexes, never prototypes', () => {
    const value: JsonValue = { a: [{ b: 1 }] };
    expect(getAt(value, parsePath('a[0].b').steps)).toBe(1);
    expect(getAt(value, parsePath('constructor').steps)).toBeUndefined();
    expect(getAt(value, parsePath('a.length').steps)).toBeUndefined();
  });

  it('creates missing objects on the way', () => {
    const value: JsonValue = {};
    expect(setAt(value, parsePath('a.b').steps, 'x')).toBe(true);
    expect(value).toEqual({ a: { b: 'x' } });
  });

  it('refuses to write through text or null', () => {
    expect(setAt({ a: 'text' }, parsePath('a.b').steps, 1)).toBe(false);
    expect(setAt({ a: null }, parsePath('a.b').steps, 1)).toBe(false);
  });

  it('writes __proto__, constructor and prototype as own properties without polluting prototypes', () => {
    const value = JSON.parse('{}') as JsonValue;
    expect(setAt(value, parsePath("['__proto__'].polluted").steps, 'yes')).toBe(true);
    expect(setAt(value, parsePath('constructor.prototype.polluted').steps, 'yes')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.stringify(value)).toBe(
      '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
    );
  });

  it('deletes properties and array elements', () => {
    const value: JsonValue = { a: { b: 1, c: 2 }, l: [1, 2, 3] };
    expect(deleteAt(value, parsePath('a.b').steps)).toBe(true);
    expect(deleteAt(value, parsePath('l[1]').steps)).toBe(true);
    expect(deleteAt(value, parsePath('a.missing').steps)).toBe(false);
    expect(deleteAt(value, parsePath('toString').steps)).toBe(false);
    expect(value).toEqual({ a: { c: 2 }, l: [1, 3] });
  });
});
