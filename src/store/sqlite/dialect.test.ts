import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as delay } from 'node:timers/promises';
import { Kysely, sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { NodeSqliteDialect } from './dialect.ts';

interface Db {
  items: { id: number; flag: number; data: Uint8Array | null; label: string | null };
}

async function open(file?: string): Promise<{ db: Kysely<Db>; file: string }> {
  let path = file;
  if (!path) {
    const dir = await mkdtemp(join(tmpdir(), 'flowport-sqlite-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    path = join(dir, 'test.db');
  }
  const database = new DatabaseSync(path, { timeout: 0 });
  database.exec('pragma journal_mode = wal');
  const db = new Kysely<Db>({ dialect: new NodeSqliteDialect(database, { busyTimeout: 2_000 }) });
  onTestFinished(() => db.destroy());
  if (!file) {
    await db.schema
      .createTable('items')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('flag', 'integer')
      .addColumn('data', 'blob')
      .addColumn('label', 'text')
      .execute();
  }
  return { db, file: path };
}

describe('NodeSqliteDialect', () => {
  it('converts booleans and keeps bytes and nulls', async () => {
    const { db } = await open();
    await db
      .insertInto('items')
      .values({ id: 1, flag: true as unknown as number, data: new Uint8Array([0, 255]), label: null })
      .execute();
    const row = await db.selectFrom('items').selectAll().executeTakeFirstOrThrow();
    expect(row).toEqual({ id: 1, flag: 1, data: new Uint8Array([0, 255]), label: null });
  });

  it('reports affected rows and returns rows from `returning`', async () => {
    const { db } = await open();
    await db
      .insertInto('items')
      .values([
        { id: 1, flag: 0, data: null, label: 'a' },
        { id: 2, flag: 0, data: null, label: 'b' },
      ])
      .execute();
    const updated = await db.updateTable('items').set({ flag: 1 }).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
    const deleted = await db.deleteFrom('items').where('id', '=', 2).returning('label').execute();
    expect(deleted).toEqual([{ label: 'b' }]);
  });

  it('runs concurrent transactions on its one connection one after the other', async () => {
    const { db } = await open();
    await db.insertInto('items').values({ id: 1, flag: 0, data: null, label: null }).execute();
    // Read-modify-write with a pause: interleaved, increments would be lost or `begin` would fail.
    await Promise.all(
      Array.from({ length: 10 }, () =>
        db.transaction().execute(async (trx) => {
          const { flag } = await trx
            .selectFrom('items')
            .select('flag')
            .where('id', '=', 1)
            .executeTakeFirstOrThrow();
          await delay(1);
          await trx
            .updateTable('items')
            .set({ flag: flag + 1 })
            .where('id', '=', 1)
            .execute();
        }),
      ),
    );
    expect((await db.selectFrom('items').select('flag').executeTakeFirstOrThrow()).flag).toBe(10);
  });

  it('rolls back a failed transaction and keeps working', async () => {
    const { db } = await open();
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 1, flag: 0, data: null, label: null }).execute();
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await db.selectFrom('items').selectAll().execute()).toEqual([]);
    await db.insertInto('items').values({ id: 1, flag: 0, data: null, label: null }).execute();
  });

  it('waits for another connection’s write transaction instead of failing', async () => {
    const { db: first, file } = await open();
    const { db: second } = await open(file);
    await first.insertInto('items').values({ id: 1, flag: 0, data: null, label: null }).execute();
    const increment = (db: Kysely<Db>) =>
      db.transaction().execute(async (trx) => {
        const { flag } = await trx
          .selectFrom('items')
          .select('flag')
          .where('id', '=', 1)
          .executeTakeFirstOrThrow();
        await delay(20);
        await trx
          .updateTable('items')
          .set({ flag: flag + 1 })
          .where('id', '=', 1)
          .execute();
      });
    await Promise.all([increment(first), increment(second), increment(first), increment(second)]);
    // Autocommit writes from the other connection wait too.
    await second.insertInto('items').values({ id: 2, flag: 0, data: null, label: null }).execute();
    const { flag } = await first
      .selectFrom('items')
      .select('flag')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    expect(flag).toBe(4);
    expect((await sql<{ n: number }>`select count(*) as n from items`.execute(second)).rows[0]?.n).toBe(2);
  });
});
