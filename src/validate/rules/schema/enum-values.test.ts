import { describe, expect, it } from 'vitest';
import { messages, pointers } from '../../testing.ts';
import { withDefinition, withParameter } from './_fixtures.ts';
import arrayDuplicateValue from './array-duplicate-value.ts';
import duplicateEnumValues from './duplicate-enum-values-in-extension.ts';
import invalidEnumValuesValue from './invalid-enum-values-extension-value.ts';
import missingDisplayName from './missing-enum-values-display-name.ts';

const withEnumValues = (values: unknown[], enumValues: unknown = ['hi', 'lo']) =>
  withParameter({ type: 'string', enum: enumValues, 'x-ms-enum-values': values });

describe('duplicate-enum-values-in-extension', () => {
  it('reports a value mapped twice', () => {
    const doc = withEnumValues([
      { value: 'hi', displayName: 'High' },
      { value: 'hi', displayName: 'Very high' },
    ]);
    expect(messages(duplicateEnumValues, { swagger: doc })).toEqual([
      'Parameter `top` lists value `hi` twice in `x-ms-enum-values`; you can only have one display name mapped to a value.',
    ]);
  });
  it('accepts distinct values, treating 1 and "1" as different', () => {
    const doc = withEnumValues(
      [
        { value: 1, displayName: 'One' },
        { value: '1', displayName: 'One' },
      ],
      [1, '1'],
    );
    expect(messages(duplicateEnumValues, { swagger: doc })).toEqual([]);
  });
});

describe('invalid-enum-values-extension-value', () => {
  it('reports a value missing from `enum`', () => {
    expect(
      pointers(invalidEnumValuesValue, {
        swagger: withEnumValues([{ value: 'mid', displayName: 'Medium' }]),
      }),
    ).toEqual(['/paths/~1tasks/get/parameters/0/x-ms-enum-values/0/value']);
  });
  it('accepts values from `enum` and schemas without `enum`', () => {
    expect(
      messages(invalidEnumValuesValue, { swagger: withEnumValues([{ value: 'lo', displayName: 'Low' }]) }),
    ).toEqual([]);
    expect(
      messages(invalidEnumValuesValue, {
        swagger: withParameter({ 'x-ms-enum-values': [{ value: 'x', displayName: 'X' }] }),
      }),
    ).toEqual([]);
  });
});

describe('missing-enum-values-display-name', () => {
  it('reports an entry without displayName', () => {
    expect(messages(missingDisplayName, { swagger: withEnumValues([{ value: 'hi' }]) })).toEqual([
      'Parameter `top` has an `x-ms-enum-values` entry without `displayName`; please specify the property `displayName`.',
    ]);
  });
  it('accepts entries with displayName', () => {
    expect(
      messages(missingDisplayName, { swagger: withEnumValues([{ value: 'hi', displayName: 'High' }]) }),
    ).toEqual([]);
  });
});

describe('array-duplicate-value', () => {
  it('reports repeated enum and required values', () => {
    const doc = withDefinition({
      properties: { a: { type: 'string', enum: ['x', 'y', 'x'] } },
      required: ['a', 'a'],
    });
    expect(pointers(arrayDuplicateValue, { swagger: doc }).sort()).toEqual([
      '/definitions/Thing/properties/a/enum/2',
      '/definitions/Thing/required/1',
    ]);
  });
  it('accepts unique values', () => {
    expect(messages(arrayDuplicateValue, { swagger: withParameter({ enum: [1, '1', 2] }) })).toEqual([]);
  });
});
