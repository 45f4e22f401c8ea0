import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import { connectorWithParameters, swaggerWith, testConnector } from './_test-connector.ts';
import { checkConnection } from './check.ts';

const required = (displayName: string, type = 'string', extra: Record<string, unknown> = {}) => ({
  type,
  ...extra,
  uiDefinition: { displayName, constraints: { required: 'true', ...(extra.constraints as object) } },
});

// Excerpt of certified-connectors/ActiveCampaign/apiProperties.json.
const activeCampaign = connectorWithParameters({
  apiKey: required('KEY', 'securestring'),
  hostName: required('ActiveCampaign REST Endpoint Hostname'),
});

// Excerpt of certified-connectors/3E Events: oauth token, hidden host with a default, optional notes.
const threeE = testConnector(swaggerWith(), {
  connectionParameterSets: {
    values: [
      {
        name: 'aadProd',
        parameters: {
          token: { type: 'oauthSetting', uiDefinition: { constraints: { required: 'true' } } },
          'token:3eInstanceId': required('3E Instance ID'),
          'token:customHost': {
            type: 'string',
            defaultValue: 'api.elite.com',
            uiDefinition: {
              displayName: 'Host',
              constraints: {
                required: 'true',
                hidden: 'true',
                allowedValues: [{ text: 'default', value: 'api.elite.com' }],
              },
            },
          },
          'token:notes': { type: 'string', uiDefinition: { constraints: { required: 'false' } } },
        },
      },
      { name: 'aadPreview', parameters: { token: { type: 'oauthSetting' } } },
    ],
  },
});

const typed = connectorWithParameters({
  retries: { type: 'int', defaultValue: '3' },
  verbose: { type: 'bool' },
  mode: { type: 'string', allowedValues: [{ value: 'cloud' }, { value: 'local' }] },
  region: {
    type: 'string',
    uiDefinition: {
      displayName: 'Region',
      constraints: { required: 'true', dependencies: { mode: { values: ['cloud'] } } },
    },
  },
  onPrem: {
    type: 'string',
    uiDefinition: {
      displayName: 'On-premises host',
      constraints: { required: true, capability: ['gateway'] },
    },
  },
  gateway: { type: 'gatewaySetting', uiDefinition: { constraints: { required: 'true' } } },
  pin: { type: 'securestring', allowedValues: [{ value: '1234' }], uiDefinition: { displayName: 'PIN' } },
});

function errorOf(fn: () => unknown): FlowportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FlowportError) return error;
    throw error;
  }
  throw new Error('expected a FlowportError');
}

describe('checkConnection accepts and normalises', () => {
  it.each([
    [
      'fills a hidden default and skips the oauth token of the chosen set',
      threeE,
      { parameterSet: 'aadProd', values: { 'token:3eInstanceId': 'i-1' } },
      {
        parameterSet: 'aadProd',
        values: { 'token:3eInstanceId': 'i-1', 'token:customHost': 'api.elite.com' },
      },
    ],
    [
      'keeps `int` and `bool` values as trimmed, lower-cased strings',
      typed,
      { values: { retries: ' 5 ', verbose: 'TRUE', mode: 'local' } },
      { values: { retries: '5', verbose: 'true', mode: 'local' } },
    ],
    ['applies a default to an empty value', typed, { values: { retries: '' } }, { values: { retries: '3' } }],
    [
      'skips a required parameter whose dependency is not met',
      typed,
      { values: { mode: 'local' } },
      { values: { retries: '3', mode: 'local' } },
    ],
    [
      'accepts both required values',
      activeCampaign,
      { values: { apiKey: 'k', hostName: 'acme.api-us1.com' } },
      { values: { apiKey: 'k', hostName: 'acme.api-us1.com' } },
    ],
  ])('%s', (_, connector, connection, expected) => {
    expect(checkConnection(connector, connection)).toEqual(expected);
  });

  it('keeps the token provider and status', () => {
    const tokenProvider = { getToken: async () => 't' };
    const out = checkConnection(threeE, {
      parameterSet: 'aadPreview',
      values: {},
      tokenProvider,
      status: 'unauthenticated',
    });
    expect(out.tokenProvider).toBe(tokenProvider);
    expect(out.status).toBe('unauthenticated');
  });

  it('fills in the only parameter set', () => {
    const c = testConnector(swaggerWith(), {
      connectionParameterSets: {
        values: [{ name: 'key', parameters: { api_key: { type: 'securestring' } } }],
      },
    });
    expect(checkConnection(c, { values: { api_key: 'k' } }).parameterSet).toBe('key');
  });
});

describe('checkConnection refuses', () => {
  it.each([
    [
      'a missing required value, naming its display name',
      activeCampaign,
      { values: { apiKey: 'k' } },
      /^Connection parameter `ActiveCampaign REST Endpoint Hostname` \(`hostName`\) is required/,
    ],
    [
      'an empty required secret',
      activeCampaign,
      { values: { apiKey: '', hostName: 'h' } },
      /`KEY` \(`apiKey`\) is required/,
    ],
    [
      'a required value whose dependency is met',
      typed,
      { values: { mode: 'cloud' } },
      /`Region` \(`region`\) is required/,
    ],
    [
      'an unknown name with a suggestion',
      activeCampaign,
      { values: { apikey: 'k', hostName: 'h' } },
      /`apikey` does not exist in the connector; did you mean `apiKey`\?/,
    ],
    [
      'an unknown name far from every parameter, listing them',
      activeCampaign,
      { values: { secret: 'k' } },
      /use one of `apiKey`, `hostName`\./,
    ],
    [
      'an unknown name in a set, naming the set',
      threeE,
      { parameterSet: 'aadPreview', values: { 'token:3eInstanceId': 'x' } },
      /in parameter set `aadPreview`/,
    ],
    [
      'any name for a connector without parameters',
      connectorWithParameters({}),
      { values: { api_key: 'k' } },
      /`api_key` does not exist in the connector; it takes no connection parameters\./,
    ],
    [
      'a value outside `allowedValues`',
      typed,
      { values: { mode: 'hybrid' } },
      /must be one of `cloud`, `local`; `hybrid` is not\./,
    ],
    [
      'a value outside `constraints.allowedValues`',
      threeE,
      { parameterSet: 'aadProd', values: { 'token:3eInstanceId': 'i', 'token:customHost': 'evil.example' } },
      /`Host` \(`token:customHost`\) must be one of `api.elite.com`/,
    ],
    ['a malformed `int`', typed, { values: { retries: '3.5' } }, /must be an integer; `3.5` is not\./],
    [
      'a malformed `bool`',
      typed,
      { values: { verbose: 'yes' } },
      /must be `true` or `false`; `yes` is not\./,
    ],
  ])('%s', (_, connector, connection, message) => {
    const error = errorOf(() => checkConnection(connector, connection));
    expect(error.code).toBe('CONNECTION_INVALID');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/[.?]$/);
  });

  it('never echoes a securestring value', () => {
    const error = errorOf(() => checkConnection(typed, { values: { pin: 's3cr3t-pin' } }));
    expect(error.message).toMatch(/`PIN` \(`pin`\) must be one of `1234`; the given value is not\./);
    expect(error.message).not.toContain('s3cr3t-pin');
  });
});
