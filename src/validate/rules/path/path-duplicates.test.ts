import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import duplicateOperationPath from './duplicate-operation-path.ts';
import partialDuplicateOperationPath from './partial-duplicate-operation-path.ts';
import pathRedefined from './path-redefined.ts';

const op = (operationId: string) => ({ operationId, responses: { '200': { description: 'OK' } } });
/** A document from `{ path: { method: operationId } }`. */
const doc = (paths: Record<string, Record<string, string>>) => ({
  swagger: swagger({
    paths: Object.fromEntries(
      Object.entries(paths).map(([p, ops]) => [
        p,
        Object.fromEntries(Object.entries(ops).map(([m, id]) => [m, op(id)])),
      ]),
    ),
  }),
});

describe('path-redefined', () => {
  it('reports a path repeated in other capitalization', () => {
    const files = doc({ '/tasks': { get: 'ListTasks' }, '/Tasks': { post: 'CreateTask' } });
    expect(messages(pathRedefined, files)).toEqual([
      'The path `/Tasks` is defined multiple times with different capitalization (`/tasks`); paths must be unique when compared case-insensitively.',
    ]);
    expect(pointers(pathRedefined, files)).toEqual(['/paths/~1Tasks']);
  });
  it('accepts distinct paths', () => {
    expect(messages(pathRedefined, doc({ '/tasks': { get: 'A' }, '/task': { get: 'B' } }))).toEqual([]);
  });
});

describe('duplicate-operation-path', () => {
  it('reports two operations with the same method whose templates differ only in variable names', () => {
    const files = doc({ '/tasks/{id}': { get: 'GetTask' }, '/tasks/{taskId}': { get: 'GetTask2' } });
    expect(messages(duplicateOperationPath, files)).toEqual([
      'The operations `GetTask` and `GetTask2` have the path templates `/tasks/{id}` and `/tasks/{taskId}`, which are duplicate and indistinguishable; they need a difference in static path segments for deterministic routing.',
    ]);
    expect(pointers(duplicateOperationPath, files)).toEqual(['/paths/~1tasks~1{taskId}/get']);
  });
  it('accepts such templates when their methods differ (certified connectors do this)', () => {
    const files = doc({ '/tasks/{id}': { get: 'GetTask' }, '/tasks/{taskId}': { delete: 'DeleteTask' } });
    expect(messages(duplicateOperationPath, files)).toEqual([]);
  });
  it('leaves case-only differences to path-redefined', () => {
    const files = doc({ '/tasks/{id}': { get: 'A' }, '/Tasks/{id}': { get: 'B' } });
    expect(messages(duplicateOperationPath, files)).toEqual([]);
  });
});

describe('partial-duplicate-operation-path', () => {
  it('reports the variable template that a static segment can shadow', () => {
    const files = doc({ '/users/{id}': { get: 'GetUser' }, '/users/me': { get: 'GetMe' } });
    expect(messages(partialDuplicateOperationPath, files)).toEqual([
      'The operation `GetUser` has the path template `/users/{id}`, which is similar to `/users/me`; a path parameter value equal to a static segment is routed to the other operation.',
    ]);
    expect(pointers(partialDuplicateOperationPath, files)).toEqual(['/paths/~1users~1{id}/get']);
  });
  it('reports both sides when each has a variable where the other is static', () => {
    const files = doc({ '/a/{x}/c': { get: 'One' }, '/a/b/{y}': { get: 'Two' } });
    expect(messages(partialDuplicateOperationPath, files)).toHaveLength(2);
  });
  it('accepts templates that differ in a static segment or only in method', () => {
    expect(
      messages(
        partialDuplicateOperationPath,
        doc({ '/users/{id}': { get: 'A' }, '/groups/me': { get: 'B' } }),
      ),
    ).toEqual([]);
    expect(
      messages(
        partialDuplicateOperationPath,
        doc({ '/users/{id}': { get: 'A' }, '/users/me': { post: 'B' } }),
      ),
    ).toEqual([]);
  });
});
