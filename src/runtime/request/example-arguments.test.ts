import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../connector/json.ts';
import { connectorFromFiles } from '../../connector/load.ts';
import { buildRequest } from './build.ts';
import { exampleArguments } from './example-arguments.ts';
import { EXAMPLE_FILE } from './example-value.ts';

/** Example arguments for a one-operation connector with these parameters. */
function examples(parameters: JsonObject[], definitions: JsonObject = {}, path = '/x') {
  const swagger = {
    swagger: '2.0',
    info: { title: 'T', version: '1' },
    host: 'api.example.com',
    paths: {
      [path]: { post: { operationId: 'Op', parameters, responses: { '200': { description: 'OK' } } } },
    },
    definitions,
  };
  const connector = connectorFromFiles([
    { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(swagger)) },
  ]);
  const operation = connector.operation('Op')!;
  const result = exampleArguments(connector, operation);
  return { ...result, build: () => buildRequest(connector, operation, result.args) };
}

const q = (schema: JsonObject): JsonObject => ({
  name: 'p',
  in: 'query',
  required: true,
  type: 'string',
  ...schema,
});

describe('exampleArguments: where a value comes from', () => {
  const cases: Array<{ name: string; parameter: JsonObject; value: unknown }> = [
    {
      name: '`x-ms-test-value` comes first',
      parameter: q({ 'x-ms-test-value': 't', default: 'd', enum: ['e'] }),
      value: 't',
    },
    { name: 'then `default`', parameter: q({ default: 'd', enum: ['d', 'e'] }), value: 'd' },
    { name: 'then the first `enum` value', parameter: q({ enum: ['e', 'f'], 'x-example': 'x' }), value: 'e' },
    { name: 'then `x-example`', parameter: q({ 'x-example': 'x' }), value: 'x' },
    {
      name: 'a default that breaks the pattern is skipped',
      parameter: q({ default: 'bad', pattern: '^\\d+$' }),
      value: '0',
    },
    {
      name: 'date-time is ISO 8601 UTC',
      parameter: q({ format: 'date-time' }),
      value: '2024-01-15T09:30:00Z',
    },
    { name: 'date is a calendar date', parameter: q({ format: 'date' }), value: '2024-01-15' },
    { name: 'email is an address', parameter: q({ format: 'email' }), value: 'user@example.com' },
    {
      name: 'uuid is a UUID',
      parameter: q({ format: 'uuid' }),
      value: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    },
    { name: 'byte is base64', parameter: q({ format: 'byte' }), value: 'ZXhhbXBsZQ==' },
    { name: 'uri is absolute', parameter: q({ format: 'uri' }), value: 'https://example.com/' },
    { name: 'minLength pads', parameter: q({ minLength: 10 }), value: 'examplexxx' },
    { name: 'maxLength cuts', parameter: q({ maxLength: 3 }), value: 'exa' },
    { name: 'a pattern is matched', parameter: q({ pattern: '^d\\d{1,8}c\\d{1,8}$' }), value: 'd0c0' },
    { name: 'an integer respects the minimum', parameter: q({ type: 'integer', minimum: 10 }), value: 10 },
    {
      name: 'an exclusive minimum is stepped over',
      parameter: q({ type: 'integer', minimum: 10, exclusiveMinimum: true }),
      value: 11,
    },
    {
      name: 'a multiple is honoured',
      parameter: q({ type: 'integer', minimum: 7, multipleOf: 5 }),
      value: 10,
    },
    { name: 'a maximum below one is honoured', parameter: q({ type: 'number', maximum: -3 }), value: -3 },
    { name: 'a boolean is true', parameter: q({ type: 'boolean' }), value: true },
    {
      name: 'an array has `minItems` items',
      parameter: q({ type: 'array', items: { type: 'integer' }, minItems: 2 }),
      value: [1, 1],
    },
    {
      name: 'unique items differ',
      parameter: q({ type: 'array', items: { type: 'integer' }, minItems: 2, uniqueItems: true }),
      value: [1, 2],
    },
    {
      name: 'a file gets a small file',
      parameter: { name: 'p', in: 'formData', required: true, type: 'file' },
      value: EXAMPLE_FILE,
    },
  ];
  it.each(cases)('$name', ({ parameter, value }) => {
    const { args, missing } = examples([parameter]);
    expect(args.p).toEqual(value);
    expect(missing).toEqual([]);
  });
});

