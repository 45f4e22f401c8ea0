/**
 * OAuth end to end against a real provider (`oidc-provider`) on loopback, over the real store on
 * both engines: consent, code + PKCE exchange, sealed tokens, bearer calls through the runtime,
 * expiry → one refresh for 20 concurrent invokes, refresh failure → unauthenticated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testEngines } from '../../store/testing.ts';
import type { ConnectionInfo, Store, User } from '../../store/types.ts';
import { createConnectionResolver } from '../connection.ts';
import type { ConnectorRegistry, LoadedConnector } from '../deps.ts';
import { createTestApp, fixedRegistry, putTestConnector, type TestApp } from './_app.ts';
import {
  providerConnector,
  type ResourceServer,
  startResourceServer,
  startTestProvider,
  type TestProvider,
} from './_provider.ts';
import { withoutOAuthClient } from './endpoints.ts';
import { storedTokenProviders } from './token-provider.ts';

const PUBLIC_URL = 'http://127.0.0.1:4321';
// Long enough for the first tests to use the token before it expires on a loaded machine; the
// refreshed token lives long enough for the checks that follow the refresh.
const TTL_SECONDS = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testEngines)('OAuth sign-in and refresh with a real provider ($name)', (engine) => {
  let provider: TestProvider;
  let resource: ResourceServer;
  let database: TestDatabase;
  let store: Store;
  let registry: ConnectorRegistry;
  let test: TestApp;
  let user: User;
  let apiToken: string;
  let connection: ConnectionInfo;
  let refreshes = 0;

  beforeAll(async () => {
    provider = await startTestProvider({
      redirectUri: `${PUBLIC_URL}/oauth/callback`,
      accessTokenTtl: TTL_SECONDS,
      refreshedAccessTokenTtl: 60,
    });
    resource = await startResourceServer(provider);
    database = await engine.create();
    store = await database.open();
    registry = fixedRegistry({ loopauth: providerConnector(provider) }, { baseUrl: resource.url });
    await putTestConnector(store, 'loopauth');
    user = await store.createUser('alice', 'maker');
    apiToken = (await store.createToken(user.id, 'test')).token;
    connection = await store.createConnection({
      ownerId: user.id,
      connectorId: 'loopauth',
      name: 'Loopback account',
      parameterSet: undefined,
      values: {},
      secrets: {},
      status: 'unauthenticated',
    });
    const base = { store, registry, publicUrl: PUBLIC_URL, now: Date.now };
    // No skew: the provider's 2-second tokens are used until they really lapse.
    const tokenProviders = storedTokenProviders(base, { skewMs: 0, onRefresh: () => refreshes++ });
    test = await createTestApp({ ...base, tokenProviders });
  });

  afterAll(async () => {
    await test?.app.close();
    await registry?.close();
    await database?.cleanup();
    await resource?.close();
    await provider?.close();
  });

  async function invokeGetMe() {
    const info = (await store.getConnection(connection.id, user.id))!;
    const loaded = (await registry.get('loopauth')) as LoadedConnector;
    const resolved = await createConnectionResolver(store, test.deps.tokenProviders)(info, loaded);
    const values = withoutOAuthClient(loaded.connector, info.parameterSet, resolved.values);
    return loaded.runtime.invoke('GetMe', {}, { connection: { ...resolved, values } });
  }

  it('signs in: start, consent at the provider, callback exchanges the code with PKCE', async () => {
    const start = await test.app.inject({
      method: 'POST',
      url: `/api/v1/connections/${connection.id}/oauth/start`,
      headers: { authorization: `Bearer ${apiToken}` },
      payload: { clientSecret: provider.clientSecret },
    });
    expect(start.statusCode).toBe(200);
    const { authorizationUrl, redirectUri } = start.json() as {
      authorizationUrl: string;
      redirectUri: string;
    };
    expect(redirectUri).toBe(`${PUBLIC_URL}/oauth/callback`);
    const query = new URL(authorizationUrl).searchParams;
    expect(query.get('client_id')).toBe(provider.clientId);
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The client secret is kept sealed with the connection, and shown only as set.
    expect((await store.getConnection(connection.id, user.id))!.secretsSet).toContain('token:clientSecret');

    const callback = await provider.consent(authorizationUrl);
    expect(callback.searchParams.get('code')).toBeTruthy();
    const finished = await test.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
    expect(finished.statusCode).toBe(200);
    expect(finished.headers['content-type']).toContain('text/html');
    expect(finished.body).toContain('Connected');
    expect(finished.body).not.toContain(callback.searchParams.get('code')!);
    expect(provider.grants.authorization_code).toBe(1);

    const info = (await store.getConnection(connection.id, user.id))!;
    expect(info.status).toBe('connected');
    expect(info.hasTokens).toBe(true);
    const tokens = (await store.getTokens(connection.id))!;
    expect(await provider.introspect(tokens.accessToken)).toBe(true);
    expect(tokens.refreshToken).toBeTruthy();
    // Sealed at rest: neither token, nor the client secret, appears in the database.
    const contents = (await database.contents()).toString('latin1');
    for (const secret of [tokens.accessToken, tokens.refreshToken!, provider.clientSecret])
      expect(contents).not.toContain(secret);

    // The state was one use: the same callback again is refused.
    const again = await test.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
    expect(again.statusCode).toBe(400);
    expect((await store.getConnection(connection.id, user.id))!.status).toBe('connected');
  });

  it('sends the stored access token as a bearer token the resource server accepts', async () => {
    const result = await invokeGetMe();
    expect(result.response.status).toBe(200);
    expect(resource.tokens.at(-1)).toBe((await store.getTokens(connection.id))!.accessToken);
    expect(refreshes).toBe(0);
  });

  it('after expiry, 20 concurrent invokes cause exactly one refresh at the provider', async () => {
    const before = (await store.getTokens(connection.id))!;
    await sleep(Math.max(0, before.expiresAt! - Date.now()) + 200);
    // Really expired at the provider, not only by flowport's clock.
    expect(await provider.introspect(before.accessToken)).toBe(false);
    const results = await Promise.all(Array.from({ length: 20 }, () => invokeGetMe()));
    expect(results.map((r) => r.response.status)).toEqual(Array(20).fill(200));
    expect(provider.grants.refresh_token).toBe(1);
    expect(refreshes).toBe(1);
    const after = (await store.getTokens(connection.id))!;
    expect(after.accessToken).not.toBe(before.accessToken);
    // The provider rotates refresh tokens; the new one is stored.
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(new Set(resource.tokens.slice(-20))).toEqual(new Set([after.accessToken]));
  });

  it('a refused refresh marks the connection unauthenticated and later calls fail fast', async () => {
    const tokens = (await store.getTokens(connection.id))!;
    await provider.revoke(tokens.refreshToken!);
    // The access token died with the grant: the backend says 401, the runtime forces a refresh,
    // and the provider refuses it.
    const failure = await invokeGetMe().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'AUTH_REFRESH_FAILED' });
    expect(String((failure as Error).message)).not.toContain(tokens.refreshToken!);
    const info = (await store.getConnection(connection.id, user.id))!;
    expect(info.status).toBe('unauthenticated');
    expect(info.statusReason).toMatch(/invalid_grant/);
    const sent = resource.tokens.length;
    await expect(invokeGetMe()).rejects.toMatchObject({ code: 'CONNECTION_UNAUTHENTICATED' });
    expect(resource.tokens.length).toBe(sent);
  });
});
