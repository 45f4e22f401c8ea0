import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../connector/json.ts';
import { createLosses } from './loss.ts';
import { convertSecurity } from './security.ts';

function secure(schemes: JsonObject, security: JsonObject[] = []) {
  const losses = createLosses();
  const auth = convertSecurity(
    { components: { securitySchemes: schemes }, security },
    losses,
    'https://api.example.org',
  );
  return { auth, losses: losses.items };
}

describe('convertSecurity', () => {
  it('keeps the scheme that alone satisfies the most operations', () => {
    const losses = createLosses();
    const op = (security: JsonObject[]) => ({ security, responses: {} });
    const auth = convertSecurity(
      {
        components: {
          securitySchemes: {
            key: { type: 'apiKey', in: 'header', name: 'X-Key' },
            oauth: {
              type: 'oauth2',
              flows: {
                authorizationCode: { authorizationUrl: 'https://a/x', tokenUrl: 'https://a/t', scopes: {} },
              },
            },
          },
        },
        paths: {
          '/a': { get: op([{ key: [] }, { oauth: [] }]), put: op([{ oauth: [] }]) },
          '/b': { post: op([{ oauth: [] }]), delete: op([{ key: [], oauth: [] }]) },
        },
      },
      losses,
      'https://api.example.org',
    );
    expect(auth.scheme).toBe('oauth');
    expect(losses.items.map((l) => l.action).join(' ')).toMatch(/`key` not kept/);
  });

  it('keeps the first named scheme when the schemes satisfy as many operations', () => {
    const { auth } = secure(
      { first: { type: 'http', scheme: 'basic' }, second: { type: 'apiKey', in: 'query', name: 'k' } },
      [{ first: [] }, { second: [] }],
    );
    expect(auth.scheme).toBe('first');
  });

  it('maps a header API key to an apiKey definition and an api_key connection parameter', () => {
    const { auth } = secure({ key: { type: 'apiKey', in: 'header', name: 'X-Key' } });
    expect(auth.securityDefinitions).toEqual({ key: { type: 'apiKey', in: 'header', name: 'X-Key' } });
    expect(auth.connectionParameters.api_key).toMatchObject({ type: 'securestring' });
  });

  it('maps bearer to an API key on Authorization and reports it', () => {
    const { auth, losses } = secure({ bearer: { type: 'http', scheme: 'bearer' } });
    expect(auth.securityDefinitions.bearer).toEqual({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(losses.map((l) => l.construct)).toContain('bearer authentication');
  });

  it('maps the authorization-code flow to the oauth2 identity provider with its URLs and scopes', () => {
    const { auth, losses } = secure({
      oauth: {
        type: 'oauth2',
        flows: {
          authorizationCode: {
            authorizationUrl: '/authorize',
            tokenUrl: 'https://id.example.org/token',
            scopes: { read: 'Read' },
          },
          clientCredentials: { tokenUrl: '/token', scopes: {} },
        },
      },
    });
    expect(auth.securityDefinitions.oauth).toMatchObject({
      type: 'oauth2',
      flow: 'accessCode',
      authorizationUrl: 'https://api.example.org/authorize',
      scopes: { read: 'Read' },
    });
    expect(auth.connectionParameters.token).toMatchObject({
      type: 'oauthSetting',
      oAuthSettings: {
        identityProvider: 'oauth2',
        scopes: ['read'],
        customParameters: { tokenUrl: { value: 'https://id.example.org/token' } },
      },
    });
    expect(losses.find((l) => l.pointer.endsWith('/clientCredentials'))?.construct).toBe('OAuth 2 flow');
  });

  it('keeps the scheme the requirements name first and reports the others', () => {
    const { auth, losses } = secure(
      { basic: { type: 'http', scheme: 'basic' }, key: { type: 'apiKey', in: 'query', name: 'k' } },
      [{ key: [] }],
    );
    expect(auth.scheme).toBe('key');
    expect(losses).toMatchObject([
      { pointer: '/components/securitySchemes/basic', construct: 'security scheme' },
    ]);
  });

  it('reports OpenID Connect, which needs URLs it cannot read offline', () => {
    const { auth, losses } = secure({
      oidc: {
        type: 'openIdConnect',
        openIdConnectUrl: 'https://id.example.org/.well-known/openid-configuration',
      },
    });
    expect(auth.scheme).toBeUndefined();
    expect(losses[0]?.construct).toBe('OpenID Connect');
  });

  it('empties the roles of a non-OAuth requirement', () => {
    const { auth, losses } = secure({ bearer: { type: 'http', scheme: 'bearer' } });
    expect(auth.requirement([{ bearer: ['admin'] }], '/security')).toEqual([{ bearer: [] }]);
    expect(losses.map((l) => l.construct)).toContain('security roles');
  });
});
