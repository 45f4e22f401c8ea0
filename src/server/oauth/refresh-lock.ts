/**
 * The lock a token refresh runs under, so that one refresh happens per connection even when several
 * `flowport serve` processes share one Postgres. Inside the lock the stored tokens are read again: a
 * process that waited finds the tokens another one stored and does not refresh.
 */
import pg from 'pg';
import { RefreshRefusedError } from '../../runtime/connection/token-provider.ts';

export interface RefreshLock {
  /** Runs `fn` while no other holder of the same `key` runs (in this process, or in every process). */
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** Serialises holders of a key within this process: enough for the embedded SQLite store. */
export function processRefreshLock(): RefreshLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run: async function runLocally<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const before = tails.get(key) ?? Promise.resolve();
      const mine = before.catch(() => undefined).then(fn);
      const tail = mine.catch(() => undefined);
      tails.set(key, tail);
      try {
        return await mine;
      } finally {
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}

/** The parts of a `pg` pool client the lock uses. */
export interface PgClientLike {
  query(text: string, values?: unknown[]): Promise<unknown>;
  release(error?: Error | boolean): void;
}

/** The part of a `pg.Pool` the lock uses. */
export interface PgPoolLike {
  connect(): Promise<PgClientLike>;
}

export interface PostgresRefreshLockOptions {
  /** Longest wait for another process's refresh, in milliseconds (default 30 000). */
  readonly timeoutMs?: number;
}

/**
 * A transaction-scoped Postgres advisory lock (`pg_advisory_xact_lock`) on a hash of the key, held on
 * one pooled connection while `fn` runs. It is released at commit or rollback, and by Postgres when
 * the process dies mid-refresh (its session ends), so a crash never leaves a connection locked.
 *
 * @example
 * const lock = postgresRefreshLock(new pg.Pool({ connectionString: process.env.FLOWPORT_DATABASE_URL }));
 */
export function postgresRefreshLock(pool: PgPoolLike, options: PostgresRefreshLockOptions = {}): RefreshLock {
  const timeoutMs = Math.max(1, Math.floor(options.timeoutMs ?? 30_000));
  return {
    run: async function runUnderAdvisoryLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('lock_timeout', $1, true)`, [`${timeoutMs}ms`]);
        try {
          await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
            `flowport:oauth-refresh:${key}`,
          ]);
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          // 55P03 lock_not_available: `lock_timeout` ran out while another process held the lock.
          if ((error as { code?: unknown } | null)?.code !== '55P03') throw error;
          throw new RefreshRefusedError(
            `Another server process has been refreshing this connection's OAuth token for over ${timeoutMs} ms; try again.`,
            false,
          );
        }
        try {
          const result = await fn();
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch((e: unknown) => {
            broken = e instanceof Error ? e : new Error('ROLLBACK failed');
          });
          throw error;
        }
      } finally {
        client.release(broken);
      }
    },
  };
}

/** A lock and what to close at shutdown. */
export interface OwnedRefreshLock {
  readonly lock: RefreshLock;
  close(): Promise<void>;
}

/**
 * The lock for a server's store: Postgres advisory locks on a small pool of its own when
 * `databaseUrl` is set (several processes may share it), else the in-process lock (SQLite).
 *
 * @example
 * const refresh = refreshLockFor(process.env.FLOWPORT_DATABASE_URL);
 * const tokenProviders = storedTokenProviders(deps, { lock: refresh.lock });
 * // at shutdown: await refresh.close();
 */
export function refreshLockFor(
  databaseUrl: string | undefined,
  options: PostgresRefreshLockOptions = {},
): OwnedRefreshLock {
  if (databaseUrl === undefined || databaseUrl === '')
    return { lock: processRefreshLock(), close: async () => {} };
  // Each waiting process holds one connection while it waits; refreshes are rare, so 4 are plenty.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => {});
  return { lock: postgresRefreshLock(pool, options), close: () => pool.end() };
}
