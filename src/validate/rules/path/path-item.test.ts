import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import pathItemEmpty from './path-item-empty.ts';
import pathItemRefNotSupported from './path-item-ref-not-supported.ts';
import pathItemUnknownKey from './path-item-unknown-key.ts';

const get = { operationId: 'ListTasks', responses: { '200': { description: 'OK' } } };

describe('path-item-ref-not-supported', () => {
  it('reports `$ref` on a path item, at the `$ref`', () => {
    const files = { swagger: swagger({ paths: { '/tasks': { $ref: '#/x-paths/tasks' } } }) };
    expect(messages(pathItemRefNotSupported, files)).toEqual([
      'The `$ref` property in path `/tasks` is not supported.',
    ]);
    expect(pointers(pathItemRefNotSupported, files)).toEqual(['/paths/~1tasks/$ref']);
  });
  it('accepts inline operations', () => {
    expect(messages(pathItemRefNotSupported, { swagger: withOperation({}) })).toEqual([]);
  });
});

describe('path-item-empty', () => {
  it.each([
    ['an empty object', {}],
    ['only parameters', { parameters: [] }],
    ['only notification content', { 'x-ms-notification-content': { schema: { type: 'object' } } }],
  ])('reports a path item with %s', (_, item) => {
    const files = { swagger: swagger({ paths: { '/hooks': item } }) };
    expect(messages(pathItemEmpty, files)).toEqual([
      "The path `/hooks` defines no operation; empty operations aren't allowed.",
    ]);
  });
  it('accepts a path with an operation, and leaves `$ref` items to path-item-ref-not-supported', () => {
    expect(messages(pathItemEmpty, { swagger: withOperation({}) })).toEqual([]);
    const ref = { swagger: swagger({ paths: { '/tasks': { $ref: '#/x/tasks' } } }) };
    expect(messages(pathItemEmpty, ref)).toEqual([]);
  });
});

describe('path-item-unknown-key', () => {
  it('reports a property that is not a method, parameters, $ref or extension', () => {
    const files = { swagger: swagger({ paths: { '/tasks': { get, deprecated: true } } }) };
    expect(messages(pathItemUnknownKey, files)).toEqual([
      'The property `deprecated` is not allowed in path `/tasks` and must be removed.',
    ]);
    expect(pointers(pathItemUnknownKey, files)).toEqual(['/paths/~1tasks/deprecated']);
  });
  it('explains that an upper-case method is ignored', () => {
    const files = { swagger: swagger({ paths: { '/tasks': { GET: get } } }) };
    expect(messages(pathItemUnknownKey, files)).toEqual([
      'The path `/tasks` has the key `GET`; HTTP methods must be lower case, so this operation is ignored.',
    ]);
  });
  it('accepts methods, parameters and x- extensions', () => {
    const item = { get, parameters: [], 'x-ms-notification-content': {}, 'x-summary': 'Tasks' };
    expect(messages(pathItemUnknownKey, { swagger: swagger({ paths: { '/tasks': item } }) })).toEqual([]);
  });
});
