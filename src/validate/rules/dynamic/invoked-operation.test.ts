import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import produceArray from './invoked-operation-should-produce-array.ts';
import produceProperty from './invoked-operation-should-produce-property.ts';

/** `CreateTask` whose `folder` parameter calls `ListFolders`, which answers `response` with 200. */
function doc(folder: Record<string, unknown>, response: unknown) {
  return swagger({
    paths: {
      '/tasks': {
        post: {
          operationId: 'CreateTask',
          parameters: [{ name: 'folder', in: 'query', type: 'string', ...folder }],
          responses: { '200': { description: 'OK' } },
        },
      },
      '/folders': {
        get: { operationId: 'ListFolders', responses: { '200': { description: 'OK', schema: response } } },
      },
    },
    definitions: {
      Folders: { type: 'object', properties: { value: { type: 'array', items: { type: 'object' } } } },
    },
  });
}

const values = (collection?: string) => ({
  'x-ms-dynamic-values': {
    operationId: 'ListFolders',
    parameters: {},
    ...(collection === undefined ? {} : { 'value-collection': collection }),
  },
});

describe('invoked-operation-should-produce-array', () => {
  it('reports a value-collection the response does not have', () => {
    expect(
      messages(produceArray, { swagger: doc(values('items'), { $ref: '#/definitions/Folders' }) }),
    ).toEqual([
      'The dynamic operation expects an array on the specified path `items` which should be defined in the successful response of the invoked operation `ListFolders`.',
    ]);
  });
  it('reports a response root that is not an array when no collection is given', () => {
    const d = doc(values(), { type: 'object', properties: { id: { type: 'string' } } });
    expect(pointers(produceArray, { swagger: d })).toEqual([
      '/paths/~1tasks/post/parameters/0/x-ms-dynamic-values',
    ]);
  });
  it('checks itemsPath of x-ms-dynamic-list', () => {
    const list = { 'x-ms-dynamic-list': { operationId: 'ListFolders', parameters: {}, itemsPath: 'values' } };
    expect(messages(produceArray, { swagger: doc(list, { $ref: '#/definitions/Folders' }) })).toHaveLength(1);
  });
  it('accepts an array at the path, and says nothing about open or missing schemas', () => {
    expect(
      messages(produceArray, { swagger: doc(values('value'), { $ref: '#/definitions/Folders' }) }),
    ).toEqual([]);
    expect(messages(produceArray, { swagger: doc(values('value'), { type: 'object' }) })).toEqual([]);
    expect(messages(produceArray, { swagger: doc(values(), { type: 'array', items: {} }) })).toEqual([]);
    expect(messages(produceArray, { swagger: doc(values('value'), undefined) })).toEqual([]);
  });
});

describe('invoked-operation-should-produce-property', () => {
  const schema = (valuePath: string) => ({
    'x-ms-dynamic-schema': { operationId: 'ListFolders', parameters: {}, 'value-path': valuePath },
  });
  const response = { type: 'object', properties: { schema: { type: 'object' } } };
  it('reports a value-path the response does not have', () => {
    expect(messages(produceProperty, { swagger: doc(schema('Schema'), response) })).toEqual([
      'The dynamic operation expects a property on the specified path `Schema` which should be defined in the successful response of the invoked operation `ListFolders` (`Schema` is not there).',
    ]);
  });
  it('accepts a path the response has, and stops at open objects', () => {
    expect(messages(produceProperty, { swagger: doc(schema('schema'), response) })).toEqual([]);
    expect(messages(produceProperty, { swagger: doc(schema('schema/properties'), response) })).toEqual([]);
  });
});
