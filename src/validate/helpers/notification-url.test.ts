import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { swagger } from '../testing.ts';
import { chainPath, isNotificationUrl, notificationUrls } from './notification-url.ts';

const connect = (doc: unknown) =>
  connectorFromFiles([
    { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) },
  ]);

const hook = (schema: unknown) => ({
  post: {
    operationId: 'Subscribe',
    'x-ms-trigger': 'single',
    parameters: [{ name: 'body', in: 'body', required: true, schema }],
    responses: { '201': { description: 'Created' } },
  },
});

describe('notificationUrls', () => {
  it('finds every marked property with its chain, through $refs and allOf', () => {
    const connector = connect(
      swagger({
        paths: { '/hooks': hook({ $ref: '#/definitions/Hook' }) },
        definitions: {
          Hook: {
            type: 'object',
            required: ['config'],
            properties: {
              config: { allOf: [{ $ref: '#/definitions/Config' }] },
              self: { $ref: '#/definitions/Hook' },
            },
          },
          Config: {
            required: ['url'],
            properties: { url: { type: 'string', 'x-ms-notification-url': true } },
          },
        },
      }),
    );
    const found = notificationUrls(connector);
    expect(found.map((n) => chainPath(n.chain))).toEqual(['config/url']);
    expect(found[0]!.chain.map((l) => [l.name, l.required])).toEqual([
      [undefined, true],
      ['config', true],
      ['url', true],
    ]);
    expect(found[0]!.chain.at(-1)!.pointer).toBe('/definitions/Config/properties/url');
  });
  it('finds nothing in a connector without the extension', () => {
    expect(notificationUrls(connect(swagger({ paths: { '/hooks': hook({ type: 'object' }) } })))).toEqual([]);
  });
});

describe('isNotificationUrl', () => {
  it('accepts true and "true" only', () => {
    expect(
      [true, 'true', 'yes', false].map((v) => isNotificationUrl({ 'x-ms-notification-url': v })),
    ).toEqual([true, true, false, false]);
  });
});
