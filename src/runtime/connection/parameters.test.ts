import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import { connectorWithParameters, swaggerWith, testConnector } from './_test-connector.ts';
import { activeParameters, connectionParametersOf, describeConnectionParameters } from './parameters.ts';

// Excerpt of certified-connectors/AvePoint Cloud Governance/apiProperties.json: top-level parameters
// and two sets; the sets replace the top-level ones.
const avePoint = testConnector(swaggerWith(), {
  connectionParameters: { token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'aad' } } },
  connectionParameterSets: {
    values: [
      {
        name: 'oauth',
        parameters: { token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'aad' } } },
      },
      {
        name: 'basic',
        parameters: {
          username: {
            type: 'securestring',
            uiDefinition: { displayName: 'Username', constraints: { required: 'true' } },
          },
          password: {
            type: 'securestring',
            uiDefinition: { displayName: 'Client Secret', constraints: { required: 'true' } },
          },
        },
      },
    ],
  },
});

const oneSet = testConnector(swaggerWith(), {
  connectionParameterSets: { values: [{ name: 'only', parameters: { api_key: { type: 'securestring' } } }] },
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

describe('connectionParametersOf', () => {
  it.each([
    ['the basic set of a multi-auth connector', 'basic', ['username', 'password']],
    ['the oauth set of a multi-auth connector', 'oauth', ['token']],
  ])('returns %s', (_, set, names) => {
    expect(connectionParametersOf(avePoint, set).map((p) => p.name)).toEqual(names);
  });

  it('uses the only set when none is chosen', () => {
    expect(activeParameters(oneSet)).toMatchObject({ set: 'only' });
    expect(connectionParametersOf(oneSet).map((p) => p.name)).toEqual(['api_key']);
  });

  it('returns the top-level parameters of a connector without sets', () => {
    const c = connectorWithParameters({ api_key: { type: 'securestring' }, host: { type: 'string' } });
    expect(connectionParametersOf(c).map((p) => p.name)).toEqual(['api_key', 'host']);
  });

  it.each([
    [
      'an unknown set name, listing the names',
      () => connectionParametersOf(avePoint, 'Basic'),
      /`oauth`, `basic`/,
    ],
    ['no set chosen among several', () => connectionParametersOf(avePoint), /choose one with `parameterSet`/],
    [
      'a set name on a connector without sets',
      () => connectionParametersOf(connectorWithParameters({}), 'basic'),
      /no `connectionParameterSets`/,
    ],
  ])('refuses %s', (_, fn, message) => {
    const error = errorOf(fn);
    expect(error.code).toBe('CONNECTION_INVALID');
    expect(error.message).toMatch(message);
  });
});

describe('describeConnectionParameters', () => {
  it('reads display facts with string and boolean constraints and both allowed-value lists', () => {
    const c = connectorWithParameters({
      api_key: {
        type: 'securestring',
        uiDefinition: { displayName: 'API Key', description: 'The key.', constraints: { required: 'true' } },
      },
      region: {
        type: 'string',
        defaultValue: 'eu',
        allowedValues: [{ value: 'eu', uiDefinition: { displayName: 'Europe' } }],
        uiDefinition: {
          constraints: {
            required: true,
            hidden: 'True',
            allowedValues: [
              { text: 'US', value: 'us' },
              { text: 'Europe again', value: 'eu' },
            ],
            dependencies: { mode: { values: ['cloud'] } },
            capability: ['cloud'],
          },
        },
      },
      retries: { type: 'int' },
    });
    const [key, region, retries] = describeConnectionParameters(c);
    expect(key).toMatchObject({
      name: 'api_key',
      set: undefined,
      type: 'securestring',
      displayName: 'API Key',
      description: 'The key.',
      required: true,
      secret: true,
      hidden: false,
      allowedValues: [],
    });
    expect(region).toMatchObject({
      displayName: 'region',
      required: true,
      hidden: true,
      secret: false,
      defaultValue: 'eu',
      allowedValues: [
        { value: 'eu', text: 'Europe' },
        { value: 'us', text: 'US' },
      ],
      dependencies: { mode: ['cloud'] },
      capability: ['cloud'],
    });
    expect(retries).toMatchObject({ type: 'int', required: false, defaultValue: undefined });
  });

  it('describes every set of a multi-auth connector when none is chosen, naming the set', () => {
    expect(describeConnectionParameters(avePoint).map((p) => `${p.set}/${p.name}`)).toEqual([
      'oauth/token',
      'basic/username',
      'basic/password',
    ]);
  });

  it('describes the chosen set only', () => {
    expect(describeConnectionParameters(avePoint, 'basic').map((p) => p.displayName)).toEqual([
      'Username',
      'Client Secret',
    ]);
  });
});
