import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../connector/json.ts';
import { connectorFromFiles } from '../connector/load.ts';
import { isFlowportError } from '../errors.ts';
import { armDeployed } from './literal.ts';
import type { ArmNote } from './model.ts';
import { armTemplate } from './template.ts';

const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const swagger = (extra: Record<string, unknown> = {}) => ({
  swagger: '2.0',
  info: { title: 'Contoso Tasks', description: 'Manage [beta] tasks.', version: '1.0' },
  host: 'api.contoso.com',
  basePath: '/v1/',
  schemes: ['https'],
  paths: {
    '/tasks': {
      get: {
        operationId: 'ListTasks',
        summary: '[Preview] List tasks',
        responses: { '200': { description: 'OK' } },
      },
    },
  },
  ...extra,
});
const connectorOf = (
  properties: Record<string, unknown> | undefined,
  extra: Record<string, unknown> = {},
  more: { name: string; bytes: Uint8Array }[] = [],
) =>
  connectorFromFiles([
    { name: 'apiDefinition.swagger.json', bytes: enc(swagger(extra)) },
    ...(properties ? [{ name: 'apiProperties.json', bytes: enc({ properties }) }] : []),
    ...more,
  ]);
const resource = (t: { resources: readonly JsonObject[] }, i = 0) =>
  t.resources[i] as JsonObject & { properties: JsonObject };
const codes = (notes: readonly ArmNote[]) => notes.map((n) => n.code);

const apiKey = {
  api_key: {
    type: 'securestring',
    uiDefinition: { displayName: 'API key', constraints: { required: 'true' } },
  },
  region: { type: 'string', uiDefinition: { displayName: 'Region', constraints: { required: 'false' } } },
};

