import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, withOperation } from '../../testing.ts';
import connectionParameterUnknown from './policy-connection-parameter-unknown.ts';
import instanceInvalid from './policy-instance-invalid.ts';
import operationUnknown from './policy-operation-unknown.ts';
import readsUndeclared from './policy-reads-undeclared-parameter.ts';
import routeWithoutOperations from './policy-route-without-operations.ts';
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

describe('policy-instance-invalid', () => {
  it("reports what the runtime refuses: Pixela's misspelt function, Assently's header name, a section the template has not", () => {
    const route = {
      templateId: 'routerequesttoendpoint',
      title: 'Pixels',
      parameters: {
        'x-ms-apimTemplateParameter.newPath': "/graphs/@queryParamters('graphID')/pixels",
        'x-ms-apimTemplate-operationName': ['ListTasks'],
      },
    };
    const header = setHeader({ 'x-ms-apimTemplateParameter.name': '[[Dummy]]' });
    const query = {
      templateId: 'setqueryparameter',
      title: 'Page size',
      parameters: {
        'x-ms-apimTemplateParameter.name': 'top',
        'x-ms-apimTemplateParameter.value': '50',
        'x-ms-apimTemplate-policySection': 'Response',
      },
    };
    expect(messages(instanceInvalid, files(route, header, query))).toEqual([
      "Policy `Pixels` (`routerequesttoendpoint`) has an invalid `x-ms-apimTemplateParameter.newPath`: Policy expression `@queryParamters('graphID')` is invalid at column 10: unknown function `queryParamters`; use one of headers, header, queryParameters, connectionParameters, body, item, triggerBody; fix the expression.",
      'Policy `Set content type` (`setheader`) sets header `[[Dummy]]`, which is not a valid header name; use letters, digits and `-`.',
      expect.stringContaining('Policy `Page size` (`setqueryparameter`)'),
    ]);
    expect(pointers(instanceInvalid, files(route))).toEqual([
      '/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.newPath',
    ]);
  });

  it('leaves unknown templates and absent parameters to their own rules, and accepts valid instances', () => {
    const lacking = { templateId: 'setheader', parameters: { 'x-ms-apimTemplateParameter.value': 'x' } };
    expect(runRule(instanceInvalid, files({ templateId: 'setHeaders', parameters: {} }, lacking))).toEqual(
      [],
    );
    expect(messages(parameters, files(lacking))).toHaveLength(1);
    expect(
      runRule(
        instanceInvalid,
        files(setHeader(), setHeader({ 'x-ms-apimTemplateParameter.value': "@connectionParameters('key')" })),
      ),
    ).toEqual([]);
  });
});

describe('policy-route-without-operations', () => {
  const route = (operations?: string[]) => ({
    templateId: 'routerequesttoendpoint',
    title: 'Route to the user',
    parameters: {
      'x-ms-apimTemplateParameter.newPath': "/v1/users/@connectionParameters('username')",
      ...(operations && { 'x-ms-apimTemplate-operationName': operations }),
    },
  });
  const twoOperations = (...policies: unknown[]) => ({
    swagger: withOperation({}, '/tasks', 'get', {}),
    apiProperties: { properties: { iconBrandColor: '#123456', policyTemplateInstances: policies } },
  });
  const swaggerWithTwo = () => {
    const files = twoOperations();
    const paths = (files.swagger as { paths: Record<string, unknown> }).paths;
    paths['/users'] = {
      get: { operationId: 'GetUser', summary: 'Get the user', responses: { '200': { description: 'OK' } } },
    };
    return files.swagger;
  };

  it("reports a route that names no operation, as Pixela's five", () => {
    const input = { swagger: swaggerWithTwo(), apiProperties: twoOperations(route()).apiProperties };
    expect(messages(routeWithoutOperations, input)).toEqual([
      "Policy `Route to the user` (`routerequesttoendpoint`) names no operation, so it sends every one of the 2 operations to `/v1/users/@connectionParameters('username')`; a policy without `x-ms-apimTemplate-operationName` applies to all of them.",
    ]);
  });

  it('accepts a route that names its operations, and one in a connector of one operation', () => {
    const named = {
      swagger: swaggerWithTwo(),
      apiProperties: twoOperations(route(['GetUser'])).apiProperties,
    };
    expect(runRule(routeWithoutOperations, named)).toEqual([]);
    expect(runRule(routeWithoutOperations, twoOperations(route()))).toEqual([]);
  });
});

