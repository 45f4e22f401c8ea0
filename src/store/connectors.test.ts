import { describe, expect, it, onTestFinished } from 'vitest';
import { isFlowportError } from '../errors.ts';
import { digestFiles } from './connectors.ts';
import { testEngines } from './testing.ts';
import type { StoredFile } from './types.ts';

const validation = { preset: 'recommended', errors: 0, warnings: 2, infos: 1 };
const bytes = (text: string) => new TextEncoder().encode(text);
const files = (swagger: string): StoredFile[] => [
  { name: 'apiProperties.json', bytes: bytes('{"properties":{}}') },
  { name: 'apiDefinition.swagger.json', bytes: bytes(swagger) },
  // Every byte value, to prove blobs round-trip unchanged.
  { name: 'icon.png', bytes: Uint8Array.from({ length: 256 }, (_, index) => index) },
];

describe('digestFiles', () => {
  it('ignores file order but not a shifted boundary between name and content', () => {
    const a = files('{}');
    expect(digestFiles(a)).toBe(digestFiles([...a].reverse()));
    expect(digestFiles([{ name: 'ab', bytes: bytes('c') }])).not.toBe(
      digestFiles([{ name: 'a', bytes: bytes('bc') }]),
    );
  });
});

describe.each(testEngines)('connectors on $name', (engine) => {
  async function fresh() {
    const db = await engine.create();
    onTestFinished(() => db.cleanup());
    return { db, store: await db.open() };
  }

  it('stores the first version with its files, validation and digest', async () => {
    const { store } = await fresh();
    const put = await store.putConnector({
      id: 'tasklane',
      title: 'Tasklane',
      files: files('{}'),
      validation,
      createdBy: 'usr_x',
    });
    expect(put.created).toBe(true);
    expect(put.info).toMatchObject({
      id: 'tasklane',
      title: 'Tasklane',
      latestVersion: 1,
      sourcePath: undefined,
    });
    const stored = await store.getConnectorVersion('tasklane');
    expect(stored).toEqual(put.version);
    expect(stored?.files.map((file) => file.name)).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'icon.png',
    ]);
    expect(stored?.files[2]?.bytes).toEqual(Uint8Array.from({ length: 256 }, (_, index) => index));
    expect(stored).toMatchObject({
      validation,
      digest: digestFiles(files('{}')),
      createdBy: 'usr_x',
      version: 1,
    });
  });

  it('makes a new version only when the files change', async () => {
    const { store } = await fresh();
    await store.putConnector({ id: 'tasklane', title: 'Tasklane', files: files('{}'), validation });
    const same = await store.putConnector({
      id: 'tasklane',
      title: 'Tasklane',
      files: [...files('{}')].reverse(),
      validation,
    });
    expect(same.created).toBe(false);
    expect(same.version.version).toBe(1);
    const changed = await store.putConnector({
      id: 'tasklane',
      title: 'Tasklane 2',
      files: files('{"swagger":"2.0"}'),
      validation: { ...validation, errors: 1 },
      sourcePath: '/srv/tasklane',
    });
    expect(changed).toMatchObject({
      created: true,
      info: { latestVersion: 2, title: 'Tasklane 2', sourcePath: '/srv/tasklane' },
    });
    expect((await store.getConnectorVersion('tasklane'))?.version).toBe(2);
    expect((await store.getConnectorVersion('tasklane', 1))?.files[0]?.bytes).toEqual(bytes('{}'));
    expect(await store.getConnectorVersion('tasklane', 3)).toBeUndefined();
    const versions = await store.listConnectorVersions('tasklane');
    expect(versions.map((version) => [version.version, version.validation.errors])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(versions[0]).not.toHaveProperty('files');
    // Back to the first files: a new version (3), not a return to 1.
    expect(
      (await store.putConnector({ id: 'tasklane', title: 'T', files: files('{}'), validation })).info
        .latestVersion,
    ).toBe(3);
  });

  it('keeps one version when the same files are put concurrently', async () => {
    const { store } = await fresh();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.putConnector({ id: 'race', title: 'Race', files: files('{}'), validation }),
      ),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await store.listConnectorVersions('race')).toHaveLength(1);
  });

  it('lists, gets and deletes connectors', async () => {
    const { store } = await fresh();
    await store.putConnector({ id: 'b', title: 'B', files: files('{}'), validation });
    await store.putConnector({ id: 'a', title: 'A', files: files('{}'), validation });
    expect((await store.listConnectors()).map((info) => info.id)).toEqual(['a', 'b']);
    expect(await store.getConnector('nope')).toBeUndefined();
    expect(await store.deleteConnector('a')).toBe(true);
    expect(await store.deleteConnector('a')).toBe(false);
    expect(await store.getConnector('a')).toBeUndefined();
    expect(await store.getConnectorVersion('a', 1)).toBeUndefined();
  });

  it('refuses to delete a connector that has connections', async () => {
    const { store } = await fresh();
    const user = await store.createUser('ada', 'admin');
    await store.putConnector({ id: 'a', title: 'A', files: files('{}'), validation });
    await store.createConnection({
      ownerId: user.id,
      connectorId: 'a',
      name: 'mine',
      parameterSet: undefined,
      values: {},
      secrets: {},
      status: 'connected',
    });
    const error = await store.deleteConnector('a').catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('CONFLICT');
    expect(await store.getConnector('a')).toBeDefined();
  });

  it('refuses two files with one name', async () => {
    const { store } = await fresh();
    const error = await store
      .putConnector({
        id: 'a',
        title: 'A',
        files: [...files('{}'), { name: 'icon.png', bytes: bytes('x') }],
        validation,
      })
      .catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('CONFLICT');
    expect(await store.getConnector('a')).toBeUndefined();
  });
});
