import { describe, expect, it, onTestFinished } from 'vitest';
import { isFlowportError } from '../errors.ts';
import { testEngines } from './testing.ts';
import type { NewConnection } from './types.ts';

describe.each(testEngines)('connections on $name', (engine) => {
  async function fresh() {
    const db = await engine.create();
    onTestFinished(() => db.cleanup());
    const store = await db.open();
    const ada = await store.createUser('ada', 'maker');
    const bob = await store.createUser('bob', 'maker');
    for (const id of ['tasklane', 'other']) {
      await store.putConnector({
        id,
        title: id,
        files: [{ name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(id) }],
        validation: { preset: 'recommended', errors: 0, warnings: 0, infos: 0 },
      });
    }
    const input = (ownerId: string, more: Partial<NewConnection> = {}): NewConnection => ({
      ownerId,
      connectorId: 'tasklane',
      name: 'work',
      parameterSet: undefined,
      values: { region: 'eu' },
      secrets: { api_key: 'k-123' },
      status: 'connected',
      ...more,
    });
    return { db, store, ada, bob, input };
  }

  it('shows values and the names of secrets, never their values', async () => {
    const { store, ada, input } = await fresh();
    const created = await store.createConnection(input(ada.id, { parameterSet: 'key' }));
    expect(created).toMatchObject({
      ownerId: ada.id,
      connectorId: 'tasklane',
      name: 'work',
      parameterSet: 'key',
      values: { region: 'eu' },
      secretsSet: ['api_key'],
      status: 'connected',
      statusReason: undefined,
      hasTokens: false,
      tokenExpiresAt: undefined,
    });
    expect(JSON.stringify(created)).not.toContain('k-123');
    expect(await store.getConnection(created.id, ada.id)).toEqual(created);
    expect(await store.connectionSecrets(created.id)).toEqual({ api_key: 'k-123' });
  });

  it('hides another owner’s connection from get, list, update and delete', async () => {
    const { store, ada, bob, input } = await fresh();
    const adas = await store.createConnection(input(ada.id));
    expect(await store.getConnection(adas.id, bob.id)).toBeUndefined();
    expect(await store.listConnections(bob.id)).toEqual([]);
    expect(
      await store.updateConnection(adas.id, bob.id, { name: 'stolen', secrets: { api_key: 'x' } }),
    ).toBeUndefined();
    expect(await store.deleteConnection(adas.id, bob.id)).toBe(false);
    expect(await store.getConnection(adas.id, ada.id)).toMatchObject({ name: 'work' });
    expect(await store.connectionSecrets(adas.id)).toEqual({ api_key: 'k-123' });
    // Internal callers (no owner) see it.
    expect(await store.getConnection(adas.id, undefined)).toMatchObject({ id: adas.id });
  });

  it('lists an owner’s connections, optionally for one connector', async () => {
    const { store, ada, bob, input } = await fresh();
    const one = await store.createConnection(input(ada.id, { name: 'one' }));
    const two = await store.createConnection(input(ada.id, { name: 'two', connectorId: 'other' }));
    await store.createConnection(input(bob.id));
    expect((await store.listConnections(ada.id)).map((c) => c.id).sort()).toEqual([one.id, two.id].sort());
    expect((await store.listConnections(ada.id, 'other')).map((c) => c.id)).toEqual([two.id]);
  });

  it('patches values, merges secrets and resets the status reason with the status', async () => {
    const { store, ada, input } = await fresh();
    const created = await store.createConnection(input(ada.id, { secrets: { api_key: 'k-1', pin: '1234' } }));
    const failed = await store.updateConnection(created.id, ada.id, {
      status: 'unauthenticated',
      statusReason: 'Refresh refused.',
    });
    expect(failed).toMatchObject({ status: 'unauthenticated', statusReason: 'Refresh refused.' });
    const patched = await store.updateConnection(created.id, undefined, {
      name: 'renamed',
      values: { region: 'us' },
      secrets: { api_key: 'k-2', pin: null, extra: 'e' },
      status: 'connected',
    });
    expect(patched).toMatchObject({
      name: 'renamed',
      values: { region: 'us' },
      secretsSet: ['api_key', 'extra'],
      status: 'connected',
      statusReason: undefined,
    });
    expect(await store.getConnection(created.id, ada.id)).toEqual(patched);
    expect(await store.connectionSecrets(created.id)).toEqual({ api_key: 'k-2', extra: 'e' });
    const cleared = await store.updateConnection(created.id, ada.id, {
      secrets: { api_key: null, extra: null },
    });
    expect(cleared?.secretsSet).toEqual([]);
    expect(await store.connectionSecrets(created.id)).toEqual({});
  });

  it('stores, reads and clears OAuth tokens sealed', async () => {
    const { store, ada, input } = await fresh();
    const created = await store.createConnection(input(ada.id, { secrets: {} }));
    expect(await store.getTokens(created.id)).toBeUndefined();
    const tokens = {
      accessToken: 'at-1',
      refreshToken: 'rt-1',
      expiresAt: Date.parse('2026-05-01T10:00:00Z'),
      tokenType: 'Bearer',
      scope: undefined,
    };
    await store.setTokens(created.id, tokens);
    expect(await store.getTokens(created.id)).toEqual(tokens);
    expect(await store.getConnection(created.id, ada.id)).toMatchObject({
      hasTokens: true,
      tokenExpiresAt: '2026-05-01T10:00:00.000Z',
    });
    await store.setTokens(created.id, undefined);
    expect(await store.getTokens(created.id)).toBeUndefined();
    expect(await store.getConnection(created.id, ada.id)).toMatchObject({
      hasTokens: false,
      tokenExpiresAt: undefined,
    });
  });

  it('deletes a connection with its tokens', async () => {
    const { store, ada, input } = await fresh();
    const created = await store.createConnection(input(ada.id));
    await store.setTokens(created.id, {
      accessToken: 'a',
      refreshToken: undefined,
      expiresAt: undefined,
      tokenType: undefined,
      scope: undefined,
    });
    expect(await store.deleteConnection(created.id, ada.id)).toBe(true);
    expect(await store.getConnection(created.id, undefined)).toBeUndefined();
    expect(await store.getTokens(created.id)).toBeUndefined();
    const error = await store.connectionSecrets(created.id).catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('NOT_FOUND');
  });

  it('refuses a connection to an unknown connector or owner', async () => {
    const { store, ada, input } = await fresh();
    for (const bad of [input(ada.id, { connectorId: 'missing' }), input('usr_missing')]) {
      const error = await store.createConnection(bad).catch((caught: unknown) => caught);
      expect(isFlowportError(error) && error.code).toBe('NOT_FOUND');
    }
  });
});
