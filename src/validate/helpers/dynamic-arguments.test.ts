import { describe, expect, it } from 'vitest';
import { argumentValue } from './dynamic-arguments.ts';

describe('argumentValue', () => {
  it.each([
    ['name', { parameter: 'id' }, { kind: 'reference', name: 'id' }],
    ['name', 'literal', { kind: 'static', value: 'literal' }],
    ['name', { value: 1 }, { kind: 'static', value: { value: 1 } }],
    ['path', { parameterReference: 'body/id' }, { kind: 'reference', name: 'body/id' }],
    ['path', { value: false }, { kind: 'static', value: false }],
    ['path', { selectedItemValuePath: 'id' }, { kind: 'selected' }],
    ['name', { selectedItemValuePath: 'id' }, { kind: 'selected' }],
    ['path', { parameter: 'id' }, { kind: 'invalid' }],
    ['path', { value: 1, parameterReference: 'id' }, { kind: 'invalid' }],
    ['path', { parameterReference: 3 }, { kind: 'invalid' }],
    ['path', 'literal', { kind: 'invalid' }],
  ] as const)('reads %s-form %j', (form, raw, expected) => {
    expect(argumentValue(form, raw)).toEqual(expected);
  });
});
