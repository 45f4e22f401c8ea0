/**
 * Trigger subscriptions of `flowport serve`: creating one subscribes at the backend (webhooks) or
 * schedules its first poll (polling); callbacks become stored events; deleting one unsubscribes.
 * Events are stored before anything else happens to them (delivery: scheduler.ts).
 */
import { randomBytes } from 'node:crypto';
import type { JsonValue } from '../../connector/json.ts';
import type { Operation } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import { maskSecrets } from '../../runtime/connection/secrets.ts';
import { buildRequest } from '../../runtime/request/build.ts';
import type { Arguments, Connection } from '../../runtime/types.ts';
import { hashToken, newId, tokenMatches } from '../../store/tokens.ts';
import type { SubscriptionRecord, TriggerEventRecord } from '../../store/trigger-types.ts';
import type { ConnectionInfo } from '../../store/types.ts';
import {
  type CallbackActionResult,
  DEFAULT_CALLBACK_TIMEOUT_MS,
  invokeWithCallback,
} from '../../triggers/callback-action.ts';
import { DEFAULT_INTERVAL_SECONDS, initialPollState, policiesOf } from '../../triggers/polling.ts';
import {
  type CallbackRequest,
  callbackEvents,
  type Subscription,
  subscribe,
  type UnsubscribeResult,
  unsubscribe,
  withCallbackUrl,
} from '../../triggers/webhook.ts';
import type { AppContext } from '../context.ts';
import type { LoadedConnector } from '../deps.ts';
import { notFound, ServerError } from '../errors.ts';
import type { EventFeed } from './feed.ts';
import { isLocalServer, refusedSinkHost } from './sink-guard.ts';

export interface NewSubscriptionInput {
  readonly connectionId: string;
  readonly operationId: string;
  /** Arguments by parameter name (the body parameter under its own name), as for invoke. */
  readonly parameters?: Readonly<Record<string, JsonValue>>;
  /** The body parameter's value (an alternative to giving it in `parameters`). */
  readonly body?: JsonValue;
  readonly sink?: { readonly url: string };
  readonly intervalSeconds?: number;
  readonly backfill?: boolean;
  readonly deliveryIdHeader?: string;
}

/** What `PATCH /api/v1/subscriptions/{id}` may change; absent fields stay as they are. */
export interface SubscriptionChange {
  readonly enabled?: boolean;
  /**
   * New arguments by parameter name, replacing those given at creation; the body argument is kept
   * unless these name it or `body` is given. Webhooks are unsubscribed and subscribed again with them; polling starts over from a
   * baseline poll, since the stored cursor belongs to the old query.
   */
  readonly parameters?: Readonly<Record<string, JsonValue>>;
  /** A new value of the body argument alone. */
  readonly body?: JsonValue;
  readonly intervalSeconds?: number;
}

export interface TriggerServiceOptions {
  /** Base of the callback URLs given to backends; default the server's public URL. */
  readonly callbackBaseUrl?: string;
  /** Shortest polling interval a subscription may ask for. Default 1 s (the platform's is 60 s). */
  readonly minIntervalSeconds?: number;
  /**
   * Whether sink URLs may point at internal addresses (loopback, private networks). Default: only
   * when the server's own public URL is one (a developer's machine); see sink-guard.ts.
   */
  readonly privateSinks?: boolean;
}

/** A stored connection opened for the trigger engine (no API caller: the scheduler, callbacks). */
export interface OpenTrigger {
  readonly info: ConnectionInfo;
  readonly loaded: LoadedConnector;
  readonly connection: Connection;
  readonly operation: Operation;
  readonly secrets: readonly string[];
}

