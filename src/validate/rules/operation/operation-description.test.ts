import { describe, expect, it } from 'vitest';
import { messages, pointers, withOperation } from '../../testing.ts';
import operationDeprecatedLabel from './operation-deprecated-label.ts';
import operationDescriptionDiffersFromSummary from './operation-description-differs-from-summary.ts';
import operationDescriptionRequired from './operation-description-required.ts';

describe('operation-description-required', () => {
  it('reports a missing description at the operation', () => {
    const files = { swagger: withOperation({ description: undefined }) };
    expect(messages(operationDescriptionRequired, files)).toEqual([
      'Operation `ListTasks` has no `description`.',
    ]);
    expect(pointers(operationDescriptionRequired, files)).toEqual(['/paths/~1tasks/get']);
  });
  it('reports an empty description at the description', () => {
    expect(pointers(operationDescriptionRequired, { swagger: withOperation({ description: '' }) })).toEqual([
      '/paths/~1tasks/get/description',
    ]);
  });
  it('accepts a description', () => {
    expect(messages(operationDescriptionRequired, { swagger: withOperation({}) })).toEqual([]);
  });
});

describe('operation-description-differs-from-summary', () => {
  it('reports a description that repeats the summary (case and final period ignored)', () => {
    const files = { swagger: withOperation({ summary: 'List tasks', description: 'List Tasks.' }) };
    expect(messages(operationDescriptionDiffersFromSummary, files)).toEqual([
      'The `description` of operation `ListTasks` repeats its `summary`; it should add information.',
    ]);
  });
  it('accepts a description that adds information', () => {
    expect(messages(operationDescriptionDiffersFromSummary, { swagger: withOperation({}) })).toEqual([]);
  });
});

describe('operation-deprecated-label', () => {
  it('reports summary and description of a deprecated operation that do not say so', () => {
    const files = { swagger: withOperation({ deprecated: true }) };
    expect(messages(operationDeprecatedLabel, files)).toEqual([
      'Operation `ListTasks` is deprecated but its `summary` does not say so; append "(deprecated)".',
      'Operation `ListTasks` is deprecated but its `description` does not say so; append "(deprecated)".',
    ]);
  });
  it('accepts "(deprecated)" in any case, and operations that are not deprecated', () => {
    const labelled = withOperation({
      deprecated: true,
      summary: 'List tasks (Deprecated)',
      description: 'Deprecated: use List tasks (V2) instead.',
    });
    expect(messages(operationDeprecatedLabel, { swagger: labelled })).toEqual([]);
    expect(messages(operationDeprecatedLabel, { swagger: withOperation({}) })).toEqual([]);
  });
});
