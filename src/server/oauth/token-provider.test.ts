import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorWithParameters } from '../../runtime/connection/_test-connector.ts';
import { type TestDatabase, testEngines } from '../../store/testing.ts';
import type { ConnectionInfo, OAuthTokens, Store, User } from '../../store/types.ts';
import type { ConnectorRegistry, LoadedConnector } from '../deps.ts';
import { fixedRegistry, putTestConnector } from './_app.ts';
import { fakeEndpoint, granted } from './_fake-endpoint.ts';
import { storedTokenProviders } from './token-provider.ts';

const NOW = 1_700_000_000_000;

const connectors = {
  oauth2: connectorWithParameters({
    token: {
      type: 'oauthSetting',
      oAuthSettings: {
        identityProvider: 'oauth2',
        clientId: 'app',
        customParameters: {
          authorizationUrl: { value: 'https://auth.example.com/authorize' },
          tokenUrl: { value: 'https://auth.example.com/token' },
          refreshUrl: { value: 'https://auth.example.com/refresh' },
        },
      },
    },
  }),
  aad: connectorWithParameters({
    token: {
      type: 'oauthSetting',
      oAuthSettings: {
        identityProvider: 'aad',
        clientId: 'aad-app',
        customParameters: { resourceUri: { value: 'https://graph.example.com' } },
      },
    },
  }),
  generic: connectorWithParameters({
    token: {
      type: 'oauthSetting',
      oAuthSettings: {
        identityProvider: 'oauth2generic',
        clientId: 'gen',
        customParameters: {
          authorizationUrlTemplate: { value: 'https://gen.example.com/auth' },
          tokenUrlTemplate: { value: 'https://gen.example.com/token' },
          refreshUrlTemplate: { value: 'https://gen.example.com/refresh' },
          refreshBodyTemplate: { value: 'refresh={RefreshToken}&app={ClientId}&key={ClientSecret}' },
        },
      },
    },
  }),
};

