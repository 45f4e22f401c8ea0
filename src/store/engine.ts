import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** What differs between the engines; everything else is shared Kysely code. */
export interface Engine {
  readonly name: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  /** Column type for file bytes. */
  readonly bytesType: 'blob' | 'bytea';
  /** Whether `select … for update` exists (SQLite serialises writers with `begin immediate` instead). */
  readonly lockRows: boolean;
  /** Called first inside the migration transaction: only one process migrates at a time. */
  lockMigrations(trx: Transaction<Database>): Promise<void>;
  /** Whether an error is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  close(): Promise<void>;
}
