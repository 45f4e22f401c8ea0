import { describe, expect, it } from 'vitest';
import { messages, pointers } from '../../testing.ts';
import { withBody, withDefinition, withParameter, withResponse } from './_fixtures.ts';
import discriminatorRule from './discriminator-must-be-a-required-string-property.ts';
import invalidCustomEditor from './invalid-custom-editor-extension-dictionary-value.ts';
import requiredPropertyDefinitionMissing from './required-property-definition-missing.ts';
import requiredPropertyNotOnObject from './required-property-not-on-object.ts';
import requiredValueEmpty from './required-value-empty.ts';
import schemaVisibilityNotInEnum from './schema-visibility-not-in-enum.ts';
import swaggerKeywordNotSupported from './swagger-keyword-not-supported.ts';
import uniqueItemsNotSupported from './unique-items-not-supported.ts';
import unrecognizedTypeFormat from './unrecognized-type-format.ts';

describe('discriminator-must-be-a-required-string-property', () => {
  const base = { type: 'object', properties: { kind: { type: 'string' } } };
  it('reports a discriminator that is not required', () => {
    expect(
      messages(discriminatorRule, { swagger: withDefinition({ ...base, discriminator: 'kind' }) }),
    ).toEqual([
      'Definition `Thing` has `discriminator: kind`; the value must be the name of a required string property.',
    ]);
  });
  it('reports a discriminator naming a missing or non-string property', () => {
    const missing = withDefinition({ ...base, required: ['type'], discriminator: 'type' });
    expect(pointers(discriminatorRule, { swagger: missing })).toEqual(['/definitions/Thing/discriminator']);
    const numeric = withDefinition({
      properties: { kind: { type: 'integer' } },
      required: ['kind'],
      discriminator: 'kind',
    });
    expect(messages(discriminatorRule, { swagger: numeric })).toHaveLength(1);
  });
  it('accepts a required string property, also through a `$ref`', () => {
    expect(
      messages(discriminatorRule, {
        swagger: withDefinition({ ...base, required: ['kind'], discriminator: 'kind' }),
      }),
    ).toEqual([]);
    const viaRef = withDefinition(
      { properties: { kind: { $ref: '#/definitions/Kind' } }, required: ['kind'], discriminator: 'kind' },
      { Kind: { type: 'string', enum: ['a', 'b'] } },
    );
    expect(messages(discriminatorRule, { swagger: viaRef })).toEqual([]);
  });
});

describe('required-property-definition-missing', () => {
  it('reports a required name with no property, at the name', () => {
    const doc = withBody({
      type: 'object',
      properties: { title: { type: 'string' } },
      required: ['title', 'Title'],
    });
    expect(messages(requiredPropertyDefinitionMissing, { swagger: doc })).toEqual([
      'The request body of `CreateTask` lists `Title` in `required`, but the required property `Title` is not defined in the object schema.',
    ]);
    expect(pointers(requiredPropertyDefinitionMissing, { swagger: doc })).toEqual([
      '/paths/~1tasks/post/parameters/0/schema/required/1',
    ]);
  });
  it('accepts properties declared through `allOf` members and their `$ref`s', () => {
    const doc = withDefinition(
      {
        allOf: [{ $ref: '#/definitions/Base' }, { properties: { b: { type: 'string' } } }],
        required: ['a', 'b'],
      },
      { Base: { properties: { a: { type: 'string' } } } },
    );
    expect(messages(requiredPropertyDefinitionMissing, { swagger: doc })).toEqual([]);
  });
});

describe('required-property-not-on-object', () => {
  it('reports `required` on an array schema', () => {
    expect(
      messages(requiredPropertyNotOnObject, {
        swagger: withBody({ type: 'array', items: {}, required: ['items'] }),
      }),
    ).toEqual([
      'The request body of `CreateTask` has type `array` but a `required` array; the property `required` is applicable to schemas with `object` type only.',
    ]);
  });
  it('accepts `required` on objects and untyped schemas, and boolean `required` on parameters', () => {
    expect(
      messages(requiredPropertyNotOnObject, { swagger: withDefinition({ type: 'object', required: ['a'] }) }),
    ).toEqual([]);
    expect(messages(requiredPropertyNotOnObject, { swagger: withDefinition({ required: ['a'] }) })).toEqual(
      [],
    );
    expect(messages(requiredPropertyNotOnObject, { swagger: withParameter({ required: true }) })).toEqual([]);
  });
});

