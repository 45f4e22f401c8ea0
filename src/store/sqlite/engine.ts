import { DatabaseSync } from 'node:sqlite';
import { Kysely } from 'kysely';
import { FlowportError } from '../../errors.ts';
import type { Engine } from '../engine.ts';
import type { Database } from '../schema.ts';
import { NodeSqliteDialect } from './dialect.ts';

/** How long a write waits for another process's transaction before failing (milliseconds). */
export const SQLITE_BUSY_TIMEOUT = 5_000;

/** Opens (creating when absent) the SQLite file `file` in WAL mode. */
export function openEngine(file: string): Engine {
  let database: DatabaseSync;
  try {
    database = new DatabaseSync(file, { timeout: SQLITE_BUSY_TIMEOUT, enableForeignKeyConstraints: true });
    database.exec('pragma journal_mode = wal');
    // WAL with synchronous=normal is durable across application crashes; a power loss can lose the
    // last transactions but never corrupts the file (https://sqlite.org/wal.html).
    database.exec('pragma synchronous = normal');
    // From here busy waits are done by the dialect, asynchronously: SQLite's own handler blocks the
    // event loop, and in one process could starve the very transaction holding the lock.
    database.exec('pragma busy_timeout = 0');
  } catch (cause) {
    throw new FlowportError(
      'STORE_UNAVAILABLE',
      `The SQLite database \`${file}\` cannot be opened: ${message(cause)}`,
      {
        cause,
      },
    );
  }
  const db = new Kysely<Database>({
    dialect: new NodeSqliteDialect(database, { busyTimeout: SQLITE_BUSY_TIMEOUT }),
  });
  return {
    name: 'sqlite',
    db,
    bytesType: 'blob',
    lockRows: false,
    // The migration transaction starts with `begin immediate`, which already excludes other writers.
    async lockMigrations() {},
    isUniqueViolation(error) {
      return (
        error instanceof Error &&
        'errcode' in error &&
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
        (error.errcode === 2067 || error.errcode === 1555)
      );
    },
    async close() {
      await db.destroy();
    },
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
