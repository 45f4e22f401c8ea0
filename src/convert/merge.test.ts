import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../connector/json.ts';
import { mergeUpdate } from './merge.ts';

function doc(ops: Record<string, JsonObject>): JsonObject {
  const paths: JsonObject = {};
  for (const [key, op] of Object.entries(ops)) {
    const [method = 'get', path = '/'] = key.split(' ');
    paths[path] = { ...((paths[path] as JsonObject) ?? {}), [method]: op };
  }
  return { swagger: '2.0', info: { title: 'T', version: '1' }, paths };
}

describe('mergeUpdate', () => {
  const base = doc({
    'get /a': {
      operationId: 'GetA',
      summary: 'Get a',
      parameters: [{ name: 'x', in: 'query', type: 'string', 'x-ms-summary': 'X' }],
    },
    'get /b': { operationId: 'GetB', summary: 'Get b' },
    'get /c': { operationId: 'GetC', summary: 'Get c' },
  });
  const mine = doc({
    'get /a': {
      operationId: 'GetA',
      summary: 'Read the A',
      'x-ms-visibility': 'important',
      parameters: [{ name: 'x', in: 'query', type: 'string', 'x-ms-summary': 'The X' }],
    },
    'get /b': { operationId: 'GetB', summary: 'Get b' },
    'get /c': { operationId: 'GetC', summary: 'Get c' },
    'get /mine': { operationId: 'Mine', summary: 'Mine' },
  });
  const theirs = doc({
    'get /a': {
      operationId: 'GetA',
      summary: 'Get a',
      parameters: [
        { name: 'x', in: 'query', type: 'integer', 'x-ms-summary': 'X' },
        { name: 'y', in: 'query', type: 'string' },
      ],
    },
    'get /c': { operationId: 'GetC', summary: 'Get c' },
    'get /d': { operationId: 'GetD', summary: 'Get d' },
  });
  const { swagger, changes } = mergeUpdate(base, mine, theirs);
  const paths = swagger.paths as Record<string, any>;

  it('keeps the author’s summary, visibility and parameter names while taking the new types', () => {
    expect(paths['/a'].get.summary).toBe('Read the A');
    expect(paths['/a'].get['x-ms-visibility']).toBe('important');
    expect(paths['/a'].get.parameters).toEqual([
      { name: 'x', in: 'query', type: 'integer', 'x-ms-summary': 'The X' },
      { name: 'y', in: 'query', type: 'string' },
    ]);
  });

  it('adds new operations, removes dropped unedited ones and keeps the author’s own', () => {
    expect(Object.keys(paths).sort()).toEqual(['/a', '/c', '/d', '/mine']);
    expect(changes).toEqual({ added: ['GetD'], removed: ['GetB'], changed: ['GetA'], keptEdits: ['GetA'] });
  });

  it('takes the new description as it is without a base', () => {
    const fresh = mergeUpdate(undefined, theirs, theirs);
    expect(fresh.swagger).toEqual(theirs);
  });
});
