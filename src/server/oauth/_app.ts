/**
 * Test helper: a minimal Fastify app with the real auth hook, problem answers and the OAuth plugin,
 * over a real store, with a connector registry that serves in-memory connectors.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Connector } from '../../connector/model.ts';
import { createRuntime, type RuntimeOptions } from '../../runtime/runtime.ts';
import type { Store } from '../../store/types.ts';
import { registerAuth } from '../auth.ts';
import type { ConnectorRegistry, LoadedConnector, ServerDeps, TokenProviderFactory } from '../deps.ts';
import { classify, PROBLEM_CONTENT_TYPE, toProblem } from '../errors.ts';
import { oauthPlugin } from './plugin.ts';
import { storedTokenProviders } from './token-provider.ts';

/** A registry over fixed connectors, each with one runtime. */
export function fixedRegistry(
  connectors: Readonly<Record<string, Connector>>,
  runtimeOptions: RuntimeOptions = {},
): ConnectorRegistry {
  const loaded = new Map<string, LoadedConnector>(
    Object.entries(connectors).map(([id, connector]) => [
      id,
      { id, version: 1, connector, runtime: createRuntime(connector, runtimeOptions) },
    ]),
  );
  return {
    get: async (id) => loaded.get(id),
    invalidate: async () => {},
    close: async () => {
      await Promise.all([...loaded.values()].map((l) => l.runtime.close()));
    },
  };
}

/** Stores a connector record so connections can point at it (the registry serves the model). */
export async function putTestConnector(store: Store, id: string): Promise<void> {
  await store.putConnector({
    id,
    title: id,
    files: [{ name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(`{"id":"${id}"}`) }],
    validation: { preset: 'recommended', errors: 0, warnings: 0, infos: 0 },
  });
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly deps: ServerDeps;
}

export async function createTestApp(input: {
  readonly store: Store;
  readonly registry: ConnectorRegistry;
  readonly publicUrl: string;
  readonly now?: () => number;
  readonly tokenProviders?: TokenProviderFactory;
  readonly fetch?: typeof fetch;
}): Promise<TestApp> {
  const now = input.now ?? Date.now;
  const base = { store: input.store, registry: input.registry, publicUrl: input.publicUrl, now };
  const deps: ServerDeps = { ...base, tokenProviders: input.tokenProviders ?? storedTokenProviders(base) };
  const app = Fastify({ logger: false });
  registerAuth(app, input.store);
  app.setErrorHandler((error, request, reply) => {
    const c = classify(error);
    reply
      .code(c.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(toProblem(c, request.url.split('?')[0]!));
  });
  await app.register(oauthPlugin, { ...deps, ...(input.fetch && { fetch: input.fetch }) });
  await app.ready();
  return { app, deps };
}
