import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import replacementForNonDeprecated from './api-annotation-extension-replacement-info-for-non-deprecated-operations.ts';
import replacementMissingApi from './api-annotation-extension-replacement-info-missing-api-property.ts';
import replacementMissingOperationId from './api-annotation-extension-replacement-info-missing-operation-id-property.ts';
import duplicateRevisions from './operation-family-has-duplicate-revisions.ts';
import manyActive from './operation-family-has-many-active-operations.ts';
import manyActiveProduction from './operation-family-has-many-active-production-operations.ts';
import manyEmptyRevisions from './operation-family-has-many-empty-revisions.ts';
import idShouldEndWithRevision from './operation-id-should-end-with-revision.ts';
import revisionEmpty from './operation-revision-empty.ts';
import statusAhead from './operation-status-ahead-of-connector.ts';

interface Member {
  id: string;
  revision?: unknown;
  status?: string;
  deprecated?: boolean;
}
/** A document with one GET path per operation, all in family `GetTask`. */
const family = (members: Member[], extra: Record<string, unknown> = {}) => ({
  swagger: swagger({
    paths: Object.fromEntries(
      members.map((m, i) => [
        `/v${i + 1}/task`,
        {
          get: {
            operationId: m.id,
            deprecated: m.deprecated,
            'x-ms-api-annotation': { family: 'GetTask', revision: m.revision, status: m.status },
            responses: { '200': { description: 'OK' } },
          },
        },
      ]),
    ),
    ...extra,
  }),
});
const replacement = (value: unknown, deprecated: unknown = true) => ({
  swagger: withOperation({ deprecated, 'x-ms-api-annotation': { replacement: value } }),
});

describe('api-annotation-extension-replacement-info-for-non-deprecated-operations', () => {
  it('reports `replacement` on an operation that is not deprecated', () => {
    const files = replacement({ api: 'contoso', operationId: 'ListTasks_V2' }, false);
    expect(messages(replacementForNonDeprecated, files)).toEqual([
      'The `x-ms-api-annotation` extension for operation `ListTasks` is invalid; the `replacement` property should be specified for deprecated operations only.',
    ]);
    expect(pointers(replacementForNonDeprecated, files)).toEqual([
      '/paths/~1tasks/get/x-ms-api-annotation/replacement',
    ]);
  });
  it('accepts `replacement` on a deprecated operation (also written as "true")', () => {
    expect(messages(replacementForNonDeprecated, replacement({ api: 'a', operationId: 'b' }))).toEqual([]);
    expect(
      messages(replacementForNonDeprecated, replacement({ api: 'a', operationId: 'b' }, 'true')),
    ).toEqual([]);
  });
});

describe('api-annotation-extension-replacement-info-missing-api-property', () => {
  it('reports a replacement without `api`', () => {
    expect(messages(replacementMissingApi, replacement({ operationId: 'ListTasks_V2' }))).toEqual([
      'The `x-ms-api-annotation` extension for operation `ListTasks` is invalid; the `replacement` property must specify the `api` property.',
    ]);
  });
  it('accepts a replacement with `api`', () => {
    expect(messages(replacementMissingApi, replacement({ api: 'contoso', operationId: 'X' }))).toEqual([]);
  });
});

describe('api-annotation-extension-replacement-info-missing-operation-id-property', () => {
  it('reports a replacement without `operationId`', () => {
    expect(
      messages(replacementMissingOperationId, replacement({ api: 'contoso', operationId: ' ' })),
    ).toEqual([
      'The `x-ms-api-annotation` extension for operation `ListTasks` is invalid; the `replacement` property must specify the `operationId` property.',
    ]);
  });
  it('accepts a replacement with `operationId`', () => {
    expect(
      messages(replacementMissingOperationId, replacement({ api: 'contoso', operationId: 'X' })),
    ).toEqual([]);
  });
});

describe('operation-family-has-duplicate-revisions', () => {
  it('reports the second operation with the same revision, at its revision', () => {
    const files = family([
      { id: 'GetTask', revision: 1 },
      { id: 'GetTask_V2', revision: 1 },
    ]);
    expect(messages(duplicateRevisions, files)).toEqual([
      'The operation family `GetTask` has operations with duplicate revision 1 (`GetTask` and `GetTask_V2`).',
    ]);
    expect(pointers(duplicateRevisions, files)).toEqual([
      '/paths/~1v2~1task/get/x-ms-api-annotation/revision',
    ]);
  });
  it('accepts distinct revisions', () => {
    const files = family([
      { id: 'GetTask', revision: 1 },
      { id: 'GetTask_V2', revision: 2 },
    ]);
    expect(messages(duplicateRevisions, files)).toEqual([]);
  });
});

