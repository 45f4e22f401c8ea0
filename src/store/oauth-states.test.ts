import { describe, expect, it, onTestFinished } from 'vitest';
import { testEngines } from './testing.ts';
import type { OAuthState } from './types.ts';

describe.each(testEngines)('OAuth states on $name', (engine) => {
  async function fresh() {
    const db = await engine.create();
    onTestFinished(() => db.cleanup());
    const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
    const store = await db.open({ now: () => clock.now });
    const user = await store.createUser('ada', 'maker');
    await store.putConnector({
      id: 'c',
      title: 'C',
      files: [],
      validation: { preset: 'recommended', errors: 0, warnings: 0, infos: 0 },
    });
    const connection = await store.createConnection({
      ownerId: user.id,
      connectorId: 'c',
      name: 'c',
      parameterSet: undefined,
      values: {},
      secrets: {},
      status: 'unauthenticated',
    });
    const state = (name: string, ttl = 600_000): OAuthState => ({
      state: `state-${name}-${'s'.repeat(20)}`,
      connectionId: connection.id,
      userId: user.id,
      codeVerifier: `verifier-${name}-${'v'.repeat(30)}`,
      redirectUri: 'http://127.0.0.1:4000/oauth/callback',
      returnTo: name === 'cli' ? 'http://127.0.0.1:5555/done' : undefined,
      expiresAt: clock.now + ttl,
    });
    return { db, store, clock, state };
  }

  it('returns a state once, then never again', async () => {
    const { store, state } = await fresh();
    const cli = state('cli');
    await store.putOAuthState(cli);
    expect(await store.takeOAuthState(cli.state)).toEqual(cli);
    expect(await store.takeOAuthState(cli.state)).toBeUndefined();
    expect(await store.takeOAuthState('never-issued')).toBeUndefined();
  });

  it('lets only one of two concurrent callbacks take a state', async () => {
    const { store, state } = await fresh();
    const web = state('web');
    await store.putOAuthState(web);
    const taken = await Promise.all(Array.from({ length: 4 }, () => store.takeOAuthState(web.state)));
    expect(taken.filter((value) => value !== undefined)).toHaveLength(1);
  });

  it('refuses an expired state', async () => {
    const { store, clock, state } = await fresh();
    const web = state('web', 1_000);
    await store.putOAuthState(web);
    clock.now += 1_000;
    expect(await store.takeOAuthState(web.state)).toBeUndefined();
  });

  it('stores neither the state nor the verifier in clear, and drops expired states', async () => {
    const { db, store, clock, state } = await fresh();
    const old = state('old', 1_000);
    await store.putOAuthState(old);
    clock.now += 5_000;
    const web = state('web');
    await store.putOAuthState(web);
    const rows = await db.query('select * from oauth_states');
    expect(rows).toHaveLength(1);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(web.state);
    expect(text).not.toContain(web.codeVerifier);
  });
});
