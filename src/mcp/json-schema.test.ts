import { describe, expect, it } from 'vitest';
import { memoryConnector } from '../runtime/testing.ts';
import { MAX_NODES, newBudget, toJsonSchema } from './json-schema.ts';

const connector = memoryConnector({
  swagger: '2.0',
  info: { title: 'Shapes', version: '1' },
  paths: {},
  definitions: {
    Node: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        children: { type: 'array', items: { $ref: '#/definitions/Node' } },
      },
    },
    Named: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', 'x-ms-summary': 'Name' } },
    },
  },
});

describe('toJsonSchema', () => {
  it('translates Swagger 2.0 keywords into JSON Schema 2020-12 and drops extensions', () => {
    const budget = newBudget();
    expect(
      toJsonSchema(
        connector,
        {
          type: 'integer',
          format: 'int32',
          minimum: 0,
          exclusiveMinimum: true,
          'x-nullable': true,
          example: 3,
          'x-ms-summary': 'Count',
          'x-ms-visibility': 'advanced',
          discriminator: 'kind',
        },
        budget,
      ),
    ).toEqual({
      type: ['integer', 'null'],
      format: 'int32',
      exclusiveMinimum: 0,
      examples: [3],
      title: 'Count',
    });
    expect(budget.cut).toBe(false);
  });

  it('gives a file as base64 text', () => {
    expect(toJsonSchema(connector, { type: 'file', description: 'The upload' }, newBudget())).toEqual({
      type: 'string',
      contentEncoding: 'base64',
      description: 'The upload. A file, as base64.',
    });
  });

  it('inlines references, keeps `required` to properties it keeps and leaves read-only properties out of requests', () => {
    const schema = toJsonSchema(
      connector,
      {
        allOf: [{ $ref: '#/definitions/Named' }],
        properties: { id: { type: 'string', readOnly: true }, note: { type: 'string' } },
        required: ['id', 'note', 'note'],
      },
      newBudget(),
    );
    expect(schema).toEqual({
      allOf: [
        { type: 'object', required: ['name'], properties: { name: { type: 'string', title: 'Name' } } },
      ],
      properties: { note: { type: 'string' } },
      required: ['note'],
    });
    // Responses keep them.
    expect(
      toJsonSchema(connector, { properties: { id: { readOnly: true } } }, newBudget(), { request: false }),
    ).toEqual({ properties: { id: {} } });
  });

  it('cuts a recursive schema at its cycle and says so', () => {
    const budget = newBudget();
    const schema = toJsonSchema(connector, { $ref: '#/definitions/Node' }, budget);
    expect(schema).toEqual({
      type: 'object',
      properties: { name: { type: 'string' }, children: { type: 'array', items: { type: 'object' } } },
    });
    expect(budget.cut).toBe(true);
  });

  it('stops at the node budget, however large the schema', () => {
    const wide = {
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`p${i}`, { type: 'string' }])),
    };
    const budget = newBudget();
    const schema = toJsonSchema(connector, wide, budget) as { properties: Record<string, object> };
    expect(Object.values(schema.properties).filter((p) => Object.keys(p).length > 0)).toHaveLength(
      MAX_NODES - 1,
    );
    expect(budget.cut).toBe(true);
  });

  it('answers an unresolvable reference or a non-object with an empty schema (any value)', () => {
    expect(toJsonSchema(connector, { $ref: '#/definitions/Missing' }, newBudget())).toEqual({});
    expect(toJsonSchema(connector, 'text', newBudget())).toEqual({});
  });
});