describe('policy-reads-undeclared-parameter', () => {
  /** Bloomflow's shape: every operation but one declares the header its host comes from. */
  const api = (extra: Record<string, unknown> = {}) => ({
    swagger: '2.0',
    info: { title: 'Ideas', version: '1', description: 'Ideas.' },
    host: 'api.ideas.test',
    basePath: '/',
    schemes: ['https'],
    securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
    parameters: { url: { name: 'bloomflow_api_url', in: 'header', required: true, type: 'string' } },
    paths: {
      '/items': {
        get: {
          operationId: 'ListItems',
          parameters: [{ $ref: '#/parameters/url' }],
          responses: { '200': { description: 'OK' } },
        },
      },
      '/applications/{formId}': {
        post: {
          operationId: 'CreateApplication',
          parameters: [{ name: 'formId', in: 'path', required: true, type: 'string' }],
          responses: { '200': { description: 'OK' } },
        },
      },
    },
    ...extra,
  });
  const withPolicies = (...policies: unknown[]) => ({
    swagger: api(),
    apiProperties: { properties: { iconBrandColor: '#123456', policyTemplateInstances: policies } },
  });
  const host = (template: string) => ({
    templateId: 'dynamichosturl',
    title: 'Set the address',
    parameters: { 'x-ms-apimTemplateParameter.urlTemplate': template },
  });

  it("reports Bloomflow's host read from a header one operation does not send, at the parameter", () => {
    const files = withPolicies(host("@headers('bloomflow_api_url')"));
    expect(messages(readsUndeclared, files)).toEqual([
      'Policy `Set the address` (`dynamichosturl`) reads header `bloomflow_api_url`, which `CreateApplication` does not send, so it reads an empty value there.',
    ]);
    expect(pointers(readsUndeclared, files)).toEqual([
      '/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.urlTemplate',
    ]);
  });

  it('accepts a read with a default, one the operations declare, headers the connection or platform sends, and values an earlier policy sets', () => {
    const setFirst = {
      templateId: 'setvaluefromurl',
      title: 'Team',
      parameters: {
        'x-ms-apimTemplateParameter.parameterTemplate': "@headers('TeamId')",
        'x-ms-apimTemplateParameter.parameterValueUrl': '/me',
        'x-ms-apimTemplateParameter.parameterValuePathTemplate': '@body().team',
      },
    };
    const route = {
      templateId: 'routerequesttoendpoint',
      title: 'Team boards',
      parameters: {
        'x-ms-apimTemplateParameter.newPath':
          "/teams/@headers('teamid')/@header('X-Api-Key')/@headers('Authorization')",
      },
    };
    const limited = {
      ...host("@headers('bloomflow_api_url')"),
      parameters: {
        'x-ms-apimTemplateParameter.urlTemplate': "@headers('bloomflow_api_url')",
        'x-ms-apimTemplate-operationName': ['ListItems'],
      },
    };
    expect(
      runRule(
        readsUndeclared,
        withPolicies(
          host("@headers('bloomflow_api_url', 'https://api.ideas.test')"),
          setFirst,
          route,
          limited,
        ),
      ),
    ).toEqual([]);
    // Set after the read, the value is not there yet.
    expect(messages(readsUndeclared, withPolicies(route, setFirst))).toEqual([
      'Policy `Team boards` (`routerequesttoendpoint`) reads header `teamid`, which `ListItems`, `CreateApplication` do not send, so it reads an empty value there.',
    ]);
  });
});
