import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import batchWithoutArray from './batch-trigger-without-array.ts';
import pollingSuccess from './polling-trigger-success-response.ts';
import hintOnAction from './trigger-hint-on-action.ts';
import metadata from './trigger-metadata-invalid.ts';
import summaryWhen from './trigger-summary-starts-with-when.ts';
import deleteMissing from './webhook-delete-operation-missing.ts';

const hookBody = {
  name: 'body',
  in: 'body',
  required: true,
  schema: {
    type: 'object',
    required: ['url'],
    properties: { url: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' } },
  },
};

/** A webhook trigger at `/hooks`, plus `more` paths. */
function webhook(
  more: Record<string, unknown> = {},
  content: unknown = { schema: { type: 'object' } },
  trigger = 'single',
) {
  return swagger({
    paths: {
      '/hooks': {
        'x-ms-notification-content': content,
        post: {
          operationId: 'OnTaskCreated',
          summary: 'When a task is created',
          'x-ms-trigger': trigger,
          parameters: [hookBody],
          responses: { '201': { description: 'Created' } },
        },
      },
      ...more,
    },
  });
}

const poll = (op: Record<string, unknown>) =>
  withOperation({ 'x-ms-trigger': 'batch', summary: 'When tasks are added', ...op });

describe('trigger-metadata-invalid', () => {
  it('accepts the polling marker on a polling trigger', () => {
    expect(
      messages(metadata, { swagger: poll({ 'x-ms-trigger-metadata': { mode: 'polling', kind: 'query' } }) }),
    ).toEqual([]);
  });
  it('reports a wrong value and a missing key', () => {
    const doc = poll({ 'x-ms-trigger-metadata': { kind: 'push' } });
    expect(pointers(metadata, { swagger: doc }).sort()).toEqual([
      '/paths/~1tasks/get/x-ms-trigger-metadata',
      '/paths/~1tasks/get/x-ms-trigger-metadata/kind',
    ]);
  });
  it('reports the marker on an action', () => {
    const doc = withOperation({ 'x-ms-trigger-metadata': { kind: 'query', mode: 'polling' } });
    expect(messages(metadata, { swagger: doc })).toEqual([
      'Operation `ListTasks` has `x-ms-trigger-metadata`, which marks polling triggers, but it is not a trigger.',
    ]);
  });
});

describe('webhook-delete-operation-missing', () => {
  it('reports webhook triggers without any DELETE operation', () => {
    expect(messages(deleteMissing, { swagger: webhook() })).toEqual([
      'The connector has webhook triggers (`OnTaskCreated`) but no `DELETE` operation, so the platform cannot delete their subscriptions.',
    ]);
  });
  it('accepts a connector with a DELETE operation', () => {
    const del = {
      '/hooks/{id}': { delete: { operationId: 'DeleteHook', responses: { '204': { description: 'Gone' } } } },
    };
    expect(messages(deleteMissing, { swagger: webhook(del) })).toEqual([]);
  });
  it('ignores connectors without webhooks', () => {
    expect(messages(deleteMissing, { swagger: poll({}) })).toEqual([]);
  });
});

describe('batch-trigger-without-array', () => {
  it('reports a batch polling trigger whose response is a plain object', () => {
    const doc = poll({
      responses: {
        '200': {
          description: 'OK',
          schema: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
        },
      },
    });
    expect(pointers(batchWithoutArray, { swagger: doc })).toEqual([
      '/paths/~1tasks/get/responses/200/schema',
    ]);
  });
  it('accepts an array at the root, in a property, or under the only visible property', () => {
    const wrap = (schema: unknown) => poll({ responses: { '200': { description: 'OK', schema } } });
    const items = { type: 'array', items: { type: 'object' } };
    expect(messages(batchWithoutArray, { swagger: wrap(items) })).toEqual([]);
    const withCount = { type: 'object', properties: { count: { type: 'integer' }, value: items } };
    expect(messages(batchWithoutArray, { swagger: wrap(withCount) })).toEqual([]);
    const nested = {
      type: 'object',
      properties: {
        meta: { type: 'string', 'x-ms-visibility': 'internal' },
        data: { type: 'object', properties: { rows: items } },
      },
    };
    expect(messages(batchWithoutArray, { swagger: wrap(nested) })).toEqual([]);
  });
  it('checks a batch webhook against its notification content', () => {
    const flat = { type: 'object', properties: { id: { type: 'string' } } };
    expect(messages(batchWithoutArray, { swagger: webhook({}, { schema: flat }, 'batch') })).toEqual([
      'The batch trigger `OnTaskCreated` has no array in its notification content schema to split into runs.',
    ]);
  });
  it('says nothing about an untyped or open schema', () => {
    expect(
      messages(batchWithoutArray, {
        swagger: poll({ responses: { '200': { description: 'OK', schema: { type: 'object' } } } }),
      }),
    ).toEqual([]);
  });
});

describe('trigger-summary-starts-with-when', () => {
  it('reports a trigger summary that does not start with When', () => {
    expect(messages(summaryWhen, { swagger: poll({ summary: 'New tasks' }) })).toEqual([
      'The summary `New tasks` of trigger `ListTasks` does not start with "When"; trigger summaries usually read "When a …".',
    ]);
  });
  it('accepts "When …" and ignores actions and internal triggers', () => {
    expect(messages(summaryWhen, { swagger: poll({}) })).toEqual([]);
    expect(messages(summaryWhen, { swagger: withOperation({ summary: 'List tasks' }) })).toEqual([]);
    expect(
      messages(summaryWhen, { swagger: poll({ summary: 'Poll', 'x-ms-visibility': 'internal' }) }),
    ).toEqual([]);
  });
});

describe('polling-trigger-success-response', () => {
  it('reports a polling trigger without a 200 response', () => {
    const doc = poll({ responses: { '202': { description: 'Accepted' } } });
    expect(pointers(pollingSuccess, { swagger: doc })).toEqual(['/paths/~1tasks/get/responses']);
  });
  it('accepts a polling trigger with a 200 response, and ignores webhooks', () => {
    expect(messages(pollingSuccess, { swagger: poll({}) })).toEqual([]);
    expect(messages(pollingSuccess, { swagger: webhook() })).toEqual([]);
  });
});

describe('trigger-hint-on-action', () => {
  it('reports x-ms-trigger-hint on an action', () => {
    expect(
      pointers(hintOnAction, { swagger: withOperation({ 'x-ms-trigger-hint': 'Add a task.' }) }),
    ).toEqual(['/paths/~1tasks/get/x-ms-trigger-hint']);
  });
  it('accepts it on a trigger', () => {
    expect(messages(hintOnAction, { swagger: poll({ 'x-ms-trigger-hint': 'Add a task.' }) })).toEqual([]);
  });
});
