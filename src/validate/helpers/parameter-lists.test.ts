import { describe, expect, it } from 'vitest';
import { swagger } from '../testing.ts';
import { testConnector } from './_test-connector.ts';
import {
  duplicateParameters,
  extraBodies,
  jsonEqual,
  operationDuplicateParameters,
  operationOwnParameters,
  parameterRefEntries,
} from './parameter-lists.ts';

const q = (name: string, type = 'string') => ({ name, in: 'query', type });
const connector = testConnector(
  swagger({
    paths: {
      '/tasks': {
        parameters: [q('tenant'), { $ref: '#/parameters/Top' }],
        get: {
          operationId: 'ListTasks',
          parameters: [q('skip'), q('skip', 'integer'), 42, { $ref: 7 }],
          responses: {},
        },
      },
    },
    parameters: { Top: q('top', 'integer') },
  }),
);
const item = connector.definition.paths[0];
const op = connector.operations[0];

describe('parameterRefEntries', () => {
  it('lists the $ref entries of the path item and its operations, as written', () => {
    const entries = item ? parameterRefEntries(item) : [];
    expect(entries.map(({ ref, pointer }) => ({ ref, pointer }))).toEqual([
      { ref: '#/parameters/Top', pointer: '/paths/~1tasks/parameters/1' },
      { ref: 7, pointer: '/paths/~1tasks/get/parameters/3' },
    ]);
  });
});

describe('operationOwnParameters', () => {
  it('keeps only what the operation lists itself', () => {
    expect(op ? operationOwnParameters(op).map((p) => p.name) : []).toEqual(['skip', 'skip', '']);
    expect(op?.parameters.map((p) => p.name)).toEqual(['tenant', 'top', 'skip', 'skip', '']);
  });
});

describe('duplicateParameters', () => {
  it('pairs a repeated name and location with its first occurrence', () => {
    const [d] = op ? duplicateParameters(operationOwnParameters(op)) : [];
    expect(op ? operationDuplicateParameters(op) : []).toEqual(
      op ? duplicateParameters(operationOwnParameters(op)) : [],
    );
    expect([d?.first.usedAt, d?.duplicate.usedAt, d?.identical]).toEqual([
      '/paths/~1tasks/get/parameters/0',
      '/paths/~1tasks/get/parameters/1',
      false,
    ]);
  });
});

describe('extraBodies', () => {
  it('returns bodies after the first, once per name', () => {
    const body = (name: string) => ({ name, in: 'body', schema: { type: 'object' } });
    const bodies = testConnector(
      swagger({
        paths: {
          '/a': { post: { parameters: [body('a'), body('a'), body('b'), q('x'), body('c')], responses: {} } },
        },
      }),
    ).operations[0];
    expect(bodies ? extraBodies(bodies.parameters).map((p) => p.usedAt) : []).toEqual([
      '/paths/~1a/post/parameters/2',
      '/paths/~1a/post/parameters/4',
    ]);
  });
});

describe('jsonEqual', () => {
  it('ignores key order and compares deeply', () => {
    expect(jsonEqual({ a: [1, { b: 2 }], c: null }, { c: null, a: [1, { b: 2 }] })).toBe(true);
    expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined as never })).toBe(false);
  });
});
