import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../connector/json.ts';
import type { FlowportError } from '../../errors.ts';
import { getDynamicSchema } from './schema.ts';
import { connectorOf, fakeCall } from './testing.ts';

// Modelled on certified-connectors/AXtension Content Gate and Cognito Forms (a body schema with
// `x-ms-dynamic-schema` + `x-ms-dynamic-properties`, a response with `x-ms-dynamic-schema` only) and
// certified-connectors/WooCommerce (a response with `x-ms-dynamic-properties`, `itemValuePath: schema`).
const contentGate = connectorOf({
  paths: {
    '/forms/{form}/entries': {
      post: {
        operationId: 'CreateEntry',
        parameters: [
          { name: 'form', in: 'path', required: true, type: 'string' },
          {
            name: 'entry',
            in: 'body',
            required: true,
            schema: {
              type: 'object',
              'x-ms-dynamic-schema': {
                operationId: 'GetFormSchema',
                parameters: { form: { parameter: 'form' }, input: true },
                'value-path': 'properties',
              },
              'x-ms-dynamic-properties': {
                operationId: 'GetFormSchema',
                parameters: { form: { parameterReference: 'form' }, input: { value: true } },
              },
            },
          },
        ],
        responses: {
          '200': {
            description: 'OK',
            schema: {
              type: 'object',
              'x-ms-dynamic-schema': {
                operationId: 'GetFormSchema',
                parameters: { form: { parameter: 'form' }, input: false },
              },
            },
          },
        },
      },
    },
    '/forms/{form}/schema': {
      get: {
        operationId: 'GetFormSchema',
        parameters: [
          { name: 'form', in: 'path', required: true, type: 'string' },
          { name: 'input', in: 'query', type: 'boolean' },
        ],
        responses: { '200': { description: 'OK' } },
      },
    },
  },
});

const wooCommerce = connectorOf({
  paths: {
    '/{resource}/{id}': {
      get: {
        operationId: 'GetResource',
        parameters: [
          { name: 'resource', in: 'path', required: true, type: 'string' },
          { name: 'id', in: 'path', required: true, type: 'number' },
        ],
        responses: {
          '200': {
            description: 'ok',
            schema: { $ref: '#/definitions/Member' },
          },
        },
      },
    },
    '/schema/{resource}': {
      get: {
        operationId: 'ResourceMemberSchema',
        parameters: [{ name: 'resource', in: 'path', required: true, type: 'string' }],
        responses: { '200': { description: 'ok' } },
      },
    },
  },
  definitions: {
    Member: {
      'x-ms-dynamic-properties': {
        operationId: 'ResourceMemberSchema',
        itemValuePath: 'schema',
        parameters: { resource: { parameterReference: 'resource' } },
      },
    },
  },
});

const schemaOf = { type: 'object', properties: { Name: { type: 'string' } } };