describe('storedTokenProviders', () => {
  let database: TestDatabase;
  let store: Store;
  let registry: ConnectorRegistry;
  let user: User;

  beforeAll(async () => {
    database = await testEngines[0]!.create();
    store = await database.open();
    registry = fixedRegistry(connectors);
    for (const id of Object.keys(connectors)) await putTestConnector(store, id);
    user = await store.createUser('carol', 'maker');
  });

  afterAll(async () => {
    await registry?.close();
    await database?.cleanup();
  });

  async function connectionWith(
    connectorId: keyof typeof connectors,
    tokens: Partial<OAuthTokens> | undefined,
  ): Promise<{ info: ConnectionInfo; loaded: LoadedConnector }> {
    const info = await store.createConnection({
      ownerId: user.id,
      connectorId,
      name: connectorId,
      parameterSet: undefined,
      values: {},
      secrets: { 'token:clientSecret': 'app-secret' },
      status: 'connected',
    });
    if (tokens)
      await store.setTokens(info.id, {
        accessToken: 'access-0',
        refreshToken: 'refresh-0',
        expiresAt: NOW - 1,
        tokenType: 'bearer',
        scope: undefined,
        ...tokens,
      });
    return { info, loaded: (await registry.get(connectorId))! };
  }

  function providers(reply: Parameters<typeof fakeEndpoint>[0], now = () => NOW) {
    const endpoint = fakeEndpoint(reply);
    const factory = storedTokenProviders(
      { store, registry, publicUrl: 'http://127.0.0.1:4321', now },
      { fetch: endpoint.fetch },
    );
    return { endpoint, factory };
  }

  it('uses a token that is valid past the 60 s skew and refreshes one inside it', async () => {
    const { info, loaded } = await connectionWith('oauth2', { expiresAt: NOW + 61_000 });
    const { endpoint, factory } = providers((_, n) => granted(n));
    expect(await factory(info, loaded).getToken()).toBe('access-0');
    expect(endpoint.calls).toHaveLength(0);
    const later = providers(
      (_, n) => granted(n),
      () => NOW + 2_000,
    );
    expect(await later.factory(info, loaded).getToken()).toBe('access-1');
    expect(later.endpoint.calls[0]!.url).toBe('https://auth.example.com/refresh');
  });

  it('refreshes an expired token once for concurrent callers and stores the result', async () => {
    const { info, loaded } = await connectionWith('oauth2', {});
    const { endpoint, factory } = providers((_, n) => granted(n));
    const provider = factory(info, loaded);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => provider.getToken()));
    expect(new Set(tokens)).toEqual(new Set(['access-1']));
    expect(endpoint.calls).toHaveLength(1);
    expect(Object.fromEntries(endpoint.calls[0]!.body)).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-0',
      client_id: 'app',
      client_secret: 'app-secret',
    });
    expect(await store.getTokens(info.id)).toEqual({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      expiresAt: NOW + 3_600_000,
      tokenType: 'bearer',
      scope: undefined,
    });
    // A second provider for the same connection (a later request) reads the stored tokens.
    expect(await factory(info, loaded).getToken()).toBe('access-1');
    expect(endpoint.calls).toHaveLength(1);
  });

  it('refreshes a fresh token on forceRefresh (the backend said 401)', async () => {
    const { info, loaded } = await connectionWith('oauth2', { expiresAt: NOW + 3_600_000 });
    const { endpoint, factory } = providers((_, n) => granted(n));
    expect(await factory(info, loaded).getToken({ forceRefresh: true })).toBe('access-1');
    expect(endpoint.calls).toHaveLength(1);
  });

  it('sends the Entra v1 `resource` with the refresh grant', async () => {
    const { info, loaded } = await connectionWith('aad', {});
    const { endpoint, factory } = providers((_, n) => granted(n));
    await factory(info, loaded).getToken();
    expect(endpoint.calls[0]!.url).toBe('https://login.microsoftonline.com/common/oauth2/token');
    expect(endpoint.calls[0]!.body.get('resource')).toBe('https://graph.example.com');
  });

  it('posts the oauth2generic refresh template', async () => {
    const { info, loaded } = await connectionWith('generic', {});
    const { endpoint, factory } = providers((_, n) => granted(n));
    await factory(info, loaded).getToken();
    expect(endpoint.calls[0]!.url).toBe('https://gen.example.com/refresh');
    expect(endpoint.calls[0]!.rawBody).toBe('refresh=refresh-0&app=gen&key=app-secret');
  });

  it('sends the access token when there is no refresh token, and keeps none afterwards', async () => {
    const { info, loaded } = await connectionWith('oauth2', { refreshToken: undefined });
    const { endpoint, factory } = providers(() => ({
      status: 200,
      json: { access_token: 'access-new', token_type: 'bearer', expires_in: 60 },
    }));
    expect(await factory(info, loaded).getToken()).toBe('access-new');
    expect(endpoint.calls[0]!.body.get('refresh_token')).toBe('access-0');
    expect((await store.getTokens(info.id))!.refreshToken).toBeUndefined();
  });

  it('marks the connection unauthenticated when the provider refuses the refresh', async () => {
    const { info, loaded } = await connectionWith('oauth2', {});
    const { factory } = providers(() => ({ status: 400, json: { error: 'invalid_grant' } }));
    await expect(factory(info, loaded).getToken()).rejects.toMatchObject({ code: 'AUTH_REFRESH_FAILED' });
    const after = (await store.getConnection(info.id, user.id))!;
    expect(after.status).toBe('unauthenticated');
    expect(after.statusReason).toContain('invalid_grant');
    expect(after.statusReason).not.toContain('refresh-0');
  });

  it('leaves the status alone when the provider cannot be reached or fails', async () => {
    const { info, loaded } = await connectionWith('oauth2', {});
    const { factory } = providers(() => ({ status: 503, json: { error: 'temporarily_unavailable' } }));
    await expect(factory(info, loaded).getToken()).rejects.toMatchObject({
      code: 'AUTH_REFRESH_FAILED',
      refused: false,
    });
    expect((await store.getConnection(info.id, user.id))!.status).toBe('connected');
    expect((await store.getTokens(info.id))!.accessToken).toBe('access-0');
  });

  it('says the connection is unauthenticated when it has no tokens', async () => {
    const { info, loaded } = await connectionWith('oauth2', undefined);
    const { endpoint, factory } = providers((_, n) => granted(n));
    await expect(factory(info, loaded).getToken()).rejects.toMatchObject({
      code: 'CONNECTION_UNAUTHENTICATED',
    });
    expect(endpoint.calls).toHaveLength(0);
  });
});
