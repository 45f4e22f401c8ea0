import { describe, expect, it } from 'vitest';
import { scriptedConnector } from './_test-connector.ts';
import { scriptConnectionParameters } from './connection-parameters.ts';

const parameters = {
  region: { type: 'string' },
  pageSize: { type: 'int' },
  sandbox: { type: 'bool' },
  api_key: { type: 'securestring' },
  signing: { type: 'secureobject' },
  token: { type: 'oauthSetting' },
  gateway: { type: 'gatewaySetting' },
};

describe('scriptConnectionParameters', () => {
  it('passes the values of `string`, `int` and `bool` parameters and leaves secrets and unknown names out', () => {
    const connector = scriptedConnector({}, { connectionParameters: parameters });
    const values = {
      region: 'eu',
      pageSize: '50',
      sandbox: 'true',
      api_key: 'k-123',
      signing: '{"key":"s"}',
      token: 't',
      gateway: 'g',
      undeclared: 'x',
    };
    expect(scriptConnectionParameters(connector, { values })).toEqual({
      region: 'eu',
      pageSize: '50',
      sandbox: 'true',
    });
  });

  it('reads the parameters of the chosen parameter set', () => {
    const connector = scriptedConnector(
      {},
      {
        connectionParameterSets: {
          uiDefinition: { displayName: 'Authentication' },
          values: [
            { name: 'key', uiDefinition: { displayName: 'Key' }, parameters: { tenant: { type: 'string' } } },
            {
              name: 'oauth',
              uiDefinition: { displayName: 'OAuth' },
              parameters: { site: { type: 'string' } },
            },
          ],
        },
      },
    );
    const values = { tenant: 'contoso', site: 'north' };
    expect(scriptConnectionParameters(connector, { parameterSet: 'oauth', values })).toEqual({
      site: 'north',
    });
  });
});
