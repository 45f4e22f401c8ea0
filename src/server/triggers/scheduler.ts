/**
 * The trigger scheduler of one `flowport serve` node: it leases due polls and due deliveries from
 * the store, runs them with bounded concurrency, and stores the outcome while it still holds the
 * lease. On SQLite it is the only scheduler; on Postgres every node runs one and `for update skip
 * locked` leases keep them from taking the same work (docs/triggers.md, "Scheduling").
 *
 * Crash safety: a poll's events, its new cursor and the release of its lease are one transaction,
 * so a node killed mid-poll leaves the old cursor, and the next poll (after the lease runs out, or
 * at once when the same node starts again) repeats it and produces the same idempotency keys.
 */
import type { JsonValue } from '../../connector/json.ts';
import { maskSecrets } from '../../runtime/connection/secrets.ts';
import type { Arguments } from '../../runtime/types.ts';
import type { DueDelivery, NewTriggerEvent, SubscriptionRecord } from '../../store/trigger-types.ts';
import { type PollState, poll } from '../../triggers/polling.ts';
import type { AppContext } from '../context.ts';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy, deliver } from './delivery.ts';
import type { EventFeed } from './feed.ts';
import type { TriggerService } from './service.ts';

export interface SchedulerOptions {
  /** This node's name in leases; a node restarted under the same name takes its leases back at once. */
  readonly nodeId: string;
  /** How often the store is asked for due work when nothing wakes the scheduler. Default 500 ms. */
  readonly tickMs?: number;
  /** Polls at once. Default 32. */
  readonly pollConcurrency?: number;
  /** Deliveries at once. Default 32. */
  readonly deliveryConcurrency?: number;
  /** How long a poll may hold its subscription. Default 120 s (a poll is cut off before). */
  readonly pollLeaseMs?: number;
  readonly delivery?: Partial<DeliveryPolicy>;
  readonly fetch?: typeof fetch;
  /** Events older than this are deleted (unless still waiting for a delivery). Default 7 days; 0 keeps them. */
  readonly eventRetentionDays?: number;
  /** Called as each poll starts with how late it is (due time to start), for benchmarks and metrics. */
  readonly onPollStart?: (lateMs: number) => void;
  /** Failures are logged here (never with secrets). */
  readonly log?: (message: string, detail?: Record<string, unknown>) => void;
}

export interface Scheduler {
  start(): Promise<void>;
  /** Asks for a tick soon (new subscription, new events). */
  wake(): void;
  /** Stops taking work and waits for the work in flight. */
  stop(): Promise<void>;
  /** One pass (tests): claims and runs what is due now, and waits for it. */
  runOnce(): Promise<{ polls: number; deliveries: number }>;
  /** `postponedPolls`: polls put off because their connection had no call left this minute. */
  readonly stats: {
    polls: number;
    postponedPolls: number;
    deliveries: number;
    delivered: number;
    failedDeliveries: number;
  };
}

