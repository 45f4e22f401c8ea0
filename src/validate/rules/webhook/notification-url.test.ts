import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import notAllowed from './notification-url-not-allowed-in-this-position.ts';
import notInternal from './notification-url-not-internal.ts';
import notRequired from './notification-url-not-required.ts';
import notString from './notification-url-not-string.ts';
import missingContent from './operation-must-have-notification-content-extension.ts';
import missingUrl from './webhook-operations-missing-notification-url-property.ts';

const callbackUrl = { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' };

/** A webhook trigger at `/hooks` whose body schema is `schema`; `extra` is merged at the top level. */
function webhook(
  schema: unknown,
  extra: Record<string, unknown> = {},
  content: unknown = { schema: {} },
  required = true,
) {
  return swagger({
    paths: {
      '/hooks': {
        ...(content ? { 'x-ms-notification-content': content } : {}),
        post: {
          operationId: 'OnTaskCreated',
          summary: 'When a task is created',
          'x-ms-trigger': 'single',
          parameters: [{ name: 'body', in: 'body', required, schema }],
          responses: { '201': { description: 'Created' } },
        },
      },
    },
    ...extra,
  });
}

const good = { type: 'object', required: ['url'], properties: { url: callbackUrl } };

describe('notification-url-not-allowed-in-this-position', () => {
  it('reports the extension on a query parameter', () => {
    const doc = swagger({
      paths: {
        '/hooks': {
          'x-ms-notification-content': { schema: {} },
          post: {
            operationId: 'OnTaskCreated',
            'x-ms-trigger': 'single',
            parameters: [{ name: 'callback', in: 'query', type: 'string', 'x-ms-notification-url': true }],
            responses: { '200': { description: 'OK' } },
          },
        },
      },
    });
    expect(pointers(notAllowed, { swagger: doc })).toEqual([
      '/paths/~1hooks/post/parameters/0/x-ms-notification-url',
    ]);
  });
  it('reports the extension inside an inline response schema', () => {
    const doc = webhook(good);
    const op = (doc.paths as Record<string, { post: Record<string, unknown> }>)['/hooks']!.post;
    op.responses = {
      '201': { description: 'Created', schema: { type: 'object', properties: { url: callbackUrl } } },
    };
    expect(messages(notAllowed, { swagger: doc })).toEqual([
      expect.stringContaining('is not allowed in this position (a response or notification schema)'),
    ]);
  });
  it('accepts the extension in a request body, inline or in a definition', () => {
    expect(messages(notAllowed, { swagger: webhook(good) })).toEqual([]);
    const viaRef = webhook({ $ref: '#/definitions/Hook' }, { definitions: { Hook: good } });
    expect(messages(notAllowed, { swagger: viaRef })).toEqual([]);
  });
});

describe('notification-url-not-internal', () => {
  it('reports a visible notification URL property', () => {
    const schema = {
      type: 'object',
      required: ['url'],
      properties: { url: { type: 'string', 'x-ms-notification-url': true } },
    };
    expect(messages(notInternal, { swagger: webhook(schema) })).toEqual([
      'The notification URL property `url` of operation `OnTaskCreated` is not internal, nor is any of its parents; it or at least one of its parents must be internal.',
    ]);
  });
  it('accepts an internal parent object', () => {
    const schema = {
      type: 'object',
      required: ['config'],
      properties: {
        config: {
          type: 'object',
          'x-ms-visibility': 'internal',
          required: ['url'],
          properties: { url: { type: 'string', 'x-ms-notification-url': true } },
        },
      },
    };
    expect(messages(notInternal, { swagger: webhook(schema) })).toEqual([]);
  });
  it('reports a property reached through $ref at its definition', () => {
    const doc = webhook(
      { $ref: '#/definitions/Hook' },
      {
        definitions: {
          Hook: { type: 'object', properties: { url: { type: 'string', 'x-ms-notification-url': true } } },
        },
      },
    );
    expect(pointers(notInternal, { swagger: doc })).toEqual(['/definitions/Hook/properties/url']);
  });
});

describe('notification-url-not-required', () => {
  it('reports a parent object that is not required', () => {
    const schema = {
      type: 'object',
      properties: { config: { type: 'object', required: ['url'], properties: { url: callbackUrl } } },
    };
    const [finding] = messages(notRequired, { swagger: webhook(schema) });
    expect(finding).toContain('`config/url`');
    expect(finding).toContain('`config` is not listed');
    expect(pointers(notRequired, { swagger: webhook(schema) })).toEqual([
      '/paths/~1hooks/post/parameters/0/schema/properties/config',
    ]);
  });
  it('accepts a chain required at every level (an optional body parameter is tolerated)', () => {
    expect(messages(notRequired, { swagger: webhook(good) })).toEqual([]);
    expect(messages(notRequired, { swagger: webhook(good, {}, { schema: {} }, false) })).toEqual([]);
  });
  it('counts names listed in an allOf member', () => {
    const schema = { allOf: [{ type: 'object', required: ['url'], properties: { url: callbackUrl } }] };
    expect(messages(notRequired, { swagger: webhook(schema) })).toEqual([]);
  });
});

describe('notification-url-not-string', () => {
  it.each([
    [{ ...callbackUrl, type: 'object' }, 'has type `object`', '/type'],
    [{ 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' }, 'declares no `type`', ''],
  ])('reports %j', (url, phrase, suffix) => {
    const doc = webhook({ type: 'object', required: ['url'], properties: { url } });
    expect(messages(notString, { swagger: doc })[0]).toContain(phrase);
    expect(pointers(notString, { swagger: doc })).toEqual([
      `/paths/~1hooks/post/parameters/0/schema/properties/url${suffix}`,
    ]);
  });
  it('accepts a string property', () => {
    expect(messages(notString, { swagger: webhook(good) })).toEqual([]);
  });
});

describe('webhook-operations-missing-notification-url-property', () => {
  it('reports a trigger with notification content but no notification URL property', () => {
    const doc = webhook({ type: 'object', properties: { url: { type: 'string' } } });
    expect(messages(missingUrl, { swagger: doc })).toEqual([
      'The webhook operation `OnTaskCreated` is missing notification URL property: no body property is marked `x-ms-notification-url: true`.',
    ]);
  });
  it('accepts a webhook with a notification URL property', () => {
    expect(messages(missingUrl, { swagger: webhook(good) })).toEqual([]);
  });
});

describe('operation-must-have-notification-content-extension', () => {
  it('reports a notification URL without x-ms-notification-content', () => {
    expect(messages(missingContent, { swagger: webhook(good, {}, null) })).toEqual([
      'The operation `OnTaskCreated` is missing notification content extension as it has 1 property marked as notification URL.',
    ]);
  });
  it('accepts a webhook with notification content', () => {
    expect(messages(missingContent, { swagger: webhook(good) })).toEqual([]);
  });
});
