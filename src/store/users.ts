import { FlowportError } from '../errors.ts';
import { isoNow, optional, type StoreContext } from './context.ts';
import type { Database } from './schema.ts';
import { looksLikeToken, newApiToken, newId, tokenMatches } from './tokens.ts';
import type { ApiTokenInfo, NewTokenOptions, Role, User, UserPatch } from './types.ts';

/** `lastUsedAt` is written at most this often per token, so verifying is not a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** The longest a token can be given to live: ten years, the API's `expiresInDays` maximum. */
export const MAX_TOKEN_LIFETIME_DAYS = 3650;

const DAY_MS = 86_400_000;

type UserRow = Database['users'];
type TokenRow = Database['api_tokens'];

export async function createUser(ctx: StoreContext, name: string, role: Role): Promise<User> {
  const row: UserRow = { id: newId('usr'), name, role, created_at: isoNow(ctx), disabled_at: null };
  try {
    await ctx.db.insertInto('users').values(row).execute();
  } catch (cause) {
    if (ctx.engine.isUniqueViolation(cause)) {
      throw new FlowportError('CONFLICT', `A user named \`${name}\` exists already; choose another name.`, {
        cause,
      });
    }
    throw cause;
  }
  return toUser(row);
}

export async function getUser(ctx: StoreContext, id: string): Promise<User | undefined> {
  const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function listUsers(ctx: StoreContext): Promise<User[]> {
  const rows = await ctx.db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toUser);
}

/**
 * Changes a user's role or disables / enables them; undefined when there is no such user. A change
 * that would leave no enabled admin is refused with `CONFLICT`, in the same statement (so two such
 * changes cannot both pass a separate count). Disabling twice keeps the first time.
 */
export async function updateUser(ctx: StoreContext, id: string, patch: UserPatch): Promise<User | undefined> {
  const set: Partial<UserRow> = {};
  if (patch.role) set.role = patch.role;
  if (patch.disabled === false) set.disabled_at = null;
  const stepsDown = patch.role === 'maker' || patch.disabled === true;
  const result = await ctx.db
    .updateTable('users')
    .set((eb) => ({
      ...set,
      ...(patch.disabled === true && { disabled_at: eb.fn.coalesce('disabled_at', eb.val(isoNow(ctx))) }),
    }))
    .where('id', '=', id)
    .$if(stepsDown, (q) =>
      q.where((eb) =>
        eb.or([
          // Not an enabled admin now: nothing to keep.
          eb('role', '<>', 'admin'),
          eb('disabled_at', 'is not', null),
          eb.exists(
            eb
              .selectFrom('users as others')
              .select('others.id')
              .where('others.role', '=', 'admin')
              .where('others.disabled_at', 'is', null)
              .where('others.id', '<>', id),
          ),
        ]),
      ),
    )
    .executeTakeFirst();
  const user = await getUser(ctx, id);
  if (user && Number(result.numUpdatedRows) === 0) {
    throw new FlowportError(
      'CONFLICT',
      `\`${user.name}\` is the last enabled admin; make another user an admin first.`,
    );
  }
  return user;
}

export async function countUsers(ctx: StoreContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function createToken(
  ctx: StoreContext,
  userId: string,
  name: string,
  options: NewTokenOptions = {},
): Promise<{ token: string; info: ApiTokenInfo }> {
  const expiresAt = options.expiresAt === undefined ? null : checkTokenExpiry(options.expiresAt, ctx.now());
  if (!(await getUser(ctx, userId))) {
    throw new FlowportError('NOT_FOUND', `There is no user \`${userId}\`.`);
  }
  const { token, hash, prefix } = newApiToken();
  const row: TokenRow = {
    id: newId('tok'),
    user_id: userId,
    name,
    prefix,
    hash,
    created_at: isoNow(ctx),
    last_used_at: null,
    revoked_at: null,
    expires_at: expiresAt,
  };
  await ctx.db.insertInto('api_tokens').values(row).execute();
  return { token, info: toTokenInfo(row) };
}

export async function verifyToken(
  ctx: StoreContext,
  token: string,
): Promise<{ user: User; info: ApiTokenInfo } | undefined> {
  if (!looksLikeToken(token)) return undefined;
  // Candidates by the visible prefix, then the full hash compared in constant time.
  const candidates = await ctx.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select([
      'users.name as user_name',
      'users.role as user_role',
      'users.created_at as user_created_at',
      'users.disabled_at as user_disabled_at',
    ])
    .where('api_tokens.prefix', '=', token.slice(0, 8))
    .execute();
  let match: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    if (tokenMatches(candidate.hash, token)) match = candidate;
  }
  if (!match || match.revoked_at !== null || match.user_disabled_at !== null) return undefined;
  const now = ctx.now();
  if (isExpired(match.expires_at, now)) return undefined;
  let lastUsed = match.last_used_at;
  if (lastUsed === null || Date.parse(lastUsed) + LAST_USED_RESOLUTION_MS <= now) {
    lastUsed = new Date(now).toISOString();
    await ctx.db
      .updateTable('api_tokens')
      .set({ last_used_at: lastUsed })
      .where('id', '=', match.id)
      .execute();
  }
  const user = toUser({
    id: match.user_id,
    name: match.user_name,
    role: match.user_role,
    created_at: match.user_created_at,
    disabled_at: null,
  });
  return { user, info: toTokenInfo({ ...match, last_used_at: lastUsed }) };
}