describe('armTemplate', () => {
  it('deploys the connector as Microsoft.Web/customApis with the backend URL as a parameter', () => {
    const { template, notes } = armTemplate(
      connectorOf({ iconBrandColor: '#0f5a8a', capabilities: ['actions'], connectionParameters: apiKey }),
    );
    const api = resource(template);
    expect(api).toMatchObject({
      type: 'Microsoft.Web/customApis',
      apiVersion: '2016-06-01',
      name: "[parameters('customApiName')]",
      location: "[parameters('location')]",
    });
    expect(api.properties).toMatchObject({
      displayName: 'Contoso Tasks',
      description: 'Manage [beta] tasks.',
      brandColor: '#0f5a8a',
      apiType: 'Rest',
      capabilities: ['actions'],
      backendService: { serviceUrl: "[parameters('serviceUrl')]" },
      connectionParameters: apiKey,
    });
    expect(template.parameters.serviceUrl?.defaultValue).toBe('https://api.contoso.com/v1');
    expect(template.parameters.customApiName?.defaultValue).toBe('contoso-tasks');
    expect(template.parameters.location?.defaultValue).toBe('[resourceGroup().location]');
    expect(template.resources).toHaveLength(1);
    expect(notes).toEqual([]);
  });

  it('carries the swagger over exactly, with strings ARM would evaluate escaped', () => {
    const connector = connectorOf(undefined, {
      'x-ms-connector-metadata': [{ propertyName: '[x]', propertyValue: 'y' }],
    });
    const { template } = armTemplate(connector);
    const inline = resource(template).properties.swagger as JsonObject;
    expect(JSON.stringify(inline)).toContain('"summary":"[Preview] List tasks"');
    expect(JSON.stringify(inline)).toContain('"propertyName":"[[x]"');
    expect(armDeployed(inline)).toEqual(connector.definition.raw);
  });

  it('makes OAuth client id and secret parameters, the secret without a default, and the aad tenant and resource too', () => {
    const { template, notes } = armTemplate(
      connectorOf({
        connectionParameters: {
          token: {
            type: 'oAuthSetting',
            oAuthSettings: {
              identityProvider: 'aad',
              clientId: '2b4f7c1e-8a0d-4c55-9f0e-1a2b3c4d5e6f',
              clientSecret: 'committed-by-mistake',
              scopes: ['Tasks.Read'],
              redirectUrl: 'https://global.consent.azure-apim.net/redirect',
              customParameters: {
                loginUri: { value: 'https://login.microsoftonline.com' },
                tenantId: { value: 'common' },
                resourceUri: { value: 'https://api.contoso.com' },
              },
            },
          },
        },
      }),
    );
    const token = (resource(template).properties.connectionParameters as JsonObject).token as JsonObject;
    expect(token).toEqual({
      type: 'oauthSetting',
      oAuthSettings: {
        identityProvider: 'aad',
        clientId: "[parameters('tokenClientId')]",
        clientSecret: "[parameters('tokenClientSecret')]",
        scopes: ['Tasks.Read'],
        redirectUrl: 'https://global.consent.azure-apim.net/redirect',
        customParameters: {
          loginUri: { value: 'https://login.microsoftonline.com' },
          tenantId: { value: "[parameters('tokenTenantId')]" },
          resourceUri: { value: "[parameters('tokenResourceUri')]" },
        },
      },
    });
    expect(template.parameters.tokenClientId?.defaultValue).toBe('2b4f7c1e-8a0d-4c55-9f0e-1a2b3c4d5e6f');
    expect(template.parameters.tokenClientSecret).toEqual({
      type: 'securestring',
      metadata: expect.anything(),
    });
    expect(template.parameters.tokenTenantId?.defaultValue).toBe('common');
    expect(template.parameters.tokenResourceUri?.defaultValue).toBe('https://api.contoso.com');
    expect(JSON.stringify(template)).not.toContain('committed-by-mistake');
    expect(codes(notes)).toEqual(['committed-secret-not-copied', 'oauth-secret-parameter']);
  });

  it('gives no default client id when apiProperties holds a placeholder', () => {
    for (const clientId of [
      '[[DUMMY]]',
      '<<Enter your client ID>>',
      '{{ client id }}',
      'PLACEHOLDER_CLIENTID',
      '',
      'xxxx',
    ]) {
      const { template } = armTemplate(
        connectorOf({
          connectionParameters: {
            token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2', clientId } },
          },
        }),
      );
      expect(template.parameters.tokenClientId, clientId).not.toHaveProperty('defaultValue');
    }
    const aad = armTemplate(
      connectorOf({
        connectionParameters: {
          token: {
            type: 'oauthSetting',
            oAuthSettings: {
              identityProvider: 'aad',
              redirectUrl: ['https://global.consent.azure-apim.net/redirect/a', 'https://b'],
              customParameters: {
                tenantId: { value: '<tenant>' },
                resourceUri: { value: '[[RESOURCE_URI]]' },
              },
            },
          },
        },
      }),
    );
    expect(aad.template.parameters.tokenTenantId).not.toHaveProperty('defaultValue');
    expect(aad.template.parameters.tokenResourceUri).not.toHaveProperty('defaultValue');
    // A list of redirect URLs is no URL: left out, and said.
    const token = (resource(aad.template).properties.connectionParameters as JsonObject).token as JsonObject;
    expect(token.oAuthSettings).not.toHaveProperty('redirectUrl');
    expect(aad.notes.find((n) => n.code === 'oauth-setting-dropped')?.message).toContain('`redirectUrl`');
  });

  it('adds a connection filled from parameters, secure ones without defaults, when asked', () => {
    const { template, notes } = armTemplate(connectorOf({ connectionParameters: apiKey }), {
      connection: 'tasks-prod',
    });
    expect(resource(template, 1)).toEqual({
      type: 'Microsoft.Web/connections',
      apiVersion: '2016-06-01',
      name: "[parameters('connectionName')]",
      location: "[parameters('location')]",
      dependsOn: ["[resourceId('Microsoft.Web/customApis', parameters('customApiName'))]"],
      properties: {
        displayName: "[parameters('connectionName')]",
        api: { id: "[resourceId('Microsoft.Web/customApis', parameters('customApiName'))]" },
        parameterValues: {
          api_key: "[parameters('connectionApiKey')]",
          region: "[parameters('connectionRegion')]",
        },
      },
    });
    expect(template.parameters.connectionApiKey).toEqual({
      type: 'securestring',
      metadata: expect.anything(),
    });
    expect(template.parameters.connectionRegion).toMatchObject({ type: 'string', defaultValue: '' });
    expect(template.parameters.connectionName?.defaultValue).toBe('tasks-prod');
    expect(template.outputs.connectionId).toBeDefined();
    expect(notes).toEqual([]);
  });

  it('says an OAuth connection must be authorized after deployment', () => {
    const { template, notes } = armTemplate(
      connectorOf({
        connectionParameters: {
          token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'github' } },
        },
      }),
      { connection: true },
    );
    expect(resource(template, 1).properties).not.toHaveProperty('parameterValues');
    expect(codes(notes)).toContain('oauth-connection-consent');
  });

  it('deploys one sign-in of a multi-auth connector, the first unless another is chosen, and says which are left out', () => {
    const properties = {
      connectionParameterSets: {
        uiDefinition: { displayName: 'Sign in with' },
        values: [
          { name: 'key', uiDefinition: { displayName: 'API key' }, parameters: { api_key: apiKey.api_key } },
          {
            name: 'oauth',
            uiDefinition: { displayName: 'OAuth' },
            parameters: { token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2' } } },
          },
        ],
      },
    };
    const first = armTemplate(connectorOf(properties));
    expect(first.parameterSet).toBe('key');
    expect(Object.keys(resource(first.template).properties.connectionParameters as JsonObject)).toEqual([
      'api_key',
    ]);
    expect(first.notes[0]?.message).toContain(
      'uses `key` and leaves out `oauth` (--parameter-set chooses another)',
    );
    const chosen = armTemplate(connectorOf(properties), { parameterSet: 'oauth' });
    expect(Object.keys(resource(chosen.template).properties.connectionParameters as JsonObject)).toEqual([
      'token',
    ]);
    let caught: unknown;
    try {
      armTemplate(connectorOf(properties), { parameterSet: 'nope' });
    } catch (error) {
      caught = error;
    }
    expect(isFlowportError(caught) && caught.code).toBe('CONNECTION_INVALID');
  });

  it('lists policy templates and custom code as left out, with where they are', () => {
    const { notes } = armTemplate(
      connectorOf(
        {
          policyTemplateInstances: [
            {
              templateId: 'setheader',
              title: 'Accept',
              parameters: { 'x-ms-apimTemplate-operationName': ['ListTasks'] },
            },
            {
              templateId: 'dynamicHostUrl',
              parameters: {
                'x-ms-apimTemplateParameter.UrlTemplate': "https://@connectionParameters('host')",
              },
            },
          ],
          scriptOperations: ['ListTasks'],
        },
        {},
        [{ name: 'script.csx', bytes: enc('public class Script : ScriptBase {}') }],
      ),
    );
    expect(notes.map((n) => [n.code, n.severity, n.file, n.pointer])).toEqual([
      ['policy-templates-dropped', 'warning', 'apiProperties', '/properties/policyTemplateInstances/0'],
      ['policy-templates-dropped', 'warning', 'apiProperties', '/properties/policyTemplateInstances/1'],
      ['custom-code-dropped', 'warning', 'script', undefined],
    ]);
    expect(notes[1]?.message).toContain('in Logic Apps give it as `serviceUrl`, one deployment per host');
    expect(notes[0]?.message).not.toContain('serviceUrl');
    expect(notes[0]?.message).toContain('`setheader` ("Accept") is left out');
    expect(notes[0]?.message).toContain('`ListTasks` behave as if it were absent');
    expect(notes[2]?.message).toContain('script.csx for `ListTasks`');
  });

  it('flags a connection parameter type ARM does not declare, and asks for the backend URL when there is no host', () => {
    const { template, notes } = armTemplate(
      connectorOf(
        {
          connectionParameters: {
            gateway: { type: 'gatewaySetting', gatewaySettings: { dataSourceType: 'CustomConnector' } },
          },
        },
        { host: undefined },
      ),
    );
    expect(codes(notes)).toEqual(['service-url-missing', 'connection-parameter-type']);
    expect(template.parameters.serviceUrl).not.toHaveProperty('defaultValue');
    expect((resource(template).properties.connectionParameters as JsonObject).gateway).toMatchObject({
      type: 'gatewaySetting',
    });
  });

  it("takes the options as the parameters' defaults", () => {
    const { template } = armTemplate(connectorOf(undefined), {
      name: 'tasks',
      location: 'westeurope',
      iconUri: 'https://contoso.com/icon.png',
      serviceUrl: 'https://staging.contoso.com/v1',
    });
    expect(
      Object.fromEntries(Object.entries(template.parameters).map(([k, p]) => [k, p.defaultValue])),
    ).toEqual({
      customApiName: 'tasks',
      location: 'westeurope',
      serviceUrl: 'https://staging.contoso.com/v1',
      iconUri: 'https://contoso.com/icon.png',
    });
  });

  it('refuses a connector without a readable swagger, with the code that says why', () => {
    const cases: [Parameters<typeof connectorFromFiles>[0], string][] = [
      [[{ name: 'apiProperties.json', bytes: enc({ properties: {} }) }], 'CONNECTOR_SWAGGER_MISSING'],
      [[{ name: 'apiDefinition.swagger.json', bytes: enc('{ "swagger": ') }], 'CONNECTOR_PARSE_FAILED'],
      [
        [{ name: 'apiDefinition.swagger.json', bytes: enc({ openapi: '3.0.0', paths: {} }) }],
        'CONNECTOR_PARSE_FAILED',
      ],
      [[{ name: 'apiDefinition.swagger.json', bytes: enc({ swagger: '2.0' }) }], 'CONNECTOR_PARSE_FAILED'],
    ];
    for (const [files, code] of cases) {
      let caught: unknown;
      try {
        armTemplate(connectorFromFiles(files));
      } catch (error) {
        caught = error;
      }
      expect(isFlowportError(caught) && caught.code).toBe(code);
    }
  });
});
