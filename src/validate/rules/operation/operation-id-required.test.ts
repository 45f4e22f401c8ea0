import { describe, expect, it } from 'vitest';
import { messages, withOperation } from '../../testing.ts';
import rule from './operation-id-required.ts';

describe('operation-id-required', () => {
  it('reports an operation without operationId', () => {
    expect(messages(rule, { swagger: withOperation({ operationId: undefined }) })).toEqual([
      'Operation `GET /tasks` has no `operationId`.',
    ]);
  });
  it('reports an empty operationId', () => {
    expect(messages(rule, { swagger: withOperation({ operationId: ' ' }) })).toHaveLength(1);
  });
  it('accepts an operation with an operationId', () => {
    expect(messages(rule, { swagger: withOperation({}) })).toEqual([]);
  });
});
