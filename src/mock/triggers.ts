/**
 * The mock's side of triggers. Webhook triggers: a subscription request is answered `201` with a
 * `Location` to delete it at (the connector's own delete operation when it has one beside the
 * subscribe path, else `/_mock/subscriptions/{id}`), and each fired event is POSTed to the callback
 * URL the subscription carried, made from `x-ms-notification-content`. Polling triggers: fired events
 * wait for the next poll, which answers `200` with them; a poll with none answers `202` with
 * `Location` and `Retry-After`, as the platform's polling protocol has it.
 */
import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../connector/json.ts';
import type { Connector, Operation } from '../connector/model.ts';
import { valueAt } from '../runtime/dynamic/path.ts';
import { exampleValue } from '../runtime/request/example-value.ts';

export interface Subscription {
  readonly id: string;
  readonly operationId: string;
  readonly callbackUrl: string;
  /** Where `DELETE` ends it (an absolute URL). */
  readonly location: string;
  readonly created: string;
  deliveries: number;
}

/** What firing one event did. */
export interface Fired {
  readonly operationId: string;
  readonly kind: 'webhook' | 'polling';
  /** Webhook: the subscription delivered to. */
  readonly subscription?: string;
  /** Webhook: the callback's status; undefined when it could not be reached. */
  readonly status?: number;
  readonly error?: string;
  /** Polling: events waiting for the next poll. */
  readonly pending?: number;
}

export interface TriggerOptions {
  /** Items in each array of a made notification. */
  readonly items: number;
  /** How long a delivery waits for the callback. */
  readonly timeoutMs?: number;
}

export class MockTriggers {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly pending = new Map<string, number>();

  private readonly connector: Connector;
  private readonly options: TriggerOptions;

  constructor(connector: Connector, options: TriggerOptions) {
    this.connector = connector;
    this.options = options;
  }

  /** The webhook and polling triggers that have an operationId (events are fired by it). */
  triggers(): Operation[] {
    return this.connector.operations.filter(
      (o) => o.id !== undefined && (o.kind === 'webhook-trigger' || o.kind === 'polling-trigger'),
    );
  }

  /**
   * Records a subscription from the body of a subscribe request; a message instead when the body has
   * no callback URL where the operation's `x-ms-notification-url` property says.
   */
  subscribe(
    operation: Operation,
    body: JsonValue | undefined,
    origin: string,
    basePath: string,
  ): Subscription | string {
    const path = operation.notificationUrlPath;
    const callback = path && path.length > 0 ? valueAt(body, path) : undefined;
    if (typeof callback !== 'string' || !/^https?:\/\//i.test(callback)) {
      const where = path && path.length > 0 ? `body.${path.join('.')}` : 'the body';
      return `The subscription has no callback URL at ${where} (the \`x-ms-notification-url\` property); the platform puts its own there.`;
    }
    const id = randomUUID();
    const subscription: Subscription = {
      id,
      operationId: operation.id ?? operation.label,
      callbackUrl: callback,
      location: `${origin}${this.deletePath(operation, basePath, id)}`,
      created: new Date().toISOString(),
      deliveries: 0,
    };
    this.subscriptions.set(id, subscription);
    return subscription;
  }

  /** The connector's delete operation under the subscribe path (`DELETE /hooks/{id}`), filled in. */
  private deletePath(operation: Operation, basePath: string, id: string): string {
    const base = basePath === '/' ? '' : basePath.replace(/\/$/, '');
    const prefix = operation.path.replace(/\/$/, '');
    const remover = this.connector.operations.find(
      (o) =>
        o.method === 'delete' &&
        o.path.toLowerCase().startsWith(`${prefix.toLowerCase()}/`) &&
        /^\/\{[^}/]+\}$/.test(o.path.slice(prefix.length)),
    );
    return remover ? `${base}${prefix}/${encodeURIComponent(id)}` : `/_mock/subscriptions/${id}`;
  }

  /** Ends the subscription whose `Location` is this URL; the subscription, or undefined. */
  unsubscribeAt(url: URL): Subscription | undefined {
    for (const s of this.subscriptions.values()) {
      const location = new URL(s.location);
      if (location.pathname.toLowerCase() === url.pathname.toLowerCase()) {
        this.subscriptions.delete(s.id);
        return s;
      }
    }
    return undefined;
  }

  /**
   * The subscriptions, each callback URL with its last path segment and its query shown as `***`: a
   * callback URL is the subscriber's secret (whoever has it can post events), often in those places.
   */
  list(): Subscription[] {
    return [...this.subscriptions.values()].map((s) => ({
      ...s,
      callbackUrl: maskedCallback(s.callbackUrl),
    }));
  }

  /** Events of a polling trigger waiting for its next poll; taken (reset to 0) by the poll. */
  takePending(operationId: string): number {
    const n = this.pending.get(operationId) ?? 0;
    this.pending.delete(operationId);
    return n;
  }

  /**
   * Fires `count` events of one trigger (or of every trigger): webhook events are delivered to each
   * subscription of the trigger at once, polling events wait for the next poll.
   */
  async fire(operationId: string | undefined, count = 1): Promise<Fired[]> {
    const triggers = this.triggers().filter(
      (o) => operationId === undefined || o.id?.toLowerCase() === operationId.toLowerCase(),
    );
    const out: Fired[] = [];
    for (const trigger of triggers) {
      const id = trigger.id as string;
      if (trigger.kind === 'polling-trigger') {
        const pending = (this.pending.get(id) ?? 0) + count;
        this.pending.set(id, pending);
        out.push({ operationId: id, kind: 'polling', pending });
        continue;
      }
      for (const s of this.subscriptions.values()) {
        if (s.operationId !== id) continue;
        for (let i = 0; i < count; i++) out.push(await this.deliver(trigger, s));
      }
    }
    return out;
  }

  private async deliver(trigger: Operation, subscription: Subscription): Promise<Fired> {
    const body = this.notification(trigger, subscription.deliveries);
    const base = {
      operationId: subscription.operationId,
      kind: 'webhook' as const,
      subscription: subscription.id,
    };
    try {
      const response = await fetch(subscription.callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer();
      subscription.deliveries++;
      return { ...base, status: response.status };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ...base, error: cause ?? (error as Error).name };
    }
  }

  /** A notification: from `x-ms-notification-content`, else the trigger's first 2xx response schema. */
  notification(trigger: Operation, sequence: number): JsonValue | undefined {
    const schema =
      trigger.notificationContent?.schema ??
      trigger.responses.find((r) => /^2\d\d$/.test(r.status) && r.schema !== undefined)?.schema;
    if (schema === undefined) return undefined;
    const made = exampleValue(this.connector, schema, 'notification', {
      answer: true,
      items: this.options.items,
      offset: sequence * this.options.items,
      variant: sequence,
    }).value;
    return made as JsonValue | undefined;
  }
}

function maskedCallback(url: string): string {
  const u = new URL(url);
  const segments = u.pathname.split('/');
  if (segments.length > 1 && segments[segments.length - 1] !== '') segments[segments.length - 1] = '***';
  return `${u.origin}${segments.join('/')}${u.search ? '?***' : ''}`;
}
