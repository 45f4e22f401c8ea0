import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import apiKeyParameter from './security-api-key-parameter-missing.ts';
import settingWithoutOauth2 from './security-oauth-setting-without-oauth2.ts';
import oauth2WithoutSetting from './security-oauth2-without-oauth-setting.ts';

const oauth2 = {
  type: 'oauth2',
  flow: 'accessCode',
  authorizationUrl: 'https://a.example.com',
  tokenUrl: 'https://t.example.com',
  scopes: {},
};
const apiKey = { type: 'apiKey', name: 'X-Key', in: 'header' };
const token = { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2' } };
const files = (
  securityDefinitions: Record<string, unknown>,
  connectionParameters?: Record<string, unknown>,
) => ({
  swagger: swagger({ securityDefinitions }),
  ...(connectionParameters ? { apiProperties: { properties: { connectionParameters } } } : {}),
});

describe('security-oauth2-without-oauth-setting', () => {
  it('reports an oauth2 definition without an oauthSetting parameter', () => {
    expect(
      messages(oauth2WithoutSetting, files({ oauth: oauth2 }, { api_key: { type: 'securestring' } })),
    ).toEqual([
      'Security definition `oauth` is `oauth2` but `apiProperties.json` has no `oauthSetting` connection parameter; connections could not sign in.',
    ]);
  });
  it('finds the token in a connection parameter set', () => {
    const sets = {
      properties: { connectionParameterSets: { values: [{ name: 'oauth', parameters: { token } }] } },
    };
    expect(
      messages(oauth2WithoutSetting, {
        swagger: swagger({ securityDefinitions: { oauth: oauth2 } }),
        apiProperties: sets,
      }),
    ).toEqual([]);
  });
  it('says nothing without apiProperties.json', () => {
    expect(messages(oauth2WithoutSetting, files({ oauth: oauth2 }))).toEqual([]);
  });
});

describe('security-oauth-setting-without-oauth2', () => {
  it('reports an oauthSetting parameter in apiProperties', () => {
    const f = files({}, { token });
    expect(messages(settingWithoutOauth2, f)).toEqual([
      'Connection parameter `token` is an `oauthSetting` but the swagger has no `oauth2` security definition.',
    ]);
    expect(pointers(settingWithoutOauth2, f)).toEqual(['/properties/connectionParameters/token']);
  });
  it('accepts a matching oauth2 definition', () => {
    expect(messages(settingWithoutOauth2, files({ oauth: oauth2 }, { token }))).toEqual([]);
  });
});

describe('security-api-key-parameter-missing', () => {
  it('warns when no connection parameter can hold the key', () => {
    expect(messages(apiKeyParameter, files({ key: apiKey }, { region: { type: 'string' } }))).toEqual([
      'Security definition `key` is an `apiKey` but no connection parameter (`api_key`, `key` or a `securestring`) holds the key; users will not be asked for it.',
    ]);
  });
  it.each([
    ['api_key', { api_key: { type: 'string' } }],
    ['a parameter named like the definition', { key: { type: 'string' } }],
    ['a securestring', { secret: { type: 'securestring' } }],
  ])('accepts %s', (_what, params) => {
    expect(messages(apiKeyParameter, files({ key: apiKey }, params))).toEqual([]);
  });
});
