import { sql, type Transaction } from 'kysely';
import { FlowportError } from '../errors.ts';
import type { Engine } from './engine.ts';
import type { Database } from './schema.ts';

/** One schema change. `up` runs inside the migration transaction, with the others of the same start. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(trx: Transaction<Database>, engine: Engine): Promise<void>;
}

/**
 * Applies the migrations the database has not seen, all in one transaction: on Postgres after an
 * advisory lock (so concurrent starts wait for each other), on SQLite under `begin immediate`.
 * Returns the versions applied (empty when the schema is current).
 */
export async function migrate(
  engine: Engine,
  migrations: readonly Migration[],
  now: () => number,
): Promise<number[]> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  let current: Migration | undefined;
  try {
    return await engine.db.transaction().execute(async (trx) => {
      await engine.lockMigrations(trx);
      await trx.schema
        .createTable('flowport_migrations')
        .ifNotExists()
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
      const rows = await trx.selectFrom('flowport_migrations').select(['version']).execute();
      const applied = new Set(rows.map((row) => Number(row.version)));
      const newest = Math.max(0, ...applied);
      const known = ordered.at(-1)?.version ?? 0;
      if (newest > known) {
        throw new FlowportError(
          'STORE_MIGRATION_FAILED',
          `The database has schema version ${newest}, newer than this flowport knows (${known}); upgrade flowport.`,
        );
      }
      const done: number[] = [];
      for (const migration of ordered) {
        if (applied.has(migration.version)) continue;
        current = migration;
        await migration.up(trx, engine);
        await trx
          .insertInto('flowport_migrations')
          .values({
            version: migration.version,
            name: migration.name,
            applied_at: new Date(now()).toISOString(),
          })
          .execute();
        done.push(migration.version);
      }
      current = undefined;
      return done;
    });
  } catch (cause) {
    if (cause instanceof FlowportError) throw cause;
    const which = current ? `Migration ${pad(current.version)}-${current.name}` : 'The migration table';
    throw new FlowportError(
      'STORE_MIGRATION_FAILED',
      `${which} failed on ${engine.name} and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

/** The schema version of the database (0 before the first migration). */
export async function schemaVersion(engine: Engine): Promise<number> {
  const { rows } = await sql<{
    version: number | null;
  }>`select max(version) as version from flowport_migrations`.execute(engine.db);
  return Number(rows[0]?.version ?? 0);
}

function pad(version: number): string {
  return String(version).padStart(3, '0');
}