describe('exampleArguments: which parameters get one', () => {
  it('fills required and path parameters only, and leaves internal defaults to the builder', () => {
    const { args } = examples(
      [
        { name: 'id', in: 'path', type: 'string' },
        { name: 'opt', in: 'query', type: 'string' },
        { name: 'req', in: 'header', required: true, type: 'string' },
        {
          name: 'api',
          in: 'query',
          required: true,
          type: 'string',
          default: '2',
          'x-ms-visibility': 'internal',
        },
      ],
      {},
      '/x/{id}',
    );
    expect(args).toEqual({ id: 'example', req: 'example' });
  });

  it('never gives a path parameter an empty default', () => {
    const { args } = examples(
      [{ name: 'id', in: 'path', required: true, type: 'string', default: '' }],
      {},
      '/x/{id}',
    );
    expect(args.id).toBe('example');
  });

  it('keys shared names as `in:name`', () => {
    const { args } = examples(
      [
        { name: 'id', in: 'path', required: true, type: 'string' },
        { name: 'id', in: 'query', required: true, type: 'integer' },
      ],
      {},
      '/x/{id}',
    );
    expect(args).toEqual({ 'path:id': 'example', 'query:id': 1 });
  });

  it('lists a pattern it cannot match and still gives a best effort', () => {
    const { args, missing } = examples([q({ pattern: '^(?=x)y$' })]);
    expect(missing).toEqual(['p']);
    expect(args.p).toBe('example');
  });
});

describe('exampleArguments: bodies', () => {
  const definitions: JsonObject = {
    Order: {
      allOf: [
        { $ref: '#/definitions/Base' },
        {
          type: 'object',
          required: ['lines', 'hook', 'kind'],
          properties: {
            lines: { type: 'array', minItems: 1, items: { $ref: '#/definitions/Line' } },
            hook: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' },
            kind: { type: 'string', default: 'order', 'x-ms-visibility': 'internal' },
            note: { type: 'string' },
          },
        },
      ],
    },
    Base: {
      type: 'object',
      required: ['id', 'created'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        created: { type: 'string', format: 'date-time', readOnly: true },
      },
    },
    Line: {
      type: 'object',
      required: ['sku', 'qty', 'parent'],
      properties: {
        sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{2}$' },
        qty: { type: 'integer', minimum: 1 },
        parent: { $ref: '#/definitions/Line' },
      },
    },
  };

  it('fills required properties through `$ref` and `allOf`, bounding cycles', () => {
    const { args, missing } = examples(
      [{ name: 'order', in: 'body', required: true, schema: { $ref: '#/definitions/Order' } }],
      definitions,
    );
    expect(args.order).toEqual({
      id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      lines: [{ sku: 'AAA-00', qty: 1 }],
      hook: 'https://example.com/callback',
    });
    expect(missing).toEqual(['order.lines[0].parent']);
  });

  it('takes a declared object example only when it has every required property', () => {
    const partial = {
      type: 'object',
      required: ['a', 'b'],
      properties: { a: { type: 'string' }, b: { type: 'integer' } },
      example: { a: 'x' },
    };
    const complete = { ...partial, example: { a: 'x', b: 5 } };
    expect(examples([{ name: 'body', in: 'body', required: true, schema: partial }]).args.body).toEqual({
      a: 'example',
      b: 1,
    });
    expect(examples([{ name: 'body', in: 'body', required: true, schema: complete }]).args.body).toEqual({
      a: 'x',
      b: 5,
    });
  });

  it('takes `x-ms-test-value` from the body parameter itself', () => {
    const { args } = examples([
      { name: 'body', in: 'body', required: true, 'x-ms-test-value': { a: 1 }, schema: { type: 'object' } },
    ]);
    expect(args.body).toEqual({ a: 1 });
  });

  it('gives arguments the request builder accepts', () => {
    const { build } = examples(
      [
        { name: 'id', in: 'path', required: true, type: 'string', 'x-ms-url-encoding': 'double' },
        { name: 'n', in: 'query', required: true, type: 'integer', minimum: 3 },
        {
          name: 'body',
          in: 'body',
          required: true,
          schema: { type: 'object', required: ['a'], properties: { a: { type: 'string', format: 'email' } } },
        },
      ],
      {},
      '/x/{id}',
    );
    const { request } = build();
    expect(request.path).toBe('/x/example');
    expect(request.query.get('n')).toBe('3');
    expect(request.body).toEqual({ kind: 'json', value: { a: 'user@example.com' } });
  });
});

