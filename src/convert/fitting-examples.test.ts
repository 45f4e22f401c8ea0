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

  it("drops object examples whose values inside do not fit once the conversion is done (a oneOf became one member), but not a Swagger 2.0 author's", () => {
    const openapi = {
      openapi: '3.0.3',
      info: { title: 'Companies', version: '1' },
      servers: [{ url: 'https://api.companies.test' }],
      paths: {
        '/companies/{id}': {
          get: {
            operationId: 'getCompany',
            summary: 'Get a company',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: {
              '200': {
                description: 'OK',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/company' } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          company: {
            type: 'object',
            properties: {
              custom_attributes: {
                type: 'object',
                additionalProperties: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
                example: { paid_subscriber: true, team_mates: 1 },
              },
              owner: { $ref: '#/components/schemas/user' },
            },
            example: { owner: { id: 7 } },
          },
          user: { type: 'object', properties: { id: { type: 'string' } } },
        },
      },
    };
    const result = convert(JSON.stringify(openapi), { source: 'companies.json', preset: false });
    const swagger = JSON.parse(new TextDecoder().decode(result.files['apiDefinition.swagger.json'])) as {
      definitions: Record<string, { example?: unknown; properties: Record<string, { example?: unknown }> }>;
    };
    expect(swagger.definitions.company?.example).toBeUndefined();
    expect(swagger.definitions.company?.properties.custom_attributes?.example).toBeUndefined();
    const dropped = result.losses
      .filter((l) => l.construct === 'example')
      .map((l) => `${l.pointer}: ${l.action}`);
    expect(dropped).toEqual([
      '/definitions/company/example: dropped; it does not fit its schema (`/owner/id` is an integer; the schema says a string)',
      '/definitions/company/properties/custom_attributes/example: dropped; it does not fit its schema (`/paid_subscriber` is a boolean; the schema says a string)',
    ]);
    // The same schemas written as Swagger 2.0 pass through with their examples.
    const swagger2 = {
      swagger: '2.0',
      info: { title: 'Companies', version: '1' },
      host: 'api.companies.test',
      paths: {},
      definitions: {
        company: { type: 'object', properties: { id: { type: 'string' } }, example: { id: 7 } },
      },
    };
    const passed = convert(JSON.stringify(swagger2), { source: 'companies.json', preset: false });
    const out = JSON.parse(
      new TextDecoder().decode(passed.files['apiDefinition.swagger.json']),
    ) as typeof swagger;
    expect(out.definitions.company?.example).toEqual({ id: 7 });
  });
});
