import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, swagger } from '../../testing.ts';
import aad from './oauth-aad-settings.ts';
import clientSecret from './oauth-client-secret.ts';
import idp from './oauth-identity-provider.ts';
import idpUnknown from './oauth-identity-provider-unknown.ts';
import redirectMode from './oauth-redirect-mode.ts';

const token = (oAuthSettings: unknown, extra: Record<string, unknown> = {}) => ({
  swagger: swagger(),
  apiProperties: {
    properties: {
      iconBrandColor: '#123456',
      connectionParameters: { token: { type: 'oauthSetting', oAuthSettings, ...extra } },
    },
  },
});
const oauth2 = (extra: Record<string, unknown> = {}) => ({
  identityProvider: 'oauth2',
  clientId: '[[DUMMY]]',
  scopes: ['read'],
  redirectMode: 'GlobalPerConnector',
  customParameters: {
    authorizationUrl: { value: 'https://login.contoso.example.com/authorize' },
    tokenUrl: { value: 'https://login.contoso.example.com/token' },
    refreshUrl: { value: 'https://login.contoso.example.com/token' },
  },
  ...extra,
});

describe('oauth-identity-provider', () => {
  it('reports an oauthSetting parameter without oAuthSettings', () => {
    expect(messages(idp, token(undefined))).toEqual([
      'OAuth connection parameter `token` has no `oAuthSettings`.',
    ]);
  });
  it('reports settings without identityProvider', () => {
    expect(messages(idp, token({ clientId: 'x' }))).toEqual([
      '`oAuthSettings` of connection parameter `token` has no `identityProvider`.',
    ]);
  });
  it('reads the `oauthSettings` spelling too', () => {
    const files = token(undefined, { oauthSettings: { identityProvider: '' } });
    expect(pointers(idp, files)).toEqual([
      '/properties/connectionParameters/token/oauthSettings/identityProvider',
    ]);
  });
  it('accepts a provider', () => {
    expect(runRule(idp, token(oauth2()))).toEqual([]);
  });
});

describe('oauth-identity-provider-unknown', () => {
  it('reports a provider outside the documented set and wrong case', () => {
    expect(messages(idpUnknown, token(oauth2({ identityProvider: 'DocuSign' })))).toEqual([
      expect.stringMatching(/^Identity provider `DocuSign` is not in the documented set/),
    ]);
    expect(messages(idpUnknown, token(oauth2({ identityProvider: 'AAD' })))).toEqual([
      'Identity provider `AAD` should be written `aad`.',
    ]);
  });
  it.each(['oauth2', 'oauth2generic', 'aad', 'aadcertificate', 'facebook'])('accepts `%s`', (value) => {
    expect(runRule(idpUnknown, token(oauth2({ identityProvider: value })))).toEqual([]);
  });
});

describe('oauth-aad-settings', () => {
  it('reports aad settings without resourceUri', () => {
    const settings = {
      identityProvider: 'aad',
      customParameters: { loginUri: { value: 'https://login.windows.net' } },
    };
    expect(messages(aad, token(settings))).toEqual([
      '`aad` OAuth settings have no `customParameters.resourceUri`.',
    ]);
  });
  it('reports aadcertificate settings that are not first party', () => {
    const settings = {
      identityProvider: 'aadcertificate',
      customParameters: { resourceUri: { value: 'https://management.core.windows.net' } },
      properties: { IsFirstParty: 'False' },
    };
    expect(messages(aad, token(settings))).toEqual([
      expect.stringMatching(/^`aadcertificate` OAuth settings need `properties.IsFirstParty`/),
    ]);
  });
  it('accepts `ResourceUri` spelled in another case and a null value', () => {
    const settings = { identityProvider: 'aad', customParameters: { ResourceUri: { value: null } } };
    expect(runRule(aad, token(settings))).toEqual([]);
  });
  it('ignores other providers', () => {
    expect(runRule(aad, token(oauth2()))).toEqual([]);
  });
});

describe('oauth-redirect-mode', () => {
  it('reports an unknown mode', () => {
    expect(messages(redirectMode, token(oauth2({ redirectMode: 'PerConnector' })))).toEqual([
      '`redirectMode` `PerConnector` is not one of `Global`, `Direct`, `GlobalPerConnector`.',
    ]);
  });
  it.each(['Global', 'Direct', 'GlobalPerConnector', 'direct'])('accepts `%s`', (mode) => {
    expect(runRule(redirectMode, token(oauth2({ redirectMode: mode })))).toEqual([]);
  });
  it('accepts a missing mode', () => {
    expect(runRule(redirectMode, token(oauth2({ redirectMode: undefined })))).toEqual([]);
  });
});

describe('oauth-client-secret', () => {
  it('reports a committed secret', () => {
    const found = runRule(clientSecret, token(oauth2({ clientSecret: 'q8Z~u3kLm2.Pv9sRtYw4xB' })));
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/^`clientSecret` holds what looks like a real OAuth client secret/),
    ]);
    expect(found[0]?.pointer).toBe('/properties/connectionParameters/token/oAuthSettings/clientSecret');
  });
  it.each(['[[DUMMY]]', 'YOUR_CLIENT_SECRET', '', '<client secret>', null])(
    'accepts the placeholder %j',
    (value) => {
      expect(runRule(clientSecret, token(oauth2({ clientSecret: value })))).toEqual([]);
    },
  );
});
