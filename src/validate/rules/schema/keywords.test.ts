import { describe, expect, it } from 'vitest';
import type { Rule } from '../../rule.ts';
import { messages, pointers } from '../../testing.ts';
import { withBody, withDefinition, withParameter, withResponse } from './_fixtures.ts';
import arrayHasNoItems from './array-has-no-items.ts';
import defaultValueMustMatchType from './default-value-must-match-type.ts';
import enumMustContainAtLeastOneElement from './enum-must-contain-at-least-one-element.ts';
import exclusiveMaximumRequiresMaximum from './exclusive-maximum-requires-maximum.ts';
import exclusiveMinimumRequiresMinimum from './exclusive-minimum-requires-minimum.ts';
import invalidEnumValue from './invalid-enum-value.ts';
import maxItems from './max-items-must-be-greater-than-or-equal-to-zero.ts';
import maxLength from './max-length-must-be-greater-than-or-equal-to-zero.ts';
import maxProperties from './max-properties-must-be-greater-than-or-equal-to-zero.ts';
import minItems from './min-items-must-be-greater-than-or-equal-to-zero.ts';
import minItemsMax from './min-items-should-be-less-than-or-equal-to-max-items.ts';
import minLength from './min-length-must-be-greater-than-or-equal-to-zero.ts';
import minLengthMax from './min-length-should-be-less-than-or-equal-to-max-length.ts';
import minProperties from './min-properties-must-be-greater-than-or-equal-to-zero.ts';
import minimumMax from './minimum-should-be-less-than-or-equal-to-maximum.ts';
import multipleOfMustBeGreaterThanZero from './multiple-of-must-be-greater-than-zero.ts';
import patternLooksLikeFormatOrLiteral from './pattern-looks-like-format-or-literal.ts';
import patternRule, { isValidPattern } from './pattern-should-be-valid-regular-expression.ts';
import requiredPropertyArrayEmpty from './required-property-array-empty.ts';

describe('array-has-no-items', () => {
  it('reports an array property without items, naming the property', () => {
    expect(
      messages(arrayHasNoItems, { swagger: withDefinition({ properties: { tags: { type: 'array' } } }) }),
    ).toEqual([
      'Property `tags` of definition `Thing` is an array without `items`; the array should have items specified.',
    ]);
  });
  it('reports an array query parameter without items', () => {
    expect(pointers(arrayHasNoItems, { swagger: withParameter({ type: 'array' }) })).toEqual([
      '/paths/~1tasks/get/parameters/0',
    ]);
  });
  it('accepts arrays with items', () => {
    expect(
      messages(arrayHasNoItems, { swagger: withResponse({ type: 'array', items: { type: 'string' } }) }),
    ).toEqual([]);
  });
});

describe('required-property-array-empty', () => {
  it('reports `required: []`', () => {
    expect(
      pointers(requiredPropertyArrayEmpty, { swagger: withDefinition({ type: 'object', required: [] }) }),
    ).toEqual(['/definitions/Thing/required']);
  });
  it('accepts a non-empty required array and a boolean `required` on parameters', () => {
    expect(messages(requiredPropertyArrayEmpty, { swagger: withParameter({ required: true }) })).toEqual([]);
    expect(
      messages(requiredPropertyArrayEmpty, {
        swagger: withDefinition({ properties: { a: { type: 'string' } }, required: ['a'] }),
      }),
    ).toEqual([]);
  });
});

describe('enum-must-contain-at-least-one-element', () => {
  it('reports an empty enum', () => {
    expect(
      messages(enumMustContainAtLeastOneElement, { swagger: withParameter({ type: 'string', enum: [] }) }),
    ).toEqual(['Parameter `top` has an empty `enum`; the array requires at least one value.']);
  });
  it('accepts an enum with values', () => {
    expect(messages(enumMustContainAtLeastOneElement, { swagger: withParameter({ enum: [1] }) })).toEqual([]);
  });
});

describe('invalid-enum-value', () => {
  it('reports a value of another type and counts the others', () => {
    expect(
      messages(invalidEnumValue, { swagger: withDefinition({ type: 'integer', enum: [1, 'two', 'three'] }) }),
    ).toEqual([
      'Definition `Thing` has enum value `"two"` of type `string` but it should be `integer` as specified in the schema (and 1 more).',
    ]);
  });
  it('accepts values that convert, as the platform does ("true" for a boolean, "10" for an integer)', () => {
    expect(
      messages(invalidEnumValue, { swagger: withDefinition({ type: 'boolean', enum: ['true', false] }) }),
    ).toEqual([]);
    expect(
      messages(invalidEnumValue, { swagger: withDefinition({ type: 'integer', enum: ['10', 2] }) }),
    ).toEqual([]);
  });
});

