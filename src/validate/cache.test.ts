// biome-ignore-all lint/suspicious/noThenProperty: custom rules are written as Spectral writes them, with `then`.
import { cpSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateManyCached } from './cache.ts';
import { parseConfig } from './config.ts';
import { validateMany } from './pool.ts';

const example = new URL('../../examples/tasklane', import.meta.url).pathname;
const other = new URL('../../examples/parcelwise', import.meta.url).pathname;

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Two connectors copied into a fresh folder, and a cache folder beside them. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), 'flowport-cache-'));
  roots.push(root);
  const a = join(root, 'a');
  const b = join(root, 'b');
  cpSync(example, a, { recursive: true });
  cpSync(other, b, { recursive: true });
  return { a, b, dir: join(root, 'cache') };
}

const entries = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.json'));

describe('validateManyCached', () => {
  it('answers a second run from the cache with the outcomes a fresh run gives', async () => {
    const { a, b, dir } = setup();
    const list = [a, b, '/no/such/connector'];
    const first = await validateManyCached(list, { dir, texts: true, threads: 1 });
    expect(first.stats).toMatchObject({ hits: 0, misses: 3 });
    expect(entries(dir)).toHaveLength(2); // the unreadable source is not cached
    const progress: number[] = [];
    const second = await validateManyCached(list, {
      dir,
      texts: true,
      threads: 1,
      onProgress: (done) => progress.push(done),
    });
    expect(second.stats).toMatchObject({ hits: 2, misses: 1 });
    expect(progress).toEqual([1, 2, 3]);
    const fresh = await validateMany(list, { texts: true, threads: 1 });
    expect(second.outcomes.map((o) => o.cached)).toEqual([true, true, undefined]);
    expect(second.outcomes.map(({ cached, ...o }) => o)).toEqual(fresh);
    expect(first.outcomes).toEqual(fresh);
    expect(second.outcomes[2]?.error?.code).toBe('CONNECTOR_NOT_FOUND');
  });

  it('validates again what changed: a file, a file added beside, the preset, the config', async () => {
    const { a, b, dir } = setup();
    await validateManyCached([a, b], { dir, threads: 1 });

    writeFileSync(join(a, 'apiDefinition.swagger.json'), '{"swagger": "2.0",}');
    const edited = await validateManyCached([a, b], { dir, threads: 1 });
    expect(edited.stats).toMatchObject({ hits: 1, misses: 1 });
    expect(edited.outcomes[0]?.result?.diagnostics.map((d) => d.ruleId)).toContain('json-strict');

    writeFileSync(join(b, 'notes.txt'), 'not a connector file, but rules look at the names');
    expect((await validateManyCached([a, b], { dir, threads: 1 })).stats).toMatchObject({
      hits: 1,
      misses: 1,
    });

    const preset = await validateManyCached([a, b], { dir, threads: 1, preset: 'certification' });
    expect(preset.stats).toMatchObject({ hits: 0, misses: 2 });
    expect(preset.outcomes).toEqual(await validateMany([a, b], { threads: 1, preset: 'certification' }));

    const config = { rules: { 'json-strict': 'off' as const } };
    const configured = await validateManyCached([a, b], { dir, threads: 1, config });
    expect(configured.stats).toMatchObject({ hits: 0, misses: 2 });
    expect(configured.outcomes[0]?.result?.diagnostics.map((d) => d.ruleId)).not.toContain('json-strict');

    // The same overrides with a custom rule more: its findings, not the entries above.
    const withCustom = parseConfig(
      {
        ...config,
        customRules: {
          'contoso-host': { description: 'A host.', given: '$', then: { field: 'host', function: 'falsy' } },
        },
      },
      'flowport.config.json',
    );
    const custom = await validateManyCached([a, b], { dir, threads: 1, config: withCustom });
    expect(custom.stats).toMatchObject({ hits: 0, misses: 2 });
    expect(custom.outcomes[1]?.result?.diagnostics.map((d) => d.ruleId)).toContain('contoso-host');
  });

  it('keeps an entry when a file is touched but not changed', async () => {
    const { a, dir } = setup();
    await validateManyCached([a], { dir, threads: 1 });
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(a, 'readme.md'), later, later);
    expect((await validateManyCached([a], { dir, threads: 1 })).stats.hits).toBe(1);
  });

  it('validates again over a damaged entry, and rewrites it', async () => {
    const { a, dir } = setup();
    const first = await validateManyCached([a], { dir, threads: 1 });
    const [name] = entries(dir);
    writeFileSync(join(dir, name as string), '{"result": {"diagnostics": 3');
    const second = await validateManyCached([a], { dir, threads: 1 });
    expect(second.stats).toMatchObject({ hits: 0, misses: 1 });
    expect(second.outcomes).toEqual(first.outcomes);
    expect((await validateManyCached([a], { dir, threads: 1 })).stats.hits).toBe(1);
  });

  it('deletes entries unused for 30 days, and keeps the ones in use', async () => {
    const { a, b, dir } = setup();
    await validateManyCached([a, b], { dir, threads: 1 });
    const old = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    for (const name of entries(dir)) utimesSync(join(dir, name), old, old);
    writeFileSync(join(dir, 'left-by-a-killed-run.json.123.tmp'), '{');
    utimesSync(join(dir, 'left-by-a-killed-run.json.123.tmp'), old, old);
    // `a` is used (its entry is touched, then kept); `b`'s entry is not.
    expect((await validateManyCached([a], { dir, threads: 1 })).stats.hits).toBe(1);
    expect(readdirSync(dir)).toHaveLength(1);
    expect((await validateManyCached([a, b], { dir, threads: 1 })).stats).toMatchObject({
      hits: 1,
      misses: 1,
    });
  });

  it('looks up and stores entries in the worker threads of the pool too', async () => {
    const { a, b, dir } = setup();
    // Eight sources or more start workers; each thread reads, looks up and stores its own share.
    const list = [a, b, a, b, a, b, a, b, a, b];
    const first = await validateManyCached(list, { dir, threads: 2 });
    expect(entries(dir)).toHaveLength(2);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const second = await validateManyCached(list, { dir, threads: 2 });
    expect(second.stats).toMatchObject({ hits: 10, misses: 0 });
    expect(second.outcomes.map(({ cached, ...o }) => o)).toEqual(first.outcomes.map(({ cached, ...o }) => o));
  });
});
