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

  it('reports OpenID Connect, which needs URLs it cannot read offline, and asks for its access token', () => {
    const { auth, losses } = secure({
      oidc: {
        type: 'openIdConnect',
        openIdConnectUrl: 'https://id.example.org/.well-known/openid-configuration',
      },
    });
    expect(auth.securityDefinitions.oidc).toEqual({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(losses.map((l) => l.construct)).toEqual(['OpenID Connect', 'OAuth 2 access token']);
  });

  it('asks for the access token of an OAuth 2 scheme whose flows the platform cannot run', () => {
    const { auth, losses } = secure(
      { implicit: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://a/x', scopes: {} } } } },
      [{ implicit: [] }],
    );
    expect(auth.securityDefinitions.implicit).toEqual({
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
    });
    expect(auth.connectionParameters.api_key).toMatchObject({ type: 'securestring' });
    expect(auth.requirement([{ implicit: [] }], '/security')).toEqual([{ implicit: [] }]);
    expect(losses).toMatchObject([
      { pointer: '/components/securitySchemes/implicit/flows/implicit', construct: 'OAuth 2 flow' },
      { pointer: '/components/securitySchemes/implicit', construct: 'OAuth 2 access token' },
    ]);
  });

  it('prefers a scheme the platform runs to a typed-in access token when both satisfy as many operations', () => {
    const { auth, losses } = secure(
      {
        implicit: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://a/x', scopes: {} } } },
        key: { type: 'apiKey', in: 'header', name: 'X-Key' },
      },
      [{ implicit: [] }, { key: [] }],
    );
    expect(auth.scheme).toBe('key');
    // The token fallback of the scheme not kept is not reported as if it had been made.
    expect(losses.map((l) => l.construct)).toEqual(['security scheme']);
  });

  it('empties the roles of a non-OAuth requirement', () => {
    const { auth, losses } = secure({ bearer: { type: 'http', scheme: 'bearer' } });
    expect(auth.requirement([{ bearer: ['admin'] }], '/security')).toEqual([{ bearer: [] }]);
    expect(losses.map((l) => l.construct)).toContain('security roles');
  });
});

describe('extra credentials', () => {
  const op = (security: JsonObject[]) => ({ security, responses: {} });

  it('sends a second API key that a requirement ANDs with the kept one from a connection parameter', () => {
    const losses = createLosses();
    const root = {
      components: {
        securitySchemes: {
          email: { type: 'apiKey', in: 'header', name: 'X-Auth-Email' },
          key: { type: 'apiKey', in: 'header', name: 'X-Auth-Key' },
        },
      },
      security: [{ email: [], key: [] }],
      paths: { '/zones': { get: { responses: {} } } },
    };
    const auth = convertSecurity(root, losses, 'https://api.example.org');
    expect(auth.requirementCredentials(root.security)).toEqual(['x_auth_key']);
    expect(auth.requirement(root.security, '/security')).toEqual([{ email: [] }]);
    expect(auth.connectionParameters.x_auth_key).toMatchObject({ type: 'securestring' });
    expect(auth.credentials[0]?.policy).toMatchObject({
      templateId: 'setheader',
      parameters: {
        'x-ms-apimTemplateParameter.name': 'X-Auth-Key',
        'x-ms-apimTemplateParameter.value': "@connectionParameters('x_auth_key')",
      },
    });
    expect(losses.items.find((l) => l.pointer === '/security/0')?.action).toMatch(
      /`key` dropped from it; `key` is sent by a policy from the `x_auth_key` connection parameter/,
    );
  });

  it('sends nothing extra where the kept scheme alone satisfies a requirement', () => {
    const losses = createLosses();
    const auth = convertSecurity(
      {
        components: {
          securitySchemes: {
            key: { type: 'apiKey', in: 'header', name: 'X-Key' },
            other: { type: 'apiKey', in: 'query', name: 'k' },
          },
        },
        paths: { '/a': { get: op([{ key: [] }]), put: op([{ other: [] }, { key: [] }]) } },
      },
      losses,
      undefined,
    );
    expect(auth.requirementCredentials([{ other: [] }, { key: [] }])).toEqual([]);
    expect(auth.requirementCredentials([{}])).toEqual([]);
    expect(auth.credentials).toEqual([]);
  });

  it('gives every scheme that sends a bearer token one shared access token', () => {
    const losses = createLosses();
    const auth = convertSecurity(
      {
        components: {
          securitySchemes: {
            key: { type: 'apiKey', in: 'query', name: 'k' },
            bearer: { type: 'http', scheme: 'bearer' },
            oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id/.well-known/openid-configuration' },
          },
        },
        paths: { '/a': { get: op([{ key: [] }]), put: op([{ key: [] }]), post: op([{ bearer: [] }]) } },
      },
      losses,
      undefined,
    );
    expect(auth.requirementCredentials([{ bearer: [] }])).toEqual(['access_token']);
    expect(auth.requirementCredentials([{ oidc: [] }])).toEqual(['access_token']);
    expect(auth.credentials).toHaveLength(1);
    expect(auth.credentials[0]?.policy).toMatchObject({
      parameters: { 'x-ms-apimTemplateParameter.value': "Bearer @connectionParameters('access_token')" },
    });
  });

  it('gives two extra keys whose names spell alike distinct connection parameters', () => {
    const losses = createLosses();
    const auth = convertSecurity(
      {
        components: {
          securitySchemes: {
            main: { type: 'apiKey', in: 'header', name: 'X-Main' },
            header: { type: 'apiKey', in: 'header', name: 'X-Key' },
            query: { type: 'apiKey', in: 'query', name: 'x_key' },
          },
        },
        paths: { '/a': { get: op([{ main: [], header: [], query: [] }]), put: op([{ main: [] }]) } },
      },
      losses,
      undefined,
    );
    expect(auth.requirementCredentials([{ main: [], header: [], query: [] }])).toEqual(['x_key', 'x_key_2']);
    expect(Object.keys(auth.connectionParameters)).toEqual(['api_key', 'x_key', 'x_key_2']);
  });

  it('cannot send basic credentials or a second Authorization header by policy', () => {
    const losses = createLosses();
    const auth = convertSecurity(
      {
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer' },
            oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://a/x', scopes: {} } } },
            basic: { type: 'http', scheme: 'basic' },
          },
        },
        paths: { '/a': { get: op([{ bearer: [] }]), put: op([{ bearer: [] }]), post: op([{ basic: [] }]) } },
      },
      losses,
      undefined,
    );
    expect(auth.scheme).toBe('bearer');
    expect(auth.requirementCredentials([{ basic: [] }])).toEqual([]);
    expect(auth.requirementCredentials([{ oauth: [] }])).toEqual([]);
    auth.requirement([{ basic: [] }], '/paths/~1a/post/security');
    expect(losses.items.find((l) => l.pointer === '/paths/~1a/post/security/0')?.action).toMatch(
      /dropped; it names `basic`, not the kept scheme/,
    );
  });
});
