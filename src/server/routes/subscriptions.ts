import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {
  DeliveryCounts,
  DeliveryStatus,
  SubscriptionRecord,
  TriggerEventRecord,
} from '../../store/trigger-types.ts';
import type { PollState } from '../../triggers/polling.ts';
import type { Subscription } from '../../triggers/webhook.ts';
import { callerOf } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { notFound, ServerError } from '../errors.ts';
import { anyJson, argumentsSchema, idParams } from '../schemas.ts';
import type { EventFeed } from '../triggers/feed.ts';
import type { NewSubscriptionInput, SubscriptionChange, TriggerService } from '../triggers/service.ts';

const tags = ['triggers'];
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;
const DELIVERY = ['none', 'pending', 'delivered', 'dead'] as const;
const errorSchema = {
  type: 'object',
  properties: { code: { type: 'string' }, message: { type: 'string' } },
} as const;

const countsSchema = {
  type: 'object',
  properties: Object.fromEntries(['events', ...DELIVERY].map((k) => [k, { type: 'integer' }])),
} as const;

export const subscriptionSchema = {
  type: 'object',
  required: ['id', 'connectionId', 'connectorId', 'operationId', 'kind', 'status', 'createdAt'],
  properties: {
    id: { type: 'string' },
    connectionId: { type: 'string' },
    connectorId: { type: 'string' },
    operationId: { type: 'string' },
    kind: { type: 'string', enum: ['webhook', 'polling'] },
    status: { type: 'string', enum: ['active', 'stopped', 'error'] },
    statusReason: { type: 'string' },
    parameters: argumentsSchema,
    sink: { type: ['object', 'null'], properties: { url: { type: 'string' } } },
    intervalSeconds: { type: 'integer' },
    backfill: { type: 'boolean' },
    deliveryIdHeader: { type: 'string' },
    webhook: {
      type: 'object',
      description: 'What the backend answered to the subscribe call.',
      properties: {
        status: { type: 'integer' },
        location: { type: 'string' },
        warnings: { type: 'array', items: { type: 'string' } },
      },
    },
    polling: {
      type: 'object',
      properties: {
        baselined: { type: 'boolean' },
        lastPollAt: { type: 'string' },
        nextPollAt: { type: 'string' },
        lastStatus: { type: 'integer' },
        lastError: errorSchema,
        failures: { type: 'integer' },
      },
    },
    counts: countsSchema,
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const eventSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    seq: { type: 'integer' },
    subscriptionId: { type: 'string' },
    idempotencyKey: { type: 'string' },
    receivedAt: { type: 'string' },
    headers: stringMap,
    body: anyJson,
    warnings: {
      type: 'array',
      items: { type: 'string' },
      description:
        'What flowport noticed about the payload (e.g. it does not match `x-ms-notification-content`).',
    },
    delivery: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: DELIVERY },
        attempts: { type: 'integer' },
        lastStatus: { type: 'integer' },
        lastError: { type: 'string' },
        nextAttemptAt: { type: 'string' },
        deliveredAt: { type: 'string' },
      },
    },
  },
} as const;

/** A subscription after a stop or a delete, with what the backend said to the unsubscribe. */
const changedSchema = {
  type: 'object',
  properties: {
    subscription: subscriptionSchema,
    unsubscribe: {
      type: 'object',
      properties: {
        ok: { type: 'boolean' },
        via: { type: 'string' },
        operationId: { type: 'string' },
        status: { type: 'integer' },
        error: errorSchema,
        warnings: { type: 'array', items: { type: 'string' } },
      },
    },
  },
} as const;

const createBody = {
  type: 'object',
  required: ['connectionId', 'operationId'],
  additionalProperties: false,
  properties: {
    connectionId: { type: 'string', minLength: 1, maxLength: 200 },
    operationId: { type: 'string', minLength: 1, maxLength: 200 },
    parameters: argumentsSchema,
    body: {
      ...anyJson,
      description: "The body parameter's value (or give it in `parameters` under its name).",
    },
    sink: {
      type: 'object',
      required: ['url'],
      additionalProperties: false,
      properties: { url: { type: 'string', minLength: 1, maxLength: 2048 } },
      description:
        'Where each event is POSTed, signed (`Flowport-Signature`); without it events stay in the event log.',
    },
    intervalSeconds: {
      type: 'integer',
      minimum: 1,
      maximum: 86_400,
      description: 'Polling interval; default 60.',
    },
    backfill: {
      type: 'boolean',
      description: 'Polling: let the first poll fire (default: it only sets the baseline).',
    },
    deliveryIdHeader: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: "Webhooks: the callback header with the sender's delivery id, for idempotency keys.",
    },
  },
} as const;

const eventsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    after: { type: 'integer', minimum: 0, description: 'Only events after this `seq`.' },
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
    delivery: { type: 'string', enum: DELIVERY },
  },
} as const;

const eventParams = {
  type: 'object',
  required: ['id', 'eventId'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 200 },
    eventId: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** The API's view of a subscription: its state in words, never the callback secret. */
export function subscriptionView(sub: SubscriptionRecord, counts?: DeliveryCounts): Record<string, unknown> {
  const state = sub.state as Record<string, unknown> | undefined;
  const webhook = sub.kind === 'webhook' && state ? (state as unknown as Partial<Subscription>) : undefined;
  const polling = sub.kind === 'polling' && state ? (state as unknown as Partial<PollState>) : undefined;
  return {
    id: sub.id,
    connectionId: sub.connectionId,
    connectorId: sub.connectorId,
    operationId: sub.operationId,
    kind: sub.kind,
    status: sub.status,
    statusReason: sub.statusReason,
    parameters: sub.arguments,
    sink: sub.sinkUrl ? { url: sub.sinkUrl } : null,
    intervalSeconds: sub.intervalSeconds,
    backfill: sub.backfill,
    deliveryIdHeader: sub.deliveryIdHeader,
    ...(webhook && {
      webhook: { status: webhook.status, location: webhook.location, warnings: webhook.warnings ?? [] },
    }),
    ...(polling && {
      polling: {
        baselined: polling.baselined ?? false,
        lastPollAt: polling.lastPollAt,
        nextPollAt: sub.status === 'active' ? iso(sub.nextPollAt) : undefined,
        lastStatus: polling.lastStatus,
        lastError: polling.lastError,
        failures: polling.failures ?? 0,
      },
    }),
    counts: counts ?? { events: 0, none: 0, pending: 0, delivered: 0, dead: 0 },
    createdAt: sub.createdAt,
    updatedAt: sub.updatedAt,
  };
}

export function eventView(event: TriggerEventRecord): Record<string, unknown> {
  return { ...event, delivery: { ...event.delivery, nextAttemptAt: iso(event.delivery.nextAttemptAt) } };
}

export interface SubscriptionRouteOptions {
  readonly service: TriggerService;
  readonly feed: EventFeed;
  readonly wake: () => void;
  /** How often an open event stream reads the store for other nodes' events. Default 1,000 ms. */
  readonly streamPollMs?: number;
}

/** Trigger subscriptions, their event log (list and live stream), and replays. */
export async function subscriptionRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: SubscriptionRouteOptions,
): Promise<void> {
  const { service, feed } = options;
  // Open streams end when the server shuts down (they would keep it waiting otherwise).
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });

  async function own(request: FastifyRequest, id: string): Promise<SubscriptionRecord> {
    const sub = await ctx.store.getSubscription(id, callerOf(request).user.id);
    if (!sub || sub.kind === 'callback') throw notFound('subscription', id);
    return sub;
  }
  async function withCounts(sub: SubscriptionRecord) {
    return subscriptionView(sub, (await ctx.store.deliveryCounts([sub.id])).get(sub.id));
  }

  app.post<{ Body: NewSubscriptionInput }>(
    '/api/v1/subscriptions',
    {
      schema: {
        tags,
        summary: 'Subscribe to a trigger',
        description:
          'Webhook triggers: calls the subscribe operation with a callback URL of this server (the backend must answer 2xx). Polling triggers: the first poll runs at once and only sets the baseline unless `backfill`. With a `sink`, the answer carries the `signingSecret` of its deliveries, shown this once.',
        body: createBody,
        response: {
          201: {
            type: 'object',
            properties: { subscription: subscriptionSchema, signingSecret: { type: 'string' } },
          },
        },
      },
    },
    async (request, reply) => {
      const made = await service.create(callerOf(request).user.id, request.body);
      reply.code(201).header('location', `/api/v1/subscriptions/${made.subscription.id}`);
      return { subscription: subscriptionView(made.subscription), signingSecret: made.signingSecret };
    },
  );

  app.get<{ Querystring: { connectionId?: string } }>(
    '/api/v1/subscriptions',
    {
      schema: {
        tags,
        summary: "The caller's subscriptions",
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { connectionId: { type: 'string', minLength: 1 } },
        },
        response: {
          200: { type: 'object', properties: { value: { type: 'array', items: subscriptionSchema } } },
        },
      },
    },
    async (request) => {
      // The one-shot waits of callback actions being invoked are not subscriptions to show.
      const subs = (
        await ctx.store.listSubscriptions(callerOf(request).user.id, {
          ...(request.query.connectionId && { connectionId: request.query.connectionId }),
        })
      ).filter((s) => s.kind !== 'callback');
      const counts = await ctx.store.deliveryCounts(subs.map((s) => s.id));
      return { value: subs.map((s) => subscriptionView(s, counts.get(s.id))) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/subscriptions/:id',
    { schema: { tags, summary: 'A subscription', params: idParams, response: { 200: subscriptionSchema } } },
    async (request) => withCounts(await own(request, request.params.id)),
  );

  app.patch<{ Params: { id: string }; Body: SubscriptionChange }>(
    '/api/v1/subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Change, stop or start a subscription',
        description:
          "`enabled: false` stops it (webhooks: unsubscribes at the backend; the record and its events stay). `enabled: true` starts it again (webhooks: subscribes again with a new callback URL; polling: from the stored cursor, so what changed meanwhile fires). `parameters` / `body` change its arguments as editing a flow's trigger does: a webhook is unsubscribed and subscribed again with them (a refusal leaves it in status `error`), polling starts over with a baseline poll. `parameters` replaces the arguments given at creation; the body argument is kept unless `parameters` names it or `body` is given. `intervalSeconds` changes the polling interval from the next poll on.",
        params: idParams,
        body: {
          type: 'object',
          minProperties: 1,
          additionalProperties: false,
          properties: {
            enabled: { type: 'boolean' },
            parameters: argumentsSchema,
            body: anyJson,
            intervalSeconds: { type: 'integer', minimum: 1 },
          },
        },
        response: { 200: changedSchema },
      },
    },
    async (request) => {
      const r = await service.update(callerOf(request).user.id, request.params.id, request.body);
      return { subscription: await withCounts(r.subscription), unsubscribe: r.unsubscribe };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Unsubscribe and delete',
        description:
          'Webhooks: sends the unsubscribe (`DELETE` to the `Location`, or the matching delete operation). The subscription and its events are deleted even when the backend refuses; `unsubscribe.ok` says whether one is left behind there.',
        params: idParams,
        response: { 200: changedSchema },
      },
    },
    async (request) => {
      const { subscription, unsubscribe } = await service.remove(
        callerOf(request).user.id,
        request.params.id,
      );
      return { subscription: subscriptionView(subscription), unsubscribe };
    },
  );

  app.get<{
    Params: { id: string };
    Querystring: { after?: number; limit?: number; delivery?: DeliveryStatus };
  }>(
    '/api/v1/subscriptions/:id/events',
    {
      schema: {
        tags,
        summary: 'The event log of a subscription, oldest first',
        params: idParams,
        querystring: eventsQuery,
        response: { 200: { type: 'object', properties: { value: { type: 'array', items: eventSchema } } } },
      },
    },
    async (request) => {
      const sub = await own(request, request.params.id);
      const events = await ctx.store.listEvents(sub.id, request.query);
      return { value: events.map(eventView) };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { after?: number } }>(
    '/api/v1/subscriptions/:id/events/stream',
    {
      config: { rateLimit: false },
      schema: {
        tags,
        summary: 'The event log as a live stream (server-sent events)',
        description:
          'Each stored event as `id: <seq>`, `event: event`, `data: <event JSON>`; when the delivery of an event sent while it was pending changes (delivered, retried, dead), it comes again as `event: delivery` with the same id. Resumes after `Last-Event-ID` (or `?after=`). A comment every 15 s keeps proxies from closing it.',
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { after: { type: 'integer', minimum: 0 } },
        },
      },
    },
    async (request, reply) => stream(request, reply, await own(request, request.params.id)),
  );

  async function stream(
    request: FastifyRequest<{ Querystring: { after?: number } }>,
    reply: FastifyReply,
    sub: SubscriptionRecord,
  ): Promise<void> {
    const header = request.headers['last-event-id'];
    const fromHeader = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : undefined;
    let after = fromHeader ?? request.query.after ?? 0;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': flowport event stream\n\n');
    let closed = false;
    // Events sent while a delivery was pending: when their delivery changes, they are sent again as
    // `event: delivery` with the same id (a bounded number, oldest dropped first).
    const watched = new Map<number, string>();
    const deliveryKey = (e: TriggerEventRecord) => `${e.delivery.status}/${e.delivery.attempts}`;
    const watch = (e: TriggerEventRecord) => {
      if (e.delivery.status !== 'pending') return;
      watched.set(e.seq, deliveryKey(e));
      if (watched.size > 1_000) watched.delete(watched.keys().next().value as number);
    };
    const refreshDeliveries = async () => {
      if (watched.size === 0) return;
      const from = Math.min(...watched.keys()) - 1;
      const events = await ctx.store.listEvents(sub.id, { after: from, limit: 1_000 });
      if (closed) return;
      for (const event of events) {
        const before = watched.get(event.seq);
        if (before === undefined || before === deliveryKey(event)) continue;
        res.write(`id: ${event.seq}\nevent: delivery\ndata: ${JSON.stringify(eventView(event))}\n\n`);
        if (event.delivery.status === 'pending') watched.set(event.seq, deliveryKey(event));
        else watched.delete(event.seq);
      }
    };
    let reading: Promise<void> | undefined;
    let pending = false;
    const read = async () => {
      if (reading) {
        pending = true;
        return;
      }
      reading = (async () => {
        do {
          pending = false;
          for (;;) {
            const events = await ctx.store.listEvents(sub.id, { after, limit: 500 });
            if (closed) return;
            for (const event of events) {
              res.write(`id: ${event.seq}\nevent: event\ndata: ${JSON.stringify(eventView(event))}\n\n`);
              after = event.seq;
              watch(event);
            }
            if (events.length < 500) break;
          }
          await refreshDeliveries();
        } while (pending && !closed);
      })()
        .catch((error: unknown) => request.log.warn({ err: error }, 'event stream read failed'))
        .finally(() => {
          reading = undefined;
        });
    };
    const stopListening = feed.listen(sub.id, () => void read());
    const poller = setInterval(() => void read(), options.streamPollMs ?? 1_000);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    const close = () => {
      if (closed) return;
      closed = true;
      open.delete(close);
      stopListening();
      clearInterval(poller);
      clearInterval(keepAlive);
      res.end();
    };
    request.raw.on('close', close);
    open.add(close);
    void read();
  }

  app.post<{ Params: { id: string; eventId: string } }>(
    '/api/v1/subscriptions/:id/events/:eventId/replay',
    {
      schema: {
        tags,
        summary: 'Deliver one event again',
        description:
          'Makes a dead, delivered or undelivered event pending again; it goes out with the same idempotency key.',
        params: eventParams,
        response: { 202: eventSchema },
      },
    },
    async (request, reply) => {
      const sub = await own(request, request.params.id);
      if (!sub.sinkUrl)
        throw new ServerError(
          'BAD_REQUEST',
          'This subscription has no sink URL: its events are in the event log only.',
        );
      const event = await ctx.store.getEvent(sub.id, request.params.eventId);
      if (!event) throw notFound('event', request.params.eventId);
      await ctx.store.replayEvents(sub.id, ctx.now(), event.id);
      options.wake();
      reply.code(202);
      return eventView((await ctx.store.getEvent(sub.id, event.id)) ?? event);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/subscriptions/:id/replay',
    {
      schema: {
        tags,
        summary: 'Deliver every dead-lettered event again',
        params: idParams,
        response: { 200: { type: 'object', properties: { replayed: { type: 'integer' } } } },
      },
    },
    async (request) => {
      const sub = await own(request, request.params.id);
      const replayed = await ctx.store.replayEvents(sub.id, ctx.now());
      if (replayed > 0) options.wake();
      return { replayed };
    },
  );
}
