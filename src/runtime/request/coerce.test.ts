import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import type { ArgumentValue } from '../types.ts';
import { coerceValue, enumWarning, type ValueSpec } from './coerce.ts';

const file = { kind: 'file' as const, name: 'a', contentType: 'text/plain', bytes: new Uint8Array([1]) };

describe('coerceValue', () => {
  const cases: Array<{ name: string; value: ArgumentValue; spec: ValueSpec; out?: ArgumentValue }> = [
    { name: '"42" is an integer', value: '42', spec: { type: 'integer' }, out: 42 },
    { name: '" -7 " is an integer', value: ' -7 ', spec: { type: 'integer' }, out: -7 },
    { name: 'a huge integer string is refused', value: '99999999999999999999', spec: { type: 'integer' } },
    { name: '1.5 is not an integer', value: 1.5, spec: { type: 'integer' } },
    { name: '"1e3" is a number', value: '1e3', spec: { type: 'number' }, out: 1000 },
    { name: 'an empty string is not a number', value: '', spec: { type: 'number' } },
    { name: '"False" is a boolean', value: 'False', spec: { type: 'boolean' }, out: false },
    { name: '1 is not a boolean', value: 1, spec: { type: 'boolean' } },
    { name: 'true given for a string is "true"', value: true, spec: { type: 'string' }, out: 'true' },
    { name: 'null is not a string', value: null, spec: { type: 'string' } },
    { name: 'a JSON object string is an object', value: '{"a":1}', spec: { type: 'object' }, out: { a: 1 } },
    { name: 'a word is not an object', value: 'abc', spec: { type: 'object' } },
    {
      name: 'a scalar becomes a one-item array',
      value: 3,
      spec: { type: 'array', items: { type: 'integer' } },
      out: [3],
    },
    {
      name: 'tsv splits on tabs',
      value: 'a\tb',
      spec: { type: 'array', collectionFormat: 'tsv' },
      out: ['a', 'b'],
    },
    { name: 'an empty string is an empty array', value: '', spec: { type: 'array' }, out: [] },
    {
      name: 'nested arrays are coerced',
      value: [['1']],
      spec: { type: 'array', items: { type: 'array', items: { type: 'integer' } } },
      out: [[1]],
    },
    { name: 'a file is a file', value: file, spec: { type: 'file' }, out: file },
    {
      name: 'a file fits a binary string',
      value: file,
      spec: { type: 'string', format: 'binary' },
      out: file,
    },
    { name: 'a file is not an integer', value: file, spec: { type: 'integer' } },
    {
      name: 'text for a file becomes its bytes',
      value: 'hi',
      spec: { type: 'file' },
      out: {
        kind: 'file',
        name: 'file',
        contentType: 'application/octet-stream',
        bytes: new TextEncoder().encode('hi'),
      },
    },
    {
      name: 'an unknown type passes values through',
      value: { a: 1 },
      spec: { type: undefined },
      out: { a: 1 },
    },
  ];
  it.each(cases)('$name', ({ value, spec, out }) => {
    if (out === undefined) expect(() => coerceValue(value, spec, 'Parameter `p`')).toThrow(FlowportError);
    else expect(coerceValue(value, spec, 'Parameter `p`')).toEqual(out);
  });
});

describe('enumWarning', () => {
  const cases: Array<{ value: JsonValue; allowed: JsonValue[] | undefined; warns: boolean }> = [
    { value: 'a', allowed: ['a', 'b'], warns: false },
    { value: 'c', allowed: ['a', 'b'], warns: true },
    { value: ['a', 'c'], allowed: ['a', 'b'], warns: true },
    { value: 1, allowed: [1, 2], warns: false },
    { value: 'x', allowed: undefined, warns: false },
  ];
  it.each(cases)('$value in $allowed → warns $warns', ({ value, allowed, warns }) => {
    const schema: JsonValue = allowed ? { enum: allowed } : {};
    expect(enumWarning(value, schema, 'Parameter `p`') !== undefined).toBe(warns);
  });
});
