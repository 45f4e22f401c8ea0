import type { Kysely } from 'kysely';
import type { JsonValue } from '../connector/json.ts';
import { optional, type StoreContext } from './context.ts';
import type { Database } from './schema.ts';
import { sealContext } from './schema.ts';
import { newId } from './tokens.ts';
import type {
  DeliveryOutcome,
  DeliveryStatus,
  DueDelivery,
  EventQuery,
  NewTriggerEvent,
  SubscriptionKind,
  TriggerEventRecord,
} from './trigger-types.ts';

type Row = Database['trigger_events'];
const CHUNK = 100;

/**
 * Inserts events (skipping idempotency keys the subscription already has) inside the caller's
 * transaction or on the database; returns the ones inserted, in order. Events are `pending` at
 * `now` when the subscription has a sink, else `none`.
 */
export async function insertEvents(
  db: Kysely<Database>,
  subscriptionId: string,
  events: readonly NewTriggerEvent[],
  hasSink: boolean,
  now: number,
): Promise<TriggerEventRecord[]> {
  const inserted: TriggerEventRecord[] = [];
  for (let i = 0; i < events.length; i += CHUNK) {
    const rows = events.slice(i, i + CHUNK).map((e) => ({
      id: newId('evt'),
      subscription_id: subscriptionId,
      idempotency_key: e.idempotencyKey,
      received_at: e.receivedAt,
      headers: JSON.stringify(e.headers),
      body: JSON.stringify(e.body),
      warnings: e.warnings && e.warnings.length > 0 ? JSON.stringify(e.warnings) : null,
      delivery_status: hasSink ? 'pending' : 'none',
      attempts: 0,
      next_attempt_at: hasSink ? now : null,
      lease_owner: null,
      lease_until: null,
      last_status: null,
      last_error: null,
      delivered_at: null,
    }));
    const back = await db
      .insertInto('trigger_events')
      .values(rows)
      .onConflict((oc) => oc.columns(['subscription_id', 'idempotency_key']).doNothing())
      .returningAll()
      .execute();
    back.sort((a, b) => Number(a.seq) - Number(b.seq));
    inserted.push(...back.map(toEvent));
  }
  return inserted;
}

export async function addEvents(
  ctx: StoreContext,
  subscriptionId: string,
  events: readonly NewTriggerEvent[],
  now: number,
  hasSink?: boolean,
): Promise<TriggerEventRecord[]> {
  if (events.length === 0) return [];
  // One statement when the caller knows where events go (a callback's hot path).
  if (hasSink !== undefined && events.length <= CHUNK)
    return insertEvents(ctx.db, subscriptionId, events, hasSink, now);
  return ctx.db.transaction().execute(async (trx) => {
    const sub = await trx
      .selectFrom('trigger_subscriptions')
      .select('sink_url')
      .where('id', '=', subscriptionId)
      .executeTakeFirst();
    if (!sub) return [];
    return insertEvents(trx, subscriptionId, events, sub.sink_url !== null, now);
  });
}

export async function listEvents(
  ctx: StoreContext,
  subscriptionId: string,
  query: EventQuery = {},
): Promise<TriggerEventRecord[]> {
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 1_000);
  const rows = await ctx.db
    .selectFrom('trigger_events')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .$if(query.after !== undefined, (q) => q.where('seq', '>', query.after ?? 0))
    .$if(query.delivery !== undefined, (q) => q.where('delivery_status', '=', query.delivery ?? 'none'))
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toEvent);
}

export async function getEvent(
  ctx: StoreContext,
  subscriptionId: string,
  eventId: string,
): Promise<TriggerEventRecord | undefined> {
  const row = await ctx.db
    .selectFrom('trigger_events')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .where('id', '=', eventId)
    .executeTakeFirst();
  return row && toEvent(row);
}

