import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { swagger } from '../testing.ts';
import { dynamicCalls, dynamicSites, siteLabel, superseded } from './dynamic-calls.ts';

const connect = (doc: unknown) =>
  connectorFromFiles([
    { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) },
  ]);

const listTags = { operationId: 'ListTags', parameters: {} };
const connector = connect(
  swagger({
    paths: {
      '/tasks': {
        post: {
          operationId: 'CreateTask',
          parameters: [
            {
              name: 'tag',
              in: 'query',
              type: 'string',
              'x-ms-dynamic-values': listTags,
              'x-ms-dynamic-list': listTags,
            },
            { name: 'body', in: 'body', schema: { $ref: '#/definitions/Task' } },
          ],
          responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Task' } } },
        },
        put: {
          operationId: 'UpdateTask',
          parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Task' } }],
          responses: { '200': { description: 'OK' } },
        },
      },
      '/tags': { get: { operationId: 'ListTags', responses: { '200': { description: 'OK' } } } },
    },
    definitions: {
      Task: {
        type: 'object',
        properties: {
          folder: {
            type: 'string',
            'x-ms-dynamic-tree': { open: listTags, browse: listTags, settings: {} },
          },
        },
      },
      Unused: { type: 'string', 'x-ms-dynamic-schema': listTags },
    },
  }),
);

describe('dynamicSites', () => {
  it('finds parameters and schemas, following $refs, once per object', () => {
    // Operations come in path order, then `get, put, post, …` within a path.
    expect(dynamicSites(connector).map((s) => [s.pointer, s.position])).toEqual([
      ['/definitions/Task/properties/folder', 'schema'],
      ['/paths/~1tasks/post/parameters/0', 'parameter'],
      ['/definitions/Unused', 'schema'],
    ]);
  });
  it('records every operation that uses a shared definition, as input or output', () => {
    const folder = dynamicSites(connector)[0]!;
    expect(folder.uses.map((u) => [u.operation.id, u.role])).toEqual([
      ['UpdateTask', 'input'],
      ['CreateTask', 'input'],
      ['CreateTask', 'output'],
    ]);
    expect(dynamicSites(connector)[2]!.uses).toEqual([]);
  });
});

describe('dynamicCalls', () => {
  it('gives one call per extension, two for a tree, with the parameter form', () => {
    expect(dynamicCalls(connector).map((c) => [c.extension, c.part, c.form])).toEqual([
      ['x-ms-dynamic-tree', 'open', 'path'],
      ['x-ms-dynamic-tree', 'browse', 'path'],
      ['x-ms-dynamic-values', undefined, 'name'],
      ['x-ms-dynamic-list', undefined, 'path'],
      ['x-ms-dynamic-schema', undefined, 'name'],
    ]);
  });
  it('marks an older extension superseded when its companion is present', () => {
    expect(dynamicCalls(connector).map(superseded)).toEqual([false, false, true, false, false]);
  });
});

describe('siteLabel', () => {
  it('names parameters, properties and definitions', () => {
    expect(dynamicSites(connector).map(siteLabel)).toEqual([
      'property `folder`',
      'parameter `tag`',
      'definition `Unused`',
    ]);
  });
});
