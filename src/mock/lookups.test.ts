import { describe, expect, it } from 'vitest';
import { memoryConnector } from '../runtime/testing.ts';
import { lookupsByOperation } from './lookups.ts';

/** A connector whose one parameter picks from a tree listed by `List`, with this `itemIsParent`. */
const withTree = (itemIsParent: string) =>
  memoryConnector({
    swagger: '2.0',
    info: { title: 'T', version: '1' },
    paths: {
      '/list': { get: { operationId: 'List', responses: { 200: { description: 'OK' } } } },
      '/use': {
        post: {
          operationId: 'Use',
          parameters: [
            {
              name: 'p',
              in: 'query',
              type: 'string',
              'x-ms-dynamic-tree': { open: { operationId: 'List', itemValuePath: 'id', itemIsParent } },
            },
          ],
          responses: { 200: { description: 'OK' } },
        },
      },
    },
  });

describe('tree lookups', () => {
  it('tells folders from leaves by the literal of `(<property> eq <literal>)`', () => {
    const parent = (expression: string) => {
      const [lookup] = lookupsByOperation(withTree(expression)).get('List') ?? [];
      return lookup?.kind === 'tree' ? lookup.parent : 'not a tree';
    };
    expect(parent('(is_folder eq true)')).toEqual({ path: 'is_folder', yes: true, no: false });
    expect(parent('(Type eq 1)')).toEqual({ path: 'Type', yes: 1, no: 2 });
    expect(parent("(kind eq 'it''s')")).toEqual({ path: 'kind', yes: "it's", no: "not it's" });
    expect(parent('(meta/folder eq false)')).toEqual({ path: 'meta/folder', yes: false, no: true });
    // Anything else: the mock's items are all leaves.
    expect(parent('(a eq 1 and b eq 2)')).toBeUndefined();
    expect(parent('(size gt 0)')).toBeUndefined();
    expect(parent('not closed (')).toBeUndefined();
  });
});
