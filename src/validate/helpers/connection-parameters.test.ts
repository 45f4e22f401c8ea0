import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { swagger } from '../testing.ts';
import { allConnectionParameters, hasApiProperties, isOAuthParameter } from './connection-parameters.ts';

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe('allConnectionParameters', () => {
  it('joins top-level parameters and those of every set', () => {
    const connector = connectorFromFiles([
      { name: 'apiDefinition.swagger.json', bytes: bytes(swagger()) },
      {
        name: 'apiProperties.json',
        bytes: bytes({
          properties: {
            connectionParameters: { api_key: { type: 'securestring' } },
            connectionParameterSets: {
              values: [{ name: 'o', parameters: { token: { type: 'oAuthSetting' } } }],
            },
          },
        }),
      },
    ]);
    const params = allConnectionParameters(connector);
    expect(params.map((p) => [p.name, isOAuthParameter(p)])).toEqual([
      ['api_key', false],
      ['token', true],
    ]);
    expect(hasApiProperties(connector)).toBe(true);
  });
  it('knows when apiProperties.json is missing', () => {
    const connector = connectorFromFiles([{ name: 'apiDefinition.swagger.json', bytes: bytes(swagger()) }]);
    expect(hasApiProperties(connector)).toBe(false);
  });
});
