/**
 * What the store keeps for triggers: subscriptions (a connection, a trigger operation and its
 * arguments, where events go) and their events, each stored before it is delivered.
 */
import type { JsonValue } from '../connector/json.ts';

/** `callback`: the one-shot wait of a callback action being invoked (deleted when it ends). */
export type SubscriptionKind = 'webhook' | 'polling' | 'callback';
/** `active` runs; `stopped` was stopped by its owner; `error` was stopped by flowport (`statusReason`). */
export type SubscriptionStatus = 'active' | 'stopped' | 'error';
/** `none`: no sink, kept in the event log only. `dead`: every attempt failed; a replay makes it `pending`. */
export type DeliveryStatus = 'none' | 'pending' | 'delivered' | 'dead';

export interface SubscriptionRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly connectionId: string;
  readonly connectorId: string;
  readonly operationId: string;
  readonly kind: SubscriptionKind;
  /** The trigger's arguments (`{ parameters, body }`). */
  readonly arguments: JsonValue;
  /** SHA-256 (hex) of the callback secret (webhooks). */
  readonly callbackHash: string | undefined;
  /** The request header carrying the sender's delivery id (webhooks). */
  readonly deliveryIdHeader: string | undefined;
  readonly sinkUrl: string | undefined;
  readonly intervalSeconds: number;
  readonly backfill: boolean;
  /** The webhook `Subscription` or the `PollState`, as the trigger engine made it. */
  readonly state: JsonValue | undefined;
  readonly status: SubscriptionStatus;
  readonly statusReason: string | undefined;
  /** Epoch milliseconds (polling). */
  readonly nextPollAt: number | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewSubscription {
  readonly id: string;
  readonly ownerId: string;
  readonly connectionId: string;
  readonly connectorId: string;
  readonly operationId: string;
  readonly kind: SubscriptionKind;
  readonly arguments: JsonValue;
  readonly callbackHash?: string;
  readonly deliveryIdHeader?: string;
  readonly sinkUrl?: string;
  /** Stored sealed; read back only by `subscriptionSigningSecret`. */
  readonly signingSecret?: string;
  readonly intervalSeconds: number;
  readonly backfill: boolean;
  readonly state?: JsonValue;
  readonly status: SubscriptionStatus;
  readonly statusReason?: string;
  readonly nextPollAt?: number;
}

export interface SubscriptionPatch {
  /** New trigger arguments (the caller resets `state` with them where the cursor depends on them). */
  readonly arguments?: Readonly<Record<string, JsonValue>>;
  readonly intervalSeconds?: number;
  readonly state?: JsonValue;
  /** A new callback secret's hash (a webhook subscribed again). */
  readonly callbackHash?: string;
  readonly status?: SubscriptionStatus;
  /** Cleared when `status` is given without it. */
  readonly statusReason?: string | null;
  readonly nextPollAt?: number | null;
  /** Drops a poll's lease, so that a poll in flight with the old arguments cannot store its cursor. */
  readonly clearLease?: boolean;
}

export interface NewTriggerEvent {
  readonly idempotencyKey: string;
  readonly receivedAt: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: JsonValue;
  /** What the trigger engine noticed about the payload (it is stored all the same). */
  readonly warnings?: readonly string[];
}

export interface DeliveryInfo {
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastStatus: number | undefined;
  readonly lastError: string | undefined;
  /** Epoch milliseconds. */
  readonly nextAttemptAt: number | undefined;
  readonly deliveredAt: string | undefined;
}

export interface TriggerEventRecord {
  readonly id: string;
  /** Increases with every stored event (the event log's cursor). */
  readonly seq: number;
  readonly subscriptionId: string;
  readonly idempotencyKey: string;
  readonly receivedAt: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: JsonValue;
  readonly warnings: readonly string[];
  readonly delivery: DeliveryInfo;
}

/** An event claimed for delivery, with where it goes. */
export interface DueDelivery {
  readonly event: TriggerEventRecord;
  readonly subscription: Pick<SubscriptionRecord, 'id' | 'connectorId' | 'operationId' | 'kind' | 'sinkUrl'>;
  readonly signingSecret: string | undefined;
}

