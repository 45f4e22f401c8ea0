import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import missingPathParameter from './operation-missing-path-parameter.ts';
import missingEncoding from './path-parameter-missing-encoding.ts';
import mustBeRequired from './path-parameter-must-be-required.ts';
import notInTemplate from './path-parameter-not-defined-in-template.ts';
import queryEncoding from './query-parameter-encoding-not-supported.ts';

const pathParam = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  in: 'path',
  required: true,
  type: 'string',
  'x-ms-url-encoding': 'single',
  ...extra,
});
const at = (path: string, parameters: unknown[]) => ({ swagger: withOperation({ parameters }, path) });

describe('operation-missing-path-parameter', () => {
  it('reports a template variable without a parameter', () => {
    expect(messages(missingPathParameter, at('/tasks/{id}/notes/{noteId}', [pathParam('id')]))).toEqual([
      'The operation `ListTasks` does not define the `noteId` parameter which is required by the path.',
    ]);
  });
  it('finds parameters defined on the path item', () => {
    const doc = swagger({
      paths: {
        '/tasks/{id}': {
          parameters: [pathParam('id')],
          get: { operationId: 'GetTask', responses: { '200': { description: 'OK' } } },
        },
      },
    });
    expect(messages(missingPathParameter, { swagger: doc })).toEqual([]);
  });
  it('compares names case-sensitively and reads `{id=1}` as `id`', () => {
    expect(messages(missingPathParameter, at('/tasks/{Id}', [pathParam('id')]))).toHaveLength(1);
    expect(messages(missingPathParameter, at('/tasks/{id=1}', [pathParam('id')]))).toEqual([]);
  });
});

describe('path-parameter-not-defined-in-template', () => {
  it('reports a path parameter the template does not name', () => {
    const files = at('/tasks/{id}', [pathParam('id'), pathParam('taskId')]);
    expect(messages(notInTemplate, files)).toEqual([
      'The `path` parameter `taskId` of operation `ListTasks` is not defined in the URI path template `/tasks/{id}`; enclose its name in `{` and `}` in the path.',
    ]);
    expect(pointers(notInTemplate, files)).toEqual(['/paths/~1tasks~1{id}/get/parameters/1/name']);
  });
  it('reports a path-level parameter once, not per operation', () => {
    const ok = { responses: { '200': { description: 'OK' } } };
    const doc = swagger({
      paths: { '/tasks': { parameters: [pathParam('id')], get: ok, delete: ok } },
    });
    expect(messages(notInTemplate, { swagger: doc })).toEqual([
      'The `path` parameter `id` of path `/tasks` is not defined in the URI path template `/tasks`; enclose its name in `{` and `}` in the path.',
    ]);
  });
  it('accepts matching names', () => {
    expect(messages(notInTemplate, at('/tasks/{id}', [pathParam('id')]))).toEqual([]);
  });
});

describe('path-parameter-must-be-required', () => {
  it('reports `required: false` at the property', () => {
    expect(pointers(mustBeRequired, at('/tasks/{id}', [pathParam('id', { required: false })]))).toEqual([
      '/paths/~1tasks~1{id}/get/parameters/0/required',
    ]);
  });
  it('reports a missing `required` at the parameter', () => {
    const files = at('/tasks/{id}', [pathParam('id', { required: undefined })]);
    expect(messages(mustBeRequired, files)).toEqual([
      'Parameter `id` of operation `ListTasks` is in the path but not required; it must be marked as required as it is used in the operation path.',
    ]);
  });
  it('accepts a required path parameter', () => {
    expect(messages(mustBeRequired, at('/tasks/{id}', [pathParam('id')]))).toEqual([]);
  });
});

describe('path-parameter-missing-encoding', () => {
  it('points where Microsoft does: at the missing x-ms-url-encoding', () => {
    const files = at('/tasks/{id}', [pathParam('id', { 'x-ms-url-encoding': undefined })]);
    expect(pointers(missingEncoding, files)).toEqual([
      '/paths/~1tasks~1{id}/get/parameters/0/x-ms-url-encoding',
    ]);
    expect(messages(missingEncoding, files)[0]).toMatch(
      /^Encoding for parameter `id` of operation `ListTasks` is missing/,
    );
  });
  it('accepts a path parameter with an encoding, and query parameters without', () => {
    const query = { name: 'q', in: 'query', type: 'string' };
    expect(messages(missingEncoding, at('/tasks/{id}', [pathParam('id'), query]))).toEqual([]);
  });
});

describe('query-parameter-encoding-not-supported', () => {
  it('reports x-ms-url-encoding on a query parameter', () => {
    const query = { name: 'q', in: 'query', type: 'string', 'x-ms-url-encoding': 'double' };
    expect(messages(queryEncoding, at('/tasks', [query]))).toEqual([
      'Encoding for parameter `q` of operation `ListTasks` (in `query`) is not supported; all query parameters are single encoded by default.',
    ]);
  });
  it('accepts it on a path parameter', () => {
    expect(messages(queryEncoding, at('/tasks/{id}', [pathParam('id')]))).toEqual([]);
  });
});