describe('swagger-keyword-not-supported', () => {
  it('reports `oneOf`, `anyOf` and `not`', () => {
    const doc = withResponse({ oneOf: [{ type: 'string' }], anyOf: [], not: { type: 'null' } });
    expect(pointers(swaggerKeywordNotSupported, { swagger: doc }).sort()).toEqual([
      '/paths/~1tasks/get/responses/200/schema/anyOf',
      '/paths/~1tasks/get/responses/200/schema/not',
      '/paths/~1tasks/get/responses/200/schema/oneOf',
    ]);
  });
  it('accepts `allOf`', () => {
    expect(
      messages(swaggerKeywordNotSupported, { swagger: withResponse({ allOf: [{ type: 'object' }] }) }),
    ).toEqual([]);
  });
});

describe('unique-items-not-supported', () => {
  it('reports `uniqueItems: true`', () => {
    expect(
      messages(uniqueItemsNotSupported, {
        swagger: withParameter({ type: 'array', items: { type: 'string' }, uniqueItems: true }),
      }),
    ).toEqual(['Parameter `top` sets `uniqueItems: true`; the `uniqueItems` keyword is not supported.']);
  });
  it('accepts `uniqueItems: false`', () => {
    expect(messages(uniqueItemsNotSupported, { swagger: withDefinition({ uniqueItems: false }) })).toEqual(
      [],
    );
  });
});

describe('unrecognized-type-format', () => {
  it('reports an unknown type and an unknown format', () => {
    expect(
      messages(unrecognizedTypeFormat, {
        swagger: withDefinition({
          properties: { a: { type: 'Document' }, b: { type: 'string', format: 'guid' } },
        }),
      }),
    ).toEqual([
      'Property `a` of definition `Thing` has type `"Document"`; the type is not recognized.',
      'Property `b` of definition `Thing` has type/format `string/guid`, which is not recognized.',
    ]);
  });
  it('accepts known combinations', () => {
    for (const [type, format] of [
      ['string', 'date-time'],
      ['integer', 'int64'],
      ['number', 'double'],
      ['string', 'binary'],
    ]) {
      expect(messages(unrecognizedTypeFormat, { swagger: withParameter({ type, format }) })).toEqual([]);
    }
  });
});

describe('required-value-empty', () => {
  it('reports empty `format` and `x-ms-summary`', () => {
    expect(
      pointers(requiredValueEmpty, { swagger: withParameter({ format: '', 'x-ms-summary': ' ' }) }),
    ).toEqual(['/paths/~1tasks/get/parameters/0/format', '/paths/~1tasks/get/parameters/0/x-ms-summary']);
  });
  it('leaves empty `title` and `description` alone', () => {
    expect(messages(requiredValueEmpty, { swagger: withDefinition({ title: '', description: '' }) })).toEqual(
      [],
    );
  });
});

describe('schema-visibility-not-in-enum', () => {
  it('reports a value outside the enum, case-sensitively', () => {
    expect(
      messages(schemaVisibilityNotInEnum, {
        swagger: withDefinition({ properties: { a: { 'x-ms-visibility': 'Advanced' } } }),
      }),
    ).toEqual([
      'Property `a` of definition `Thing` has `x-ms-visibility: "Advanced"`; the property value must be one of the following: `important`, `advanced`, `internal`.',
    ]);
  });
  it('accepts the three values and an empty string, and leaves parameters to the parameter rules', () => {
    const props = Object.fromEntries(
      ['important', 'advanced', 'internal', ''].map((v) => [v || 'x', { 'x-ms-visibility': v }]),
    );
    expect(messages(schemaVisibilityNotInEnum, { swagger: withDefinition({ properties: props }) })).toEqual(
      [],
    );
    expect(
      messages(schemaVisibilityNotInEnum, { swagger: withParameter({ 'x-ms-visibility': 'none' }) }),
    ).toEqual([]);
  });
});

describe('invalid-custom-editor-extension-dictionary-value', () => {
  it('reports a dictionary editor without additionalProperties', () => {
    expect(
      pointers(invalidCustomEditor, {
        swagger: withDefinition({ type: 'object', 'x-ms-editor': 'dictionary' }),
      }),
    ).toEqual(['/definitions/Thing/x-ms-editor']);
  });
  it('reports a dictionary editor on a string', () => {
    expect(
      messages(invalidCustomEditor, {
        swagger: withDefinition({ type: 'string', additionalProperties: true, 'x-ms-editor': 'dictionary' }),
      }),
    ).toHaveLength(1);
  });
  it('accepts an object with additionalProperties', () => {
    expect(
      messages(invalidCustomEditor, {
        swagger: withDefinition({
          type: 'object',
          additionalProperties: { type: 'string' },
          'x-ms-editor': 'dictionary',
        }),
      }),
    ).toEqual([]);
  });
});
