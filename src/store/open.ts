import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FlowportError } from '../errors.ts';
import type { StoreContext } from './context.ts';
import type { Engine } from './engine.ts';
import { checkKey } from './keys.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { openEngine as openPostgres } from './postgres/engine.ts';
import { createSealer, keyIdOf } from './seal.ts';
import { loadSecretKey, readKeyFile, SECRET_KEY_FILE } from './secret-key.ts';
import { openEngine as openSqlite } from './sqlite/engine.ts';
import { createStore } from './store.ts';
import type { Store } from './types.ts';

/** The SQLite file's name under `$FLOWPORT_HOME`. */
export const SQLITE_FILE = 'flowport.db';

export interface OpenStoreOptions {
  /** `postgres://…` (or `postgresql://…`); undefined: SQLite in `<home>/flowport.db`. */
  readonly databaseUrl?: string;
  /** `$FLOWPORT_HOME`: the SQLite file and `secret.key` live here. */
  readonly home: string;
  /** The 32-byte sealing key; default `FLOWPORT_SECRET_KEY`, else `<home>/secret.key` (created on first start). */
  readonly key?: Uint8Array;
  /** Clock in epoch milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Opens the store: connects, runs the pending migrations, loads the key and checks that it opens the
 * database's secrets.
 * @example
 * const store = await openStore({ home: '/home/me/.flowport' });
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const now = options.now ?? Date.now;
  const key = options.key ?? (await loadSecretKey({ home: options.home, env: process.env })).key;
  const sealer = createSealer(key);
  const engine = await openEngine(options);
  try {
    await migrate(engine, migrations, now);
    const ctx: StoreContext = { engine, db: engine.db, sealer, now };
    const check = await checkKey(ctx);
    if (!check.matches) throw await wrongKey(options.home, sealer.keyId, check.databaseKeyId);
    return createStore(ctx);
  } catch (error) {
    await engine.close().catch(() => {});
    throw error;
  }
}

async function openEngine(options: OpenStoreOptions): Promise<Engine> {
  const url = options.databaseUrl;
  if (url === undefined || url === '') {
    await mkdir(options.home, { recursive: true, mode: 0o700 });
    return openSqlite(join(options.home, SQLITE_FILE));
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url);
  throw new FlowportError(
    'CONFIG_INVALID',
    '`FLOWPORT_DATABASE_URL` must start with `postgres://`; leave it unset to use the SQLite file.',
  );
}

/** The error for a key that does not open the database, naming a leftover key file that does. */
async function wrongKey(
  home: string,
  keyId: string,
  databaseKeyId: string | undefined,
): Promise<FlowportError> {
  for (const name of [`${SECRET_KEY_FILE}.new`, `${SECRET_KEY_FILE}.old`]) {
    const path = join(home, name);
    const candidate = await readKeyFile(path).catch(() => undefined);
    if (candidate && keyIdOf(candidate) === databaseKeyId) {
      return new FlowportError(
        'SECRET_KEY_INVALID',
        `The secret key \`${keyId}\` does not open this database (sealed with \`${databaseKeyId}\`), but \`${path}\` does; a key rotation was interrupted: move it to \`${join(home, SECRET_KEY_FILE)}\`.`,
      );
    }
  }
  return new FlowportError(
    'SECRET_KEY_INVALID',
    `The secret key \`${keyId}\` does not open this database (sealed with \`${databaseKeyId ?? 'an unknown key'}\`); set \`FLOWPORT_SECRET_KEY\` or \`secret.key\` to the key the database was sealed with.`,
  );
}
