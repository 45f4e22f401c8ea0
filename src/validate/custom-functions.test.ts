import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS, patternOf } from './custom-functions.ts';

const test = (name: string, value: unknown, options: Record<string, unknown> = {}) =>
  CUSTOM_FUNCTIONS[name]?.test(value as never, options);
const options = (name: string, o: Record<string, unknown>) => CUSTOM_FUNCTIONS[name]?.options(o);

describe('custom rule functions', () => {
  it.each([
    ['truthy', 'x', undefined],
    ['truthy', '', 'is missing or empty'],
    ['truthy', [], 'is missing or empty'],
    ['truthy', undefined, 'is missing or empty'],
    ['falsy', undefined, undefined],
    ['falsy', 'x', 'must be absent or empty'],
    ['defined', null, undefined],
    ['defined', undefined, 'is missing'],
    ['undefined', undefined, undefined],
    ['undefined', 0, 'must not be there'],
  ])('%s of %j: %s', (name, value, expected) => expect(test(name, value)).toBe(expected));

  it("pattern: match, notMatch, Spectral's /re/flags form, and only strings", () => {
    expect(test('pattern', 'GetTask', { match: '^[A-Z]' })).toBeUndefined();
    expect(test('pattern', 'getTask', { match: '^[A-Z]' })).toBe('does not match ^[A-Z]');
    expect(test('pattern', 'GETTASK', { match: '/^get/i' })).toBeUndefined();
    expect(test('pattern', 'Get_Task', { notMatch: '_' })).toBe('must not match _');
    expect(test('pattern', 3, { match: 'x' })).toBe('is not a string');
    expect(test('pattern', undefined, { match: 'x' })).toBeUndefined();
    expect(patternOf('/a/gi').flags).toBe('i');
    expect(options('pattern', {})).toBe('needs `match` or `notMatch`');
    expect(options('pattern', { match: '(' })).toMatch(/^`match`\/`notMatch` is not a regular expression/);
  });

  it.each([
    ['pascal', 'GetTask', 'getTask'],
    ['camel', 'getTask', 'GetTask'],
    ['kebab', 'get-task', 'get_task'],
    ['snake', 'get_task', 'get-task'],
    ['macro', 'GET_TASK', 'Get_Task'],
    ['cobol', 'GET-TASK', 'get-task'],
    ['flat', 'gettask', 'getTask'],
  ])('casing %s: %s passes, %s does not', (type, good, bad) => {
    expect(test('casing', good, { type })).toBeUndefined();
    expect(test('casing', bad, { type })).toBe(`is not ${type} case`);
  });

  it('length of strings, lists, objects and numbers; enumeration', () => {
    expect(test('length', 'abcd', { max: 3 })).toBe('is longer than 3');
    expect(test('length', [1], { min: 2 })).toBe('is shorter than 2');
    expect(test('length', { a: 1, b: 2 }, { max: 2 })).toBeUndefined();
    expect(options('length', {})).toBe('needs a number `min` or `max`');
    expect(test('enumeration', 'b', { values: ['a'] })).toBe('is not one of "a"');
    expect(test('enumeration', 'a', { values: ['a'] })).toBeUndefined();
    expect(options('casing', { type: 'Pascal' })).toMatch(/^`type` must be one of flat, camel, pascal/);
  });

  it('schema: a value checked against a JSON Schema, its options compiled when the config is read', () => {
    const schema = { type: 'object', required: ['propertyName'] };
    expect(test('schema', { propertyName: 'Website' }, { schema })).toBeUndefined();
    expect(test('schema', { name: 'x' }, { schema })).toBe(
      "does not fit the schema: the value must have required property 'propertyName'",
    );
    expect(test('schema', undefined, { schema })).toBeUndefined();
    expect(options('schema', {})).toBe('needs `schema`, a JSON Schema');
    expect(options('schema', { schema: { type: 'nope' } })).toMatch(
      /^`schema` is not a JSON Schema ajv compiles/,
    );
  });

  it('xor: exactly one of the properties; alphabetical: lists, lists of objects by a key, object keys', () => {
    const properties = ['x-ms-dynamic-values', 'enum'];
    expect(test('xor', { enum: [] }, { properties })).toBeUndefined();
    expect(test('xor', {}, { properties })).toBe('must have exactly one of `x-ms-dynamic-values`, `enum`');
    expect(test('xor', { enum: [], 'x-ms-dynamic-values': {} }, { properties })).toMatch(
      /^must have exactly one/,
    );
    expect(test('alphabetical', ['a', 'b'])).toBeUndefined();
    expect(test('alphabetical', ['b', 'a'])).toBe('is not in alphabetical order (a after b)');
    expect(test('alphabetical', [{ name: 'b' }, { name: 'a' }], { keyedBy: 'name' })).toMatch(/a after b/);
    expect(test('alphabetical', { b: 1, a: 2 })).toMatch(/a after b/);
    expect(options('xor', { properties: ['a'] })).toBe('needs `properties`, two names or more');
  });

  it('or: at least one of the properties; typedEnum: enum values of the schema type', () => {
    const properties = ['description', 'x-ms-summary'];
    expect(test('or', { description: 'a' }, { properties })).toBeUndefined();
    expect(test('or', { 'x-ms-summary': 'A', description: 'a' }, { properties })).toBeUndefined();
    expect(test('or', {}, { properties })).toBe('must have at least one of `description`, `x-ms-summary`');
    expect(test('or', 'text', { properties })).toBeUndefined();
    expect(options('or', { properties: 'description' })).toBe('needs `properties`, two names or more');
    expect(test('typedEnum', { type: 'integer', enum: [1, 2] })).toBeUndefined();
    expect(test('typedEnum', { type: 'integer', enum: [1, '2', 2.5] })).toBe(
      'has enum values that are not of type integer: "2", 2.5',
    );
    expect(test('typedEnum', { type: 'string', enum: ['a', null] })).toBe(
      'has enum values that are not of type string: null',
    );
    expect(test('typedEnum', { type: 'string', 'x-nullable': true, enum: ['a', null] })).toBeUndefined();
    expect(test('typedEnum', { type: ['string', 'number'], enum: ['a', 1, true] })).toBe(
      'has enum values that are not of type string or number: true',
    );
    expect(test('typedEnum', { enum: [1, 'a'] })).toBeUndefined();
  });
});
