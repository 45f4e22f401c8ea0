import { describe, expect, it } from 'vitest';
import { readApiProperties } from './api-properties.ts';
import { type JsonObject, ownBoolean, ownObject } from './json.ts';

const oauth = (key: string) => ({
  type: 'oauthSetting',
  [key]: {
    identityProvider: 'aad',
    clientId: 'id',
    scopes: ['a', 1, 'b'],
    redirectMode: 'GlobalPerConnector',
  },
});

describe('readApiProperties', () => {
  it.each(['oAuthSettings', 'oauthSettings'])('reads OAuth settings written as `%s`', (key) => {
    const props = readApiProperties({ properties: { connectionParameters: { token: oauth(key) } } });
    expect(props.oauthSettings).toEqual([
      expect.objectContaining({
        identityProvider: 'aad',
        scopes: ['a', 'b'],
        pointer: `/properties/connectionParameters/token/${key}`,
      }),
    ]);
  });

  it('reads the parameters of every connection parameter set', () => {
    const props = readApiProperties({
      properties: {
        connectionParameterSets: {
          values: [
            {
              name: 'oauth',
              uiDefinition: { displayName: 'Sign in' },
              parameters: { token: oauth('oAuthSettings') },
            },
            { name: 'key', parameters: { apiKey: { type: 'securestring' } } },
            'not a set',
          ],
        },
      },
    });
    expect(props.parameterSets.map((s) => [s.name, s.displayName, s.parameters.map((p) => p.name)])).toEqual([
      ['oauth', 'Sign in', ['token']],
      ['key', undefined, ['apiKey']],
    ]);
    expect(props.parameterSets[1]?.parameters[0]).toMatchObject({
      set: 'key',
      type: 'securestring',
      pointer: '/properties/connectionParameterSets/values/1/parameters/apiKey',
    });
    expect(props.oauthSettings.map((o) => o.pointer)).toEqual([
      '/properties/connectionParameterSets/values/0/parameters/token/oAuthSettings',
    ]);
  });

  it('matches policy template ids and parameter prefixes case-insensitively', () => {
    const props = readApiProperties({
      properties: {
        policyTemplateInstances: [
          {
            templateId: 'SetHeader',
            title: 'Version',
            parameters: {
              'x-ms-apimTemplateParameter.name': 'X-Version',
              'X-MS-APIMTEMPLATEPARAMETER.value': '1',
              'x-ms-apimTemplate-operationName': ['ListTasks'],
              other: true,
            },
          },
        ],
      },
    });
    expect(props.policies).toEqual([
      expect.objectContaining({
        templateId: 'setheader',
        rawTemplateId: 'SetHeader',
        parameters: { name: 'X-Version', value: '1', other: true },
        operations: ['ListTasks'],
        pointer: '/properties/policyTemplateInstances/0',
      }),
    ]);
  });

  it('keeps a `__proto__` policy parameter as data, not as the prototype of the parameters', () => {
    const props = readApiProperties({
      properties: {
        policyTemplateInstances: [
          {
            templateId: 'x',
            parameters: JSON.parse('{"x-ms-apimTemplateParameter.__proto__": {"polluted": 1}}'),
          },
        ],
      },
    });
    const parameters = props.policies[0]?.parameters as Record<string, unknown>;
    expect(Object.getPrototypeOf(parameters)).toBe(Object.prototype);
    expect(Object.keys(parameters)).toEqual(['__proto__']);
    expect(parameters.polluted).toBeUndefined();
  });

  it('reads string booleans as real connectors write them', () => {
    const props = readApiProperties({
      properties: {
        connectionParameters: {
          a: { type: 'string', uiDefinition: { constraints: { required: 'true', hidden: 'False' } } },
          b: { type: 'string', uiDefinition: { constraints: { required: true, hidden: 'no' } } },
        },
      },
    });
    const flags = props.connectionParameters.map((p) => {
      const constraints: JsonObject | undefined = ownObject(ownObject(p.raw, 'uiDefinition'), 'constraints');
      return [ownBoolean(constraints, 'required'), ownBoolean(constraints, 'hidden')];
    });
    expect(flags).toEqual([
      [true, false],
      [true, undefined],
    ]);
  });

  it('tells an absent `scriptOperations` from an empty one', () => {
    expect(readApiProperties({ properties: {} }).scriptOperations).toBeUndefined();
    expect(readApiProperties({ properties: { scriptOperations: [] } }).scriptOperations).toEqual([]);
    expect(readApiProperties({ properties: { scriptOperations: ['A', 2] } }).scriptOperations).toEqual(['A']);
  });

  it('reads whatever it is given without throwing', () => {
    for (const value of [
      undefined,
      null,
      3,
      [],
      { properties: [] },
      { properties: { connectionParameters: [1] } },
    ])
      expect(readApiProperties(value).connectionParameters).toEqual([]);
  });
});

describe('script operations in the older form', () => {
  it('reads `script.operationIds` when `scriptOperations` is absent', () => {
    const props = readApiProperties({
      properties: { script: { language: 'CSharpScript', operationIds: ['A', 'B'] } },
    });
    expect(props.scriptOperations).toEqual(['A', 'B']);
  });
});
