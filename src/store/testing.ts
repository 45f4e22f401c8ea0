import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from './open.ts';
import type { Store } from './types.ts';

/** Postgres for tests: `FLOWPORT_TEST_DATABASE_URL`, default the local trust-auth database `test`. */
export const POSTGRES_TEST_URL =
  process.env.FLOWPORT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** One empty database for one test: a temporary home, and on Postgres a schema of its own. */
export interface TestDatabase {
  readonly engine: 'sqlite' | 'postgres';
  readonly home: string;
  readonly databaseUrl: string | undefined;
  /** Opens a store on this database (may be called more than once: several processes' stores). */
  open(options?: { key?: Uint8Array; now?: () => number }): Promise<Store>;
  /** Every byte the engine keeps: the SQLite files, or the text of every row of every table. */
  contents(): Promise<Buffer>;
  /** Runs SQL on the database directly (Postgres: in the test schema; SQLite: through `node:sqlite`). */
  query(sqlText: string, parameters?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Closes the stores it opened and removes the database. */
  cleanup(): Promise<void>;
}

export interface TestEngine {
  readonly name: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

/** A fixed key, so tests do not write key files unless they mean to. */
export function testKey(byte = 7): Uint8Array {
  return new Uint8Array(32).fill(byte);
}

/** Both engines, for `describe.each(testEngines)`. */
export const testEngines: readonly TestEngine[] = [
  { name: 'sqlite', create: () => createDatabase(undefined) },
  { name: 'postgres', create: () => createDatabase(POSTGRES_TEST_URL) },
];

async function createDatabase(postgresUrl: string | undefined): Promise<TestDatabase> {
  const home = await mkdtemp(join(tmpdir(), 'flowport-store-'));
  const stores: Store[] = [];
  let schema: string | undefined;
  let databaseUrl: string | undefined;
  if (postgresUrl) {
    schema = `fp_test_${randomBytes(6).toString('hex')}`;
    await admin(postgresUrl, async (client) => {
      await client.query(`create schema ${schema}`);
    });
    const url = new URL(postgresUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.toString();
  }
  const database: TestDatabase = {
    engine: postgresUrl ? 'postgres' : 'sqlite',
    home,
    databaseUrl,
    async open(options = {}) {
      const store = await openStore({ home, databaseUrl, key: options.key ?? testKey(), now: options.now });
      stores.push(store);
      return store;
    },
    async contents() {
      if (!postgresUrl) {
        const files = (await readdir(home)).filter((name) => name.startsWith('flowport.db'));
        return Buffer.concat(await Promise.all(files.map((name) => readFile(join(home, name)))));
      }
      return admin(postgresUrl, async (client) => {
        const tables = await client.query<{ table_name: string }>(
          'select table_name from information_schema.tables where table_schema = $1',
          [schema],
        );
        const texts: string[] = [];
        for (const { table_name } of tables.rows) {
          const rows = await client.query<{ row: string }>(
            `select t::text as row from ${schema}."${table_name}" t`,
          );
          texts.push(table_name, ...rows.rows.map((row) => row.row));
        }
        return Buffer.from(texts.join('\n'), 'utf8');
      });
    },
    async query(sqlText, parameters = []) {
      if (!postgresUrl) {
        const { DatabaseSync } = await import('node:sqlite');
        const db = new DatabaseSync(join(home, 'flowport.db'));
        try {
          const statement = db.prepare(sqlText);
          const values = parameters as (string | number | null)[];
          if (statement.columns().length > 0) return statement.all(...values) as Record<string, unknown>[];
          statement.run(...values);
          return [];
        } finally {
          db.close();
        }
      }
      return admin(postgresUrl, async (client) => {
        await client.query(`set search_path = ${schema}`);
        return (await client.query(sqlText, parameters)).rows as Record<string, unknown>[];
      });
    },
    async cleanup() {
      await Promise.all(stores.map((store) => store.close()));
      if (postgresUrl) {
        await admin(postgresUrl, async (client) => {
          await client.query(`drop schema if exists ${schema} cascade`);
        });
      }
      await rm(home, { recursive: true, force: true });
    },
  };
  return database;
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
