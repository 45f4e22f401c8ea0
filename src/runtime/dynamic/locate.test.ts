import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import { dynamicTargets, locateDynamic } from './locate.ts';
import { connectorOf } from './testing.ts';

const values = { 'x-ms-dynamic-values': { operationId: 'L' } };
const list = { 'x-ms-dynamic-list': { operationId: 'L' } };

const connector = connectorOf({
  paths: {
    '/items/{id}': {
      parameters: [{ name: 'site', in: 'query', type: 'string', ...values }],
      post: {
        operationId: 'Op',
        parameters: [
          { name: 'id', in: 'path', required: true, type: 'string', ...list },
          { name: 'id', in: 'header', type: 'string', ...values },
          { name: 'tags', in: 'query', type: 'array', items: { type: 'string', ...list } },
          { name: 'plain', in: 'query', type: 'string' },
          { name: 'body', in: 'body', schema: { $ref: '#/definitions/Body' } },
        ],
        responses: {
          '200': { description: 'OK', schema: { $ref: '#/definitions/Out' } },
          default: { description: 'Error' },
        },
      },
    },
    '/l': { get: { operationId: 'L', responses: { '200': { description: 'OK' } } } },
  },
  definitions: {
    Body: {
      type: 'object',
      'x-ms-dynamic-schema': { operationId: 'L' },
      properties: {
        'a/b': { type: 'string', ...list },
        owner: { $ref: '#/definitions/Owner' },
        lines: { type: 'array', items: { $ref: '#/definitions/Line' } },
      },
      allOf: [{ properties: { extra: { type: 'string', ...values } } }],
    },
    Owner: {
      type: 'object',
      'x-ms-visibility': 'internal',
      properties: { id: { type: 'string', ...list, 'x-ms-dynamic-values': { capability: 'file-picker' } } },
    },
    Line: {
      type: 'object',
      properties: {
        product: { type: 'string', ...list },
        parent: { $ref: '#/definitions/Line' },
      },
    },
    Out: {
      type: 'object',
      properties: {
        data: { type: 'object', 'x-ms-dynamic-properties': { operationId: 'L' } },
      },
    },
  },
});

const op = connector.operation('Op')!;

describe('locateDynamic', () => {
  it.each([
    { target: 'site', place: 'parameter', kinds: ['values'], pointer: '/paths/~1items~1{id}/parameters/0' },
    {
      target: 'path:id',
      place: 'parameter',
      kinds: ['list'],
      pointer: '/paths/~1items~1{id}/post/parameters/0',
    },
    {
      target: 'header:id',
      place: 'parameter',
      kinds: ['values'],
      pointer: '/paths/~1items~1{id}/post/parameters/1',
    },
    {
      target: 'tags',
      place: 'parameter',
      kinds: ['list'],
      pointer: '/paths/~1items~1{id}/post/parameters/2/items',
    },
    { target: 'plain', place: 'parameter', kinds: [], pointer: '/paths/~1items~1{id}/post/parameters/3' },
    { target: 'body', place: 'parameter', kinds: ['schema'], pointer: '/definitions/Body' },
    { target: 'body/a~1b', place: 'property', kinds: ['list'], pointer: '/definitions/Body/properties/a~1b' },
    {
      target: 'body/owner/id',
      place: 'property',
      kinds: ['values', 'list'],
      pointer: '/definitions/Owner/properties/id',
    },
    {
      target: 'body/lines/product',
      place: 'property',
      kinds: ['list'],
      pointer: '/definitions/Line/properties/product',
    },
    {
      target: 'body/extra',
      place: 'property',
      kinds: ['values'],
      pointer: '/definitions/Body/allOf/0/properties/extra',
    },
    { target: 'response', place: 'response', kinds: [], pointer: '/definitions/Out' },
    {
      target: 'response/data',
      place: 'response',
      kinds: ['properties'],
      pointer: '/definitions/Out/properties/data',
    },
    {
      target: 'response:200/data',
      place: 'response',
      kinds: ['properties'],
      pointer: '/definitions/Out/properties/data',
    },
  ])('finds `$target` with its extensions and where they are.', ({ target, place, kinds, pointer }) => {
    const site = locateDynamic(connector, op, target);
    expect(site.place).toBe(place);
    expect(site.kinds).toEqual(kinds);
    expect(site.pointer).toBe(pointer);
  });

  it('marks properties below an internal schema as internal and flags the file picker.', () => {
    const site = locateDynamic(connector, op, 'body/owner/id');
    expect(site.internal).toBe(true);
    expect(site.filePicker).toBe(true);
    expect(locateDynamic(connector, op, 'body/a~1b').internal).toBe(false);
  });

  it.each([
    { target: 'missing', message: /has no parameter `missing`/ },
    { target: 'body/nope', message: /has no body property `body\/nope`/ },
    { target: 'plain/sub', message: /has no body property `plain\/sub`/ },
    { target: 'query:id', message: /has no query parameter `query:id`/ },
    { target: 'response:404', message: /has no response schema `response:404`/ },
  ])('reports `$target` with `PARAMETER_INVALID`.', ({ target, message }) => {
    expect(() => locateDynamic(connector, op, target)).toThrow(FlowportError);
    expect(() => locateDynamic(connector, op, target)).toThrow(message);
  });
});

describe('dynamicTargets', () => {
  it('lists every dynamic parameter, body property and response property once, stopping at recursive schemas.', () => {
    const targets = dynamicTargets(connector, op).map((s) => [s.target, s.kinds.join('+')]);
    expect(targets).toEqual([
      ['site', 'values'],
      ['path:id', 'list'],
      ['header:id', 'values'],
      ['tags', 'list'],
      ['body', 'schema'],
      ['body/a~1b', 'list'],
      ['body/owner/id', 'values+list'],
      ['body/lines/product', 'list'],
      ['body/extra', 'values'],
      ['response:200/data', 'properties'],
    ]);
  });

  it('still locates a property below a recursive schema by its path.', () => {
    expect(locateDynamic(connector, op, 'body/lines/parent/product').kinds).toEqual(['list']);
  });

  it('gives targets that `locateDynamic` finds again.', () => {
    for (const site of dynamicTargets(connector, op)) {
      expect(locateDynamic(connector, op, site.target).holder).toBe(site.holder);
    }
  });
});

describe('notification content targets', () => {
  // A webhook trigger describes its callback payload on the path item, as Egnyte and Datelist do.
  const webhook = connectorOf({
    paths: {
      '/hooks': {
        'x-ms-notification-content': {
          description: 'Payload',
          schema: {
            type: 'object',
            properties: { row: { type: 'object', ...{ 'x-ms-dynamic-schema': { operationId: 'L' } } } },
          },
        },
        post: {
          operationId: 'OnRow',
          'x-ms-trigger': 'single',
          parameters: [
            {
              name: 'body',
              in: 'body',
              schema: {
                type: 'object',
                properties: { url: { type: 'string', 'x-ms-notification-url': true } },
              },
            },
          ],
          responses: { '201': { description: 'Created' } },
        },
      },
      '/l': { get: { operationId: 'L', responses: { '200': { description: 'OK' } } } },
    },
  });

  it('lists and finds a dynamic schema inside a webhook’s notification content.', () => {
    const trigger = webhook.operation('OnRow')!;
    expect(dynamicTargets(webhook, trigger).map((s) => s.target)).toEqual(['response:notification/row']);
    expect(locateDynamic(webhook, trigger, 'response:notification/row').kinds).toEqual(['schema']);
  });
});
