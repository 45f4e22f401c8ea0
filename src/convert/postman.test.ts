import { describe, expect, it } from 'vitest';
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