export interface TriggerService {
  create(
    ownerId: string,
    input: NewSubscriptionInput,
  ): Promise<{ subscription: SubscriptionRecord; signingSecret?: string }>;
  /**
   * Stops (webhooks: unsubscribes at the backend) or starts again (webhooks: subscribes again with a
   * new callback secret; polling: from the stored cursor, so changes made meanwhile fire).
   */
  setEnabled(
    ownerId: string,
    id: string,
    enabled: boolean,
  ): Promise<{ subscription: SubscriptionRecord; unsubscribe?: UnsubscribeResult }>;
  /**
   * Changes arguments, interval or enabled state together. A webhook whose new subscription the
   * backend refuses is left in status `error` with the reason, and the error is thrown.
   */
  update(
    ownerId: string,
    id: string,
    change: SubscriptionChange,
  ): Promise<{ subscription: SubscriptionRecord; unsubscribe?: UnsubscribeResult }>;
  /** Unsubscribes (webhooks) and deletes; a refused unsubscribe is reported, and the record goes anyway. */
  remove(
    ownerId: string | undefined,
    id: string,
  ): Promise<{ subscription: SubscriptionRecord; unsubscribe: UnsubscribeResult | undefined }>;
  /** Stores the events of a webhook callback; the status to answer the sender with. */
  receive(
    id: string,
    secret: string,
    request: CallbackRequest,
  ): Promise<{ status: number; events: TriggerEventRecord[] }>;
  open(sub: SubscriptionRecord): Promise<OpenTrigger>;
  /**
   * Invokes a callback action with a callback URL of this server and waits for the callback
   * (any node may receive it: it is stored like a webhook event, and the waiting node reads it).
   */
  invokeCallbackAction(
    ownerId: string,
    target: {
      readonly info: ConnectionInfo;
      readonly loaded: LoadedConnector;
      readonly connection: Connection;
    },
    operationId: string,
    args: Arguments,
    options?: { readonly timeoutMs?: number; readonly signal?: AbortSignal },
  ): Promise<CallbackActionResult>;
}

function httpUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ServerError('BAD_REQUEST', `${what} \`${value}\` is not a URL; give an absolute http(s) URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ServerError('BAD_REQUEST', `${what} must be http or https, not \`${url.protocol}\`.`);
  if (url.username || url.password)
    throw new ServerError(
      'BAD_REQUEST',
      `${what} must not carry a user name or password; the deliveries are signed instead.`,
    );
  return url.toString();
}

/** The stored arguments of a trigger: `parameters` by name, `body` under the body parameter's name. */
function triggerArguments(
  operation: Operation,
  parameters: Readonly<Record<string, JsonValue>> | undefined,
  body: JsonValue | undefined,
): Record<string, JsonValue> {
  const args: Record<string, JsonValue> = { ...(parameters ?? {}) };
  if (body !== undefined) {
    const bodyParam = operation.parameters.find((p) => p.in === 'body');
    if (!bodyParam)
      throw new ServerError('BAD_REQUEST', `Operation \`${operation.id}\` takes no body; remove \`body\`.`);
    args[bodyParam.name] = body;
  }
  return args;
}

