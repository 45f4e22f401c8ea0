import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import notSupportedInWebhook from './notification-extension-not-supported-in-webhook-operation.ts';
import triggerOnly from './notification-extension-supported-for-trigger-only.ts';
import mustBeWebhook from './notification-operation-must-be-webhook.ts';
import notFound from './notification-operation-not-found.ts';

const ok = { '200': { description: 'OK' } };
const subscribe = {
  'x-ms-notification-content': { schema: {} },
  post: {
    operationId: 'Subscribe',
    'x-ms-trigger': 'single',
    parameters: [
      {
        name: 'body',
        in: 'body',
        required: true,
        schema: {
          type: 'object',
          required: ['url'],
          properties: {
            url: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' },
          },
        },
      },
    ],
    responses: ok,
  },
};

/** `GET /events` carrying `op`, next to the `Subscribe` webhook at `/hooks`. */
function doc(op: Record<string, unknown>, hook: Record<string, unknown> = subscribe) {
  return swagger({
    paths: { '/hooks': hook, '/events': { get: { operationId: 'OnEvent', responses: ok, ...op } } },
  });
}

describe('notification-extension-not-supported-in-webhook-operation', () => {
  it('reports x-ms-notification on the webhook operation itself', () => {
    const hook = {
      ...subscribe,
      post: { ...subscribe.post, 'x-ms-notification': { operationId: 'Subscribe' } },
    };
    expect(pointers(notSupportedInWebhook, { swagger: doc({}, hook) })).toEqual([
      '/paths/~1hooks/post/x-ms-notification',
    ]);
  });
  it('accepts x-ms-notification on a polling trigger', () => {
    const op = { 'x-ms-trigger': 'single', 'x-ms-notification': { operationId: 'Subscribe' } };
    expect(messages(notSupportedInWebhook, { swagger: doc(op) })).toEqual([]);
  });
});

describe('notification-extension-supported-for-trigger-only', () => {
  it('reports x-ms-notification on an action', () => {
    expect(
      messages(triggerOnly, { swagger: doc({ 'x-ms-notification': { operationId: 'Subscribe' } }) }),
    ).toEqual([
      'The `x-ms-notification` extension is supported for trigger operations only, but `OnEvent` has no `x-ms-trigger`.',
    ]);
  });
  it('accepts it on a trigger', () => {
    const op = { 'x-ms-trigger': 'batch', 'x-ms-notification': { operationId: 'Subscribe' } };
    expect(messages(triggerOnly, { swagger: doc(op) })).toEqual([]);
  });
});

describe('notification-operation-must-be-webhook', () => {
  it('reports an operationId naming an operation without a notification URL', () => {
    const op = { 'x-ms-trigger': 'single', 'x-ms-notification': { operationId: 'OnEvent' } };
    expect(pointers(mustBeWebhook, { swagger: doc(op) })).toEqual([
      '/paths/~1events/get/x-ms-notification/operationId',
    ]);
  });
  it('accepts a webhook operation', () => {
    const op = { 'x-ms-trigger': 'single', 'x-ms-notification': { operationId: 'Subscribe' } };
    expect(messages(mustBeWebhook, { swagger: doc(op) })).toEqual([]);
  });
});

describe('notification-operation-not-found', () => {
  it('reports an unknown operationId, case-sensitively', () => {
    const op = { 'x-ms-trigger': 'single', 'x-ms-notification': { operationId: 'subscribe' } };
    expect(messages(notFound, { swagger: doc(op) })).toEqual([
      "The 'operationId' `subscribe` in `x-ms-notification` of operation `OnEvent` could not be found in this swagger document.",
    ]);
  });
  it('reports a missing operationId', () => {
    const op = { 'x-ms-trigger': 'single', 'x-ms-notification': {} };
    expect(messages(notFound, { swagger: doc(op) })).toHaveLength(1);
  });
  it('accepts a known operationId', () => {
    const op = { 'x-ms-trigger': 'single', 'x-ms-notification': { operationId: 'Subscribe' } };
    expect(messages(notFound, { swagger: doc(op) })).toEqual([]);
  });
});
