import { hostname } from 'node:os';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { TransportOptions } from '../runtime/send/transport.ts';
import type { Store } from '../store/types.ts';
import {
  type ConnectorValidator,
  createBackgroundValidator,
  rememberingValidator,
} from '../validate/background.ts';
import { registerAuth } from './auth.ts';
import { type CacheOptions, cachedStore } from './cached-store.ts';
import { createConnectionResolver } from './connection.ts';
import { createConnectionThrottle } from './connection-throttle.ts';
import type { AppContext, BodyLimits } from './context.ts';
import type { ConnectorRegistry, ServerDeps, TokenProviderFactory } from './deps.ts';
import { classify, PROBLEM_CONTENT_TYPE, ServerError, toProblem } from './errors.ts';
import { type LoggerOption, loggerOptions, requestLogger } from './logging.ts';
import { oauthPlugin } from './oauth/plugin.ts';
import { type StoredTokenProviderOptions, storedTokenProviders } from './oauth/token-provider.ts';
import { collectRoutes, openApiDocument } from './openapi.ts';
import { createRegistry } from './registry.ts';
import { connectionRoutes } from './routes/connections.ts';
import { connectorRoutes } from './routes/connectors.ts';
import { type ConsoleOptions, consoleRoutes } from './routes/console.ts';
import { healthRoutes } from './routes/health.ts';
import { hookRoutes } from './routes/hooks.ts';
import { invokeRoutes } from './routes/invoke.ts';
import { mcpRoutes } from './routes/mcp.ts';
import { operationRoutes } from './routes/operations.ts';
import { relayRoutes } from './routes/relay.ts';
import { responseSchemaRoutes } from './routes/response-schema.ts';
import { subscriptionRoutes } from './routes/subscriptions.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userRoutes } from './routes/users.ts';
import { EventFeed } from './triggers/feed.ts';
import { createScheduler, type Scheduler, type SchedulerOptions } from './triggers/scheduler.ts';
import { createTriggerService, type TriggerService, type TriggerServiceOptions } from './triggers/service.ts';
import { isLocalServer, publicOnlyFetch } from './triggers/sink-guard.ts';

const MiB = 1024 * 1024;

export interface RateLimitOptions {
  /** Requests per token (per client address without a token) in `timeWindow`. Default 600. */
  readonly max?: number;
  /** Milliseconds or a duration (`'1 minute'`). Default one minute. */
  readonly timeWindow?: number | string;
}

export interface AppOptions {
  readonly store: Store;
  /** Where users and OAuth providers reach the server (`http://127.0.0.1:4321`). */
  readonly publicUrl: string;
  /** Fastify's pino logger: `true`, pino options (`{ level, stream }`), or off (default). */
  readonly logger?: LoggerOption;
  /** Clock in epoch milliseconds (token expiry); default `Date.now`. */
  readonly now?: () => number;
  /** Per-token rate limit; `false` turns it off. */
  readonly rateLimit?: RateLimitOptions | false;
  /**
   * Backend calls a minute per connection, in each process (runtime spec §12.3): over it an invoke
   * answers `429 CONNECTION_THROTTLED` and a poll waits. Default 500; 0 turns it off.
   */
  readonly connectionRateLimit?: number;
  /** Body limit of every route but imports, in bytes. Default 1 MiB. */
  readonly bodyLimit?: number;
  /** Body limit of connector imports, in bytes. Default 10 MiB. */
  readonly importBodyLimit?: number;
  /**
   * Backend base URL per connector id (`{ tasklane: 'http://127.0.0.1:4010' }`): for tests and
   * staging only; set by whoever starts the server, never through the API.
   */
  readonly backendOverrides?: Readonly<Record<string, string>>;
  /** Transport options of every runtime (timeouts, retries). */
  readonly transportOptions?: TransportOptions;
  /** Most connector versions kept loaded. Default 64. */
  readonly maxLoadedConnectors?: number;
  /** Options of the stored-token providers (a cross-process refresh lock for Postgres). */
  readonly oauth?: StoredTokenProviderOptions;
  /** Fetch for OAuth token and revocation endpoints (tests, proxies); the global one by default. */
  readonly oauthFetch?: typeof fetch;
  /** The read cache in front of the store (token checks, connections, connectors); `{ ttlMs: 0 }` turns it off. */
  readonly cache?: CacheOptions;
  /** Close the store when the app closes (default true: the app owns the store it is given). */
  readonly closeStore?: boolean;
  /** Trigger subscriptions: the scheduler and where backends send callbacks (docs/triggers.md). */
  readonly triggers?: TriggerOptions;
  /** The web console served at `/` (its built files); `false` serves none. */
  readonly console?: ConsoleOptions | false;
  /**
   * Validates, fixes and compares connectors. Default: a worker thread (started on first use), remembering
   * the findings of the last 32 connectors; closed with the app.
   */
  readonly validator?: ConnectorValidator;
}

