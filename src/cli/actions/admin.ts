import { FlowportError } from '../../errors.ts';
import { openStore } from '../../store/open.ts';
import { formatSecretKey, generateSecretKey, rotateSecretKey } from '../../store/secret-key.ts';
import type { Role, Store } from '../../store/types.ts';
import { isExpired } from '../../store/users.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { flowportHome } from '../home.ts';
import { parseExpires } from '../token-expiry.ts';

/** Flags of the commands that work on the store directly (on the machine that runs the server). */
export interface StoreFlags {
  home?: string;
  databaseUrl?: string;
}

async function withStore<T>(flags: StoreFlags, fn: (store: Store, home: string) => Promise<T>): Promise<T> {
  const home = flowportHome(flags.home);
  const databaseUrl = flags.databaseUrl ?? process.env.FLOWPORT_DATABASE_URL;
  const store = await openStore({ home, ...(databaseUrl && { databaseUrl }) });
  try {
    return await fn(store, home);
  } finally {
    await store.close();
  }
}

export interface TokenCreateFlags extends StoreFlags {
  user: string;
  role?: Role;
  name: string;
  /** `30d`, `12h`, `2027-01-31` or an ISO date-time; none: the token never expires. */
  expires?: string;
}

/** `flowport token create`: a token for a user, creating the user (maker by default) when new. */
export async function tokenCreate(flags: TokenCreateFlags, io: Io): Promise<number> {
  // Read before the store is opened or a user created, so a bad value changes nothing.
  const expiresAt = flags.expires === undefined ? undefined : parseExpires(flags.expires, Date.now());
  return withStore(flags, async (store) => {
    let user = (await store.listUsers()).find((u) => u.name === flags.user);
    if (!user) user = await store.createUser(flags.user, flags.role ?? 'maker');
    else if (flags.role && flags.role !== user.role)
      throw new FlowportError(
        'USAGE',
        `User \`${user.name}\` exists with role \`${user.role}\`; roles are not changed here.`,
      );
    const { token, info } = await store.createToken(user.id, flags.name, {
      ...(expiresAt !== undefined && { expiresAt }),
    });
    io.stdout.write(`${token}\n`);
    const expiry = info.expiresAt ? `expires ${info.expiresAt.slice(0, 19)}Z` : 'never expires';
    io.stderr.write(
      `flowport: token ${info.id} (${info.prefix}…) for ${user.name} (${user.role}), ${expiry}; it is shown only once.\n`,
    );
    if (user.disabledAt)
      io.stderr.write(
        `flowport: ${user.name} is disabled (since ${user.disabledAt.slice(0, 19)}): the token is refused until an admin enables them (console Users page, or PATCH /api/v1/users/${user.id} with {"disabled": false}).\n`,
      );
    return EXIT.ok;
  });
}

export async function tokenList(flags: StoreFlags & { user?: string }, io: Io): Promise<number> {
  return withStore(flags, async (store) => {
    const users = (await store.listUsers()).filter((u) => !flags.user || u.name === flags.user);
    const now = Date.now();
    const lines = [
      'id                                    user         role    name                 prefix    created               last used             expires                       revoked',
    ];
    for (const user of users)
      for (const t of await store.listTokens(user.id))
        lines.push(
          [
            t.id.padEnd(37),
            user.name.padEnd(12),
            (user.disabledAt ? `${user.role}, disabled` : user.role).padEnd(7),
            t.name.padEnd(20),
            `${t.prefix}…`.padEnd(9),
            t.createdAt.slice(0, 19).padEnd(21),
            (t.lastUsedAt ?? '—').slice(0, 19).padEnd(21),
            expiryCell(t.expiresAt, now).padEnd(29),
            (t.revokedAt ?? '—').slice(0, 19),
          ].join(' '),
        );
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  });
}

/** `never`, the expiry (UTC), or the expiry marked `(expired)` once it has passed. */
function expiryCell(expiresAt: string | undefined, now: number): string {
  if (expiresAt === undefined) return 'never';
  return `${expiresAt.slice(0, 19)}${isExpired(expiresAt, now) ? ' (expired)' : ''}`;
}

export async function tokenRevoke(id: string, flags: StoreFlags, io: Io): Promise<number> {
  return withStore(flags, async (store) => {
    const ok = await store.revokeToken(id, undefined);
    if (!ok) throw new FlowportError('USAGE', `No token \`${id}\`; \`flowport token list\` shows them.`);
    io.stdout.write(`flowport: token ${id} revoked.\n`);
    return EXIT.ok;
  });
}

/**
 * `flowport keys rotate`: re-seals every secret with a new key. With the key in `FLOWPORT_SECRET_KEY`
 * the new key is printed for the operator to put there; otherwise it replaces `secret.key`.
 */
export async function keysRotate(flags: StoreFlags, io: Io): Promise<number> {
  return withStore(flags, async (store, home) => {
    const fromEnv = process.env.FLOWPORT_SECRET_KEY !== undefined && process.env.FLOWPORT_SECRET_KEY !== '';
    const key = generateSecretKey();
    const { count, keyId, path } = await rotateSecretKey(store, home, { key });
    io.stdout.write(`flowport: ${count} secret values re-sealed with key ${keyId}; written to ${path}.\n`);
    if (fromEnv)
      io.stdout.write(
        `FLOWPORT_SECRET_KEY is set: replace its value with the new key before the next start:\n${formatSecretKey(key)}\n`,
      );
    io.stdout.write('Restart every `flowport serve` process that shares this store.\n');
    return EXIT.ok;
  });
}
