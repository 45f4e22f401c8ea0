import { describe, expect, it } from 'vitest';
import { ownArray, ownObject, ownString } from '../connector/json.ts';
import { connectorFromFiles } from '../connector/load.ts';
import { validateConnector } from '../validate/validate.ts';
import { convert } from './convert.ts';

const openapi31 = JSON.stringify({
  openapi: '3.1.0',
  info: {
    title: 'Pet Store API',
    version: '1.0',
    contact: { name: 'Pets Inc', url: 'https://pets.example.org', email: 'help@pets.example.org' },
  },
  servers: [
    {
      url: 'https://{region}.pets.example.org/v1',
      variables: { region: { default: 'eu', enum: ['eu', 'us'] } },
    },
  ],
  components: {
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
    schemas: {
      Pet: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'integer' }, name: { type: ['string', 'null'] } },
      },
    },
  },
  security: [{ key: [] }],
  paths: {
    '/pets': {
      get: {
        operationId: 'list-pets',
        summary: 'List All Pets!',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer' } },
          { name: 'session', in: 'cookie', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'Pets',
            content: {
              'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } },
            },
          },
        },
      },
      post: {
        operationId: 'createPet',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
        },
        responses: {
          default: {
            description: 'The pet',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
          },
        },
      },
    },
  },
  webhooks: {
    newPet: {
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
        responses: { '200': { description: 'OK' } },
      },
    },
  },
});

describe('convert', () => {
  it('sends operations with their own server there with a per-operation dynamichosturl policy', () => {
    const doc = {
      openapi: '3.0.3',
      info: { title: 'Hosts', version: '1' },
      servers: [{ url: 'https://api.example.org/v1' }],
      paths: {
        '/a': { get: { operationId: 'getA', responses: { '200': { description: 'OK' } } } },
        '/b': {
          servers: [{ url: 'https://{region}.files.example.org/', variables: { region: { default: 'eu' } } }],
          get: { operationId: 'getB', responses: { '200': { description: 'OK' } } },
        },
        '/c': {
          get: {
            operationId: 'getC',
            servers: [{ url: 'https://api.example.org/v1' }],
            responses: { '200': { description: 'OK' } },
          },
        },
      },
    };
    const result = convert(JSON.stringify(doc), { preset: false });
    const policies = (result.apiProperties.properties as { policyTemplateInstances?: unknown[] })
      .policyTemplateInstances;
    expect(policies).toEqual([
      {
        templateId: 'dynamichosturl',
        title: 'Send getB to https://eu.files.example.org',
        parameters: {
          'x-ms-apimTemplateParameter.urlTemplate': 'https://eu.files.example.org',
          'x-ms-apimTemplate-operationName': ['getB'],
        },
      },
    ]);
    expect(JSON.stringify(result.swagger)).not.toContain('x-flowport-host');
    expect(result.losses.map((l) => l.pointer)).toContain('/paths/~1b/servers');
  });

  const result = convert(openapi31, { source: 'pets.json', publisher: 'Pets Inc' });
  const swagger = result.swagger as Record<string, any>;

  it('writes Swagger 2.0 with the host of the first server and its defaults', () => {
    expect(swagger.swagger).toBe('2.0');
    expect([swagger.host, swagger.basePath]).toEqual(['eu.pets.example.org', '/v1']);
  });

  it('cleans the title and the summaries for certification', () => {
    expect(swagger.info.title).toBe('Pet Store');
    expect(swagger.paths['/pets'].get.summary).toBe('List all pets');
    expect(swagger.paths['/pets'].get.operationId).toBe('ListPets');
    expect(swagger.paths['/pets'].post.summary).toBe('Create pet');
  });

  it('turns the only default response into 200 and the 3.1 nullable type into x-nullable', () => {
    expect(Object.keys(swagger.paths['/pets'].post.responses)).toEqual(['200']);
    expect(swagger.definitions.Pet.properties.name).toEqual({ type: 'string', 'x-nullable': true });
  });

  it('adds a webhook trigger skeleton for the 3.1 webhook', () => {
    const item = swagger.paths['/webhooks/new-pet'];
    expect(item.post['x-ms-trigger']).toBe('single');
    expect(item['x-ms-notification-content'].schema).toEqual({ $ref: '#/definitions/Pet' });
    expect(result.stats).toEqual({ inputOperations: 2, keptOperations: 2, skeletons: 1 });
  });

  it('puts the security scheme, the server variable and the policy in apiProperties', () => {
    const props = (result.apiProperties as Record<string, any>).properties;
    expect(Object.keys(props.connectionParameters).sort()).toEqual(['api_key', 'region']);
    expect(props.policyTemplateInstances[0].templateId).toBe('dynamichosturl');
    expect(props.capabilities).toEqual(['actions', 'triggers']);
    expect(props.iconBrandColor).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('reports the cookie parameter and the webhook with pointers into the input', () => {
    const pointers = result.losses.map((l) => `${l.construct} ${l.pointer}`);
    expect(pointers).toContain('cookie parameter /paths/~1pets/get/parameters/1');
    expect(pointers).toContain('webhook /webhooks/newPet/post');
    expect(result.report).toContain('### cookie parameter (1)');
  });

  it('gives a connector without error-level findings under recommended, and lists what certification still needs', () => {
    const connector = connectorFromFiles(
      Object.entries(result.files).map(([name, bytes]) => ({ name, bytes })),
    );
    const errors = validateConnector(connector, { preset: 'recommended' }).diagnostics.filter(
      (d) => d.severity === 'error',
    );
    expect(errors).toEqual([]);
    expect(result.remaining.map((r) => r.rule)).toEqual(['connector-metadata-properties-missing']);
  });

  it('draws a 230×230 icon', () => {
    expect([...result.icon.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});

describe('an Accept header parameter the API requires', () => {
  it('becomes the produces of an operation whose responses name no media type', () => {
    const result = convert(
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'Exports', version: '1' },
        servers: [{ url: 'https://exports.example.org' }],
        paths: {
          '/download/{id}': {
            get: {
              operationId: 'Download',
              parameters: [
                { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
                {
                  name: 'Accept',
                  in: 'header',
                  required: true,
                  schema: { type: 'string', enum: ['application/octet-stream'] },
                },
              ],
              responses: { '200': { description: 'The file' } },
            },
          },
        },
      }),
      { preset: false },
    );
    const op = ownObject(ownObject(ownObject(result.swagger, 'paths'), '/download/{id}'), 'get');
    expect(op?.produces).toEqual(['application/octet-stream']);
    expect(ownArray(op, 'parameters')?.map((p) => ownString(p, 'name'))).toEqual(['id']);
    expect(result.losses.map((l) => l.construct)).toContain('Accept header');
  });
});
