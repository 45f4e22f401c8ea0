import type { Kysely } from 'kysely';
import type { Engine } from './engine.ts';
import type { Database } from './schema.ts';
import type { Sealer } from './seal.ts';

/** What the repository functions share; `sealer` changes when the key is rotated. */
export interface StoreContext {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  sealer: Sealer;
  readonly now: () => number;
}

/** The context's clock as ISO 8601. */
export function isoNow(ctx: StoreContext): string {
  return new Date(ctx.now()).toISOString();
}

/** Optional text column → optional value. */
export function optional(value: string | null): string | undefined {
  return value ?? undefined;
}
