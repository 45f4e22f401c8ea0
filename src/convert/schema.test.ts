import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../connector/json.ts';
import { testContext } from './_fixtures.ts';
import { convertSchema } from './schema.ts';

const components: JsonObject = {
  Cat: {
    type: 'object',
    required: ['name', 'lives'],
    properties: { name: { type: 'string' }, lives: { type: 'integer' } },
  },
  Dog: {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string' }, bark: { type: 'boolean' } },
  },
  Node: { oneOf: [{ $ref: '#/components/schemas/Leaf' }, { $ref: '#/components/schemas/Branch' }] },
  Leaf: { type: 'object', properties: { value: { type: 'string' } } },
  Branch: {
    type: 'object',
    properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
  },
};

const cases: { name: string; input: JsonObject; output: JsonObject; loss?: string }[] = [
  {
    name: 'a format the platform knows no such type for is dropped (Unix times stay integers)',
    input: { type: 'integer', format: 'date-time', description: 'Seconds since 1970.' },
    output: { type: 'integer', description: 'Seconds since 1970.' },
    loss: 'format',
  },
  {
    name: 'a format the platform knows is kept',
    input: { type: 'string', format: 'date-time' },
    output: { type: 'string', format: 'date-time' },
  },
  {
    name: '`uniqueItems` is dropped, as the platform does not enforce it',
    input: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    output: { type: 'array', items: { type: 'string' } },
    loss: 'uniqueItems',
  },
  {
    name: 'an unknown string format is dropped',
    input: { type: 'string', format: 'uri-reference' },
    output: { type: 'string' },
    loss: 'format',
  },
  {
    name: '`nullable` becomes `x-nullable`',
    input: { type: 'string', nullable: true },
    output: { type: 'string', 'x-nullable': true },
    loss: 'nullable',
  },
  {
    name: 'a 3.1 type array with null becomes one type and `x-nullable`',
    input: { type: ['integer', 'null'] },
    output: { type: 'integer', 'x-nullable': true },
    loss: 'nullable',
  },
  {
    name: 'a 3.1 type array of two real types leaves the type out',
    input: { type: ['string', 'integer'] },
    output: {},
    loss: 'type array',
  },
  {
    name: 'object alternatives of `oneOf` merge, keeping only commonly required properties',
    input: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] },
    output: {
      type: 'object',
      properties: { name: { type: 'string' }, lives: { type: 'integer' }, bark: { type: 'boolean' } },
      required: ['name'],
    },
    loss: 'oneOf',
  },
  {
    name: 'string alternatives of `anyOf` with enums become one string enum',
    input: {
      anyOf: [
        { type: 'string', enum: ['a'] },
        { type: 'string', enum: ['b'] },
      ],
    },
    output: { type: 'string', enum: ['a', 'b'] },
  },
  {
    name: 'a `oneOf` of one reference and null keeps the reference',
    input: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { type: 'null' }] },
    output: { $ref: '#/definitions/Cat' },
    loss: 'oneOf',
  },
  {
    name: 'mixed alternatives keep the object one',
    input: { oneOf: [{ type: 'string' }, { type: 'object', properties: { id: { type: 'string' } } }] },
    output: { type: 'object', properties: { id: { type: 'string' } } },
    loss: 'oneOf',
  },
  {
    name: '`const` becomes a one-value enum',
    input: { type: 'string', const: 'x' },
    output: { type: 'string', enum: ['x'] },
  },
  {
    name: 'a numeric `exclusiveMinimum` becomes `minimum` with the boolean flag',
    input: { type: 'number', exclusiveMinimum: 3 },
    output: { type: 'number', minimum: 3, exclusiveMinimum: true },
  },
  {
    name: '`not` is dropped and reported',
    input: { type: 'string', not: { enum: ['x'] } },
    output: { type: 'string' },
    loss: 'not',
  },
  {
    name: 'a component reference points into `definitions`',
    input: { type: 'array', items: { $ref: '#/components/schemas/Dog' } },
    output: { type: 'array', items: { $ref: '#/definitions/Dog' } },
  },
  {
    name: 'an array without items gets `items: {}`',
    input: { type: 'array' },
    output: { type: 'array', items: {} },
    loss: 'array without items',
  },
  {
    name: 'an `allOf` member that requires a sibling’s property gets a copy of its definition',
    input: { allOf: [{ $ref: '#/components/schemas/Dog' }, { required: ['bark'] }] },
    output: {
      allOf: [
        { $ref: '#/definitions/Dog' },
        { type: 'object', required: ['bark'], properties: { bark: { type: 'boolean' } } },
      ],
    },
  },
  {
    name: 'required names without a property are dropped',
    input: { type: 'object', required: ['a', 'b'], properties: { a: { type: 'string' } } },
    output: { type: 'object', required: ['a'], properties: { a: { type: 'string' } } },
    loss: 'required',
  },
  {
    name: 'a default that does not match the type is dropped',
    input: { type: 'integer', default: 'ten' },
    output: { type: 'integer' },
    loss: 'default',
  },
  {
    name: 'an example that is a token is dropped',
    input: { type: 'string', example: 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB' },
    output: { type: 'string' },
    loss: 'example',
  },
];

describe('convertSchema', () => {
  for (const c of cases)
    it(c.name, () => {
      const ctx = testContext(components);
      expect(convertSchema(c.input, '/x', ctx)).toEqual(c.output);
      if (c.loss) expect(ctx.losses.items.map((l) => l.construct)).toContain(c.loss);
    });

  it('merges a recursive union without running forever', () => {
    const ctx = testContext(components);
    const out = convertSchema({ $ref: '#/components/schemas/Node' }, '/x', ctx);
    ctx.flushDefinitions();
    expect(out).toEqual({ $ref: '#/definitions/Node' });
    expect(ctx.definitions.Node).toMatchObject({ type: 'object', properties: { value: { type: 'string' } } });
  });

  it('queues the definitions it references, and those they reference', () => {
    const ctx = testContext(components);
    convertSchema({ $ref: '#/components/schemas/Branch' }, '/x', ctx);
    ctx.flushDefinitions();
    expect(Object.keys(ctx.definitions).sort()).toEqual(['Branch', 'Node']);
  });
});