export async function claimDeliveries(
  ctx: StoreContext,
  owner: string,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<DueDelivery[]> {
  const claimed = await ctx.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('trigger_events')
      .select('seq')
      .where('delivery_status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      // A disabled owner's events are kept and delivered once the owner is enabled again.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('trigger_subscriptions')
              .innerJoin('users', 'users.id', 'trigger_subscriptions.owner_id')
              .select('users.id')
              .whereRef('trigger_subscriptions.id', '=', 'trigger_events.subscription_id')
              .where('users.disabled_at', 'is not', null),
          ),
        ),
      )
      .orderBy('next_attempt_at')
      .limit(limit)
      .$if(ctx.engine.lockRows, (q) => q.forUpdate().skipLocked())
      .execute();
    if (due.length === 0) return [];
    return trx
      .updateTable('trigger_events')
      .set({ lease_owner: owner, lease_until: now + leaseMs })
      .where(
        'seq',
        'in',
        due.map((r) => r.seq),
      )
      .returningAll()
      .execute();
  });
  if (claimed.length === 0) return [];
  const ids = [...new Set(claimed.map((r) => r.subscription_id))];
  const subs = await ctx.db
    .selectFrom('trigger_subscriptions')
    .select(['id', 'connector_id', 'operation_id', 'kind', 'sink_url', 'signing_secret'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(subs.map((s) => [s.id, s]));
  const out: DueDelivery[] = [];
  for (const row of claimed.sort((a, b) => Number(a.seq) - Number(b.seq))) {
    const sub = byId.get(row.subscription_id);
    if (!sub) continue;
    out.push({
      event: toEvent(row),
      subscription: {
        id: sub.id,
        connectorId: sub.connector_id,
        operationId: sub.operation_id,
        kind: sub.kind as SubscriptionKind,
        sinkUrl: optional(sub.sink_url),
      },
      signingSecret:
        sub.signing_secret === null
          ? undefined
          : ctx.sealer.open(
              sub.signing_secret,
              sealContext('trigger_subscriptions', 'signing_secret', sub.id),
            ),
    });
  }
  return out;
}

export async function finishDelivery(
  ctx: StoreContext,
  eventId: string,
  owner: string,
  outcome: DeliveryOutcome,
  now: number,
): Promise<boolean> {
  const result = await ctx.db
    .updateTable('trigger_events')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      lease_owner: null,
      lease_until: null,
      last_status: outcome.status ?? null,
      ...(outcome.delivered
        ? {
            delivery_status: 'delivered',
            next_attempt_at: null,
            last_error: null,
            delivered_at: new Date(now).toISOString(),
          }
        : {
            delivery_status: outcome.nextAttemptAt === undefined ? 'dead' : 'pending',
            next_attempt_at: outcome.nextAttemptAt ?? null,
            last_error: outcome.error,
          }),
    }))
    .where('id', '=', eventId)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function replayEvents(
  ctx: StoreContext,
  subscriptionId: string,
  now: number,
  eventId?: string,
): Promise<number> {
  const sub = await ctx.db
    .selectFrom('trigger_subscriptions')
    .select('sink_url')
    .where('id', '=', subscriptionId)
    .executeTakeFirst();
  if (!sub?.sink_url) return 0;
  const result = await ctx.db
    .updateTable('trigger_events')
    .set({ delivery_status: 'pending', attempts: 0, next_attempt_at: now, last_error: null })
    .where('subscription_id', '=', subscriptionId)
    .$if(eventId === undefined, (q) => q.where('delivery_status', '=', 'dead'))
    .$if(eventId !== undefined, (q) =>
      q.where('id', '=', eventId ?? '').where('delivery_status', 'in', ['dead', 'delivered', 'none']),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function toEvent(row: Row | (Omit<Row, 'seq'> & { seq: number | string })): TriggerEventRecord {
  return {
    id: row.id,
    seq: Number(row.seq),
    subscriptionId: row.subscription_id,
    idempotencyKey: row.idempotency_key,
    receivedAt: row.received_at,
    headers: JSON.parse(row.headers) as Record<string, string>,
    body: JSON.parse(row.body) as JsonValue,
    warnings: row.warnings === null ? [] : (JSON.parse(row.warnings) as string[]),
    delivery: {
      status: row.delivery_status as DeliveryStatus,
      attempts: Number(row.attempts),
      lastStatus: row.last_status === null ? undefined : Number(row.last_status),
      lastError: optional(row.last_error),
      nextAttemptAt: row.next_attempt_at === null ? undefined : Number(row.next_attempt_at),
      deliveredAt: optional(row.delivered_at),
    },
  };
}

export async function pruneEvents(ctx: StoreContext, before: string): Promise<number> {
  const result = await ctx.db
    .deleteFrom('trigger_events')
    .where('received_at', '<', before)
    .where('delivery_status', '!=', 'pending')
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
