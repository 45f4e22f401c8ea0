import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { connectorWithParameters, flowportErrorOf } from '../../runtime/connection/_test-connector.ts';
import { oauthEndpointsOf } from '../../runtime/connection/oauth-settings.ts';
import { RefreshRefusedError } from '../../runtime/connection/token-provider.ts';
import { fakeEndpoint, granted } from './_fake-endpoint.ts';
import { authorizationRequest, exchangeCode } from './exchange.ts';

const REDIRECT = 'http://127.0.0.1:4321/oauth/callback';

function endpointsFor(oAuthSettings: Record<string, unknown>, values: Record<string, string> = {}) {
  const connector = connectorWithParameters({ token: { type: 'oauthSetting', oAuthSettings } });
  return oauthEndpointsOf(connector, { values }, { redirectUrl: REDIRECT, clientSecret: 'app-secret' });
}

const aad = () =>
  endpointsFor({
    identityProvider: 'aad',
    clientId: 'aad-client',
    scopes: [],
    customParameters: {
      loginUri: { value: 'https://login.example.com' },
      tenantId: { value: 'contoso' },
      resourceUri: { value: 'https://graph.example.com' },
    },
  });

const generic = () =>
  endpointsFor(
    {
      identityProvider: 'oauth2generic',
      clientId: 'gen-client',
      scopes: ['read', 'write'],
      customParameters: {
        authorizationUrlTemplate: { value: 'https://{CustomHost}/oauth/authorize' },
        authorizationUrlQueryStringTemplate: {
          value:
            '?client_id={ClientId}&response_type=code&redirect_uri={RedirectUrl}&scope={Scopes}&state={State}',
        },
        tokenUrlTemplate: { value: 'https://{CustomHost}/oauth/token' },
        tokenBodyTemplate: {
          value:
            'grant_type=authorization_code&code={Code}&client_id={ClientId}&client_secret={ClientSecret}&redirect_uri={RedirectUrl}',
        },
        scopeListDelimiter: { value: ',' },
      },
    },
    { 'token:customHost': 'mail.example.com' },
  );

describe('authorizationRequest', () => {
  it('adds an S256 challenge of a fresh verifier and a 32-byte state (aad v1 with `resource`)', async () => {
    const request = await authorizationRequest(aad());
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://login.example.com/contoso/oauth2/authorize');
    expect(url.searchParams.get('resource')).toBe('https://graph.example.com');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(url.searchParams.get('state')).toBe(request.state);
    expect(Buffer.from(request.state, 'base64url')).toHaveLength(32);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toBe(
      await oauth.calculatePKCECodeChallenge(request.codeVerifier),
    );
    const other = await authorizationRequest(aad());
    expect(other.state).not.toBe(request.state);
    expect(other.codeVerifier).not.toBe(request.codeVerifier);
  });

  it('keeps an oauth2generic template query as written and appends PKCE', async () => {
    const request = await authorizationRequest(generic());
    expect(request.url).toMatch(
      /^https:\/\/mail\.example\.com\/oauth\/authorize\?client_id=gen-client&response_type=code&redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A4321%2Foauth%2Fcallback&scope=read%2Cwrite&state=[\w-]{43}&code_challenge=[\w-]{43}&code_challenge_method=S256$/,
    );
  });
});

describe('exchangeCode', () => {
  it('posts the code, verifier, redirect URI, client credentials and the aad v1 `resource`', async () => {
    const endpoint = fakeEndpoint((_, n) => granted(n, 600));
    const tokens = await exchangeCode(aad(), 'the-code', 'the-verifier', {
      fetch: endpoint.fetch,
      now: () => 1_000,
    });
    expect(endpoint.calls[0]!.url).toBe('https://login.example.com/contoso/oauth2/token');
    expect(Object.fromEntries(endpoint.calls[0]!.body)).toMatchObject({
      grant_type: 'authorization_code',
      code: 'the-code',
      code_verifier: 'the-verifier',
      redirect_uri: REDIRECT,
      client_id: 'aad-client',
      client_secret: 'app-secret',
      resource: 'https://graph.example.com',
    });
    expect(tokens).toEqual({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      expiresAt: 601_000,
      tokenType: 'bearer',
      scope: undefined,
    });
  });

  it('posts the oauth2generic body template with the verifier added', async () => {
    const endpoint = fakeEndpoint((_, n) => granted(n));
    await exchangeCode(generic(), 'c/1', 'v', { fetch: endpoint.fetch, now: () => 0 });
    const call = endpoint.calls[0]!;
    expect(call.url).toBe('https://mail.example.com/oauth/token');
    expect(call.rawBody).toBe(
      `grant_type=authorization_code&code=c%2F1&client_id=gen-client&client_secret=app-secret&redirect_uri=${encodeURIComponent(REDIRECT)}&code_verifier=v`,
    );
  });

  it.each([
    ['a refusal', 400, { error: 'invalid_grant' }, true],
    ['a server failure', 503, { error: 'temporarily_unavailable' }, false],
  ])('reports %s without the code or secret in the message', async (_, status, json, refused) => {
    const endpoint = fakeEndpoint(() => ({ status, json }));
    const error = await flowportErrorOf(() =>
      exchangeCode(aad(), 'secret-code', 'secret-verifier', { fetch: endpoint.fetch, now: () => 0 }),
    );
    expect(error).toBeInstanceOf(RefreshRefusedError);
    expect((error as RefreshRefusedError).refused).toBe(refused);
    for (const secret of ['secret-code', 'secret-verifier', 'app-secret'])
      expect(error.message).not.toContain(secret);
  });

  it('refuses to send the code to a plain-HTTP token endpoint that is not loopback', async () => {
    const endpoints = endpointsFor({
      identityProvider: 'oauth2',
      clientId: 'c',
      customParameters: {
        authorizationUrl: { value: 'http://auth.example.com/authorize' },
        tokenUrl: { value: 'http://auth.example.com/token' },
      },
    });
    const endpoint = fakeEndpoint((_, n) => granted(n));
    const error = await flowportErrorOf(() =>
      exchangeCode(endpoints, 'c', 'v', { fetch: endpoint.fetch, now: () => 0 }),
    );
    expect(error.code).toBe('CONNECTION_INVALID');
    expect(endpoint.calls).toHaveLength(0);
  });
});
