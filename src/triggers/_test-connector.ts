/** A connector with every kind of trigger, for the trigger engine's unit tests. */
import type { Connector } from '../connector/model.ts';
import { memoryConnector } from '../runtime/testing.ts';

const ok = (schema?: unknown) => ({ description: 'OK', ...(schema !== undefined && { schema }) });

export const apiKeyParameters = {
  api_key: { type: 'securestring', uiDefinition: { displayName: 'Key', constraints: { required: 'true' } } },
};
export const connection = { values: { api_key: 'k-1' } };

export const swagger = {
  swagger: '2.0',
  info: { title: 'Events', version: '1' },
  host: 'api.events.test',
  basePath: '/v1',
  schemes: ['https'],
  securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
  security: [{ key: [] }],
  definitions: {
    Item: { type: 'object', properties: { id: { type: 'string' } } },
    Envelope: {
      type: 'object',
      properties: {
        '@odata.count': { type: 'integer' },
        value: { type: 'array', items: { $ref: '#/definitions/Item' } },
        '@odata.nextLink': { type: 'string' },
      },
    },
  },
  paths: {
    '/subscriptions': {
      'x-ms-notification-content': {
        schema: {
          type: 'object',
          properties: {
            items: { type: 'array', items: { $ref: '#/definitions/Item' } },
            secret: { type: 'string', 'x-ms-visibility': 'internal' },
          },
        },
      },
      post: {
        operationId: 'OnItems',
        'x-ms-trigger': 'batch',
        parameters: [
          { name: 'folder', in: 'query', type: 'string' },
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: {
              type: 'object',
              required: ['config'],
              properties: {
                config: {
                  type: 'object',
                  required: ['callback'],
                  'x-ms-visibility': 'internal',
                  properties: {
                    callback: {
                      type: 'string',
                      'x-ms-notification-url': true,
                      'x-ms-visibility': 'internal',
                    },
                  },
                },
                label: { type: 'string' },
              },
            },
          },
        ],
        responses: { '201': ok() },
      },
    },
    '/subscriptions/{id}': {
      delete: {
        operationId: 'DeleteSubscription',
        'x-ms-visibility': 'internal',
        parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
        responses: { '204': ok() },
      },
    },
    '/single-hooks': {
      'x-ms-notification-content': { schema: { $ref: '#/definitions/Item' } },
      post: {
        operationId: 'OnItem',
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
        responses: { '200': ok() },
      },
    },
    '/changes': {
      get: {
        operationId: 'OnChanges',
        'x-ms-trigger': 'batch',
        parameters: [{ name: 'team', in: 'query', type: 'string' }],
        responses: { '200': ok({ $ref: '#/definitions/Envelope' }), '202': ok() },
      },
    },
    '/items': {
      get: {
        operationId: 'OnNewItems',
        'x-ms-trigger': 'batch',
        parameters: [
          { name: 'since', in: 'query', type: 'string', 'x-ms-visibility': 'internal' },
          {
            name: '$orderby',
            in: 'query',
            type: 'string',
            required: true,
            default: 'created desc',
            'x-ms-visibility': 'internal',
          },
        ],
        responses: { '200': ok({ $ref: '#/definitions/Envelope' }) },
      },
    },
    '/latest': {
      get: {
        operationId: 'OnLatest',
        'x-ms-trigger': 'single',
        parameters: [
          {
            name: 'after',
            in: 'query',
            type: 'string',
            'x-ms-trigger-value': { 'value-collection': 'value', 'value-path': 'seq' },
          },
        ],
        responses: { '200': ok({ type: 'object' }) },
      },
    },
    '/jobs': {
      post: {
        operationId: 'RunJob',
        parameters: [
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: {
              type: 'object',
              required: ['notify'],
              properties: {
                notify: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' },
                job: { type: 'string' },
              },
            },
          },
        ],
        responses: { '202': ok() },
      },
    },
  },
};

export const pollingPolicy = {
  templateId: 'pollingtrigger',
  title: 'New items',
  parameters: {
    'x-ms-apimTemplate-operationName': ['OnNewItems'],
    'x-ms-apimTemplateParameter.triggerConfig': { since: '@{triggerBody().value[0].created}' },
    'x-ms-apimTemplateParameter.triggerDataPath': '@triggerBody().value',
  },
};

export function eventsConnector(): Connector {
  return memoryConnector(swagger, {
    connectionParameters: apiKeyParameters,
    policyTemplateInstances: [pollingPolicy],
  });
}
