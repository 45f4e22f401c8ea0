import { describe, expect, it } from 'vitest';
import { testConnector } from './_test-connector.ts';
import { operationSchemaCount, schemaSize, totalSchemaCount } from './schema-size.ts';

const doc = {
  swagger: '2.0',
  paths: {
    '/tasks': {
      get: {
        operationId: 'ListTasks',
        parameters: [{ name: 'tags', in: 'query', type: 'array', items: { type: 'string' } }],
        responses: {
          '200': {
            description: 'OK',
            schema: { type: 'array', items: { $ref: '#/definitions/Task' } },
            headers: { ETag: { type: 'string' } },
          },
        },
      },
    },
  },
  definitions: {
    Task: {
      properties: {
        id: { type: 'string' },
        owner: { $ref: '#/definitions/User' },
        sub: { $ref: '#/definitions/Task' },
      },
    },
    User: { allOf: [{ properties: { name: { type: 'string' } } }] },
  },
};

describe('schemaSize', () => {
  it('expands references, counting every schema object and cutting recursion', () => {
    const connector = testConnector(doc);
    // Task: itself, id, owner → User (itself, allOf member, name), sub → recursion (0).
    expect(schemaSize(connector, doc.definitions.Task, '/definitions/Task')).toEqual({ count: 5, depth: 3 });
    expect(schemaSize(connector, doc.paths['/tasks'].get.responses['200'].schema)).toEqual({
      count: 6,
      depth: 4,
    });
  });
  it('treats an unresolved reference as one schema', () => {
    expect(schemaSize(testConnector(doc), { $ref: '#/definitions/Missing' })).toEqual({ count: 1, depth: 1 });
  });
});

describe('operationSchemaCount / totalSchemaCount', () => {
  it('adds parameters, response schemas and headers', () => {
    const connector = testConnector(doc);
    const [op] = connector.operations;
    expect(operationSchemaCount(connector, op!)).toBe(2 + 6 + 1);
    expect(totalSchemaCount(connector)).toBe(9);
  });
});