export async function listTokens(ctx: StoreContext, userId: string): Promise<ApiTokenInfo[]> {
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toTokenInfo);
}

/** True when the token exists (and is `userId`'s when given); revoking twice keeps the first time. */
export async function revokeToken(
  ctx: StoreContext,
  tokenId: string,
  userId: string | undefined,
): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .select(['id', 'revoked_at'])
    .where('id', '=', tokenId)
    .$if(userId !== undefined, (q) => q.where('user_id', '=', userId ?? ''))
    .executeTakeFirst();
  if (!row) return false;
  if (row.revoked_at === null) {
    await ctx.db
      .updateTable('api_tokens')
      .set({ revoked_at: isoNow(ctx) })
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .execute();
  }
  return true;
}

/** Whether a token's `expires_at` has passed at `now` (epoch ms); a token without one never expires. */
export function isExpired(expiresAt: string | null | undefined, now: number): boolean {
  return expiresAt != null && Date.parse(expiresAt) <= now;
}

/**
 * A token expiry as stored (ISO 8601 in UTC, milliseconds); `TOKEN_EXPIRY_INVALID` when it is not an
 * ISO 8601 date-time with an offset, not after `now` (epoch ms) or more than
 * `MAX_TOKEN_LIFETIME_DAYS` ahead.
 * @example checkTokenExpiry('2027-01-31T12:00:00+01:00', Date.now()) // '2027-01-31T11:00:00.000Z'
 */
export function checkTokenExpiry(expiresAt: string, now: number): string {
  // Date.parse takes more than ISO 8601 (`Jan 31 2027`), and rolls `02-30` over into March.
  const parts = /^(\d{4})-(\d\d)-(\d\d)T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.exec(expiresAt);
  const day = Number(parts?.[3]);
  const time =
    parts && new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, day)).getUTCDate() === day
      ? Date.parse(expiresAt)
      : Number.NaN;
  if (Number.isNaN(time)) {
    throw new FlowportError(
      'TOKEN_EXPIRY_INVALID',
      `The token expiry \`${expiresAt}\` is not an ISO 8601 date-time; give one like \`2027-01-31T00:00:00Z\`.`,
    );
  }
  if (time <= now) {
    throw new FlowportError(
      'TOKEN_EXPIRY_INVALID',
      `The token expiry \`${expiresAt}\` is not in the future; give a later date-time, or none for a token that does not expire.`,
    );
  }
  if (time > now + MAX_TOKEN_LIFETIME_DAYS * DAY_MS) {
    throw new FlowportError(
      'TOKEN_EXPIRY_INVALID',
      `The token expiry \`${expiresAt}\` is more than ${MAX_TOKEN_LIFETIME_DAYS} days ahead; give an earlier date-time, or none for a token that does not expire.`,
    );
  }
  return new Date(time).toISOString();
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role === 'admin' ? 'admin' : 'maker',
    createdAt: row.created_at,
    disabledAt: optional(row.disabled_at),
  };
}

function toTokenInfo(row: TokenRow): ApiTokenInfo {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: optional(row.last_used_at),
    revokedAt: optional(row.revoked_at),
    expiresAt: optional(row.expires_at),
  };
}
