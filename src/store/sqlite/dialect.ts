import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { setTimeout as delay } from 'node:timers/promises';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely dialect over `node:sqlite`'s `DatabaseSync` (no native addon). Differs from Kysely's
 * better-sqlite3 `SqliteDialect` in three ways: transactions open with `begin immediate`, so
 * a writer takes the lock before it reads and never fails on a lock upgrade; a statement that finds the
 * database locked by another connection is retried asynchronously for up to `busyTimeout`; and
 * prepared statements are cached by SQL text. There is one connection; Kysely hands it to one
 * query or transaction at a time because `SqliteAdapter.supportsMultipleConnections` is false.
 * @example
 * const db = new Kysely<Database>({ dialect: new NodeSqliteDialect(new DatabaseSync(file)) });
 */
export class NodeSqliteDialect implements Dialect {
  readonly #database: DatabaseSync;
  readonly #busyTimeout: number;

  /** `busyTimeout`: how long a statement waits for another connection's write lock (milliseconds). */
  constructor(database: DatabaseSync, options: { busyTimeout?: number } = {}) {
    this.#database = database;
    this.#busyTimeout = options.busyTimeout ?? 5_000;
  }

  createDriver(): Driver {
    return new NodeSqliteDriver(this.#database, this.#busyTimeout);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

class NodeSqliteDriver implements Driver {
  readonly #database: DatabaseSync;
  readonly #connection: NodeSqliteConnection;

  constructor(database: DatabaseSync, busyTimeout: number) {
    this.#database = database;
    this.#connection = new NodeSqliteConnection(database, busyTimeout);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {}

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    if (this.#database.isOpen) this.#database.close();
  }
}

class NodeSqliteConnection implements DatabaseConnection {
  readonly #database: DatabaseSync;
  readonly #busyTimeout: number;
  readonly #statements = new Map<string, { statement: StatementSync; reader: boolean }>();

  constructor(database: DatabaseSync, busyTimeout: number) {
    this.#database = database;
    this.#busyTimeout = busyTimeout;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const deadline = Date.now() + this.#busyTimeout;
    for (let attempt = 0; ; attempt++) {
      try {
        return this.#execute<R>(query);
      } catch (error) {
        // Another connection holds the write lock. Outside a transaction the statement had no effect,
        // so wait without blocking the event loop (SQLite's own busy handler would block it, and could
        // starve a transaction of this very process that holds the lock) and try again.
        if (!isBusy(error) || this.#database.isTransaction || Date.now() >= deadline) throw error;
        await delay(Math.min(2 ** attempt, 50));
      }
    }
  }

  #execute<R>(query: CompiledQuery): QueryResult<R> {
    const { statement, reader } = this.#prepare(query.sql);
    const parameters = query.parameters.map(toSqlite);
    if (reader) return { rows: statement.all(...parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { statement } = this.#prepare(query.sql);
    for (const row of statement.iterate(...query.parameters.map(toSqlite))) {
      yield { rows: [row as R] };
    }
  }

  #prepare(sql: string): { statement: StatementSync; reader: boolean } {
    const cached = this.#statements.get(sql);
    if (cached) return cached;
    const statement = this.#database.prepare(sql);
    // A statement returns rows when it has result columns (selects, and writes with `returning`).
    const entry = { statement, reader: statement.columns().length > 0 };
    if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    this.#statements.set(sql, entry);
    return entry;
  }
}

/** SQLITE_BUSY and its extended codes. */
function isBusy(error: unknown): boolean {
  return (
    error instanceof Error &&
    'errcode' in error &&
    typeof error.errcode === 'number' &&
    (error.errcode & 0xff) === 5
  );
}

function toSqlite(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') return value;
  if (ArrayBuffer.isView(value)) return value as NodeJS.ArrayBufferView;
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`A ${typeof value} cannot be a SQLite parameter.`);
}
