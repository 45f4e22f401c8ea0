import { describe, expect, it } from 'vitest';
import { schemaNodes, testConnector } from './_test-connector.ts';
import { propertyPath, schemaLabel } from './schema-label.ts';

const connector = testConnector({
  swagger: '2.0',
  paths: {
    '/tasks': {
      get: {
        operationId: 'ListTasks',
        parameters: [{ name: 'tags', in: 'query', type: 'array', items: { type: 'string' } }],
        responses: {
          '200': {
            description: 'OK',
            schema: { type: 'array', items: { properties: { owner: { properties: { name: {} } } } } },
            headers: { ETag: { type: 'string' } },
          },
        },
      },
    },
  },
  definitions: { Task: { properties: { labels: { additionalProperties: { type: 'string' } } } } },
});
const nodes = schemaNodes(connector);
const label = (pointer: string) => schemaLabel(nodes.get(pointer)!, connector);

describe('schemaLabel', () => {
  it('names parameters, their items and response headers', () => {
    expect(label('/paths/~1tasks/get/parameters/0')).toBe('Parameter `tags`');
    expect(label('/paths/~1tasks/get/parameters/0/items')).toBe('Items of parameter `tags`');
    expect(label('/paths/~1tasks/get/responses/200/headers/ETag')).toBe('Response header `ETag`');
  });
  it('names response schemas and their properties by operationId', () => {
    expect(label('/paths/~1tasks/get/responses/200/schema')).toBe('The `200` response schema of `ListTasks`');
    expect(label('/paths/~1tasks/get/responses/200/schema/items')).toBe(
      'Items of the `200` response schema of `ListTasks`',
    );
    expect(label('/paths/~1tasks/get/responses/200/schema/items/properties/owner/properties/name')).toBe(
      'Property `[].owner.name` of the `200` response schema of `ListTasks`',
    );
  });
  it('names definitions and dictionary values', () => {
    expect(label('/definitions/Task')).toBe('Definition `Task`');
    expect(propertyPath(nodes.get('/definitions/Task/properties/labels/additionalProperties')!)).toBe(
      'labels.*',
    );
  });
});
