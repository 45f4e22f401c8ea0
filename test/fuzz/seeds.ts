import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue } from '../../src/connector/json.ts';
import { swagger, withOperation } from '../../src/validate/testing.ts';

/** A connector to mutate: its two JSON documents, parsed, and any other files as they are. */
export interface Seed {
  readonly name: string;
  readonly swagger: JsonValue;
  readonly apiProperties: JsonValue | undefined;
  readonly script?: string;
}

const apiProperties = {
  properties: {
    iconBrandColor: '#007ee5',
    publisher: 'Contoso',
    stackOwner: 'Contoso',
    capabilities: ['actions'],
    connectionParameters: {
      token: {
        type: 'oauthSetting',
        oAuthSettings: {
          identityProvider: 'aad',
          clientId: 'id',
          scopes: ['Tasks.Read'],
          redirectMode: 'GlobalPerConnector',
          customParameters: { resourceUri: { value: 'https://contoso.example.com' } },
        },
      },
    },
    connectionParameterSets: {
      uiDefinition: { displayName: 'Authentication' },
      values: [
        {
          name: 'key',
          uiDefinition: { displayName: 'API key' },
          parameters: { apiKey: { type: 'securestring', uiDefinition: { displayName: 'Key' } } },
        },
      ],
    },
    policyTemplateInstances: [
      {
        templateId: 'SetHeader',
        title: 'Version',
        parameters: {
          'x-ms-apimTemplateParameter.name': 'X-Version',
          'x-ms-apimTemplateParameter.value': '1',
          'x-ms-apimTemplate-operationName': ['ListTasks'],
        },
      },
    ],
    scriptOperations: ['ListTasks'],
  },
};

/** Exercises most of the model: shared `$ref` parameters and responses, a webhook trigger, `allOf`. */
const webhook = swagger({
  paths: {
    '/tasks/{id}': {
      parameters: [{ $ref: '#/parameters/id' }],
      get: {
        operationId: 'GetTask',
        summary: 'Get a task',
        description: 'Gets one task by its id.',
        parameters: [
          {
            name: 'list',
            in: 'query',
            type: 'string',
            'x-ms-dynamic-values': { operationId: 'ListLists', 'value-path': 'id' },
          },
        ],
        responses: { '200': { $ref: '#/responses/Task' }, default: { description: 'Error' } },
      },
    },
    '/hooks': {
      'x-ms-notification-content': { description: 'A task', schema: { $ref: '#/definitions/Task' } },
      post: {
        operationId: 'OnTaskCreated',
        summary: 'When a task is created',
        description: 'Triggers when a task is created.',
        'x-ms-trigger': 'single',
        parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Hook' } }],
        responses: { '201': { description: 'Created' } },
      },
    },
  },
  parameters: { id: { name: 'id', in: 'path', required: true, type: 'string', 'x-ms-summary': 'Task id' } },
  responses: { Task: { description: 'The task', schema: { $ref: '#/definitions/Task' } } },
  definitions: {
    Task: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        owner: { allOf: [{ $ref: '#/definitions/Person' }, { properties: { role: { type: 'string' } } }] },
      },
    },
    Person: { type: 'object', additionalProperties: { type: 'string' } },
    Hook: {
      type: 'object',
      properties: {
        callback: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' },
      },
    },
  },
  securityDefinitions: { oauth2: { type: 'oauth2', flow: 'accessCode' } },
  'x-ms-connector-metadata': [{ propertyName: 'Website', propertyValue: 'https://contoso.example.com' }],
});

const BUILT_IN: Seed[] = [
  { name: 'swagger()', swagger: swagger() as JsonValue, apiProperties: undefined },
  { name: 'withOperation()', swagger: withOperation({}) as JsonValue, apiProperties },
  { name: 'webhook', swagger: webhook as JsonValue, apiProperties, script: 'public class Script {}' },
];

function readSeed(dir: string, name: string): Seed | undefined {
  const files = readdirSync(dir);
  const find = (lower: string) => files.find((f) => f.toLowerCase() === lower);
  const swaggerFile = find('apidefinition.swagger.json');
  if (!swaggerFile) return undefined;
  try {
    const props = find('apiproperties.json');
    const script = find('script.csx');
    return {
      name,
      swagger: JSON.parse(readFileSync(join(dir, swaggerFile), 'utf8')) as JsonValue,
      apiProperties: props ? (JSON.parse(readFileSync(join(dir, props), 'utf8')) as JsonValue) : undefined,
      ...(script && { script: readFileSync(join(dir, script), 'utf8') }),
    };
  } catch {
    return undefined;
  }
}

/**
 * The smallest corpus connectors of each kind that matter to the model (webhooks, triggers, `$ref`s,
 * policies or custom code), so that mutations start from what real authors write.
 */
function corpusSeeds(root: string, count: number): Seed[] {
  const candidates: { dir: string; name: string; text: string }[] = [];
  for (const category of ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors']) {
    const base = join(root, category);
    if (!existsSync(base)) continue;
    for (const folder of readdirSync(base)) {
      const dir = join(base, folder);
      const read = (name: string) =>
        existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '';
      const swaggerText = read('apiDefinition.swagger.json');
      if (swaggerText.length > 2_000 && swaggerText.length < 40_000)
        candidates.push({
          dir,
          name: `${category}/${folder}`,
          text: swaggerText + read('apiProperties.json'),
        });
    }
  }
  candidates.sort((a, b) => a.text.length - b.text.length || a.name.localeCompare(b.name));
  const wanted = [
    /"x-ms-notification-url"/,
    /"x-ms-trigger"/,
    /"\$ref"/,
    /"policyTemplateInstances"/,
    /"scriptOperations"/,
    /"x-ms-dynamic-values"/,
    /"connectionParameterSets"/,
    /"operationId"/,
  ];
  const picked: Seed[] = [];
  for (const pattern of wanted.slice(0, count)) {
    const c = candidates.find((c) => pattern.test(c.text) && !picked.some((s) => s.name === c.name));
    const seed = c && readSeed(c.dir, c.name);
    if (seed) picked.push(seed);
  }
  return picked;
}

/** Built-in documents, the connectors under `examples/`, and a few small corpus connectors. */
export function loadSeeds(repo: string, corpus: string): Seed[] {
  const seeds = [...BUILT_IN];
  const examples = join(repo, 'examples');
  if (existsSync(examples))
    for (const folder of readdirSync(examples)) {
      const dir = join(examples, folder);
      const seed = statSync(dir).isDirectory() ? readSeed(dir, `examples/${folder}`) : undefined;
      if (seed) seeds.push(seed);
    }
  if (existsSync(corpus)) seeds.push(...corpusSeeds(corpus, 8));
  return seeds;
}
