import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../connector/json.ts';
import { convert } from './convert.ts';
import { dropUnfittingExamples } from './fitting-examples.ts';
import { createLosses } from './loss.ts';

describe('dropUnfittingExamples', () => {
  it('drops the examples that are no value of their schema, at any depth, and reports each', () => {
    const schema: JsonObject = {
      type: 'object',
      example: { code: 90 },
      properties: {
        code: { type: 'string', example: 90 },
        level: { type: 'integer', enum: [1, 2], example: 3 },
        count: { type: 'integer', example: '7' },
        tags: { type: 'array', items: { type: 'string', example: ['a'] } },
        owner: { $ref: '#/definitions/User', example: 'kept beside $ref (ignored by Swagger 2.0)' },
      },
    };
    const losses = createLosses();
    dropUnfittingExamples(schema, '/components/schemas/Account', losses);
    expect(schema).toEqual({
      type: 'object',
      example: { code: 90 },
      properties: {
        code: { type: 'string' },
        level: { type: 'integer', enum: [1, 2] },
        count: { type: 'integer', example: '7' },
        tags: { type: 'array', items: { type: 'string' } },
        owner: { $ref: '#/definitions/User', example: 'kept beside $ref (ignored by Swagger 2.0)' },
      },
    });
    expect(losses.items).toEqual([
      {
        pointer: '/components/schemas/Account/properties/code/example',
        construct: 'example',
        action: 'dropped; it is not a value of its schema (not a string)',
      },
      {
        pointer: '/components/schemas/Account/properties/level/example',
        construct: 'example',
        action: 'dropped; it is not a value of its schema (not one of its `enum` values)',
      },
      {
        pointer: '/components/schemas/Account/properties/tags/items/example',
        construct: 'example',
        action: 'dropped; it is not a value of its schema (not a string)',
      },
    ]);
  });

  it('applies to definitions and response schemas, while parameters keep their own handling', () => {
    const openapi = {
      openapi: '3.0.3',
      info: { title: 'Ledger', version: '1' },
      servers: [{ url: 'https://api.ledger.test/v1' }],
      paths: {
        '/accounts': {
          get: {
            operationId: 'listAccounts',
            summary: 'List accounts',
            parameters: [
              {
                name: 'kind',
                in: 'query',
                schema: { type: 'string', enum: ['BANK', 'CASH'], example: 'bank' },
              },
            ],
            responses: {
              '200': {
                description: 'OK',
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { total: { type: 'integer', example: 'many' } } },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: { Account: { type: 'object', properties: { code: { type: 'string', example: 90 } } } },
      },
    };
    const result = convert(JSON.stringify(openapi), { source: 'ledger.json', preset: false });
    const swagger = JSON.parse(new TextDecoder().decode(result.files['apiDefinition.swagger.json'])) as {
      paths: Record<
        string,
        { get: { responses: Record<string, { schema: { properties: Record<string, unknown> } }> } }
      >;
    };
    const constructs = result.losses.map((l) => `${l.construct} ${l.pointer}`);
    expect(constructs).toContain('parameter example /paths/~1accounts/get/parameters/0');
    expect(constructs).toContain(
      'example /paths/~1accounts/get/responses/200/content/application~1json/schema/properties/total/example',
    );
    expect(swagger.paths['/accounts']?.get.responses['200']?.schema.properties.total).toEqual({
      type: 'integer',
    });
  });
});
