import type { JsonValue } from '../connector/json.ts';
import { isoNow, optional, type StoreContext } from './context.ts';
import { type Database, sealContext } from './schema.ts';
import { insertEvents } from './trigger-events.ts';
import type {
  DeliveryCounts,
  NewSubscription,
  NewTriggerEvent,
  SubscriptionKind,
  SubscriptionPatch,
  SubscriptionRecord,
  SubscriptionStatus,
  TriggerEventRecord,
} from './trigger-types.ts';

type Row = Database['trigger_subscriptions'];

export async function createSubscription(
  ctx: StoreContext,
  input: NewSubscription,
): Promise<SubscriptionRecord> {
  const now = isoNow(ctx);
  const row: Row = {
    id: input.id,
    owner_id: input.ownerId,
    connection_id: input.connectionId,
    connector_id: input.connectorId,
    operation_id: input.operationId,
    kind: input.kind,
    arguments: JSON.stringify(input.arguments),
    callback_hash: input.callbackHash ?? null,
    delivery_id_header: input.deliveryIdHeader ?? null,
    sink_url: input.sinkUrl ?? null,
    signing_secret:
      input.signingSecret === undefined
        ? null
        : ctx.sealer.seal(
            input.signingSecret,
            sealContext('trigger_subscriptions', 'signing_secret', input.id),
          ),
    interval_seconds: input.intervalSeconds,
    backfill: input.backfill ? 1 : 0,
    state: input.state === undefined ? null : JSON.stringify(input.state),
    status: input.status,
    status_reason: input.statusReason ?? null,
    next_poll_at: input.nextPollAt ?? null,
    lease_owner: null,
    lease_until: null,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.insertInto('trigger_subscriptions').values(row).execute();
  return toRecord(row);
}

export async function getSubscription(
  ctx: StoreContext,
  id: string,
  ownerId: string | undefined,
): Promise<SubscriptionRecord | undefined> {
  const row = await ctx.db
    .selectFrom('trigger_subscriptions')
    .selectAll()
    .where('id', '=', id)
    .$if(ownerId !== undefined, (q) => q.where('owner_id', '=', ownerId ?? ''))
    .executeTakeFirst();
  return row && toRecord(row);
}

/** Oldest first. */
export async function listSubscriptions(
  ctx: StoreContext,
  ownerId: string,
  filter: { readonly connectionId?: string } = {},
): Promise<SubscriptionRecord[]> {
  const rows = await ctx.db
    .selectFrom('trigger_subscriptions')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .$if(filter.connectionId !== undefined, (q) => q.where('connection_id', '=', filter.connectionId ?? ''))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

export async function subscriptionsOfConnection(
  ctx: StoreContext,
  connectionId: string,
): Promise<SubscriptionRecord[]> {
  const rows = await ctx.db
    .selectFrom('trigger_subscriptions')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .orderBy('created_at')
    .execute();
  return rows.map(toRecord);
}

export async function updateSubscription(
  ctx: StoreContext,
  id: string,
  patch: SubscriptionPatch,
): Promise<SubscriptionRecord | undefined> {
  const set: Partial<Row> = { updated_at: isoNow(ctx) };
  if (patch.arguments !== undefined) set.arguments = JSON.stringify(patch.arguments);
  if (patch.intervalSeconds !== undefined) set.interval_seconds = patch.intervalSeconds;
  if (patch.state !== undefined) set.state = JSON.stringify(patch.state);
  if (patch.callbackHash !== undefined) set.callback_hash = patch.callbackHash;
  if (patch.status !== undefined) {
    set.status = patch.status;
    set.status_reason = patch.statusReason ?? null;
  } else if (patch.statusReason !== undefined) {
    set.status_reason = patch.statusReason;
  }
  if (patch.nextPollAt !== undefined) set.next_poll_at = patch.nextPollAt;
  if (patch.clearLease) {
    set.lease_owner = null;
    set.lease_until = null;
  }
  const row = await ctx.db
    .updateTable('trigger_subscriptions')
    .set(set)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toRecord(row);
}

export async function deleteSubscription(
  ctx: StoreContext,
  id: string,
  ownerId: string | undefined,
): Promise<boolean> {
  const result = await ctx.db
    .deleteFrom('trigger_subscriptions')
    .where('id', '=', id)
    .$if(ownerId !== undefined, (q) => q.where('owner_id', '=', ownerId ?? ''))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function subscriptionSigningSecret(ctx: StoreContext, id: string): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('trigger_subscriptions')
    .select('signing_secret')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row?.signing_secret) return undefined;
  return ctx.sealer.open(row.signing_secret, sealContext('trigger_subscriptions', 'signing_secret', id));
}

export async function deliveryCounts(
  ctx: StoreContext,
  ids: readonly string[],
): Promise<Map<string, DeliveryCounts>> {
  const counts = new Map<
    string,
    { none: number; pending: number; delivered: number; dead: number; events: number }
  >();
  for (const id of ids) counts.set(id, { none: 0, pending: 0, delivered: 0, dead: 0, events: 0 });
  if (ids.length === 0) return counts;
  const rows = await ctx.db
    .selectFrom('trigger_events')
    .select(['subscription_id', 'delivery_status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('subscription_id', 'in', ids)
    .groupBy(['subscription_id', 'delivery_status'])
    .execute();
  for (const row of rows) {
    const c = counts.get(row.subscription_id);
    if (!c) continue;
    const n = Number(row.n);
    c[row.delivery_status as 'none' | 'pending' | 'delivered' | 'dead'] += n;
    c.events += n;
  }
  return counts;
}

export async function claimPolls(
  ctx: StoreContext,
  owner: string,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<SubscriptionRecord[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('trigger_subscriptions')
      .select('id')
      .where('status', '=', 'active')
      .where('kind', '=', 'polling')
      .where('next_poll_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      // A disabled owner's subscriptions wait: no poll spends their connection until they are enabled.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('users')
              .select('users.id')
              .whereRef('users.id', '=', 'trigger_subscriptions.owner_id')
              .where('users.disabled_at', 'is not', null),
          ),
        ),
      )
      .orderBy('next_poll_at')
      .limit(limit)
      .$if(ctx.engine.lockRows, (q) => q.forUpdate().skipLocked())
      .execute();
    if (due.length === 0) return [];
    const rows = await trx
      .updateTable('trigger_subscriptions')
      .set({ lease_owner: owner, lease_until: now + leaseMs })
      .where(
        'id',
        'in',
        due.map((r) => r.id),
      )
      .returningAll()
      .execute();
    // `returning` keeps no order on Postgres: the most overdue first.
    return rows
      .map(toRecord)
      .sort((a, b) => (a.nextPollAt ?? 0) - (b.nextPollAt ?? 0) || (a.id < b.id ? -1 : 1));
  });
}