export function createTriggerService(
  ctx: AppContext,
  feed: EventFeed,
  wake: () => void,
  options: TriggerServiceOptions = {},
): TriggerService {
  const callbackBase = (options.callbackBaseUrl ?? ctx.publicUrl).replace(/\/+$/, '');
  const minInterval = options.minIntervalSeconds ?? 1;
  const privateSinks = options.privateSinks ?? isLocalServer(ctx.publicUrl);

  async function openFor(info: ConnectionInfo, operationId: string): Promise<OpenTrigger> {
    const loaded = await ctx.registry.get(info.connectorId);
    if (!loaded) throw notFound('connector', info.connectorId);
    const operation = loaded.connector.operation(operationId);
    if (!operation)
      throw new FlowportError(
        'OPERATION_NOT_FOUND',
        `The connector has no operation \`${operationId}\`; \`GET /api/v1/connectors/${info.connectorId}/operations\` lists its triggers.`,
      );
    const connection = await ctx.resolveConnection(info, loaded);
    const secrets = Object.values(await ctx.store.connectionSecrets(info.id));
    return { info, loaded, connection, operation, secrets };
  }

  async function open(sub: SubscriptionRecord): Promise<OpenTrigger> {
    const info = await ctx.store.getConnection(sub.connectionId, undefined);
    if (!info) throw notFound('connection', sub.connectionId);
    return openFor(info, sub.operationId);
  }

  const cache = new Map<string, { at: number; value: Promise<SubscriptionRecord | undefined> }>();
  const CACHE_MS = 1_000;
  /** The subscription as read at most a second ago (or now, when `fresh`). */
  function recent(id: string, fresh: boolean): Promise<SubscriptionRecord | undefined> {
    const hit = cache.get(id);
    const now = Date.now();
    if (!fresh && hit && now - hit.at < CACHE_MS) return hit.value;
    const value = ctx.store.getSubscription(id, undefined);
    cache.set(id, { at: now, value });
    if (cache.size > 10_000) cache.delete(cache.keys().next().value as string);
    value.catch(() => cache.delete(id));
    return value;
  }
  const forget = (id: string) => cache.delete(id);

  /** Subscribes `sub` at its backend with a new callback secret; stores the secret's hash and the answer. */
  async function subscribeAtBackend(sub: SubscriptionRecord, t: OpenTrigger): Promise<SubscriptionRecord> {
    const secret = randomBytes(24).toString('base64url');
    await ctx.store.updateSubscription(sub.id, { callbackHash: hashToken(secret) });
    forget(sub.id);
    let made: Subscription;
    try {
      made = await subscribe(t.loaded.runtime, sub.operationId, sub.arguments as Arguments, {
        connection: t.connection,
        callbackUrl: `${callbackBase}/hooks/${sub.id}/${secret}`,
      });
    } catch (error) {
      if (error instanceof Error)
        error.message = maskSecrets(error.message.replaceAll(secret, '…'), t.secrets);
      throw error;
    }
    const stored = { ...made, callbackUrl: `${callbackBase}/hooks/${sub.id}/…` };
    const updated = await ctx.store.updateSubscription(sub.id, { state: stored as unknown as JsonValue });
    if (!updated) throw notFound('subscription', sub.id);
    return updated;
  }

  /** Unsubscribes at the backend; failures are reported, never thrown (§9.4). */
  async function unsubscribeAtBackend(sub: SubscriptionRecord): Promise<UnsubscribeResult | undefined> {
    const state = sub.state as Partial<Subscription> | undefined;
    if (sub.kind !== 'webhook' || sub.status !== 'active' || !state?.operationId) return undefined;
    try {
      const t = await open(sub);
      return await unsubscribe(
        t.loaded.runtime,
        { operationId: state.operationId, location: state.location },
        { connection: t.connection },
      );
    } catch (error) {
      // The connection or connector is gone: nothing can unsubscribe any more.
      return {
        ok: false,
        via: 'none',
        warnings: [],
        error: {
          code: error instanceof FlowportError ? error.code : 'TRIGGER_UNSUBSCRIBE_FAILED',
          message: error instanceof Error ? error.message : String(error),
        },
      };
    }
  }

  function checkInterval(seconds: number): void {
    if (seconds < minInterval)
      throw new ServerError('BAD_REQUEST', `\`intervalSeconds\` must be at least ${minInterval}.`);
  }

  async function setEnabled(
    ownerId: string,
    id: string,
    enabled: boolean,
  ): Promise<{ subscription: SubscriptionRecord; unsubscribe?: UnsubscribeResult }> {
    const sub = await ctx.store.getSubscription(id, ownerId);
    if (!sub || sub.kind === 'callback') throw notFound('subscription', id);
    if (enabled === (sub.status === 'active')) return { subscription: sub };
    if (!enabled) {
      const unsubscribe = sub.kind === 'webhook' ? await unsubscribeAtBackend(sub) : undefined;
      const subscription = await ctx.store.updateSubscription(id, {
        status: 'stopped',
        statusReason: 'Stopped by its owner.',
      });
      forget(id);
      if (!subscription) throw notFound('subscription', id);
      return { subscription, ...(unsubscribe && { unsubscribe }) };
    }
    if (sub.kind === 'polling') {
      const subscription = await ctx.store.updateSubscription(id, {
        status: 'active',
        nextPollAt: ctx.now(),
      });
      if (!subscription) throw notFound('subscription', id);
      wake();
      return { subscription };
    }
    return { subscription: await resubscribe(sub, await open(sub)) };
  }

  /** Subscribes a webhook again; a refusal leaves it in status `error` with the reason. */
  async function resubscribe(sub: SubscriptionRecord, t: OpenTrigger): Promise<SubscriptionRecord> {
    try {
      const subscription = await subscribeAtBackend(sub, t);
      const active = await ctx.store.updateSubscription(sub.id, { status: 'active' });
      return active ?? subscription;
    } catch (error) {
      await ctx.store.updateSubscription(sub.id, {
        status: 'error',
        statusReason: `Subscribing again failed: ${error instanceof Error ? error.message : String(error)}`,
      });
      forget(sub.id);
      throw error;
    }
  }

  async function changeArguments(
    sub: SubscriptionRecord,
    change: SubscriptionChange,
  ): Promise<{ subscription: SubscriptionRecord; unsubscribe?: UnsubscribeResult }> {
    const t = await open(sub);
    const old = sub.arguments as Record<string, JsonValue>;
    const bodyName = t.operation.parameters.find((p) => p.in === 'body')?.name;
    const kept: Record<string, JsonValue> = { ...(change.parameters ?? old) };
    // The body argument stays unless `body` or `parameters` gives a new one.
    if (bodyName !== undefined && !(bodyName in kept) && old[bodyName] !== undefined)
      kept[bodyName] = old[bodyName];
    const args = triggerArguments(t.operation, kept, change.body);
    // A subscription in error (its last subscribe was refused) tries again with the new arguments.
    const enabled = change.enabled ?? sub.status !== 'stopped';
    const interval = change.intervalSeconds !== undefined ? { intervalSeconds: change.intervalSeconds } : {};
    if (sub.kind === 'polling') {
      // Checked before anything changes: arguments that cannot make a request are a 400.
      buildRequest(t.loaded.connector, t.operation, args as Arguments);
      const subscription = await ctx.store.updateSubscription(sub.id, {
        arguments: args,
        ...interval,
        // The cursor belongs to the old query: start over with a baseline poll.
        state: initialPollState(t.loaded.runtime, sub.operationId) as unknown as JsonValue,
        clearLease: true,
        ...(enabled
          ? { status: 'active' as const, nextPollAt: ctx.now() }
          : { status: 'stopped' as const, statusReason: 'Stopped by its owner.' }),
      });
      if (!subscription) throw notFound('subscription', sub.id);
      if (enabled) wake();
      return { subscription };
    }
    // Checked before the old subscription is given up.
    buildRequest(
      t.loaded.connector,
      t.operation,
      withCallbackUrl(t.operation, args as Arguments, `${callbackBase}/hooks/${sub.id}/check`).args,
    );
    const unsubscribe = await unsubscribeAtBackend(sub);
    const changed = await ctx.store.updateSubscription(sub.id, {
      arguments: args,
      ...interval,
      status: 'stopped',
      statusReason: enabled ? 'Subscribing again with new arguments.' : 'Stopped by its owner.',
    });
    forget(sub.id);
    if (!changed) throw notFound('subscription', sub.id);
    const subscription = enabled ? await resubscribe(changed, t) : changed;
    return { subscription, ...(unsubscribe && { unsubscribe }) };
  }

  return {
    open,
    setEnabled,

    async update(ownerId, id, change) {
      const sub = await ctx.store.getSubscription(id, ownerId);
      if (!sub || sub.kind === 'callback') throw notFound('subscription', id);
      if (change.intervalSeconds !== undefined) checkInterval(change.intervalSeconds);
      if (change.parameters !== undefined || change.body !== undefined) return changeArguments(sub, change);
      if (change.intervalSeconds !== undefined) {
        const changed = await ctx.store.updateSubscription(id, { intervalSeconds: change.intervalSeconds });
        if (!changed) throw notFound('subscription', id);
        if (change.enabled === undefined) return { subscription: changed };
      }
      if (change.enabled === undefined) return { subscription: sub };
      return setEnabled(ownerId, id, change.enabled);
    },

    async create(ownerId, input) {
      const info = await ctx.store.getConnection(input.connectionId, ownerId);
      if (!info) throw notFound('connection', input.connectionId);
      const t = await openFor(info, input.operationId);
      const kind = t.operation.kind;
      if (kind !== 'webhook-trigger' && kind !== 'polling-trigger') {
        throw new FlowportError(
          'TRIGGER_NOT_A_TRIGGER',
          `Operation \`${input.operationId}\` is ${kind === 'callback-action' ? 'a callback action: invoke it instead' : 'an action, not a trigger'}; \`GET /api/v1/connectors/${info.connectorId}/operations\` lists the triggers.`,
        );
      }
      const interval = input.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS;
      checkInterval(interval);
      const args = triggerArguments(t.operation, input.parameters, input.body);
      const sinkUrl = input.sink ? httpUrl(input.sink.url, '`sink.url`') : undefined;
      const refused = sinkUrl && !privateSinks ? refusedSinkHost(new URL(sinkUrl)) : undefined;
      if (refused) throw new ServerError('BAD_REQUEST', `\`sink.url\`: ${refused}`);
      const signingSecret = sinkUrl ? `whsec_${randomBytes(32).toString('base64url')}` : undefined;
      const id = newId('sub');
      const base = {
        id,
        ownerId,
        connectionId: info.id,
        connectorId: info.connectorId,
        operationId: input.operationId,
        arguments: args,
        intervalSeconds: interval,
        backfill: input.backfill === true,
        status: 'active' as const,
        ...(sinkUrl && { sinkUrl, signingSecret }),
      };

      if (kind === 'polling-trigger') {
        // Arguments that cannot make a request are refused now, not at the first poll.
        buildRequest(t.loaded.connector, t.operation, args as Arguments);
        const state = initialPollState(t.loaded.runtime, input.operationId) as unknown as JsonValue;
        const subscription = await ctx.store.createSubscription({
          ...base,
          kind: 'polling',
          state,
          nextPollAt: ctx.now(),
        });
        wake();
        return { subscription, ...(signingSecret && { signingSecret }) };
      }

      // Stored first, so that a callback arriving before the backend answers is accepted.
      const subscription = await ctx.store.createSubscription({
        ...base,
        kind: 'webhook',
        ...(input.deliveryIdHeader && { deliveryIdHeader: input.deliveryIdHeader }),
      });
      try {
        return {
          subscription: await subscribeAtBackend(subscription, t),
          ...(signingSecret && { signingSecret }),
        };
      } catch (error) {
        await ctx.store.deleteSubscription(id, ownerId);
        throw error;
      }
    },

    async invokeCallbackAction(ownerId, target, operationId, args, opts = {}) {
      const id = newId('cb');
      const secret = randomBytes(24).toString('base64url');
      await ctx.store.createSubscription({
        id,
        ownerId,
        connectionId: target.info.id,
        connectorId: target.info.connectorId,
        operationId,
        kind: 'callback',
        arguments: {},
        callbackHash: hashToken(secret),
        intervalSeconds: 0,
        backfill: false,
        status: 'active',
      });
      try {
        return await invokeWithCallback(target.loaded.runtime, operationId, args, {
          connection: target.connection,
          callbackUrl: `${callbackBase}/hooks/${id}/${secret}`,
          timeoutMs: opts.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS,
          now: ctx.now,
          ...(opts.signal && { signal: opts.signal }),
          waitForCallback: (signal) =>
            new Promise<CallbackRequest>((resolve, reject) => {
              let done = false;
              const check = async () => {
                const [event] = await ctx.store.listEvents(id, { limit: 1 });
                if (!event || done) return;
                finish();
                // The stored (decoded) body, re-encoded for the engine to decode again.
                resolve({
                  headers: { ...event.headers, 'content-type': 'application/json' },
                  bytes: Buffer.from(JSON.stringify(event.body ?? null)),
                });
              };
              const run = () => void check().catch((error: unknown) => (finish(), reject(error)));
              const stopListening = feed.listen(id, run);
              // Another node may take the callback: its store read is the only news of it.
              const timer = setInterval(run, 500);
              const finish = () => {
                done = true;
                stopListening();
                clearInterval(timer);
                signal.removeEventListener('abort', onAbort);
              };
              const onAbort = () => {
                finish();
                reject(signal.reason);
              };
              signal.addEventListener('abort', onAbort, { once: true });
            }),
        });
      } finally {
        await ctx.store.deleteSubscription(id, undefined);
      }
    },

    async remove(ownerId, id) {
      const sub = await ctx.store.getSubscription(id, ownerId);
      if (!sub) throw notFound('subscription', id);
      const result = await unsubscribeAtBackend(sub);
      await ctx.store.deleteSubscription(id, ownerId);
      forget(id);
      return { subscription: sub, unsubscribe: result };
    },

    async receive(id, secret, request) {
      // A short-lived copy of the record spares a read per callback; anything but a match with an
      // active subscription is checked against the store before it is refused.
      const accepts = (x: SubscriptionRecord | undefined): x is SubscriptionRecord =>
        x?.callbackHash !== undefined && x.kind !== 'polling' && tokenMatches(x.callbackHash, secret);
      let sub = await recent(id, false);
      if (!accepts(sub) || sub.status !== 'active') sub = await recent(id, true);
      // Webhook subscriptions and the one-shot waits of callback actions take callbacks; polls do not.
      if (!accepts(sub)) return { status: 404, events: [] };
      // 410 tells well-behaved senders to stop (the platform's answer for a deleted trigger).
      if (sub.status !== 'active') return { status: 410, events: [] };
      const loaded = await ctx.registry.get(sub.connectorId);
      const operation = loaded?.connector.operation(sub.operationId);
      if (!loaded || !operation) return { status: 410, events: [] };
      const { events, warnings } = callbackEvents(loaded.connector, operation, request, {
        subscriptionId: sub.id,
        receivedAt: new Date(ctx.now()),
        policies: policiesOf(loaded.connector),
        ...(sub.deliveryIdHeader && { deliveryIdHeader: sub.deliveryIdHeader }),
      });
      const stored = await ctx.store.addEvents(
        sub.id,
        events.map((e) => ({ ...e, warnings })),
        ctx.now(),
        sub.sinkUrl !== undefined,
      );
      if (stored.length > 0) {
        feed.notify(sub.id);
        if (sub.sinkUrl) wake();
      }
      return { status: 202, events: stored };
    },
  };
}