export interface TriggerOptions extends TriggerServiceOptions, Partial<SchedulerOptions> {
  /** Run the scheduler (polls, deliveries) in this process. Default true. */
  readonly run?: boolean;
  /** Largest webhook callback body. Default 16 MiB. */
  readonly callbackBodyLimit?: number;
}

/** This node's name in leases: `local` on SQLite (one process), host and process id on Postgres. */
function defaultNodeId(store: Store): string {
  return store.engine === 'sqlite' ? 'local' : `${hostname()}:${process.pid}`;
}

/** What `app.flowport` holds: the routes' shared dependencies and the app's validator. */
export type AppDeps = ServerDeps & { readonly validator: ConnectorValidator };

declare module 'fastify' {
  interface FastifyInstance {
    /** The dependencies the routes share (registry, store, clock). */
    flowport: AppDeps;
    /** The trigger service, its scheduler and the in-process event feed. */
    triggers: { service: TriggerService; scheduler: Scheduler; feed: EventFeed };
  }
}

/**
 * Builds the `flowport serve` app: auth, rate limits, body limits, problem+json errors, the REST API
 * under `/api/v1`, the OAuth routes, `/healthz`, `/readyz` and `/api/openapi.json`. Not listening:
 * `lifecycle.ts` `listen()` starts it, `app.inject()` tests it.
 *
 * @example
 * const app = await createApp({ store: await openStore({ home }), publicUrl: 'http://127.0.0.1:4321' });
 * await listen(app, { port: 4321 });
 */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const limits: BodyLimits = {
    default: options.bodyLimit ?? MiB,
    import: options.importBodyLimit ?? 10 * MiB,
    unzipped: 50 * MiB,
  };
  const logger = loggerOptions(options.logger);
  const app = Fastify({
    logger,
    // Each request's child logger is made on its first line (logging.ts).
    ...(logger && { childLoggerFactory: requestLogger }),
    bodyLimit: limits.default,
    // Request ids are generated here, never taken from a client header.
    requestIdHeader: false,
    return503OnClosing: true,
    // Unknown body properties are refused (Fastify's default silently removes them).
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
    forceCloseConnections: 'idle',
  });
  const routes = collectRoutes(app);
  const now = options.now ?? Date.now;
  // The routes read through a short-lived cache; writes in this process drop what they change.
  const store = cachedStore(options.store, options.cache);
  const registry: ConnectorRegistry = createRegistry({
    store,
    publicUrl,
    ...(options.maxLoadedConnectors !== undefined && { maxLoaded: options.maxLoadedConnectors }),
    ...(options.backendOverrides && { backendOverrides: options.backendOverrides }),
    ...(options.transportOptions && { transportOptions: options.transportOptions }),
  });
  const validator =
    options.validator ??
    rememberingValidator(
      createBackgroundValidator({
        onLost: (error) =>
          app.log.error({ err: error }, 'validation worker lost; validating on the main thread from now on'),
      }),
    );
  const base = { store, registry, publicUrl, now };
  const tokenProviders: TokenProviderFactory = storedTokenProviders(base, options.oauth);
  const deps: ServerDeps = { ...base, tokenProviders };
  const triggerOptions = options.triggers ?? {};
  // Requests made on a user's behalf (deliveries, descriptions named by URL) reach public addresses
  // only, unless private sinks are allowed (sink-guard.ts).
  const privateSinks = triggerOptions.privateSinks ?? isLocalServer(publicUrl);
  const ctx: AppContext = {
    ...deps,
    resolveConnection: createConnectionResolver(store, tokenProviders),
    limits,
    validator,
    userFetch: privateSinks ? fetch : publicOnlyFetch(),
    throttle: createConnectionThrottle({
      now,
      ...(options.connectionRateLimit !== undefined && { perMinute: options.connectionRateLimit }),
    }),
  };

  app.decorate('flowport', { ...deps, validator });
  app.decorate('draining', false);
  app.setErrorHandler(function problem(error: FastifyError, request, reply) {
    const c = classify(error);
    if (c.internal) request.log.error({ err: error }, 'request failed');
    else request.log.info({ errorCode: c.code, status: c.status }, 'request refused');
    const instance = request.url.split('?')[0] ?? request.url;
    if (c.status === 401 && !reply.hasHeader('www-authenticate')) reply.header('www-authenticate', 'Bearer');
    if (error instanceof ServerError && error.headers) reply.headers(error.headers);
    reply.code(c.status).type(PROBLEM_CONTENT_TYPE).send(toProblem(c, instance));
  });
  app.setNotFoundHandler(function routeNotFound(request) {
    throw new ServerError(
      'ROUTE_NOT_FOUND',
      `No route \`${request.method} ${request.url.split('?')[0]}\`; \`GET /api/openapi.json\` lists the routes.`,
    );
  });
  registerAuth(app, store);
  if (options.rateLimit !== false) {
    await app.register(rateLimit, {
      max: options.rateLimit?.max ?? 600,
      timeWindow: options.rateLimit?.timeWindow ?? '1 minute',
      // Authentication is a hook of each route (auth.ts), and a route's hooks run after the app's:
      // counting at `preHandler` sees the caller.
      hook: 'preHandler',
      keyGenerator: (request) => (request.caller ? `token:${request.caller.tokenId}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, context) =>
        new ServerError(
          'RATE_LIMITED',
          `Too many requests for this API token (at most ${context.max} per window); retry in ${context.after}.`,
        ),
    });
  }

  await app.register(async (scope) => healthRoutes(scope, ctx));
  await app.register(async (scope) => connectorRoutes(scope, ctx));
  await app.register(async (scope) => connectionRoutes(scope, ctx));
  await app.register(async (scope) => operationRoutes(scope, ctx));
  await app.register(async (scope) => responseSchemaRoutes(scope, ctx));
  await app.register(async (scope) => mcpRoutes(scope, ctx));
  await app.register(async (scope) => tokenRoutes(scope, ctx));
  await app.register(async (scope) => userRoutes(scope, ctx));
  await app.register(async (scope) => invokeRoutes(scope, ctx));

  const feed = new EventFeed();
  let wakeScheduler = () => {};
  const triggers = createTriggerService(ctx, feed, () => wakeScheduler(), triggerOptions);
  const scheduler = createScheduler(ctx, triggers, feed, {
    ...triggerOptions,
    ...(!triggerOptions.fetch && !privateSinks && { fetch: ctx.userFetch }),
    nodeId: triggerOptions.nodeId ?? defaultNodeId(options.store),
    log: (message, detail) => app.log.warn(detail ?? {}, message),
  });
  wakeScheduler = scheduler.wake;
  app.decorate('triggers', { service: triggers, scheduler, feed });
  await app.register(async (scope) =>
    subscriptionRoutes(scope, ctx, { service: triggers, feed, wake: scheduler.wake }),
  );
  await app.register(async (scope) =>
    hookRoutes(scope, {
      service: triggers,
      ...(triggerOptions.callbackBodyLimit !== undefined && { bodyLimit: triggerOptions.callbackBodyLimit }),
    }),
  );
  await app.register(async (scope) => relayRoutes(scope, ctx, { publicUrl }));
  if (triggerOptions.run !== false) app.addHook('onReady', () => scheduler.start());
  await app.register(async (scope) =>
    oauthPlugin(scope, { ...deps, ...(options.oauthFetch && { fetch: options.oauthFetch }) }),
  );

  if (options.console !== false)
    await app.register(async (scope) => consoleRoutes(scope, options.console || {}));

  app.get(
    '/api/openapi.json',
    {
      config: { public: true, rateLimit: false },
      schema: { tags: ['meta'], summary: 'This OpenAPI document', security: [] },
    },
    async () => openApiDocument(routes, publicUrl),
  );

  app.addHook('onClose', async () => {
    await scheduler.stop();
    await registry.close();
    await validator.close();
    if (options.closeStore !== false) await store.close();
  });
  return app;
}
