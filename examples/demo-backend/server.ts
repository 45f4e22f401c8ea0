/**
 * Brightdesk, the demo backend: a small helpdesk API for trying flowport with no account anywhere.
 * API key or OAuth 2 (its own authorization server) on every API route, tickets with paging,
 * attachments, lookup lists, a dynamic schema, webhook subscriptions and a polling endpoint.
 * See docs/demo.md.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyError } from 'fastify';
import { authenticate } from './auth.ts';
import { registerChanges } from './changes.ts';
import { DemoData, type NewTicket, type Ticket } from './data.ts';
import { registerExports } from './exports.ts';
import { type Delivery, type HookEvent, registerHooks, Webhooks } from './hooks.ts';
import { BASE_PATH, sendError } from './http.ts';
import { checkNewTicket } from './input.ts';
import { DEMO_CLIENT_ID, registerOAuth } from './oauth.ts';
import { registerTeams } from './teams.ts';
import { MAX_ATTACHMENT, registerTickets } from './tickets.ts';

/** The documented demo API key; not a secret. */
export const DEMO_API_KEY = 'brightdesk-demo-key';
export const DEFAULT_PORT = 4100;

export interface DemoBackendOptions {
  /** Port to listen on (default 4100; 0 picks a free one). */
  readonly port?: number;
  /** Address to listen on (default `127.0.0.1`). */
  readonly host?: string;
  /** The API key every API route accepts in `X-Api-Key` (default {@link DEMO_API_KEY}). */
  readonly apiKey?: string;
  /** Clock in epoch milliseconds (default `Date.now`); tests move it to expire tokens. */
  readonly now?: () => number;
  /** OAuth access token lifetime in seconds (default 600). */
  readonly tokenLifetime?: number;
  /** `Retry-After` of the polling endpoint in seconds (default 15). */
  readonly retryAfter?: number;
  /** OAuth redirect URIs allowed besides loopback addresses. */
  readonly redirectUris?: readonly string[];
  /** Sends webhook deliveries (default the global `fetch`). */
  readonly fetch?: typeof globalThis.fetch;
  /** Attempts per webhook delivery; failed ones are retried with doubling delays (default 1). */
  readonly webhookAttempts?: number;
  /** Delay before the first webhook retry in milliseconds (default 200). */
  readonly webhookRetryDelayMs?: number;
  /** Receives one line per request and per webhook delivery (default: silent). */
  readonly log?: (line: string) => void;
}

export interface DemoEvents {
  /** Every webhook delivery attempt so far, oldest first. */
  readonly deliveries: readonly Delivery[];
  /** Calls `listener` after each delivery attempt; returns a function that stops it. */
  onDelivery(listener: (delivery: Delivery) => void): () => void;
  /** Resolves when every delivery begun so far has ended. */
  settled(): Promise<void>;
}

export interface DemoBackend {
  /** `http://host:port` of the running server. */
  readonly url: string;
  /** The API base URL, `url` + `/api/v1` (what `--base-url` takes). */
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly events: DemoEvents;
  /** Creates a ticket as `POST /tickets` does, webhook deliveries included; throws on invalid input. */
  createTicket(input: NewTicket): Ticket;
  /** Stops listening once deliveries in flight have ended. */
  close(): Promise<void>;
}

/**
 * Starts the demo backend and resolves once it listens.
 *
 * @example
 * const backend = await startDemoBackend({ port: 0 });
 * await fetch(`${backend.apiUrl}/tickets`, { headers: { 'x-api-key': backend.apiKey } });
 * await backend.close();
 */
export async function startDemoBackend(options: DemoBackendOptions = {}): Promise<DemoBackend> {
  const now = options.now ?? Date.now;
  const apiKey = options.apiKey ?? DEMO_API_KEY;
  const log = options.log;
  if (apiKey === '') throw new Error('The API key must not be empty.');
  const data = new DemoData(now);
  const deliveries: Delivery[] = [];
  const listeners = new Set<(delivery: Delivery) => void>();
  const inFlight = new Set<Promise<void>>();
  const hooks = new Webhooks({
    now,
    fetch: options.fetch ?? globalThis.fetch,
    ...(options.webhookAttempts !== undefined && { attempts: options.webhookAttempts }),
    ...(options.webhookRetryDelayMs !== undefined && { retryDelayMs: options.webhookRetryDelayMs }),
    onDelivery(delivery) {
      deliveries.push(delivery);
      log?.(`webhook ${delivery.event} → ${delivery.url} ${delivery.status ?? `failed (${delivery.error})`}`);
      for (const listener of listeners) listener(delivery);
    },
  });
  const emit = (event: HookEvent, ticket: Ticket) => {
    const delivering = hooks.emit(event, ticket);
    inFlight.add(delivering);
    void delivering.finally(() => inFlight.delete(delivering));
  };

  const app = Fastify({ logger: false, bodyLimit: MAX_ATTACHMENT + 256 * 1024 });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 415) return sendError(reply, 415, 'unsupported_media_type', 'Send JSON.');
    if (status === 413) return sendError(reply, 413, 'too_large', 'The body is too large.');
    if (status < 500) return sendError(reply, status, 'invalid_body', error.message);
    log?.(`error: ${error.message}`);
    return sendError(reply, 500, 'internal', 'The demo backend failed; see its log.');
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `There is no route ${request.method} ${request.url.split('?')[0]}.`),
  );
  if (log) {
    // The path only: query strings may carry OAuth codes and states.
    app.addHook('onResponse', async (request, reply) => {
      const ms = reply.elapsedTime.toFixed(1);
      log(`${request.method} ${request.url.split('?')[0]} ${reply.statusCode} ${ms} ms`);
    });
  }

  const oauth = registerOAuth(app, {
    now,
    tokenLifetime: options.tokenLifetime ?? 600,
    redirectUris: options.redirectUris ?? [],
  });
  app.get('/', async (request) => ({
    name: 'Brightdesk demo backend',
    api: `${request.protocol}://${request.headers.host}${BASE_PATH}`,
    auth: { apiKeyHeader: 'X-Api-Key', oauthClientId: DEMO_CLIENT_ID },
    docs: 'docs/demo.md in the flowport repository',
  }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.register(
    async (api) => {
      api.addHook('onRequest', authenticate(apiKey, oauth));
      registerTeams(api);
      registerChanges(api, data, options.retryAfter ?? 15);
      registerTickets(api, data, emit);
      registerHooks(api, hooks);
      registerExports(api, data, {
        fetch: options.fetch ?? globalThis.fetch,
        now,
        track: (work) => {
          inFlight.add(work);
          void work.finally(() => inFlight.delete(work));
        },
      });
    },
    { prefix: BASE_PATH },
  );

  await app.listen({ port: options.port ?? DEFAULT_PORT, host: options.host ?? '127.0.0.1' });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  const settled = async () => {
    while (inFlight.size > 0) await Promise.all(inFlight);
  };
  return {
    url,
    apiUrl: `${url}${BASE_PATH}`,
    apiKey,
    events: {
      deliveries,
      onDelivery(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      settled,
    },
    createTicket(input) {
      const checked = checkNewTicket(input);
      if ('error' in checked) throw new Error(checked.error);
      const ticket = data.create(checked.value);
      emit('ticket.created', ticket);
      return ticket;
    },
    async close() {
      await settled();
      await app.close();
    },
  };
}