/** The outcome of one delivery attempt. */
export type DeliveryOutcome =
  | { readonly delivered: true; readonly status: number }
  | {
      readonly delivered: false;
      readonly status?: number;
      readonly error: string;
      /** Epoch milliseconds of the next attempt; undefined: dead-lettered. */
      readonly nextAttemptAt: number | undefined;
    };

export interface EventQuery {
  /** Only events with a larger `seq`. */
  readonly after?: number;
  /** Default 100, at most 1,000. */
  readonly limit?: number;
  readonly delivery?: DeliveryStatus;
}

export type DeliveryCounts = Readonly<Record<DeliveryStatus, number>> & { readonly events: number };

/** The trigger part of the `Store`. */
export interface TriggerStore {
  createSubscription(input: NewSubscription): Promise<SubscriptionRecord>;
  /** `ownerId` undefined: any owner (the scheduler, the callback receiver). */
  getSubscription(id: string, ownerId: string | undefined): Promise<SubscriptionRecord | undefined>;
  listSubscriptions(
    ownerId: string,
    filter?: { readonly connectionId?: string },
  ): Promise<SubscriptionRecord[]>;
  /** Subscriptions of a connection, any owner (stopping them when the connection goes). */
  subscriptionsOfConnection(connectionId: string): Promise<SubscriptionRecord[]>;
  updateSubscription(id: string, patch: SubscriptionPatch): Promise<SubscriptionRecord | undefined>;
  deleteSubscription(id: string, ownerId: string | undefined): Promise<boolean>;
  subscriptionSigningSecret(id: string): Promise<string | undefined>;
  deliveryCounts(subscriptionIds: readonly string[]): Promise<Map<string, DeliveryCounts>>;

  /**
   * Leases up to `limit` active polling subscriptions due at `now` to `owner` until `now + leaseMs`
   * (`for update skip locked` on Postgres: nodes never claim the same subscription).
   */
  claimPolls(owner: string, now: number, leaseMs: number, limit: number): Promise<SubscriptionRecord[]>;
  /**
   * In one transaction, while `owner` still holds the lease: stores the poll's events (an idempotency
   * key already stored is skipped), the new state and due time, and releases the lease. Undefined when
   * the lease was lost (nothing stored).
   */
  finishPoll(
    id: string,
    owner: string,
    result: {
      readonly state: JsonValue;
      readonly nextPollAt: number;
      readonly events: readonly NewTriggerEvent[];
      readonly now: number;
    },
  ): Promise<TriggerEventRecord[] | undefined>;
  /** Releases every lease `owner` holds (a node starting again after a crash). */
  releaseLeases(owner: string): Promise<number>;

  /** Stores events of a subscription (webhook callbacks); returns the ones not stored before. */
  addEvents(
    subscriptionId: string,
    events: readonly NewTriggerEvent[],
    now: number,
    /** Whether the subscription has a sink, when the caller knows (spares a read). */
    hasSink?: boolean,
  ): Promise<TriggerEventRecord[]>;
  listEvents(subscriptionId: string, query?: EventQuery): Promise<TriggerEventRecord[]>;
  getEvent(subscriptionId: string, eventId: string): Promise<TriggerEventRecord | undefined>;
  /** Leases up to `limit` pending deliveries due at `now`. */
  claimDeliveries(owner: string, now: number, leaseMs: number, limit: number): Promise<DueDelivery[]>;
  /** Records an attempt while `owner` holds the lease; false when the lease was lost. */
  finishDelivery(eventId: string, owner: string, outcome: DeliveryOutcome, now: number): Promise<boolean>;
  /**
   * Deletes events received before `before` (ISO 8601) that are not waiting for a delivery
   * (`pending`); returns how many.
   */
  pruneEvents(before: string): Promise<number>;
  /** Makes dead (or, with `eventId`, that one delivered or dead) events pending again; returns how many. */
  replayEvents(subscriptionId: string, now: number, eventId?: string): Promise<number>;
}