export function createScheduler(
  ctx: AppContext,
  service: TriggerService,
  feed: EventFeed,
  options: SchedulerOptions,
): Scheduler {
  const tickMs = options.tickMs ?? 500;
  const pollSlots = options.pollConcurrency ?? 32;
  const deliverySlots = options.deliveryConcurrency ?? 32;
  const pollLeaseMs = options.pollLeaseMs ?? 120_000;
  const policy: DeliveryPolicy = { ...DEFAULT_DELIVERY_POLICY, ...options.delivery };
  const deliveryLeaseMs = policy.timeoutMs + 30_000;
  const node = options.nodeId;
  const log = options.log ?? (() => undefined);
  const stats = { polls: 0, postponedPolls: 0, deliveries: 0, delivered: 0, failedDeliveries: 0 };
  const inFlight = new Set<Promise<unknown>>();
  let polling = 0;
  let delivering = 0;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let again = false;
  const stopping = new AbortController();
  const retentionMs = (options.eventRetentionDays ?? 7) * 86_400_000;
  let pruneTimer: NodeJS.Timeout | undefined;
  async function prune(): Promise<void> {
    if (retentionMs <= 0) return;
    try {
      const n = await ctx.store.pruneEvents(new Date(ctx.now() - retentionMs).toISOString());
      if (n > 0) log('old events pruned', { count: n });
    } catch (error) {
      log('pruning old events failed', { error: String(error) });
    }
  }

  function track<T>(work: Promise<T>): void {
    inFlight.add(work);
    void work.finally(() => {
      inFlight.delete(work);
    });
  }

  async function runPoll(sub: SubscriptionRecord): Promise<void> {
    // A poll is a call through the connection (§12.3): without a call left this minute it waits,
    // state untouched, rather than failing. The random part (up to one interval, at most a minute)
    // spreads the waiting polls of one connection, so they do not all come back at the same instant
    // and none is always last in line; each costs at most about twice the writes its schedule would.
    const waitMs = ctx.throttle.take(sub.connectionId);
    if (waitMs > 0) {
      stats.postponedPolls++;
      const now = ctx.now();
      const spread = Math.random() * Math.min(sub.intervalSeconds * 1000, 60_000);
      await ctx.store.finishPoll(sub.id, node, {
        state: sub.state ?? null,
        nextPollAt: Math.ceil(now + waitMs + spread),
        events: [],
        now,
      });
      return;
    }
    stats.polls++;
    const started = ctx.now();
    options.onPollStart?.(started - (sub.nextPollAt ?? started));
    const previous = sub.state as unknown as PollState | undefined;
    let state: JsonValue;
    let nextPollAt: number;
    let events: NewTriggerEvent[] = [];
    try {
      const t = await service.open(sub);
      try {
        const r = await poll(t.loaded.runtime, sub.operationId, sub.arguments as Arguments, previous, {
          connection: t.connection,
          now: ctx.now,
          intervalSeconds: sub.intervalSeconds,
          backfill: sub.backfill,
          subscriptionId: sub.id,
          signal: AbortSignal.any([AbortSignal.timeout(pollLeaseMs - 5_000), stopping.signal]),
        });
        state = r.state as unknown as JsonValue;
        // The poll's own clock reading, so that `lastPollAt` + delay = `nextPollAt` exactly.
        nextPollAt = Date.parse(r.nextPollAt);
        events = r.warnings.length > 0 ? r.events.map((e) => ({ ...e, warnings: r.warnings })) : r.events;
      } catch (error) {
        if (stopping.signal.aborted) return; // the lease is released by stop(); the poll repeats
        const message = maskSecrets(error instanceof Error ? error.message : String(error), t.secrets);
        state = {
          ...(previous ?? {}),
          lastError: { code: 'TRIGGER_POLL_FAILED', message },
          failures: (previous?.failures ?? 0) + 1,
        } as unknown as JsonValue;
        nextPollAt = started + sub.intervalSeconds * 1000;
        log('poll failed', { subscriptionId: sub.id, message });
      }
    } catch (error) {
      // The connection or the connector is gone: the subscription cannot run any more.
      const message = error instanceof Error ? error.message : String(error);
      await ctx.store.updateSubscription(sub.id, { status: 'error', statusReason: message });
      await ctx.store.finishPoll(sub.id, node, {
        state: sub.state ?? null,
        nextPollAt: started,
        events: [],
        now: ctx.now(),
      });
      log('subscription stopped', { subscriptionId: sub.id, message });
      return;
    }
    const stored = await ctx.store.finishPoll(sub.id, node, { state, nextPollAt, events, now: ctx.now() });
    if (stored === undefined) log('poll lease lost; its result was dropped', { subscriptionId: sub.id });
    else if (stored.length > 0) {
      feed.notify(sub.id);
      if (sub.sinkUrl) wake();
    }
  }

  async function runDelivery(due: DueDelivery): Promise<void> {
    stats.deliveries++;
    const outcome = await deliver(due, policy, {
      now: ctx.now,
      signal: stopping.signal,
      ...(options.fetch && { fetch: options.fetch }),
    });
    if (outcome.delivered) stats.delivered++;
    else stats.failedDeliveries++;
    if (!outcome.delivered && stopping.signal.aborted) return;
    await ctx.store.finishDelivery(due.event.id, node, outcome, ctx.now());
    feed.notify(due.subscription.id);
  }

  async function claim(): Promise<{ polls: Promise<void>[]; deliveries: Promise<void>[]; full: boolean }> {
    const now = ctx.now();
    const polls: Promise<void>[] = [];
    const deliveries: Promise<void>[] = [];
    let full = false;
    const freePolls = pollSlots - polling;
    if (freePolls > 0) {
      const subs = await ctx.store.claimPolls(node, now, pollLeaseMs, freePolls);
      full ||= subs.length === freePolls;
      for (const sub of subs) {
        polling++;
        const work = runPoll(sub)
          .catch((error: unknown) => log('poll crashed', { subscriptionId: sub.id, error: String(error) }))
          .finally(() => {
            polling--;
            wake();
          });
        polls.push(work);
      }
    }
    const freeDeliveries = deliverySlots - delivering;
    if (freeDeliveries > 0) {
      const due = await ctx.store.claimDeliveries(node, now, deliveryLeaseMs, freeDeliveries);
      full ||= due.length === freeDeliveries;
      for (const d of due) {
        delivering++;
        const work = runDelivery(d)
          .catch((error: unknown) => log('delivery crashed', { eventId: d.event.id, error: String(error) }))
          .finally(() => {
            delivering--;
            if (delivering === deliverySlots - 1) wake();
          });
        deliveries.push(work);
      }
    }
    return { polls, deliveries, full };
  }

  function schedule(delay: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref();
  }

  function tick(): void {
    timer = undefined;
    if (!running) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = (async () => {
      try {
        const { polls, deliveries, full } = await claim();
        for (const w of [...polls, ...deliveries]) track(w);
        schedule(full || again ? 0 : tickMs);
      } catch (error) {
        log('scheduler tick failed', { error: String(error) });
        schedule(tickMs * 4);
      } finally {
        again = false;
        ticking = undefined;
      }
    })();
  }

  function wake(): void {
    if (!running) return;
    if (ticking) again = true;
    else schedule(0);
  }

  return {
    stats,
    wake,
    async start() {
      if (running) return;
      // Leases this node held before a crash are taken back now rather than after they run out.
      try {
        await ctx.store.releaseLeases(node);
      } catch (error) {
        // The store does not answer yet: the leases run out on their own; `/readyz` says the rest.
        log('could not release the leases of an earlier run', { error: String(error) });
      }
      running = true;
      schedule(0);
      void prune();
      pruneTimer = setInterval(() => void prune(), 600_000);
      pruneTimer.unref();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      if (pruneTimer) clearInterval(pruneTimer);
      stopping.abort();
      await ticking;
      await Promise.allSettled([...inFlight]);
      await ctx.store.releaseLeases(node).catch(() => undefined);
    },
    async runOnce() {
      const { polls, deliveries } = await claim();
      await Promise.allSettled([...polls, ...deliveries]);
      return { polls: polls.length, deliveries: deliveries.length };
    },
  };
}