/** Example arguments for one operation (`consumes`, `produces` included) and optional apiProperties. */
function examplesOf(operation: JsonObject, properties?: JsonObject) {
  const swagger = {
    swagger: '2.0',
    info: { title: 'T', version: '1' },
    host: 'api.example.com',
    paths: {
      '/x': { post: { operationId: 'Op', responses: { '200': { description: 'OK' } }, ...operation } },
    },
  };
  const files = [
    { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(swagger)) },
  ];
  if (properties)
    files.push({
      name: 'apiProperties.json',
      bytes: new TextEncoder().encode(JSON.stringify({ properties })),
    });
  const connector = connectorFromFiles(files);
  const op = connector.operation('Op')!;
  const result = exampleArguments(connector, op);
  return { ...result, build: () => buildRequest(connector, op, result.args) };
}

describe('exampleArguments: values a validating server accepts', () => {
  it('skips a declared value that breaks the `format` (a Power Fx expression as a date-time)', () => {
    const { args } = examples([q({ format: 'date-time', default: "addDays(utcNow(), 1, 'yyyy-MM-dd')" })]);
    expect(args.p).toBe('2024-01-15T09:30:00Z');
  });

  it('skips an object example whose optional properties break their schema', () => {
    const schema = {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string' },
        email: { type: 'string', format: 'email' },
        n: { type: 'string' },
      },
      example: { name: 'Bruce', email: 'string', n: 1 },
    };
    const { args } = examples([{ name: 'body', in: 'body', required: true, schema }]);
    expect(args.body).toEqual({ name: 'example' });
  });

  it('reports a `pattern` no value of the `format` can match instead of breaking the format', () => {
    const { args, missing } = examples([q({ format: 'date-time', pattern: 'yyyy-MM-dd hh:mm:ss.fff' })]);
    expect(missing).toEqual(['p']);
    expect(args.p).toBe('2024-01-15T09:30:00Z');
  });

  it('tries well-known shapes for a pattern the generator cannot read', () => {
    const { args, missing } = examples([
      q({ pattern: '(?=^.{5,254}$)([a-zA-Z0-9.]+)@([a-zA-Z0-9]+\\.)+[a-z]{2,}$' }),
    ]);
    expect(missing).toEqual([]);
    expect(args.p).toBe('user@example.com');
  });

  it("takes an `enum` value written as text as its type's value (InEight's `includeTranslation`)", () => {
    const { args, missing } = examples([q({ type: 'boolean', default: 'false', enum: ['false', 'true'] })]);
    expect(missing).toEqual([]);
    expect(args.p).toBe(false);
    expect(examples([q({ type: 'integer', enum: ['x', '10', '20'] })]).args.p).toBe(10);
  });

  it('reports an `enum` none of whose values is one of the declared type', () => {
    const { missing } = examples([q({ type: 'boolean', enum: ['yes', 'no'] })]);
    expect(missing).toEqual(['p']);
  });

  it('tries every `enum` value, not only the first', () => {
    const { args } = examples([q({ enum: ['', 'b'] })], {}, '/x');
    expect(args.p).toBe('b');
  });

  it('gives required query and header parameters no empty default', () => {
    const { args } = examples([
      { name: 'client_secret', in: 'header', required: true, type: 'string', default: '' },
      { name: 'q', in: 'query', required: true, type: 'string', default: '' },
    ]);
    expect(args).toEqual({ client_secret: 'example', q: 'example' });
  });
});

