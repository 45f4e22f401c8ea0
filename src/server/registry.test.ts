import { afterEach, describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../connector/load.ts';
import type { TestDatabase } from '../store/testing.ts';
import { testEngines } from '../store/testing.ts';
import type { Store } from '../store/types.ts';
import { inProcessValidator } from '../validate/background.ts';
import { importConnector } from './import.ts';
import { createRegistry } from './registry.ts';

const encoder = new TextEncoder();
const validator = inProcessValidator();

function files(title: string, description = 'x') {
  const swagger = {
    swagger: '2.0',
    info: { title, description, version: '1' },
    host: 'api.example.test',
    paths: { '/a': { get: { operationId: 'GetA', responses: { 200: { description: 'ok' } } } } },
  };
  return [{ name: 'apiDefinition.swagger.json', bytes: encoder.encode(JSON.stringify(swagger)) }];
}

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.cleanup();
  database = undefined;
});

async function open(): Promise<Store> {
  database = await testEngines[0]!.create();
  return database.open();
}

describe('createRegistry', () => {
  it('loads the latest version, one runtime per version, and follows new versions', async () => {
    const store = await open();
    const registry = createRegistry({
      store,
      publicUrl: 'http://127.0.0.1:1',
      backendOverrides: { one: 'http://127.0.0.1:9' },
    });
    await importConnector(store, registry, { files: files('One') }, validator);
    const first = await registry.get('one');
    expect(first?.version).toBe(1);
    expect(await registry.get('one')).toBe(first);
    await importConnector(store, registry, { files: files('One', 'changed') }, validator);
    const second = await registry.get('one');
    expect(second?.version).toBe(2);
    expect(second).not.toBe(first);
    expect((await registry.get('one', 1))?.version).toBe(1);
    expect(await registry.get('missing')).toBeUndefined();
    await registry.close();
  });

  it('keeps at most maxLoaded versions, closing the least recently used', async () => {
    const store = await open();
    const registry = createRegistry({ store, publicUrl: 'http://127.0.0.1:1', maxLoaded: 1 });
    await importConnector(store, registry, { files: files('One') }, validator);
    await importConnector(store, registry, { files: files('Two') }, validator);
    const one = await registry.get('one');
    await registry.get('two');
    // `one` was evicted: a new load gives a new object.
    expect(await registry.get('one')).not.toBe(one);
    await registry.close();
  });

  it('replaces the backend of a connector given an override', async () => {
    const store = await open();
    const registry = createRegistry({
      store,
      publicUrl: 'http://127.0.0.1:1',
      backendOverrides: { one: 'http://127.0.0.1:9' },
      transportOptions: { retry: { count: 0 } },
    });
    await importConnector(store, registry, { files: files('One') }, validator);
    const loaded = await registry.get('one');
    await expect(loaded!.runtime.invoke('GetA', {}, {})).rejects.toMatchObject({
      code: 'UPSTREAM_UNREACHABLE',
    });
    expect(connectorFromFiles(files('One')).definition.host).toBe('api.example.test');
    await registry.close();
  });
});
