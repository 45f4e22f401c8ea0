import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isFlowportError } from '../errors.ts';
import { openStore } from './open.ts';
import { keyIdOf } from './seal.ts';
import { formatSecretKey, parseSecretKey, rotateSecretKey } from './secret-key.ts';
import { testEngines, testKey } from './testing.ts';

describe.each(testEngines)('key rotation on $name', (engine) => {
  async function fresh() {
    const db = await engine.create();
    onTestFinished(() => db.cleanup());
    const store = await db.open({ key: testKey(1) });
    const user = await store.createUser('ada', 'admin');
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
      secrets: { api_key: 'rotating-secret' },
      status: 'connected',
    });
    const tokens = {
      accessToken: 'at',
      refreshToken: 'rt',
      expiresAt: 1,
      tokenType: 'Bearer',
      scope: undefined,
    };
    await store.setTokens(connection.id, tokens);
    const state = {
      state: 'st',
      connectionId: connection.id,
      userId: user.id,
      codeVerifier: 'cv',
      redirectUri: 'http://127.0.0.1/cb',
      returnTo: undefined,
      expiresAt: Date.now() + 600_000,
    };
    await store.putOAuthState(state);
    return { db, store, connection, tokens, state };
  }

  it('re-seals every value: the new key opens them, the old one no longer does', async () => {
    const { db, store, connection, tokens, state } = await fresh();
    expect(await store.rotateKey(testKey(2))).toBe(3);
    // The running store switched keys.
    expect(await store.connectionSecrets(connection.id)).toEqual({ api_key: 'rotating-secret' });
    await store.close();
    const withOld = await db.open({ key: testKey(1) }).catch((caught: unknown) => caught);
    expect(isFlowportError(withOld) && withOld.code).toBe('SECRET_KEY_INVALID');
    expect(String(withOld)).toContain(keyIdOf(testKey(2)));
    const reopened = await db.open({ key: testKey(2) });
    expect(await reopened.connectionSecrets(connection.id)).toEqual({ api_key: 'rotating-secret' });
    expect(await reopened.getTokens(connection.id)).toEqual(tokens);
    expect(await reopened.takeOAuthState(state.state)).toEqual(state);
  });

  it('changes nothing when a value does not open', async () => {
    const { db, store, connection } = await fresh();
    const p = db.engine === 'sqlite' ? '?' : '$1';
    await db.query(
      `update connections set tokens = 'fp1.00000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' where id = ${p}`,
      [connection.id],
    );
    const error = await store.rotateKey(testKey(2)).catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('SECRET_KEY_INVALID');
    expect(await store.connectionSecrets(connection.id)).toEqual({ api_key: 'rotating-secret' });
    await store.close();
    const reopened = await db.open({ key: testKey(1) });
    expect(await reopened.connectionSecrets(connection.id)).toEqual({ api_key: 'rotating-secret' });
  });

  it('rotates the key file: secret.key is replaced and no other key file is left', async () => {
    const db = await engine.create();
    onTestFinished(() => db.cleanup());
    const store = await openStore({ home: db.home, databaseUrl: db.databaseUrl });
    onTestFinished(() => store.close());
    const user = await store.createUser('ada', 'admin');
    await store.putConnector({
      id: 'c',
      title: 'C',
      files: [],
      validation: { preset: 'p', errors: 0, warnings: 0, infos: 0 },
    });
    const connection = await store.createConnection({
      ownerId: user.id,
      connectorId: 'c',
      name: 'c',
      parameterSet: undefined,
      values: {},
      secrets: { api_key: 'file-rotated' },
      status: 'connected',
    });
    const path = join(db.home, 'secret.key');
    const before = parseSecretKey(await readFile(path, 'utf8'), path);
    const result = await rotateSecretKey(store, db.home);
    const after = parseSecretKey(await readFile(path, 'utf8'), path);
    expect(result).toMatchObject({ count: 1, keyId: keyIdOf(after), path });
    expect(keyIdOf(after)).not.toBe(keyIdOf(before));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readdir(db.home)).filter((name) => name.startsWith('secret.key'))).toEqual(['secret.key']);
    await store.close();
    const reopened = await openStore({ home: db.home, databaseUrl: db.databaseUrl });
    onTestFinished(() => reopened.close());
    expect(await reopened.connectionSecrets(connection.id)).toEqual({ api_key: 'file-rotated' });
  });

  it('names the leftover key file after a rotation interrupted before the rename', async () => {
    const { db, store } = await fresh();
    await store.rotateKey(testKey(2));
    await store.close();
    // The process died after the commit: secret.key still holds the old key, secret.key.new the new one.
    await writeFile(join(db.home, 'secret.key'), `${formatSecretKey(testKey(1))}\n`, { mode: 0o600 });
    await writeFile(join(db.home, 'secret.key.new'), `${formatSecretKey(testKey(2))}\n`, { mode: 0o600 });
    const error = await openStore({ home: db.home, databaseUrl: db.databaseUrl }).catch(
      (caught: unknown) => caught,
    );
    expect(isFlowportError(error) && error.code).toBe('SECRET_KEY_INVALID');
    expect(String(error)).toContain('secret.key.new');
  });
});
