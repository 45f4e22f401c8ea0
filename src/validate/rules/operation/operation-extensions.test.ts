import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import operationReferenceNotFound from './operation-reference-not-found.ts';
import operationTriggerNotInEnum from './operation-trigger-not-in-enum.ts';
import operationVisibilityMissing from './operation-visibility-missing.ts';
import operationVisibilityNotInEnum from './operation-visibility-not-in-enum.ts';

describe('operation-reference-not-found', () => {
  it('reports a `testConnection` operationId that does not exist, at the operationId', () => {
    const files = {
      swagger: withOperation({}, '/tasks', 'get', {
        'x-ms-capabilities': { testConnection: { operationId: 'GetMe' } },
      }),
    };
    expect(messages(operationReferenceNotFound, files)).toEqual([
      'The operationId `GetMe` referenced by `x-ms-capabilities.testConnection` could not be found in this swagger document.',
    ]);
    expect(pointers(operationReferenceNotFound, files)).toEqual([
      '/x-ms-capabilities/testConnection/operationId',
    ]);
  });
  it('reports an `x-ms-operation-context.simulate` operationId that does not exist', () => {
    const files = {
      swagger: withOperation({ 'x-ms-operation-context': { simulate: { operationId: 'listtasks' } } }),
    };
    expect(pointers(operationReferenceNotFound, files)).toEqual([
      '/paths/~1tasks/get/x-ms-operation-context/simulate/operationId',
    ]);
  });
  it('accepts references to existing operations', () => {
    const files = {
      swagger: withOperation(
        { 'x-ms-operation-context': { simulate: { operationId: 'ListTasks' } } },
        '/tasks',
        'get',
        {
          'x-ms-capabilities': { testConnection: { operationId: 'ListTasks' } },
        },
      ),
    };
    expect(messages(operationReferenceNotFound, files)).toEqual([]);
  });
});

describe('operation-visibility-not-in-enum', () => {
  it('reports a value outside the enum, at the extension', () => {
    const files = { swagger: withOperation({ 'x-ms-visibility': 'hidden' }) };
    expect(messages(operationVisibilityNotInEnum, files)).toEqual([
      'The `x-ms-visibility` of operation `ListTasks` is `hidden`; the property value must be one of the following: `important`, `advanced`, `internal`.',
    ]);
    expect(pointers(operationVisibilityNotInEnum, files)).toEqual(['/paths/~1tasks/get/x-ms-visibility']);
  });
  it('reports capitalised values and non-strings', () => {
    expect(
      messages(operationVisibilityNotInEnum, { swagger: withOperation({ 'x-ms-visibility': 'Internal' }) }),
    ).toHaveLength(1);
    expect(
      messages(operationVisibilityNotInEnum, { swagger: withOperation({ 'x-ms-visibility': true }) }),
    ).toEqual([
      'The `x-ms-visibility` of operation `ListTasks` is `true`; the property value must be one of the following: `important`, `advanced`, `internal`.',
    ]);
  });
  it.each(['important', 'advanced', 'internal'])('accepts %s', (value) => {
    expect(
      messages(operationVisibilityNotInEnum, { swagger: withOperation({ 'x-ms-visibility': value }) }),
    ).toEqual([]);
  });
});

describe('operation-trigger-not-in-enum', () => {
  it('reports a value outside the enum', () => {
    expect(
      messages(operationTriggerNotInEnum, { swagger: withOperation({ 'x-ms-trigger': 'polling' }) }),
    ).toEqual([
      'The `x-ms-trigger` of operation `ListTasks` is `polling`; the property value must be one of the following: `single`, `batch`.',
    ]);
  });
  it.each(['single', 'batch'])('accepts %s', (value) => {
    expect(
      messages(operationTriggerNotInEnum, { swagger: withOperation({ 'x-ms-trigger': value }) }),
    ).toEqual([]);
  });
  it('ignores actions', () => {
    expect(messages(operationTriggerNotInEnum, { swagger: withOperation({}) })).toEqual([]);
  });
});

describe('operation-visibility-missing', () => {
  it('notes an operation without `x-ms-visibility`, at the operation', () => {
    const files = { swagger: withOperation({}) };
    expect(messages(operationVisibilityMissing, files)).toEqual([
      'Operation `ListTasks` has no `x-ms-visibility`; say whether it is `important`, `advanced` or `internal`.',
    ]);
    expect(pointers(operationVisibilityMissing, files)).toEqual(['/paths/~1tasks/get']);
  });
  it('accepts an operation that states it', () => {
    const files = {
      swagger: swagger({
        paths: { '/t': { get: { operationId: 'A', 'x-ms-visibility': 'advanced', responses: {} } } },
      }),
    };
    expect(messages(operationVisibilityMissing, files)).toEqual([]);
  });
});
