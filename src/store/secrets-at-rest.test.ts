import { describe, expect, it, onTestFinished } from 'vitest';
import { isFlowportError } from '../errors.ts';
import { type TestDatabase, testEngines } from './testing.ts';

/** Distinct, recognisable values: each must never be found in clear in what the engine keeps. */
const SECRETS = {
  apiKey: 'SECRET-api-key-7f3a9c',
  clientSecret: 'SECRET-client-secret-2b8d41',
  newApiKey: 'SECRET-rotated-api-key-55e0',
  accessToken: 'SECRET-access-token-c0ffee',
  refreshToken: 'SECRET-refresh-token-decade',
  codeVerifier: 'SECRET-pkce-verifier-0123456789abcdefghijklmnop',
};

function encodings(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  return [value, bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url')];
}

function param(db: TestDatabase, index: number): string {
  return db.engine === 'sqlite' ? '?' : `$${index}`;
}

describe.each(testEngines)('secrets at rest on $name', (engine) => {
  async function fresh() {
    const db = await engine.create();
    onTestFinished(() => db.cleanup());
    const store = await db.open();
    const user = await store.createUser('ada', 'admin');
    await store.putConnector({
      id: 'c',
      title: 'C',
      files: [{ name: 'apiProperties.json', bytes: new TextEncoder().encode('{}') }],
      validation: { preset: 'recommended', errors: 0, warnings: 0, infos: 0 },
    });
    const connection = (name: string, secrets: Record<string, string>) =>
      store.createConnection({
        ownerId: user.id,
        connectorId: 'c',
        name,
        parameterSet: undefined,
        values: { region: 'eu' },
        secrets,
        status: 'connected',
      });
    return { db, store, user, connection };
  }

  it('keeps no secret value in clear anywhere in the database', async () => {
    const { db, store, user, connection } = await fresh();
    const first = await connection('first', { api_key: SECRETS.apiKey, client_secret: SECRETS.clientSecret });
    await store.updateConnection(first.id, user.id, { secrets: { api_key: SECRETS.newApiKey } });
    await store.setTokens(first.id, {
      accessToken: SECRETS.accessToken,
      refreshToken: SECRETS.refreshToken,
      expiresAt: Date.now() + 3_600_000,
      tokenType: 'Bearer',
      scope: 'read',
    });
    const state = 'state-value-that-is-a-bearer-nonce';
    await store.putOAuthState({
      state,
      connectionId: first.id,
      userId: user.id,
      codeVerifier: SECRETS.codeVerifier,
      redirectUri: 'http://127.0.0.1/oauth/callback',
      returnTo: undefined,
      expiresAt: Date.now() + 600_000,
    });
    const { token } = await store.createToken(user.id, 'cli');
    // The values are there and readable through the store…
    expect(await store.connectionSecrets(first.id)).toEqual({
      api_key: SECRETS.newApiKey,
      client_secret: SECRETS.clientSecret,
    });
    // …and nowhere in the bytes the engine keeps (SQLite file and WAL; every Postgres row as text).
    const contents = await db.contents();
    expect(contents.includes('region')).toBe(true);
    for (const value of [...Object.values(SECRETS), token, state]) {
      for (const encoded of encodings(value)) {
        expect(contents.includes(encoded), `${value} found as ${encoded}`).toBe(false);
      }
    }
  });

  it('refuses a sealed value that was changed in the database', async () => {
    const { db, store, connection } = await fresh();
    const created = await connection('first', { api_key: SECRETS.apiKey });
    const [row] = await db.query(`select secrets from connections where id = ${param(db, 1)}`, [created.id]);
    const sealed = String(row?.secrets);
    const last = sealed.at(-1) === 'A' ? 'B' : 'A';
    await db.query(`update connections set secrets = ${param(db, 1)} where id = ${param(db, 2)}`, [
      `${sealed.slice(0, -1)}${last}`,
      created.id,
    ]);
    const error = await store.connectionSecrets(created.id).catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('SECRET_KEY_INVALID');
    expect(String(error)).not.toContain(SECRETS.apiKey);
  });

  it('refuses a sealed value copied to another connection', async () => {
    const { db, store, connection } = await fresh();
    const victim = await connection('victim', { api_key: SECRETS.apiKey });
    const attacker = await connection('attacker', { api_key: 'mine' });
    await db.query(
      `update connections set secrets = (select secrets from connections where id = ${param(db, 1)}) where id = ${param(db, 2)}`,
      [victim.id, attacker.id],
    );
    const error = await store.connectionSecrets(attacker.id).catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('SECRET_KEY_INVALID');
  });
});