export async function finishPoll(
  ctx: StoreContext,
  id: string,
  owner: string,
  result: {
    readonly state: JsonValue;
    readonly nextPollAt: number;
    readonly events: readonly NewTriggerEvent[];
    readonly now: number;
  },
): Promise<TriggerEventRecord[] | undefined> {
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('trigger_subscriptions')
      .set({
        state: JSON.stringify(result.state),
        next_poll_at: result.nextPollAt,
        lease_owner: null,
        lease_until: null,
        updated_at: new Date(result.now).toISOString(),
      })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .returning(['sink_url'])
      .executeTakeFirst();
    if (!updated) return undefined;
    return insertEvents(trx, id, result.events, updated.sink_url !== null, result.now);
  });
}

export async function releaseLeases(ctx: StoreContext, owner: string): Promise<number> {
  const polls = await ctx.db
    .updateTable('trigger_subscriptions')
    .set({ lease_owner: null, lease_until: null })
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  const deliveries = await ctx.db
    .updateTable('trigger_events')
    .set({ lease_owner: null, lease_until: null })
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(polls.numUpdatedRows) + Number(deliveries.numUpdatedRows);
}

export function toRecord(row: Row): SubscriptionRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    connectionId: row.connection_id,
    connectorId: row.connector_id,
    operationId: row.operation_id,
    kind: row.kind as SubscriptionKind,
    arguments: JSON.parse(row.arguments) as JsonValue,
    callbackHash: optional(row.callback_hash),
    deliveryIdHeader: optional(row.delivery_id_header),
    sinkUrl: optional(row.sink_url),
    intervalSeconds: Number(row.interval_seconds),
    backfill: Number(row.backfill) === 1,
    state: row.state === null ? undefined : (JSON.parse(row.state) as JsonValue),
    status: row.status as SubscriptionStatus,
    statusReason: optional(row.status_reason),
    nextPollAt: row.next_poll_at === null ? undefined : Number(row.next_poll_at),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
