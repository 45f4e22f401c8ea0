/**
 * Two server "processes" on one Postgres: each with its own store (own pool), own token providers
 * (own in-flight map) and own advisory-lock pool. A refresh happens once for both; without the
 * shared lock both refresh, and the provider sees its rotated refresh token used twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenProvider } from '../../runtime/types.ts';
import { type TestDatabase, testEngines } from '../../store/testing.ts';
import type { ConnectionInfo, Store, User } from '../../store/types.ts';
import type { ConnectorRegistry, LoadedConnector } from '../deps.ts';
import { createTestApp, fixedRegistry, putTestConnector, type TestApp } from './_app.ts';
import { providerConnector, startTestProvider, type TestProvider } from './_provider.ts';
import {
  type OwnedRefreshLock,
  processRefreshLock,
  type RefreshLock,
  refreshLockFor,
} from './refresh-lock.ts';
import { storedTokenProviders } from './token-provider.ts';

const PUBLIC_URL = 'http://127.0.0.1:4322';
const postgres = testEngines.find((e) => e.name === 'postgres')!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Holds every token-endpoint call for a while, so both processes read the stale tokens first. */
const slowFetch: typeof fetch = async (input, init) => {
  await sleep(150);
  return fetch(input, init);
};

describe('refresh across two server processes on one Postgres', () => {
  let provider: TestProvider;
  let database: TestDatabase;
  let stores: Store[];
  let locks: OwnedRefreshLock[];
  let registry: ConnectorRegistry;
  let loaded: LoadedConnector;
  let test: TestApp;
  let user: User;

  beforeAll(async () => {
    provider = await startTestProvider({
      redirectUri: `${PUBLIC_URL}/oauth/callback`,
      accessTokenTtl: 1,
      refreshedAccessTokenTtl: 60,
    });
    database = await postgres.create();
    stores = [await database.open(), await database.open()];
    locks = [refreshLockFor(database.databaseUrl), refreshLockFor(database.databaseUrl)];
    registry = fixedRegistry({ loopauth: providerConnector(provider) });
    loaded = (await registry.get('loopauth'))!;
    await putTestConnector(stores[0]!, 'loopauth');
    user = await stores[0]!.createUser('bob', 'maker');
    test = await createTestApp({ store: stores[0]!, registry, publicUrl: PUBLIC_URL });
  });

  afterAll(async () => {
    await test?.app.close();
    await registry?.close();
    await Promise.all((locks ?? []).map((l) => l.close()));
    await database?.cleanup();
    await provider?.close();
  });

  /** A connection signed in through the real consent flow, its access token already expired. */
  async function signedIn(name: string): Promise<ConnectionInfo> {
    const store = stores[0]!;
    const connection = await store.createConnection({
      ownerId: user.id,
      connectorId: 'loopauth',
      name,
      parameterSet: undefined,
      values: {},
      secrets: { 'token:clientSecret': provider.clientSecret },
      status: 'unauthenticated',
    });
    const apiToken = (await store.createToken(user.id, name)).token;
    const start = await test.app.inject({
      method: 'POST',
      url: `/api/v1/connections/${connection.id}/oauth/start`,
      headers: { authorization: `Bearer ${apiToken}` },
      payload: {},
    });
    const callback = await provider.consent((start.json() as { authorizationUrl: string }).authorizationUrl);
    const done = await test.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
    expect(done.statusCode).toBe(200);
    const tokens = (await store.getTokens(connection.id))!;
    await sleep(Math.max(0, tokens.expiresAt! - Date.now()) + 100);
    return (await store.getConnection(connection.id, user.id))!;
  }

  /** Ten concurrent `getToken` calls in each process. */
  async function burst(
    info: ConnectionInfo,
    processLocks: readonly RefreshLock[],
  ): Promise<PromiseSettledResult<string>[]> {
    const providers: TokenProvider[] = stores.map((store, i) =>
      storedTokenProviders(
        { store, registry, publicUrl: PUBLIC_URL, now: Date.now },
        { lock: processLocks[i]!, skewMs: 0, fetch: slowFetch },
      )(info, loaded),
    );
    return Promise.allSettled(providers.flatMap((p) => Array.from({ length: 10 }, () => p.getToken())));
  }

  it('refreshes once for 20 concurrent calls split over two processes', async () => {
    const info = await signedIn('shared');
    const before = provider.grants.refresh_token;
    const results = await burst(
      info,
      locks.map((l) => l.lock),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const tokens = new Set(results.map((r) => (r as PromiseFulfilledResult<string>).value));
    expect(tokens.size).toBe(1);
    expect(provider.grants.refresh_token - before).toBe(1);
    expect(await provider.introspect([...tokens][0]!)).toBe(true);
    expect((await stores[1]!.getConnection(info.id, user.id))!.status).toBe('connected');
  });

  it('without the shared lock each process refreshes (the failure the lock prevents)', async () => {
    const info = await signedIn('unlocked');
    const before = provider.grants.refresh_token;
    await burst(info, [processRefreshLock(), processRefreshLock()]);
    expect(provider.grants.refresh_token - before).toBe(2);
  });
});
