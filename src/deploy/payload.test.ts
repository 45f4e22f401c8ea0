import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../connector/load.ts';
import { deployPayload } from './payload.ts';

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const connectorOf = (properties: unknown, swagger: Record<string, unknown> = {}) =>
  connectorFromFiles([
    {
      name: 'apiDefinition.swagger.json',
      bytes: enc({
        swagger: '2.0',
        info: { title: 'Contoso', description: 'Tasks.', version: '1' },
        host: 'api.contoso.com',
        basePath: '/v2',
        schemes: ['https', 'http'],
        paths: {},
        ...swagger,
      }),
    },
    { name: 'apiProperties.json', bytes: enc({ properties }) },
  ]);
const oauth = {
  type: 'oauthSetting',
  oAuthSettings: { identityProvider: 'oauth2', clientSecret: '[[DUMMY]]' },
};

describe('deployPayload', () => {
  it('is apiProperties with the swagger, the backend, the environment and the info texts', () => {
    const connector = connectorOf({ iconBrandColor: '#123456', publisher: 'Contoso', stackOwner: 'Contoso' });
    const { body, strippedStackOwner } = deployPayload(connector, { environment: 'env-1', create: true });
    expect(body.properties).toEqual({
      iconBrandColor: '#123456',
      publisher: 'Contoso',
      openApiDefinition: connector.definition.raw,
      backendService: { serviceUrl: 'https://api.contoso.com/v2' },
      environment: { name: 'env-1' },
      displayName: 'Contoso',
      description: 'Tasks.',
    });
    expect(strippedStackOwner).toBe(true);
    const kept = deployPayload(connector, { environment: 'env-1', create: false, keepStackOwner: true });
    expect(kept.body.properties).toMatchObject({ stackOwner: 'Contoso' });
    expect(kept.body.properties).not.toHaveProperty('displayName');
  });

  it('sets the client secret on every OAuth parameter, multi-auth sets included, and never sends a committed one', () => {
    const properties = {
      connectionParameters: { token: oauth },
      connectionParameterSets: {
        values: [
          { name: 'a', parameters: { other: oauth } },
          { name: 'b', parameters: { key: { type: 'securestring' } } },
        ],
      },
    };
    const withSecret = deployPayload(connectorOf(properties), {
      environment: 'e',
      create: true,
      clientSecret: 's3',
    });
    expect(withSecret.secretsSet).toEqual([
      'connectionParameters.token',
      'connectionParameterSets.values[0].parameters.other',
    ]);
    const p = withSecret.body.properties as {
      connectionParameters: { token: { oAuthSettings: { clientSecret: string } } };
    };
    expect(p.connectionParameters.token.oAuthSettings.clientSecret).toBe('s3');
    const update = deployPayload(connectorOf(properties), { environment: 'e', create: false });
    expect(JSON.stringify(update.body)).not.toContain('[[DUMMY]]');
    expect(() => deployPayload(connectorOf(properties), { environment: 'e', create: true })).toThrow(
      /client secret/,
    );
  });

  it('leaves the backend URL parts empty where the swagger has none, as paconn does', () => {
    const { body } = deployPayload(
      connectorOf({}, { host: undefined, basePath: undefined, schemes: undefined }),
      { environment: 'e', create: true },
    );
    expect(body.properties).toMatchObject({ backendService: { serviceUrl: '' } });
  });
});
