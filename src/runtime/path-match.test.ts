import { describe, expect, it } from 'vitest';
import { matchOperation } from './path-match.ts';
import { memoryConnector } from './testing.ts';

const ok = { responses: { 200: { description: 'ok' } } };
const connector = memoryConnector({
  swagger: '2.0',
  info: { title: 'Paths', version: '1' },
  host: 'api.paths.test',
  basePath: '/v1',
  paths: {
    '/tasks/{id}': { get: { operationId: 'GetTask', ...ok }, delete: { operationId: 'DeleteTask', ...ok } },
    '/tasks/done': { get: { operationId: 'ListDone', ...ok } },
    '/Files/{name}.{ext}': { get: { operationId: 'GetFile', ...ok } },
    '/': { get: { operationId: 'Root', ...ok } },
  },
});

describe('matchOperation', () => {
  it.each([
    ['GET', '/tasks/42', 'GetTask', { id: '42' }],
    ['DELETE', '/tasks/42', 'DeleteTask', { id: '42' }],
    ['GET', '/tasks/done', 'ListDone', {}],
    ['GET', '/TASKS/DONE', 'ListDone', {}],
    ['GET', '/tasks/a%20b', 'GetTask', { id: 'a b' }],
    ['get', '/files/report.final.pdf', 'GetFile', { name: 'report', ext: 'final.pdf' }],
    ['GET', '/', 'Root', {}],
  ])('%s %s → %s', (method, path, operationId, values) => {
    const match = matchOperation(connector, method, path);
    expect(match?.operation.id).toBe(operationId);
    expect(match?.pathValues).toEqual(values);
  });

  it.each([
    ['POST', '/tasks/42'],
    ['GET', '/tasks'],
    ['GET', '/tasks/42/extra'],
  ])('finds nothing for %s %s', (method, path) => {
    expect(matchOperation(connector, method, path)).toBeUndefined();
  });

  it('keeps a path value named __proto__ as an own value', () => {
    const odd = memoryConnector({
      swagger: '2.0',
      info: { title: 'Odd', version: '1' },
      paths: { '/x/{__proto__}': { get: { operationId: 'Odd', ...ok } } },
    });
    const match = matchOperation(odd, 'GET', '/x/polluted');
    expect(Object.getOwnPropertyDescriptor(match?.pathValues, '__proto__')?.value).toBe('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
