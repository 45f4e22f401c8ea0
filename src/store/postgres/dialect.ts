import { PostgresDialect } from 'kysely';
import pg from 'pg';

/** Connections per process; `flowport serve` is I/O bound and scales out by processes. */
export const POSTGRES_POOL_SIZE = 10;

/**
 * Kysely's Postgres dialect over a `pg` pool for `url` (`postgres://…`; a `?options=-c search_path=…`
 * query selects a schema).
 */
export function createDialect(url: string): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: POSTGRES_POOL_SIZE,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client that loses its server emits `error` on the pool; without a listener Node exits.
  // The next query gets a fresh client, and its failure reaches the caller.
  pool.on('error', () => {});
  return { dialect: new PostgresDialect({ pool }), pool };
}
