/**
 * Webhook subscriptions: `POST /hooks` subscribes a URL to an event (201 with `Location`),
 * `DELETE /hooks/{id}` unsubscribes (204), `GET /hooks` lists them. When an event happens the
 * backend POSTs its JSON to every matching subscription; an attempt that gets no 2xx is retried
 * (same body, same `X-Brightdesk-Delivery`) up to `attempts` times with doubling delays, as
 * production webhook senders do. Every attempt is recorded.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Ticket } from './data.ts';
import { apiUrl, isHttpUrl, sendError } from './http.ts';
import { checkTeamFilter } from './input.ts';

export const HOOK_EVENTS = ['ticket.created', 'ticket.updated', 'ticket.deleted'] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];
const DELIVERY_TIMEOUT_MS = 10_000;

export interface Hook {
  readonly id: string;
  readonly url: string;
  readonly event: HookEvent;
  readonly teamId?: string;
  readonly createdAt: string;
}

/** What is POSTed to a subscriber. */
export interface EventPayload {
  readonly id: string;
  readonly event: HookEvent;
  readonly occurredAt: string;
  readonly hookId: string;
  readonly ticket: Ticket;
}

/** One delivery attempt: the subscriber's status, or why nothing came back. */
export interface Delivery {
  readonly hookId: string;
  readonly url: string;
  readonly event: HookEvent;
  readonly eventId: string;
  readonly status?: number;
  readonly error?: string;
}

export interface WebhookOptions {
  readonly now: () => number;
  readonly fetch: typeof globalThis.fetch;
  readonly onDelivery: (delivery: Delivery) => void;
  /** Attempts per delivery (default 1: no retries). */
  readonly attempts?: number;
  /** Delay before the first retry, doubled after each (default 200 ms, at most 5 s). */
  readonly retryDelayMs?: number;
}

export class Webhooks {
  readonly #hooks = new Map<string, Hook>();
  readonly #options: WebhookOptions;

  constructor(options: WebhookOptions) {
    this.#options = options;
  }

  list(): Hook[] {
    return [...this.#hooks.values()];
  }

  subscribe(input: { url: string; event: HookEvent; teamId?: string }): Hook {
    const hook: Hook = {
      id: randomUUID(),
      ...input,
      createdAt: new Date(this.#options.now()).toISOString(),
    };
    this.#hooks.set(hook.id, hook);
    return hook;
  }

  unsubscribe(id: string): boolean {
    return this.#hooks.delete(id);
  }

  /** Delivers `event` to every matching subscription; resolves when every attempt has ended. */
  async emit(event: HookEvent, ticket: Ticket): Promise<void> {
    const targets = this.list().filter(
      (h) => h.event === event && (h.teamId === undefined || h.teamId === ticket.teamId),
    );
    await Promise.all(targets.map((hook) => this.#deliver(hook, event, ticket)));
  }

  async #deliver(hook: Hook, event: HookEvent, ticket: Ticket): Promise<void> {
    const payload: EventPayload = {
      id: `evt_${randomUUID()}`,
      event,
      occurredAt: new Date(this.#options.now()).toISOString(),
      hookId: hook.id,
      ticket,
    };
    const body = JSON.stringify(payload);
    const attempts = Math.max(1, this.#options.attempts ?? 1);
    let delay = this.#options.retryDelayMs ?? 200;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 5_000);
        // Unsubscribed meanwhile: stop.
        if (!this.#hooks.has(hook.id)) return;
      }
      const ok = await this.#attempt(hook, event, payload.id, body);
      if (ok) return;
    }
  }

  async #attempt(hook: Hook, event: HookEvent, eventId: string, body: string): Promise<boolean> {
    const base = { hookId: hook.id, url: hook.url, event, eventId };
    let delivery: Delivery;
    try {
      const response = await this.#options.fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Brightdesk-Webhooks/1.0',
          'x-brightdesk-event': event,
          'x-brightdesk-delivery': eventId,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.body?.cancel();
      delivery = { ...base, status: response.status };
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      delivery = { ...base, error: `${error instanceof Error ? error.message : String(error)}${cause}` };
    }
    this.#options.onDelivery(delivery);
    return delivery.status !== undefined && delivery.status >= 200 && delivery.status < 300;
  }
}


/** Adds the subscription routes to the API scope. */
export function registerHooks(api: FastifyInstance, hooks: Webhooks): void {
  api.get('/hooks', async () => ({ value: hooks.list() }));

  api.post('/hooks', async (request, reply) => {
    const body = request.body as Record<string, unknown> | null;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return sendError(reply, 400, 'invalid_body', 'The body must be a JSON object.');
    if (!isHttpUrl(body.url))
      return sendError(reply, 400, 'invalid_body', '`url` must be an absolute http(s) URL.');
    if (!HOOK_EVENTS.includes(body.event as HookEvent))
      return sendError(reply, 400, 'invalid_body', `\`event\` must be one of ${HOOK_EVENTS.join(', ')}.`);
    const team = checkTeamFilter(body.teamId);
    if ('error' in team) return sendError(reply, 400, 'invalid_body', team.error);
    const hook = hooks.subscribe({
      url: body.url,
      event: body.event as HookEvent,
      ...(team.value !== undefined && { teamId: team.value }),
    });
    return reply
      .code(201)
      .header('location', apiUrl(request, `/hooks/${hook.id}`))
      .send(hook);
  });

  api.delete('/hooks/:hookId', async (request, reply) => {
    const { hookId } = request.params as { hookId: string };
    if (!hooks.unsubscribe(hookId))
      return sendError(reply, 404, 'not_found', `There is no webhook subscription \`${hookId}\`.`);
    return reply.code(204).send();
  });
}
