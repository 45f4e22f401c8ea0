import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import rule from './parameters-with-same-name-must-have-same-type-and-visibility.ts';

const ok = { '200': { description: 'OK' } };
const doc = (subscribeParam: Record<string, unknown>) =>
  swagger({
    paths: {
      '/items': {
        get: {
          operationId: 'OnNewItem',
          'x-ms-trigger': 'batch',
          'x-ms-notification': { operationId: 'SubscribeItems' },
          parameters: [{ name: 'folder', in: 'query', type: 'string', 'x-ms-visibility': 'important' }],
          responses: ok,
        },
      },
      '/hooks': {
        post: {
          operationId: 'SubscribeItems',
          'x-ms-trigger': 'single',
          parameters: [{ name: 'folder', in: 'query', ...subscribeParam }],
          responses: ok,
        },
      },
    },
  });

describe('parameters-with-same-name-must-have-same-type-and-visibility', () => {
  it('reports a parameter whose type differs between fetch and subscribe', () => {
    const files = { swagger: doc({ type: 'integer', 'x-ms-visibility': 'important' }) };
    expect(messages(rule, files)).toEqual([
      'Parameter `folder` is `string`/`important` in fetch operation `OnNewItem` but `integer`/`important` in subscribe operation `SubscribeItems`; parameters of the same name in fetch and subscribe operations must be of the same type and visibility.',
    ]);
    expect(pointers(rule, files)).toEqual(['/paths/~1items/get/parameters/0']);
  });
  it('reports a visibility difference', () => {
    expect(messages(rule, { swagger: doc({ type: 'string', 'x-ms-visibility': 'advanced' }) })).toHaveLength(
      1,
    );
  });
  it('accepts matching parameters', () => {
    expect(messages(rule, { swagger: doc({ type: 'string', 'x-ms-visibility': 'important' }) })).toEqual([]);
  });
  it('ignores operations without x-ms-notification', () => {
    const plain = doc({ type: 'integer' }) as { paths: Record<string, { get?: Record<string, unknown> }> };
    delete plain.paths['/items']?.get?.['x-ms-notification'];
    expect(messages(rule, { swagger: plain })).toEqual([]);
  });
});
