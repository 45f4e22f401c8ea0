import ajvModule, { type ValidateFunction } from 'ajv';
import type { JsonValue } from '../connector/json.ts';
import { readsAsExpression } from './literal.ts';
import type { ArmTemplate } from './model.ts';

/**
 * The resources `flowport arm` writes, as JSON Schema, from the resource types ARM publishes for
 * `Microsoft.Web@2016-06-01` (github.com/Azure/bicep-types-az, generated/web/microsoft.web/2016-06-01/types.md):
 * `CustomApiPropertiesDefinition`, `ConnectionParameter`, `ApiOAuthSettings`,
 * `ApiConnectionDefinitionProperties`. A connection parameter may also carry `uiDefinition` (as
 * templates the Azure portal exports do) and the other keys Power Platform connectors write.
 */
const SCHEMA = {
  type: 'object',
  required: ['$schema', 'contentVersion', 'parameters', 'resources'],
  additionalProperties: false,
  properties: {
    $schema: { const: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#' },
    contentVersion: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+){3}$' },
    metadata: { type: 'object' },
    parameters: {
      type: 'object',
      maxProperties: 256,
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
      additionalProperties: {
        type: 'object',
        required: ['type'],
        additionalProperties: false,
        properties: {
          type: { enum: ['string', 'securestring', 'int', 'bool', 'object', 'secureObject', 'array'] },
          defaultValue: {},
          metadata: { type: 'object', properties: { description: { type: 'string' } } },
        },
        // A secure parameter with a default would put a secret in the template.
        if: { properties: { type: { const: 'securestring' } } },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `then`.
        then: { not: { required: ['defaultValue'] } },
      },
    },
    resources: {
      type: 'array',
      items: [{ $ref: '#/definitions/customApi' }],
      additionalItems: { $ref: '#/definitions/connection' },
      minItems: 1,
      maxItems: 2,
    },
    outputs: { type: 'object', additionalProperties: { type: 'object', required: ['type', 'value'] } },
  },
  definitions: {
    expression: { type: 'string', pattern: '^\\[[^\\[].*\\]$' },
    customApi: {
      type: 'object',
      required: ['type', 'apiVersion', 'name', 'location', 'properties'],
      additionalProperties: false,
      properties: {
        type: { const: 'Microsoft.Web/customApis' },
        apiVersion: { const: '2016-06-01' },
        name: { $ref: '#/definitions/expression' },
        location: { $ref: '#/definitions/expression' },
        properties: {
          type: 'object',
          required: ['displayName', 'apiType', 'backendService', 'swagger'],
          additionalProperties: false,
          properties: {
            apiDefinitions: { type: 'object' },
            apiType: { enum: ['NotSpecified', 'Rest', 'Soap'] },
            backendService: {
              type: 'object',
              additionalProperties: false,
              properties: { serviceUrl: { type: 'string' } },
            },
            brandColor: { type: 'string' },
            capabilities: { type: 'array', items: { type: 'string' } },
            connectionParameters: {
              type: 'object',
              additionalProperties: { $ref: '#/definitions/connectionParameter' },
            },
            description: { type: 'string' },
            displayName: { type: 'string' },
            iconUri: { type: 'string' },
            runtimeUrls: { type: 'array', items: { type: 'string' } },
            swagger: { type: 'object', required: ['swagger', 'paths'] },
            wsdlDefinition: { type: 'object' },
          },
        },
      },
    },
    connectionParameter: {
      type: 'object',
      additionalProperties: false,
      properties: {
        type: {
          enum: [
            'array',
            'bool',
            'connection',
            'int',
            'oauthSetting',
            'object',
            'secureobject',
            'securestring',
            'string',
          ],
        },
        oAuthSettings: {
          type: 'object',
          additionalProperties: false,
          properties: {
            clientId: { type: 'string' },
            clientSecret: { type: 'string' },
            customParameters: {
              type: 'object',
              additionalProperties: {
                type: 'object',
                properties: { value: { type: ['string', 'null'] } },
              },
            },
            identityProvider: { type: 'string' },
            properties: {},
            redirectUrl: { type: ['string', 'null'] },
            scopes: { type: 'array' },
          },
        },
        uiDefinition: {},
        defaultValue: {},
        allowedValues: {},
        metadata: {},
        gatewaySettings: {},
      },
    },
    connection: {
      type: 'object',
      required: ['type', 'apiVersion', 'name', 'location', 'properties'],
      additionalProperties: false,
      properties: {
        type: { const: 'Microsoft.Web/connections' },
        apiVersion: { const: '2016-06-01' },
        name: { $ref: '#/definitions/expression' },
        location: { $ref: '#/definitions/expression' },
        dependsOn: { type: 'array', items: { $ref: '#/definitions/expression' } },
        properties: {
          type: 'object',
          required: ['api'],
          additionalProperties: false,
          properties: {
            displayName: { type: 'string' },
            api: {
              type: 'object',
              required: ['id'],
              properties: { id: { $ref: '#/definitions/expression' } },
            },
            parameterValues: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

let validate: ValidateFunction | undefined;

/**
 * What is wrong with a template, as sentences (none for a good one): its shape against the schema
 * above; an expression inside the swagger (every literal there must be escaped); a parameter read
 * but not declared, or declared but never read.
 */
export function templateProblems(template: ArmTemplate): string[] {
  validate ??= new ajvModule.default({ allErrors: true, strict: false }).compile(SCHEMA);
  const problems: string[] = [];
  if (!validate(template))
    for (const e of validate.errors ?? []) problems.push(`${e.instancePath || '/'} ${e.message ?? ''}`);
  const declared = new Set(Object.keys(template.parameters));
  const read = new Set<string>();
  const visit = (value: unknown, path: string, inSwagger: boolean): void => {
    if (typeof value === 'string') {
      if (!readsAsExpression(value) || value.startsWith('[[')) return;
      if (inSwagger) problems.push(`${path} is an ARM expression inside the swagger: ${value}`);
      for (const m of value.matchAll(/parameters\('([^']*)'\)/g)) {
        const name = m[1] as string;
        read.add(name);
        if (!declared.has(name)) problems.push(`${path} reads parameter \`${name}\`, which is not declared`);
      }
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], `${path}/${i}`, inSwagger);
    } else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        visit(k, `${path}/${k} (key)`, inSwagger);
        visit(v, `${path}/${k}`, inSwagger || (path === '/resources/0/properties' && k === 'swagger'));
      }
  };
  visit(template as unknown as JsonValue, '', false);
  for (const name of declared)
    if (!read.has(name)) problems.push(`parameter \`${name}\` is declared but never read`);
  return problems;
}
