import { FlowportError } from '../errors.ts';
import { isoNow, optional, type StoreContext } from './context.ts';
import { type Database, sealContext } from './schema.ts';
import { newId } from './tokens.ts';
import type {
  ConnectionInfo,
  ConnectionPatch,
  ConnectionStatus,
  NewConnection,
  OAuthTokens,
} from './types.ts';

type ConnectionRow = Database['connections'];

export async function createConnection(ctx: StoreContext, input: NewConnection): Promise<ConnectionInfo> {
  const [owner, connector] = await Promise.all([
    ctx.db.selectFrom('users').select('id').where('id', '=', input.ownerId).executeTakeFirst(),
    ctx.db.selectFrom('connectors').select('id').where('id', '=', input.connectorId).executeTakeFirst(),
  ]);
  if (!owner) throw new FlowportError('NOT_FOUND', `There is no user \`${input.ownerId}\`.`);
  if (!connector) throw new FlowportError('NOT_FOUND', `There is no connector \`${input.connectorId}\`.`);
  const id = newId('con');
  const now = isoNow(ctx);
  const row: ConnectionRow = {
    id,
    owner_id: input.ownerId,
    connector_id: input.connectorId,
    name: input.name,
    parameter_set: input.parameterSet ?? null,
    parameter_values: JSON.stringify(input.values),
    ...sealSecrets(ctx, id, input.secrets),
    status: input.status,
    status_reason: null,
    tokens: null,
    token_expires_at: null,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.insertInto('connections').values(row).execute();
  return toInfo(row);
}

export async function getConnection(
  ctx: StoreContext,
  id: string,
  ownerId: string | undefined,
): Promise<ConnectionInfo | undefined> {
  const row = await ctx.db
    .selectFrom('connections')
    .selectAll()
    .where('id', '=', id)
    .$if(ownerId !== undefined, (q) => q.where('owner_id', '=', ownerId ?? ''))
    .executeTakeFirst();
  return row && toInfo(row);
}

/** Oldest first. */
export async function listConnections(
  ctx: StoreContext,
  ownerId: string,
  connectorId: string | undefined,
): Promise<ConnectionInfo[]> {
  const rows = await ctx.db
    .selectFrom('connections')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .$if(connectorId !== undefined, (q) => q.where('connector_id', '=', connectorId ?? ''))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toInfo);
}

/**
 * Applies `patch`: `values` replaces the non-secret values; `secrets` merges (null removes one);
 * giving `status` replaces `statusReason` too (cleared unless given), so a reconnected connection
 * does not keep its old failure.
 */
export async function updateConnection(
  ctx: StoreContext,
  id: string,
  ownerId: string | undefined,
  patch: ConnectionPatch,
): Promise<ConnectionInfo | undefined> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('connections')
      .selectAll()
      .where('id', '=', id)
      .$if(ownerId !== undefined, (q) => q.where('owner_id', '=', ownerId ?? ''))
      .$if(ctx.engine.lockRows, (q) => q.forUpdate())
      .executeTakeFirst();
    if (!row) return undefined;
    const next: ConnectionRow = { ...row, updated_at: isoNow(ctx) };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.values !== undefined) next.parameter_values = JSON.stringify(patch.values);
    if (patch.secrets !== undefined) {
      const secrets: Record<string, string> = { ...openSecrets(ctx, row) };
      for (const [name, value] of Object.entries(patch.secrets)) {
        if (value === null) delete secrets[name];
        else secrets[name] = value;
      }
      Object.assign(next, sealSecrets(ctx, id, secrets));
    }
    if (patch.status !== undefined) {
      next.status = patch.status;
      next.status_reason = patch.statusReason ?? null;
    } else if (patch.statusReason !== undefined) {
      next.status_reason = patch.statusReason;
    }
    await trx
      .updateTable('connections')
      .set({
        name: next.name,
        parameter_values: next.parameter_values,
        secret_names: next.secret_names,
        secrets: next.secrets,
        status: next.status,
        status_reason: next.status_reason,
        updated_at: next.updated_at,
      })
      .where('id', '=', id)
      .execute();
    return toInfo(next);
  });
}

export async function deleteConnection(
  ctx: StoreContext,
  id: string,
  ownerId: string | undefined,
): Promise<boolean> {
  const result = await ctx.db
    .deleteFrom('connections')
    .where('id', '=', id)
    .$if(ownerId !== undefined, (q) => q.where('owner_id', '=', ownerId ?? ''))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function connectionSecrets(
  ctx: StoreContext,
  id: string,
): Promise<Readonly<Record<string, string>>> {
  const row = await ctx.db
    .selectFrom('connections')
    .select(['id', 'secrets'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new FlowportError('NOT_FOUND', `There is no connection \`${id}\`.`);
  return openSecrets(ctx, row);
}

export async function setTokens(
  ctx: StoreContext,
  connectionId: string,
  tokens: OAuthTokens | undefined,
): Promise<void> {
  const sealed =
    tokens === undefined
      ? null
      : ctx.sealer.seal(JSON.stringify(tokens), sealContext('connections', 'tokens', connectionId));
  const expiresAt = tokens?.expiresAt === undefined ? null : new Date(tokens.expiresAt).toISOString();
  const result = await ctx.db
    .updateTable('connections')
    .set({ tokens: sealed, token_expires_at: expiresAt, updated_at: isoNow(ctx) })
    .where('id', '=', connectionId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    throw new FlowportError('NOT_FOUND', `There is no connection \`${connectionId}\`.`);
  }
}

export async function getTokens(ctx: StoreContext, connectionId: string): Promise<OAuthTokens | undefined> {
  const row = await ctx.db
    .selectFrom('connections')
    .select('tokens')
    .where('id', '=', connectionId)
    .executeTakeFirst();
  if (!row || row.tokens === null) return undefined;
  const parsed = JSON.parse(
    ctx.sealer.open(row.tokens, sealContext('connections', 'tokens', connectionId)),
  ) as Partial<OAuthTokens>;
  // JSON drops undefined members; give them back so callers see the declared shape.
  return {
    accessToken: parsed.accessToken ?? '',
    refreshToken: parsed.refreshToken,
    expiresAt: parsed.expiresAt,
    tokenType: parsed.tokenType,
    scope: parsed.scope,
  };
}

function sealSecrets(
  ctx: StoreContext,
  id: string,
  secrets: Readonly<Record<string, string>>,
): Pick<ConnectionRow, 'secrets' | 'secret_names'> {
  const names = Object.keys(secrets).sort();
  return {
    secret_names: JSON.stringify(names),
    secrets:
      names.length === 0
        ? null
        : ctx.sealer.seal(JSON.stringify(secrets), sealContext('connections', 'secrets', id)),
  };
}

function openSecrets(ctx: StoreContext, row: Pick<ConnectionRow, 'id' | 'secrets'>): Record<string, string> {
  if (row.secrets === null) return {};
  return JSON.parse(ctx.sealer.open(row.secrets, sealContext('connections', 'secrets', row.id))) as Record<
    string,
    string
  >;
}

function toInfo(row: ConnectionRow): ConnectionInfo {
  return {
    id: row.id,
    ownerId: row.owner_id,
    connectorId: row.connector_id,
    name: row.name,
    parameterSet: optional(row.parameter_set),
    values: JSON.parse(row.parameter_values) as Record<string, string>,
    secretsSet: JSON.parse(row.secret_names) as string[],
    status: row.status as ConnectionStatus,
    statusReason: optional(row.status_reason),
    hasTokens: row.tokens !== null,
    tokenExpiresAt: optional(row.token_expires_at),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