describe('operation-family-has-many-active-operations', () => {
  it('reports a family with three operations that are not deprecated', () => {
    const files = family([
      { id: 'GetTask', revision: 1 },
      { id: 'GetTask_V2', revision: 2 },
      { id: 'GetTask_V3', revision: 3 },
    ]);
    expect(messages(manyActive, files)).toEqual([
      'The operation family `GetTask` has more than two active operations (`GetTask`, `GetTask_V2`, `GetTask_V3`); extra operations must be deprecated.',
    ]);
  });
  it('accepts a family whose older revisions are deprecated', () => {
    const files = family([
      { id: 'GetTask', revision: 1, deprecated: true },
      { id: 'GetTask_V2', revision: 2 },
      { id: 'GetTask_V3', revision: 3 },
    ]);
    expect(messages(manyActive, files)).toEqual([]);
  });
});

describe('operation-family-has-many-active-production-operations', () => {
  it('reports two active Production operations (status compared case-insensitively)', () => {
    const files = family([
      { id: 'GetTask', revision: 1, status: 'Production' },
      { id: 'GetTask_V2', revision: 2, status: 'production' },
    ]);
    expect(messages(manyActiveProduction, files)).toEqual([
      'The operation family `GetTask` has several active operations in Production status (`GetTask`, `GetTask_V2`); previous revisions should be deprecated.',
    ]);
    expect(pointers(manyActiveProduction, files)).toEqual([
      '/paths/~1v2~1task/get/x-ms-api-annotation/status',
    ]);
  });
  it('accepts one Production operation next to a Preview one', () => {
    const files = family([
      { id: 'GetTask', revision: 1, status: 'Production' },
      { id: 'GetTask_V2', revision: 2, status: 'Preview' },
    ]);
    expect(messages(manyActiveProduction, files)).toEqual([]);
  });
});

describe('operation-family-has-many-empty-revisions', () => {
  it('reports a family with two operations without revision', () => {
    const files = family([{ id: 'GetTask' }, { id: 'GetTaskNew' }]);
    expect(messages(manyEmptyRevisions, files)).toEqual([
      'The operation family `GetTask` has several operations with empty revision (`GetTask`, `GetTaskNew`); only one operation can have an empty revision.',
    ]);
  });
  it('accepts one operation without revision', () => {
    expect(
      messages(manyEmptyRevisions, family([{ id: 'GetTask' }, { id: 'GetTask_V2', revision: 2 }])),
    ).toEqual([]);
  });
});

describe('operation-revision-empty', () => {
  it('reports a family member without revision, at its annotation', () => {
    const files = family([{ id: 'GetTask' }]);
    expect(messages(revisionEmpty, files)).toEqual([
      'The operation `GetTask` does not specify a revision in its api annotation (family `GetTask`).',
    ]);
    expect(pointers(revisionEmpty, files)).toEqual(['/paths/~1v1~1task/get/x-ms-api-annotation']);
  });
  it('accepts a member with a revision', () => {
    expect(messages(revisionEmpty, family([{ id: 'GetTask', revision: 1 }]))).toEqual([]);
  });
});

describe('operation-id-should-end-with-revision', () => {
  it('reports revision 2 without a revision suffix', () => {
    const files = family([
      { id: 'GetTask', revision: 1 },
      { id: 'GetTaskNew', revision: 2 },
    ]);
    expect(messages(idShouldEndWithRevision, files)).toEqual([
      'The operation Id `GetTaskNew` should end with revision suffix `_V2`.',
    ]);
  });
  it.each(['GetTask_V2', 'GetTaskV2', 'GetTask_v2'])('accepts %s for revision 2', (id) => {
    expect(messages(idShouldEndWithRevision, family([{ id, revision: 2 }]))).toEqual([]);
  });
  it('accepts revision 1 without suffix', () => {
    expect(messages(idShouldEndWithRevision, family([{ id: 'GetTask', revision: 1 }]))).toEqual([]);
  });
});

describe('operation-status-ahead-of-connector', () => {
  const info = (status: string) => ({
    info: {
      title: 'Contoso',
      description: 'Contoso Tasks keeps the to-do lists of small teams.',
      version: '1.0',
      'x-ms-api-annotation': { status },
    },
  });
  it('reports a Production operation in a Preview connector', () => {
    const files = family([{ id: 'GetTask', revision: 1, status: 'Production' }], info('Preview'));
    expect(messages(statusAhead, files)).toEqual([
      'The operation `GetTask` cannot be in a Production status ahead of the connector, which is in Preview.',
    ]);
    expect(pointers(statusAhead, files)).toEqual(['/paths/~1v1~1task/get/x-ms-api-annotation/status']);
  });
  it('accepts a Production operation in a Production connector, or when the connector states no status', () => {
    expect(
      messages(statusAhead, family([{ id: 'A', revision: 1, status: 'Production' }], info('Production'))),
    ).toEqual([]);
    expect(messages(statusAhead, family([{ id: 'A', revision: 1, status: 'Production' }]))).toEqual([]);
  });
});
