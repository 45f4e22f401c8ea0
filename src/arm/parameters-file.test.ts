import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../connector/load.ts';
import { isFlowportError } from '../errors.ts';
import { PARAMETERS_SCHEMA, parametersFile } from './parameters-file.ts';
import { armTemplate } from './template.ts';

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const connector = connectorFromFiles([
  {
    name: 'apiDefinition.swagger.json',
    bytes: enc({
      swagger: '2.0',
      info: { title: 'Contoso', version: '1' },
      host: 'api.contoso.com',
      paths: {},
    }),
  },
  {
    name: 'apiProperties.json',
    bytes: enc({
      properties: {
        connectionParameters: {
          token: {
            type: 'oauthSetting',
            oAuthSettings: {
              identityProvider: 'oauth2',
              clientId: '[[DUMMY]]',
              scopes: [],
              redirectUrl: 'x',
            },
          },
        },
      },
    }),
  },
]);
const { template } = armTemplate(connector, { serviceUrl: '[set at deployment]' });

describe('parametersFile', () => {
  it('lists literal defaults, asks for what has none, and takes secrets from Key Vault', () => {
    const { file, created, added, toFill } = parametersFile(template);
    expect(created).toBe(true);
    expect(file.$schema).toBe(PARAMETERS_SCHEMA);
    expect(file.parameters).toEqual({
      customApiName: { value: 'contoso' },
      // Escaped in the template ([[…]), written as ARM deploys it: a parameters file is not evaluated.
      serviceUrl: { value: '[set at deployment]' },
      iconUri: { value: '' },
      tokenClientId: { value: '' },
      tokenClientSecret: {
        reference: {
          keyVault: { id: expect.stringContaining('Microsoft.KeyVault/vaults/<vault-name>') },
          secretName: '<secret-name>',
        },
      },
    });
    // The location's default is an expression: the file leaves it to the template.
    expect(added).not.toContain('location');
    expect(toFill).toEqual(['tokenClientId', 'tokenClientSecret']);
  });

  it('keeps every value of an existing file and adds only what it lacks', () => {
    const text = JSON.stringify({
      $schema: PARAMETERS_SCHEMA,
      contentVersion: '1.0.0.0',
      parameters: { serviceUrl: { value: 'https://staging.contoso.com' }, extra: { value: 1 } },
    });
    const { file, created, added } = parametersFile(template, { path: 'p.json', text });
    expect(created).toBe(false);
    expect(file.parameters).toMatchObject({
      serviceUrl: { value: 'https://staging.contoso.com' },
      extra: { value: 1 },
    });
    expect(added).toEqual(['customApiName', 'iconUri', 'tokenClientId', 'tokenClientSecret']);
  });

  it('refuses a file it cannot read as a parameters file, naming it', () => {
    for (const text of ['{ "parameters": ', '[1]', '{"parameters": 3}']) {
      let caught: unknown;
      try {
        parametersFile(template, { path: 'azuredeploy.parameters.json', text });
      } catch (error) {
        caught = error;
      }
      expect(isFlowportError(caught) && caught.code).toBe('CONFIG_INVALID');
      expect((caught as Error).message).toContain('azuredeploy.parameters.json');
      expect((caught as Error).message).toContain('left as it is');
    }
  });
});