describe('default-value-must-match-type', () => {
  it('reports a default of the wrong type', () => {
    expect(
      messages(defaultValueMustMatchType, { swagger: withParameter({ type: 'integer', default: 'ten' }) }),
    ).toEqual([
      'Parameter `top` has a `default` value of type `string`, but it should match the given type `integer`.',
    ]);
  });
  it('reports an object default for a string', () => {
    expect(
      pointers(defaultValueMustMatchType, { swagger: withBody({ type: 'string', default: { a: 1 } }) }),
    ).toEqual(['/paths/~1tasks/post/parameters/0/schema/default']);
  });
  it('accepts matching and convertible defaults', () => {
    for (const [type, value] of [
      ['integer', 10],
      ['integer', '10'],
      ['number', 1.5],
      ['boolean', 'false'],
      ['array', []],
    ] as const) {
      expect(
        messages(defaultValueMustMatchType, { swagger: withParameter({ type, default: value }) }),
      ).toEqual([]);
    }
  });
});

function nonNegativeCases(rule: Rule, keyword: string): void {
  it(`reports a negative \`${keyword}\``, () => {
    expect(messages(rule, { swagger: withDefinition({ [keyword]: -1 }) })).toEqual([
      `Definition \`Thing\` has \`${keyword}: -1\`; the value must be greater than or equal to zero.`,
    ]);
  });
  it(`accepts \`${keyword}\` of zero`, () => {
    expect(messages(rule, { swagger: withDefinition({ [keyword]: 0 }) })).toEqual([]);
  });
}

describe('max-items-must-be-greater-than-or-equal-to-zero', () => nonNegativeCases(maxItems, 'maxItems'));
describe('max-length-must-be-greater-than-or-equal-to-zero', () => nonNegativeCases(maxLength, 'maxLength'));
describe('max-properties-must-be-greater-than-or-equal-to-zero', () =>
  nonNegativeCases(maxProperties, 'maxProperties'));
describe('min-items-must-be-greater-than-or-equal-to-zero', () => nonNegativeCases(minItems, 'minItems'));
describe('min-length-must-be-greater-than-or-equal-to-zero', () => nonNegativeCases(minLength, 'minLength'));
describe('min-properties-must-be-greater-than-or-equal-to-zero', () =>
  nonNegativeCases(minProperties, 'minProperties'));

function minMaxCases(rule: Rule, min: string, max: string): void {
  it(`reports \`${min}\` above \`${max}\``, () => {
    expect(messages(rule, { swagger: withParameter({ [min]: 5, [max]: 2 }) })).toEqual([
      `Parameter \`top\` has \`${min}: 5\` above \`${max}: 2\`; \`${min}\` should be less than or equal to \`${max}\`.`,
    ]);
  });
  it('accepts equal bounds and a lone bound', () => {
    expect(messages(rule, { swagger: withParameter({ [min]: 2, [max]: 2 }) })).toEqual([]);
    expect(messages(rule, { swagger: withParameter({ [min]: 2 }) })).toEqual([]);
  });
}

describe('minimum-should-be-less-than-or-equal-to-maximum', () =>
  minMaxCases(minimumMax, 'minimum', 'maximum'));
describe('min-items-should-be-less-than-or-equal-to-max-items', () =>
  minMaxCases(minItemsMax, 'minItems', 'maxItems'));
describe('min-length-should-be-less-than-or-equal-to-max-length', () =>
  minMaxCases(minLengthMax, 'minLength', 'maxLength'));

describe('multiple-of-must-be-greater-than-zero', () => {
  it('reports zero and negative values', () => {
    expect(pointers(multipleOfMustBeGreaterThanZero, { swagger: withDefinition({ multipleOf: 0 }) })).toEqual(
      ['/definitions/Thing/multipleOf'],
    );
    expect(
      messages(multipleOfMustBeGreaterThanZero, { swagger: withDefinition({ multipleOf: -2 }) }),
    ).toHaveLength(1);
  });
  it('accepts a positive value', () => {
    expect(
      messages(multipleOfMustBeGreaterThanZero, { swagger: withDefinition({ multipleOf: 0.01 }) }),
    ).toEqual([]);
  });
});

