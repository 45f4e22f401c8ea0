import { describe, expect, it } from 'vitest';
import { convertsToType, matchesType } from './json-type.ts';

describe('matchesType', () => {
  it.each([
    ['a', 'string', true],
    [1, 'integer', true],
    [1.5, 'integer', false],
    [1.5, 'number', true],
    [true, 'boolean', true],
    [[], 'array', true],
    [{}, 'object', true],
    [[], 'object', false],
    [null, 'null', true],
    ['x', 'file', undefined],
    ['x', 'Document', undefined],
  ] as const)('%j against %s gives %s', (value, type, expected) => {
    expect(matchesType(value as never, type)).toBe(expected);
  });
});

describe('convertsToType', () => {
  it('accepts strings the platform converts', () => {
    expect(convertsToType('10', 'integer')).toBe(true);
    expect(convertsToType('-1.5e3', 'number')).toBe(true);
    expect(convertsToType('False', 'boolean')).toBe(true);
  });
  it('rejects strings that do not convert, and non-strings of the wrong type', () => {
    expect(convertsToType('ten', 'integer')).toBe(false);
    expect(convertsToType('1.5', 'integer')).toBe(false);
    expect(convertsToType('yes', 'boolean')).toBe(false);
    expect(convertsToType(5, 'string')).toBe(false);
  });
});
