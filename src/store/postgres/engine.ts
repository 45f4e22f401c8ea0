import { Kysely, sql } from 'kysely';
import { FlowportError } from '../../errors.ts';
import type { Engine } from '../engine.ts';
import type { Database } from '../schema.ts';
import { createDialect } from './dialect.ts';

/** Opens a pool on `url` and checks that the database answers. */
export async function openEngine(url: string): Promise<Engine> {
  const { dialect } = createDialect(url);
  const db = new Kysely<Database>({ dialect });
  try {
    await sql`select 1`.execute(db);
  } catch (cause) {
    await db.destroy().catch(() => {});
    throw new FlowportError(
      'STORE_UNAVAILABLE',
      `Postgres at \`${redact(url)}\` cannot be reached: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  return {
    name: 'postgres',
    db,
    bytesType: 'bytea',
    lockRows: true,
    async lockMigrations(trx) {
      // Transaction-scoped, keyed by schema: two processes starting at once migrate one after the other.
      await sql`select pg_advisory_xact_lock(hashtext('flowport.migrate.' || current_schema()))`.execute(trx);
    },
    isUniqueViolation(error) {
      return error instanceof Error && 'code' in error && error.code === '23505';
    },
    async close() {
      await db.destroy();
    },
  };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