describe('pattern-should-be-valid-regular-expression', () => {
  it('reports an unbalanced group', () => {
    expect(messages(patternRule, { swagger: withParameter({ type: 'string', pattern: '^(abc$' }) })).toEqual([
      'Parameter `top` has `pattern` `^(abc$`, which should be a valid regular expression.',
    ]);
  });
  it.each([
    '^[A-Z]{2}$',
    '(?i)^abc$',
    '\\A\\d+\\z',
    "(?'year'\\d{4})-\\k'year'",
    '(?>a+)b',
    '[a-z-[aeiou]]',
    '(?(1)a|b)',
    '^\\p{L}+$',
  ])('accepts %s (ECMAScript or .NET syntax)', (pattern) => {
    expect(isValidPattern(pattern)).toBe(true);
  });
  it.each(['(', '[a-', '*abc', 'a{2,1}'])('rejects %s', (pattern) => {
    expect(isValidPattern(pattern)).toBe(false);
  });
});

describe('exclusive-maximum-requires-maximum', () => {
  it('reports `exclusiveMaximum: true` without `maximum`', () => {
    expect(
      pointers(exclusiveMaximumRequiresMaximum, { swagger: withParameter({ exclusiveMaximum: true }) }),
    ).toEqual(['/paths/~1tasks/get/parameters/0/exclusiveMaximum']);
  });
  it('accepts it with `maximum`, and `exclusiveMaximum: false` alone', () => {
    expect(
      messages(exclusiveMaximumRequiresMaximum, {
        swagger: withParameter({ exclusiveMaximum: true, maximum: 9 }),
      }),
    ).toEqual([]);
    expect(
      messages(exclusiveMaximumRequiresMaximum, { swagger: withParameter({ exclusiveMaximum: false }) }),
    ).toEqual([]);
  });
});

describe('exclusive-minimum-requires-minimum', () => {
  it('reports `exclusiveMinimum: true` without `minimum`', () => {
    expect(
      messages(exclusiveMinimumRequiresMinimum, { swagger: withDefinition({ exclusiveMinimum: true }) }),
    ).toEqual([
      'Definition `Thing` sets `exclusiveMinimum` without `minimum`; it can only be specified if the `minimum` keyword is also specified.',
    ]);
  });
  it('accepts it with `minimum`', () => {
    expect(
      messages(exclusiveMinimumRequiresMinimum, {
        swagger: withDefinition({ exclusiveMinimum: true, minimum: 0 }),
      }),
    ).toEqual([]);
  });
});

describe('pattern-looks-like-format-or-literal', () => {
  it("reports DQ on Demand's date format and Referoo's and OptiAPI's JavaScript literals, at the keyword", () => {
    const swagger = withDefinition({
      type: 'object',
      properties: {
        start: { type: 'string', format: 'date-time', pattern: 'yyyy-MM-dd hh:mm:ss.fff' },
        day: { type: 'string', pattern: 'dd/MM/yyyy' },
        updated: { type: 'string', pattern: '/([0-9]{4})-(?:[0-9]{2})-([0-9]{2})/' },
        word: { type: 'string', pattern: '/ipsum/i' },
      },
    });
    expect(pointers(patternLooksLikeFormatOrLiteral, { swagger })).toEqual([
      '/definitions/Thing/properties/start/pattern',
      '/definitions/Thing/properties/day/pattern',
      '/definitions/Thing/properties/updated/pattern',
      '/definitions/Thing/properties/word/pattern',
    ]);
    const found = messages(patternLooksLikeFormatOrLiteral, { swagger });
    expect(found[0]).toBe(
      'Property `start` of definition `Thing` has `pattern` `yyyy-MM-dd hh:mm:ss.fff`, a date format, not a regular expression: as a regular expression it matches only text spelt like the format itself, so no date fits it.',
    );
    expect(found[3]).toBe(
      'Property `word` of definition `Thing` has `pattern` `/ipsum/i`, written as a JavaScript literal with slashes and flags (`i`): a `pattern` is the expression alone, and as written it asks for the slashes and the flags themselves.',
    );
  });

  it('accepts regular expressions, dates among them, and slashes that are text of the value', () => {
    const swagger = withParameter({
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    });
    expect(messages(patternLooksLikeFormatOrLiteral, { swagger })).toEqual([]);
    for (const pattern of ['^(\\d{2})/(\\d{2})/(\\d{4})$', '/users/[0-9]+/', 'MMM', '[A-Z]{3}'])
      expect(
        messages(patternLooksLikeFormatOrLiteral, { swagger: withParameter({ type: 'string', pattern }) }),
        pattern,
      ).toEqual([]);
  });
});
