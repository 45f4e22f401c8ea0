import { readdir } from 'node:fs/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isFlowportError } from '../errors.ts';
import { migrations } from './migrations/index.ts';
import { testEngines } from './testing.ts';

describe('migration registry', () => {
  it('lists every migration file once, numbered as its file name, in order', async () => {
    const files = (await readdir(new URL('./migrations/', import.meta.url))).filter(
      (name) => /^\d{3}-.+\.ts$/.test(name) && !name.endsWith('.test.ts'),
    );
    const expected = files
      .sort()
      .map((name) => ({ version: Number(name.slice(0, 3)), name: name.slice(4, -3) }));
    expect(migrations.map(({ version, name }) => ({ version, name }))).toEqual(expected);
  });
});

describe.each(testEngines)('migrations on $name', (engine) => {
  async function fresh() {
    const db = await engine.create();
    onTestFinished(() => db.cleanup());
    return db;
  }

  it('are applied once and recorded, and reopening applies nothing', async () => {
    const db = await fresh();
    const first = await db.open();
    await first.createUser('ada', 'admin');
    await first.close();
    const second = await db.open();
    expect(await second.countUsers()).toBe(1);
    const rows = await db.query('select version, name from flowport_migrations order by version');
    expect(rows.map((row) => [Number(row.version), row.name])).toEqual(
      migrations.map((m) => [m.version, m.name]),
    );
  });

  it('are safe when several stores start at once on one database', async () => {
    const db = await fresh();
    const stores = await Promise.all(Array.from({ length: 6 }, () => db.open()));
    const users = await Promise.all(stores.map((store, index) => store.createUser(`user${index}`, 'maker')));
    expect(users).toHaveLength(6);
    expect(await stores[0]!.countUsers()).toBe(6);
    const rows = await db.query('select count(*) as count from flowport_migrations');
    expect(Number(rows[0]!.count)).toBe(migrations.length);
  });

  it('are applied by one store when several find the same migration pending', async () => {
    const db = await fresh();
    // The migration table exists and is empty: every store reads "nothing applied" unless they take turns.
    await db.query(
      'create table flowport_migrations (version integer primary key, name text not null, applied_at text not null)',
    );
    const stores = await Promise.all(Array.from({ length: 6 }, () => db.open()));
    await stores[5]!.createUser('ada', 'admin');
    expect(await stores[0]!.countUsers()).toBe(1);
    const rows = await db.query('select count(*) as count from flowport_migrations');
    expect(Number(rows[0]!.count)).toBe(migrations.length);
  });

  it('refuse a database migrated by a newer flowport', async () => {
    const db = await fresh();
    await (await db.open()).close();
    await db.query("insert into flowport_migrations (version, name, applied_at) values (999, 'future', 'x')");
    const error = await db.open().catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('STORE_MIGRATION_FAILED');
    expect(String(error)).toContain('upgrade flowport');
  });

  it('roll back as a whole when a migration fails', async () => {
    const db = await fresh();
    // A table of the same name blocks `create table users`: nothing of migration 1 may remain.
    await db.query('create table users (x integer)');
    const error = await db.open().catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('STORE_MIGRATION_FAILED');
    expect(String(error)).toContain('001-initial');
    const tables = await db.query(
      db.engine === 'sqlite'
        ? "select name from sqlite_master where type = 'table' and name = 'connections'"
        : "select table_name from information_schema.tables where table_name = 'connections' and table_schema = current_schema()",
    );
    expect(tables).toEqual([]);
  });
});