describe('getDynamicSchema', () => {
  it('prefers `x-ms-dynamic-properties` and takes the response root as the schema without `itemValuePath`.', async () => {
    const fake = fakeCall({ GetFormSchema: { body: schemaOf } });
    const op = contentGate.operation('CreateEntry')!;
    expect(await getDynamicSchema(contentGate, op, 'entry', { form: 'contact' }, fake.call)).toEqual(
      schemaOf,
    );
    expect(fake.calls).toEqual([{ operationId: 'GetFormSchema', args: { form: 'contact', input: true } }]);
  });

  it('reads a response schema from `x-ms-dynamic-schema` without `value-path` as a `properties` map.', async () => {
    const fake = fakeCall({ GetFormSchema: { body: { Name: { type: 'string' } } } });
    const op = contentGate.operation('CreateEntry')!;
    expect(await getDynamicSchema(contentGate, op, 'response', { form: 'contact' }, fake.call)).toEqual(
      schemaOf,
    );
    expect(fake.calls[0]!.args).toEqual({ form: 'contact', input: false });
  });

  it('follows a `$ref` response schema to WooCommerce dynamic properties at `itemValuePath`.', async () => {
    const fake = fakeCall({ ResourceMemberSchema: { body: { name: 'products', schema: schemaOf } } });
    const op = wooCommerce.operation('GetResource')!;
    const result = await getDynamicSchema(
      wooCommerce,
      op,
      'response:200',
      { resource: 'products', id: 1 },
      fake.call,
    );
    expect(result).toEqual(schemaOf);
    expect(fake.calls[0]).toEqual({ operationId: 'ResourceMemberSchema', args: { resource: 'products' } });
  });

  const shapes: { name: string; ext: JsonObject; body: JsonValue; expected: JsonObject }[] = [
    {
      name: 'the schema at `value-path`',
      ext: { 'x-ms-dynamic-schema': { operationId: 'S', 'value-path': 'data/schema' } },
      body: { data: { schema: schemaOf } },
      expected: schemaOf,
    },
    {
      name: 'an empty schema for a `null` at `value-path`',
      ext: { 'x-ms-dynamic-schema': { operationId: 'S', 'value-path': 'schema' } },
      body: { schema: null },
      expected: {},
    },
    {
      name: 'an empty schema for a `null` at `itemValuePath`',
      ext: { 'x-ms-dynamic-properties': { operationId: 'S', itemValuePath: 'schema' } },
      body: { schema: null },
      expected: {},
    },
    {
      name: '`x-ms-dynamic-schema` when `x-ms-dynamic-properties` names no operation',
      ext: {
        'x-ms-dynamic-properties': { itemValuePath: 'nope' },
        'x-ms-dynamic-schema': { operationId: 'S' },
      },
      body: { A: { type: 'integer' } },
      expected: { type: 'object', properties: { A: { type: 'integer' } } },
    },
  ];
  it.each(shapes)('reads $name.', async ({ ext, body, expected }) => {
    const connector = schemaConnector(ext);
    const fake = fakeCall({ S: { body } });
    expect(await getDynamicSchema(connector, connector.operation('Op')!, 'body', {}, fake.call)).toEqual(
      expected,
    );
  });

  const failures: { name: string; ext: JsonObject; body: JsonValue; code: string; message: RegExp }[] = [
    {
      name: 'nothing at `value-path`',
      ext: { 'x-ms-dynamic-schema': { operationId: 'S', 'value-path': 'schema' } },
      body: {},
      code: 'DYNAMIC_LOOKUP_FAILED',
      message: /returned nothing at `schema` while reading the schema of parameter `body` of operation `Op`/,
    },
    {
      name: 'a string where the schema should be',
      ext: { 'x-ms-dynamic-properties': { operationId: 'S' } },
      body: 'text',
      code: 'DYNAMIC_LOOKUP_FAILED',
      message: /returned no schema object/,
    },
    {
      name: 'a target without a schema extension',
      ext: {},
      body: {},
      code: 'PARAMETER_INVALID',
      message: /has no `x-ms-dynamic-properties` or `x-ms-dynamic-schema`/,
    },
  ];
  it.each(failures)('fails with `$code` for $name.', async ({ ext, body, code, message }) => {
    const connector = schemaConnector(ext);
    const fake = fakeCall({ S: { body } });
    const error = await getDynamicSchema(connector, connector.operation('Op')!, 'body', {}, fake.call).catch(
      (e: unknown) => e,
    );
    expect((error as FlowportError).code).toBe(code);
    expect((error as FlowportError).message).toMatch(message);
  });
});

function schemaConnector(ext: JsonObject) {
  return connectorOf({
    paths: {
      '/op': {
        post: {
          operationId: 'Op',
          parameters: [{ name: 'body', in: 'body', schema: { type: 'object', ...ext } }],
          responses: { '200': { description: 'OK' } },
        },
      },
      '/s': { get: { operationId: 'S', responses: { '200': { description: 'OK' } } } },
    },
  });
}
