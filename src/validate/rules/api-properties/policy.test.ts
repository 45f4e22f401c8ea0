import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, withOperation } from '../../testing.ts';
import connectionParameterUnknown from './policy-connection-parameter-unknown.ts';
import operationUnknown from './policy-operation-unknown.ts';
import parameters from './policy-template-parameters.ts';
import templateUnknown from './policy-template-unknown.ts';

const files = (...policies: unknown[]) => ({
  swagger: withOperation({}),
  apiProperties: { properties: { iconBrandColor: '#123456', policyTemplateInstances: policies } },
});
const setHeader = (extra: Record<string, unknown> = {}) => ({
  templateId: 'setheader',
  title: 'Set content type',
  parameters: {
    'x-ms-apimTemplateParameter.name': 'Content-Type',
    'x-ms-apimTemplateParameter.value': 'application/json',
    'x-ms-apimTemplate-policySection': 'Request',
    ...extra,
  },
});

describe('policy-template-unknown', () => {
  it('reports an unknown and a missing template id', () => {
    expect(
      messages(templateUnknown, files({ templateId: 'setHeaders', parameters: {} }, { parameters: {} })),
    ).toEqual([
      'Policy template `setHeaders` is unknown; the instance would not be applied.',
      'Policy template instance has no `templateId`.',
    ]);
  });
  it.each([
    'setheader',
    'SetProperty',
    'dynamicHostUrl',
    'moveproperties',
    'dynamicsubdomain',
    'setconnectionstatustounauthenticated',
  ])('accepts `%s`', (templateId) => {
    expect(runRule(templateUnknown, files({ templateId, parameters: {} }))).toEqual([]);
  });
});

describe('policy-template-parameters', () => {
  it('reports missing required parameters', () => {
    const policy = {
      templateId: 'setproperty',
      parameters: { 'x-ms-apimTemplateParameter.newPropertyParentPathTemplate': '@body()' },
    };
    expect(messages(parameters, files(policy))).toEqual([
      'Policy `setproperty` lacks `x-ms-apimTemplateParameter.newPropertySubPathTemplate`, `x-ms-apimTemplateParameter.propertyValuePathTemplate`.',
    ]);
  });
  it('reports a parameter spelled in the wrong case', () => {
    const policy = {
      templateId: 'dynamichosturl',
      parameters: { 'x-ms-apimTemplateParameter.urltemplate': 'https://x' },
    };
    expect(messages(parameters, files(policy))).toEqual([
      'Policy `dynamichosturl` spells `x-ms-apimTemplateParameter.urlTemplate` as `x-ms-apimTemplateParameter.urltemplate`; parameter names are case-sensitive.',
    ]);
  });
  it('accepts a complete instance and ignores unknown templates', () => {
    expect(runRule(parameters, files(setHeader(), { templateId: 'nope' }))).toEqual([]);
  });
});

describe('policy-operation-unknown', () => {
  it('reports unknown operations and case mismatches', () => {
    const policy = setHeader({ 'x-ms-apimTemplate-operationName': ['ListTasks', 'listtasks', 'Gone'] });
    expect(messages(operationUnknown, files(policy))).toEqual([
      'Policy `Set content type` (`setheader`) lists operation `listtasks`; the operationId is `ListTasks` (case-sensitive), so the policy does not apply to it.',
      'Policy `Set content type` (`setheader`) lists operation `Gone`, which is not an operationId of the swagger.',
    ]);
    expect(pointers(operationUnknown, files(policy))[1]).toBe(
      '/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName/2',
    );
  });
  it('accepts existing operations and an absent filter', () => {
    expect(
      runRule(
        operationUnknown,
        files(setHeader({ 'x-ms-apimTemplate-operationName': ['ListTasks'] }), setHeader()),
      ),
    ).toEqual([]);
  });
});

describe('policy-connection-parameter-unknown', () => {
  const route = (newPath: string) => ({
    templateId: 'routerequesttoendpoint',
    title: 'Decrement',
    parameters: {
      'x-ms-apimTemplateParameter.newPath': newPath,
      'x-ms-apimTemplateParameter.httpMethod': '@Request.OriginalHTTPMethod',
      'x-ms-apimTemplate-operationName': ['PixelDecrementPut'],
    },
  });
  const withParameters = (properties: Record<string, unknown>, ...policies: unknown[]) => ({
    swagger: withOperation({}),
    apiProperties: {
      properties: { iconBrandColor: '#123456', ...properties, policyTemplateInstances: policies },
    },
  });
  const pixela = {
    connectionParameters: { api_key: { type: 'securestring' }, username: { type: 'string' } },
  };

  it("reports Pixela's read of a parameter it does not define, where the value is", () => {
    const files = withParameters(
      pixela,
      route("/v1/users/@connectionParameters('username')/graphs/@connectionParameters('graphID')/decrement"),
    );
    expect(messages(connectionParameterUnknown, files)).toEqual([
      'Policy `Decrement` (`routerequesttoendpoint`) reads connection parameter `graphID`, which the connector does not define, so it reads an empty value on every connection (defined: `api_key`, `username`).',
    ]);
    expect(pointers(connectionParameterUnknown, files)).toEqual([
      '/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.newPath',
    ]);
  });

  it('reports a read on a connector without connection parameters (Jupyrest)', () => {
    const host = {
      templateId: 'dynamichosturl',
      title: 'Instance',
      parameters: {
        'x-ms-apimTemplateParameter.urlTemplate': "https://@connectionParameters('jupyrestinstance')",
      },
    };
    expect(messages(connectionParameterUnknown, withParameters({ connectionParameters: {} }, host))).toEqual([
      'Policy `Instance` (`dynamichosturl`) reads connection parameter `jupyrestinstance`, which the connector does not define, so it reads an empty value on every connection (the connector defines none).',
    ]);
  });

  it('accepts names in another case, OAuth sub-values, parameter sets, and reads with a default', () => {
    const files = withParameters(
      {
        connectionParameters: { factoryUrl: { type: 'string' }, token: { type: 'oauthSetting' } },
        connectionParameterSets: {
          uiDefinition: { displayName: 'Authentication' },
          values: [
            {
              name: 'key',
              uiDefinition: { displayName: 'Key' },
              parameters: { api_key: { type: 'securestring' } },
            },
          ],
        },
      },
      route(
        "https://@connectionParameters('factoryURL')/@connectionParameters('token:TenantId')/@CONNECTIONPARAMETERS('api_key')/@connectionParameters('graphID', 'main')",
      ),
    );
    expect(runRule(connectionParameterUnknown, files)).toEqual([]);
  });
});
