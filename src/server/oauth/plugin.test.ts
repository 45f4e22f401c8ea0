import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorWithParameters } from '../../runtime/connection/_test-connector.ts';
import { type TestDatabase, testEngines } from '../../store/testing.ts';
import type { ConnectionInfo, Store, User } from '../../store/types.ts';
import { createTestApp, fixedRegistry, putTestConnector, type TestApp } from './_app.ts';
import { type FakeEndpoint, fakeEndpoint, granted } from './_fake-endpoint.ts';

const PUBLIC_URL = 'https://flowport.example.com';

function oauthConnector(clientId: string | undefined) {
  return connectorWithParameters({
    token: {
      type: 'oauthSetting',
      oAuthSettings: {
        identityProvider: 'oauth2',
        ...(clientId !== undefined && { clientId }),
        scopes: ['read'],
        customParameters: {
          authorizationUrl: { value: 'https://auth.example.com/authorize' },
          tokenUrl: { value: 'https://auth.example.com/token' },
          revocationUrl: { value: 'https://auth.example.com/revoke' },
        },
      },
    },
  });
}

const apiKeyConnector = connectorWithParameters(
  { api_key: { type: 'securestring' } },
  { securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
);

describe('OAuth routes', () => {
  let database: TestDatabase;
  let store: Store;
  let test: TestApp;
  let endpoint: FakeEndpoint;
  let alice: User;
  let bob: User;
  const tokens: Record<string, string> = {};
  let clock = Date.now();
  let reply: (n: number) => { status: number; json: unknown } = (n) => granted(n);

  beforeAll(async () => {
    database = await testEngines[0]!.create();
    store = await database.open();
    for (const id of ['withclient', 'noclient', 'apikey']) await putTestConnector(store, id);
    alice = await store.createUser('alice', 'maker');
    bob = await store.createUser('bob', 'maker');
    tokens.alice = (await store.createToken(alice.id, 't')).token;
    tokens.bob = (await store.createToken(bob.id, 't')).token;
    endpoint = fakeEndpoint((_, n) => reply(n));
    test = await createTestApp({
      store,
      registry: fixedRegistry({
        withclient: oauthConnector('app-id'),
        noclient: oauthConnector(undefined),
        apikey: apiKeyConnector,
      }),
      publicUrl: PUBLIC_URL,
      now: () => clock,
      fetch: endpoint.fetch,
    });
  });

  afterAll(async () => {
    await test?.app.close();
    await database?.cleanup();
  });

  beforeEach(() => {
    clock = Date.now();
    reply = (n) => granted(n);
  });

  async function newConnection(connectorId = 'withclient', owner = alice): Promise<ConnectionInfo> {
    return store.createConnection({
      ownerId: owner.id,
      connectorId,
      name: `${connectorId} connection`,
      parameterSet: undefined,
      values: {},
      secrets: connectorId === 'apikey' ? { api_key: 'k' } : {},
      status: connectorId === 'apikey' ? 'connected' : 'unauthenticated',
    });
  }

  function start(id: string, payload: unknown = {}, who = 'alice') {
    return test.app.inject({
      method: 'POST',
      url: `/api/v1/connections/${id}/oauth/start`,
      headers: { authorization: `Bearer ${tokens[who]}` },
      payload: payload as Record<string, unknown>,
    });
  }

  async function started(id: string, payload: unknown = {}) {
    const response = await start(id, payload);
    expect(response.statusCode).toBe(200);
    const url = new URL((response.json() as { authorizationUrl: string }).authorizationUrl);
    return { url, state: url.searchParams.get('state')!, challenge: url.searchParams.get('code_challenge')! };
  }

  const callback = (query: Record<string, string>) =>
    test.app.inject({ method: 'GET', url: `/oauth/callback?${new URLSearchParams(query)}` });

  it('needs an API token to start', async () => {
    const connection = await newConnection();
    const response = await test.app.inject({
      method: 'POST',
      url: `/api/v1/connections/${connection.id}/oauth/start`,
    });
    expect(response.statusCode).toBe(401);
  });

  it("answers 404 for another user's connection and for an unknown one", async () => {
    const connection = await newConnection();
    expect((await start(connection.id, {}, 'bob')).statusCode).toBe(404);
    expect((await start('nope')).statusCode).toBe(404);
  });

  it('starts without a request body', async () => {
    const connection = await newConnection();
    const response = await test.app.inject({
      method: 'POST',
      url: `/api/v1/connections/${connection.id}/oauth/start`,
      headers: { authorization: `Bearer ${tokens.alice}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ redirectUri: `${PUBLIC_URL}/oauth/callback`, warnings: [] });
  });

  it('refuses a returnTo that would be an open redirect', async () => {
    const connection = await newConnection();
    const response = await start(connection.id, { returnTo: 'https://evil.example/' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a connector without OAuth, and one without a client id unless one is given', async () => {
    expect((await start((await newConnection('apikey')).id)).json()).toMatchObject({
      code: 'AUTH_UNSUPPORTED',
    });
    const connection = await newConnection('noclient');
    const refused = await start(connection.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'CONNECTION_INVALID' });
    expect(refused.json().detail).toContain(`${PUBLIC_URL}/oauth/callback`);
    const { url } = await started(connection.id, { clientId: 'my-app', clientSecret: 'my-secret' });
    expect(url.searchParams.get('client_id')).toBe('my-app');
    const info = (await store.getConnection(connection.id, alice.id))!;
    expect(info.values['token:clientId']).toBe('my-app');
    expect(info.secretsSet).toEqual(['token:clientSecret']);
    expect(JSON.stringify(info)).not.toContain('my-secret');
  });

  it('exchanges the code with the verifier of the challenge and redirects to returnTo', async () => {
    const connection = await newConnection();
    const { state, challenge } = await started(connection.id, {
      returnTo: 'http://127.0.0.1:5555/done',
      clientSecret: 'app-secret',
    });
    const before = endpoint.calls.length;
    const response = await callback({ code: 'auth-code', state });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(
      `http://127.0.0.1:5555/done?connection=${connection.id}&status=connected`,
    );
    const call = endpoint.calls[before]!;
    expect(call.url).toBe('https://auth.example.com/token');
    const verifier = call.body.get('code_verifier')!;
    expect(await oauth.calculatePKCECodeChallenge(verifier)).toBe(challenge);
    expect(Object.fromEntries(call.body)).toMatchObject({
      grant_type: 'authorization_code',
      code: 'auth-code',
      redirect_uri: `${PUBLIC_URL}/oauth/callback`,
      client_id: 'app-id',
      client_secret: 'app-secret',
    });
    const info = (await store.getConnection(connection.id, alice.id))!;
    expect(info).toMatchObject({ status: 'connected', statusReason: undefined, hasTokens: true });
    expect((await store.getTokens(connection.id))!.accessToken).toMatch(/^access-/);
  });

  it('says at sign-in that a connection without a refresh token will need a new one', async () => {
    const connection = await newConnection();
    const { state } = await started(connection.id, { clientSecret: 'app-secret' });
    reply = () => ({
      status: 200,
      json: { access_token: 'only-access', token_type: 'Bearer', expires_in: 1800 },
    });
    expect((await callback({ code: 'auth-code', state })).statusCode).toBe(200);
    const info = (await store.getConnection(connection.id, alice.id))!;
    expect(info.status).toBe('connected');
    expect(info.statusReason).toBe(
      'Connected without a refresh token: the identity provider gave none, so the connection needs a new sign-in when its access token expires, in 30 minutes. Ask for offline access (`flowport oauth-doctor` says how for this provider).',
    );
  });

  it('shows a page for an unknown, reused or missing state and changes nothing', async () => {
    const connection = await newConnection();
    const { state } = await started(connection.id);
    for (const query of [{ code: 'x' }, { code: 'x', state: 'made-up' }] as Record<string, string>[]) {
      const response = await callback(query);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('unknown, expired or already used');
    }
    expect((await callback({ code: 'x', state })).statusCode).toBe(200);
    expect((await callback({ code: 'x', state })).statusCode).toBe(400);
  });

  it('refuses a state older than 10 minutes', async () => {
    const connection = await newConnection();
    const { state } = await started(connection.id);
    clock += 10 * 60_000 + 1;
    const before = endpoint.calls.length;
    expect((await callback({ code: 'x', state })).statusCode).toBe(400);
    expect(endpoint.calls.length).toBe(before);
  });

  it('marks the connection unauthenticated when the user denies consent, echoing nothing the provider said', async () => {
    const connection = await newConnection();
    await store.updateConnection(connection.id, undefined, { status: 'connected' });
    const { state } = await started(connection.id);
    const response = await callback({
      state,
      error: 'access_denied',
      error_description: '<script>alert(1)</script>',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('access_denied');
    expect(response.body).not.toContain('<script>');
    const info = (await store.getConnection(connection.id, alice.id))!;
    expect(info.status).toBe('unauthenticated');
    expect(info.statusReason).toContain('access_denied');
  });

  it('reports a refused exchange on the returnTo page, without the code or secret', async () => {
    const connection = await newConnection();
    const { state } = await started(connection.id, { returnTo: '/console', clientSecret: 'app-secret' });
    reply = () => ({ status: 400, json: { error: 'invalid_grant' } });
    const response = await callback({ code: 'secret-code', state });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(
      `${PUBLIC_URL}/console?connection=${connection.id}&status=unauthenticated&error=token_exchange_failed`,
    );
    const info = (await store.getConnection(connection.id, alice.id))!;
    expect(info.status).toBe('unauthenticated');
    expect(info.statusReason).toContain('invalid_grant');
    expect(info.statusReason).not.toContain('secret-code');
    expect(info.statusReason).not.toContain('app-secret');
    expect(info.hasTokens).toBe(false);
  });

  it('revokes: revocation at the provider, tokens dropped, status unauthenticated', async () => {
    const connection = await newConnection();
    const { state } = await started(connection.id);
    await callback({ code: 'c', state });
    const stored = (await store.getTokens(connection.id))!;
    const before = endpoint.calls.length;
    reply = () => ({ status: 200, json: undefined });
    const response = await test.app.inject({
      method: 'POST',
      url: `/api/v1/connections/${connection.id}/oauth/revoke`,
      headers: { authorization: `Bearer ${tokens.alice}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      revokedAtProvider: true,
      connection: { status: 'unauthenticated', hasTokens: false },
    });
    const call = endpoint.calls[before]!;
    expect(call.url).toBe('https://auth.example.com/revoke');
    expect(Object.fromEntries(call.body)).toMatchObject({
      token: stored.refreshToken,
      token_type_hint: 'refresh_token',
    });
    expect(await store.getTokens(connection.id)).toBeUndefined();
    expect(response.body).not.toContain(stored.refreshToken!);
    const bobs = await test.app.inject({
      method: 'POST',
      url: `/api/v1/connections/${connection.id}/oauth/revoke`,
      headers: { authorization: `Bearer ${tokens.bob}` },
    });
    expect(bobs.statusCode).toBe(404);
  });
});