describe('exampleArguments: media types in `Content-Type` and `Accept` parameters', () => {
  const header = (name: string, extra: JsonObject = {}): JsonObject => ({
    name,
    in: 'header',
    required: true,
    type: 'string',
    ...extra,
  });
  const body: JsonObject = { name: 'body', in: 'body', required: true, schema: { type: 'object' } };

  it('takes `Content-Type` from `consumes`, JSON first, never the word `example`', () => {
    const { args } = examplesOf({
      consumes: ['multipart/form-data', 'application/json'],
      parameters: [header('Content-Type'), body],
    });
    expect(args['Content-Type']).toBe('application/json');
  });

  it('takes `Accept` from `produces`, and `*/*` when there is none', () => {
    expect(examplesOf({ produces: ['application/xml'], parameters: [header('Accept')] }).args.Accept).toBe(
      'application/xml',
    );
    expect(examplesOf({ parameters: [header('accept')] }).args.accept).toBe('*/*');
  });

  it('prefers the declared default when `consumes` lists it, and `consumes` when it does not', () => {
    const listed = examplesOf({
      consumes: ['application/pdf', 'application/octet-stream'],
      parameters: [header('Content-Type', { default: 'application/octet-stream' }), body],
    });
    expect(listed.args['Content-Type']).toBe('application/octet-stream');
    const outside = examplesOf({
      consumes: ['application/octet-stream'],
      parameters: [header('Content-Type', { default: 'application/pdf' }), body],
    });
    expect(outside.args['Content-Type']).toBe('application/octet-stream');
  });

  it('keeps an `enum` the connector restricts the header to, even outside `consumes`', () => {
    const { args } = examplesOf({
      consumes: ['application/json'],
      parameters: [header('Content-Type', { enum: ['text/plain', 'text/x-markdown'] }), body],
    });
    expect(args['Content-Type']).toBe('text/plain');
  });

  it('sends the chosen type as the body content type', () => {
    const { build } = examplesOf({
      consumes: ['application/x-www-form-urlencoded'],
      parameters: [header('Content-Type'), { name: 'f', in: 'formData', required: true, type: 'string' }],
    });
    expect(build().request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
  });
});

describe('exampleArguments: values the policies read', () => {
  it('fills optional query and header parameters that a policy of the operation reads', () => {
    const { args } = examplesOf(
      {
        parameters: [
          { name: 'HostUrl', in: 'query', type: 'string' },
          { name: 'region', in: 'header', type: 'string', enum: ['eu', 'us'] },
          { name: 'other', in: 'query', type: 'string' },
        ],
      },
      {
        policyTemplateInstances: [
          {
            templateId: 'dynamichosturl',
            title: 'Host',
            parameters: {
              'x-ms-apimTemplateParameter.urlTemplate':
                "https://@headers('region').@queryParameters('HostUrl')",
            },
          },
        ],
      },
    );
    expect(args).toEqual({ HostUrl: 'example', region: 'eu' });
  });

  it('leaves them alone for operations the policy does not apply to', () => {
    const { args } = examplesOf(
      { parameters: [{ name: 'HostUrl', in: 'query', type: 'string' }] },
      {
        policyTemplateInstances: [
          {
            templateId: 'dynamichosturl',
            title: 'Host',
            parameters: {
              'x-ms-apimTemplateParameter.urlTemplate': "https://@queryParameters('HostUrl')",
              'x-ms-apimTemplate-operationName': ['Other'],
            },
          },
        ],
      },
    );
    expect(args).toEqual({});
  });
});
