import { describe, expect, it } from 'vitest';
import { ownArray, ownObject, ownString } from '../connector/json.ts';
import { convert } from './convert.ts';

const collection = JSON.stringify({
  info: { name: 'Todo', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] },
  variable: [{ key: 'baseUrl', value: 'https://todo.example.org/api' }],
  item: [
    {
      name: 'Tasks',
      item: [
        {
          name: 'Get task',
          request: {
            method: 'GET',
            url: {
              raw: '{{baseUrl}}/tasks/:id?expand=true',
              host: ['{{baseUrl}}'],
              path: ['tasks', ':id'],
              query: [{ key: 'expand', value: 'true' }],
            },
          },
          response: [{ name: 'A task', code: 200, body: '{"id": 1, "title": "Buy milk", "done": false}' }],
        },
        {
          name: 'Create task',
          event: [{ listen: 'test', script: { exec: ['pm.test()'] } }],
          request: {
            method: 'POST',
            header: [
              { key: 'Content-Type', value: 'application/json' },
              { key: 'X-Version', value: '2' },
            ],
            body: { mode: 'raw', raw: '{"title": "{{title}}"}' },
            url: '{{baseUrl}}/tasks',
          },
        },
      ],
    },
  ],
});

describe('Postman collections', () => {
  const result = convert(collection, { preset: false });
  const swagger = result.swagger as Record<string, any>;

  it('takes host and base path from the base URL variable', () => {
    expect([swagger.host, swagger.basePath]).toEqual(['todo.example.org', '/api']);
  });

  it('turns `:id` into a path parameter and keeps query parameters', () => {
    const op = swagger.paths['/tasks/{id}'].get;
    expect(op.parameters.map((p: any) => `${p.in}:${p.name}`)).toEqual(['path:id', 'query:expand']);
    expect(op.responses['200'].schema).toEqual({
      type: 'object',
      properties: { id: { type: 'integer' }, title: { type: 'string' }, done: { type: 'boolean' } },
    });
    expect(op.tags).toEqual(['Tasks']);
  });

  it('infers the body schema from the raw JSON example and keeps headers as parameters with defaults', () => {
    const op = swagger.paths['/tasks'].post;
    expect(op.parameters).toContainEqual(
      expect.objectContaining({
        in: 'header',
        name: 'X-Version',
        default: '2',
        required: true,
        'x-ms-visibility': 'internal',
      }),
    );
    expect(op.parameters).toContainEqual(
      expect.objectContaining({
        in: 'body',
        schema: { type: 'object', properties: { title: { type: 'string' } } },
      }),
    );
  });

  it('maps bearer auth and reports scripts and inferred schemas', () => {
    expect(swagger.securityDefinitions).toEqual({
      bearer: { type: 'apiKey', in: 'header', name: 'Authorization' },
    });
    const constructs = new Set(result.losses.map((l) => l.construct));
    for (const c of ['scripts', 'example body', 'example response', 'bearer authentication'])
      expect(constructs).toContain(c);
    expect(result.stats.inputOperations).toBe(2);
  });
});

describe('Postman requests that write their own headers', () => {
  const request = (name: string, method: string, path: string[], header: object[], body?: object) => ({
    name,
    request: {
      method,
      header,
      url: { raw: `{{api}}/${path.join('/')}`, host: ['{{api}}'], path },
      ...(body && { body }),
    },
  });
  const json = { 'Content-Type': 'application/json' };
  const headers = (h: Record<string, string>) => Object.entries(h).map(([key, value]) => ({ key, value }));
  const result = convert(
    JSON.stringify({
      info: { name: 'Blog', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'api', value: 'https://blog.example.org/api' }],
      item: [
        request('Current user', 'GET', ['user'], headers({ ...json, Authorization: 'Token {{token}}' })),
        request('Tags', 'GET', ['tags'], headers(json)),
        request(
          'Profile',
          'GET',
          ['profiles', 'celeb_{{username}}'],
          headers({ Authorization: 'Token {{token}}' }),
        ),
        request('Create', 'POST', ['articles'], headers({ ...json, Authorization: 'Token {{token}}' }), {
          mode: 'raw',
          raw: '{"title": "x"}',
        }),
        request('Legacy', 'GET', ['legacy'], headers({ Authorization: 'Basic {{basic}}' })),
      ],
    }),
    { preset: false },
  );
  const swagger = result.swagger;
  const op = (path: string, method: string) =>
    ownObject(ownObject(ownObject(swagger, 'paths'), path), method);

  it('makes the hand-written Authorization header an API key that only the requests writing it send', () => {
    expect(swagger.securityDefinitions).toEqual({
      authorization: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'Authorization' }),
    });
    expect(swagger.security).toEqual([{ authorization: [] }]);
    expect(op('/user', 'get')?.security).toBeUndefined();
    expect(op('/tags', 'get')?.security).toEqual([]);
    const header = result.losses.filter((l) => l.construct === 'Authorization header');
    expect(header.map((l) => l.pointer)).toEqual([
      '/item/0/request/header/1/value',
      '/item/4/request/header/0/value',
    ]);
    expect(header[1]?.action).toMatch(/`Basic \{\{basic\}\}` differs from the connection's `Token <token>`/);
  });

  it('keeps a constant Content-Type on a request without a body as an internal header', () => {
    expect(op('/tags', 'get')?.parameters).toContainEqual(
      expect.objectContaining({
        in: 'header',
        name: 'Content-Type',
        default: 'application/json',
        required: true,
      }),
    );
    expect(ownArray(op('/articles', 'post'), 'parameters')?.map((p) => ownString(p, 'in'))).toEqual(['body']);
  });

  it('makes a variable inside a path segment a path parameter', () => {
    expect(op('/profiles/celeb_{username}', 'get')?.parameters).toContainEqual(
      expect.objectContaining({ in: 'path', name: 'username', required: true }),
    );
  });
});

describe('convert: a Postman v2.0 collection', () => {
  it('reads auth written as a map and headers written as one string, as v2.1 has them', () => {
    const v20 = JSON.stringify({
      info: { name: 'Old', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      auth: { type: 'apikey', apikey: { key: 'X-Api-Key', value: '{{key}}', in: 'header' } },
      item: [
        {
          name: 'List things',
          request: {
            method: 'GET',
            url: 'https://old.example.org/v1/things',
            header: 'X-Api-Version: 3\n//X-Debug: 1',
          },
        },
      ],
    });
    const result = convert(v20, { source: 'old.json' });
    expect(result.swagger.securityDefinitions).toEqual({
      apikey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    });
    const op = ownObject(ownObject(ownObject(result.swagger, 'paths'), '/v1/things'), 'get');
    expect(ownArray(op, 'parameters')).toEqual([
      expect.objectContaining({
        name: 'X-Api-Version',
        in: 'header',
        default: '3',
        'x-ms-visibility': 'internal',
      }),
    ]);
    expect(result.report).toContain('Postman collection v2.0.0');
  });
});
