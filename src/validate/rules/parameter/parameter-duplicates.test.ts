import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import opNotUnique from './operation-parameters-are-not-unique.ts';
import opDuplicate from './operation-parameters-contain-duplicate-parameter.ts';
import opMultipleBodies from './operation-parameters-contain-multiple-body-parameters.ts';
import pathDuplicate from './path-parameters-contain-duplicate-parameter.ts';
import pathMultipleBodies from './path-parameters-contain-multiple-body-parameters.ts';

const q = (name: string, type = 'string') => ({ name, in: 'query', type });
const body = (name: string) => ({ name, in: 'body', schema: { type: 'object' } });
const op = (parameters: unknown[], extra: Record<string, unknown> = {}) => ({
  swagger: withOperation({ parameters }, '/tasks', 'post', extra),
});
const pathItem = (parameters: unknown[], opParameters: unknown[] = []) => ({
  swagger: swagger({
    paths: {
      '/tasks': { parameters, post: { operationId: 'AddTask', parameters: opParameters, responses: {} } },
    },
  }),
});

describe('operation-parameters-are-not-unique', () => {
  it('reports the same $ref listed twice', () => {
    const files = op([{ $ref: '#/parameters/Top' }, { $ref: '#/parameters/Top' }], {
      parameters: { Top: q('top') },
    });
    expect(messages(opNotUnique, files)).toEqual([
      'The parameters in the operation `ListTasks` are not unique: `top` (`query`) is listed at `/paths/~1tasks/post/parameters/0` and again here.',
    ]);
  });
  it('reports an identical inline copy', () => {
    expect(pointers(opNotUnique, op([q('top'), q('top')]))).toEqual(['/paths/~1tasks/post/parameters/1']);
  });
  it('leaves differing same-name parameters to the duplicate rule', () => {
    expect(messages(opNotUnique, op([q('top'), q('top', 'integer')]))).toEqual([]);
  });
});

describe('operation-parameters-contain-duplicate-parameter', () => {
  it('reports two different parameters with the same name and location', () => {
    expect(messages(opDuplicate, op([q('top'), q('top', 'integer')]))).toEqual([
      'The operation `ListTasks` contains duplicate parameters with name `top`, location `query` (first at `/paths/~1tasks/post/parameters/0`).',
    ]);
  });
  it('compares header names case-insensitively', () => {
    const h = (name: string, type: string) => ({ name, in: 'header', type });
    expect(messages(opDuplicate, op([h('X-Tag', 'string'), h('x-tag', 'integer')]))).toHaveLength(1);
  });
  it('accepts the same name in different locations, and overriding a path-level parameter', () => {
    expect(messages(opDuplicate, op([q('id'), { name: 'id', in: 'header', type: 'string' }]))).toEqual([]);
    expect(messages(opDuplicate, pathItem([q('top')], [q('top', 'integer')]))).toEqual([]);
  });
});

describe('operation-parameters-contain-multiple-body-parameters', () => {
  it('reports a second body parameter', () => {
    expect(messages(opMultipleBodies, op([body('task'), body('note')]))).toEqual([
      'The operation `ListTasks` contains multiple parameters in the location `body` (`note` is another one); at most one is allowed.',
    ]);
  });
  it('counts a body inherited from the path item', () => {
    expect(pointers(opMultipleBodies, pathItem([body('task')], [body('note')]))).toEqual([
      '/paths/~1tasks/post/parameters/0',
    ]);
  });
  it('leaves two path-level bodies to the path rule', () => {
    expect(messages(opMultipleBodies, pathItem([body('a'), body('b')]))).toEqual([]);
  });
  it('accepts one body', () => {
    expect(messages(opMultipleBodies, op([body('task'), q('top')]))).toEqual([]);
  });
});

describe('path-parameters-contain-duplicate-parameter', () => {
  it('reports a repeated path-level parameter', () => {
    expect(messages(pathDuplicate, pathItem([q('top'), q('top')]))).toEqual([
      'The path `/tasks` contains duplicate parameters with name `top`, location `query` (first at `/paths/~1tasks/parameters/0`).',
    ]);
  });
  it('accepts distinct path-level parameters', () => {
    expect(messages(pathDuplicate, pathItem([q('top'), q('skip')]))).toEqual([]);
  });
});

describe('path-parameters-contain-multiple-body-parameters', () => {
  it('reports a second path-level body', () => {
    expect(pointers(pathMultipleBodies, pathItem([body('a'), body('b')]))).toEqual([
      '/paths/~1tasks/parameters/1',
    ]);
  });
  it('accepts one path-level body', () => {
    expect(messages(pathMultipleBodies, pathItem([body('a')]))).toEqual([]);
  });
});
