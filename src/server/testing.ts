/**
 * Test helpers of the server's tests: an app on a real store in a temp dir (SQLite, or Postgres with
 * `engine: 'postgres'`), users with tokens, connector uploads, and a local backend (node:http).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { POSTGRES_TEST_URL, type TestDatabase, testEngines } from '../store/testing.ts';
import type { Store, User } from '../store/types.ts';
import { type AppOptions, createApp } from './app.ts';

export interface TestUser {
  readonly user: User;
  readonly token: string;
  readonly headers: { readonly authorization: string };
}

export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** The database under the store (a temp SQLite home, or a Postgres schema of its own). */
  readonly database: TestDatabase;
  readonly admin: TestUser;
  readonly maker: TestUser;
  /** A second maker, for cross-user checks. */
  readonly other: TestUser;
  /** `app.inject` as `as`, JSON body when given. */
  call(
    as: TestUser | undefined,
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Files of a connector folder as a JSON upload (`{ files: [{ name, content }] }`). */
export function uploadOf(
  dir: string,
  replace: Record<string, string> = {},
): { name: string; content: string }[] {
  return readdirSync(dir).map((name) => ({
    name,
    content: Buffer.from(replace[name] ?? readFileSync(join(dir, name))).toString('base64'),
  }));
}

/** An in-memory connector upload from a swagger object and apiProperties `properties`. */
export function uploadFrom(swagger: unknown, properties: Record<string, unknown> = {}) {
  return [
    { name: 'apiDefinition.swagger.json', content: Buffer.from(JSON.stringify(swagger)).toString('base64') },
    { name: 'apiProperties.json', content: Buffer.from(JSON.stringify({ properties })).toString('base64') },
  ];
}

/**
 * An app on a fresh store with an admin and two makers. A `now` clock is the store's and the read
 * cache's too, so moving it expires tokens.
 * @example
 * const t = await createTestServer();
 * const res = await t.call(t.admin, 'GET', '/api/v1/connectors');
 */
export async function createTestServer(
  options: Partial<Omit<AppOptions, 'store'>> & { engine?: 'sqlite' | 'postgres' } = {},
): Promise<TestServer> {
  const { engine = 'sqlite', ...appOptions } = options;
  const database = await testEngines.find((e) => e.name === engine)!.create();
  const store = await database.open({ now: appOptions.now });
  const make = async (name: string, role: 'admin' | 'maker'): Promise<TestUser> => {
    const user = await store.createUser(name, role);
    const { token } = await store.createToken(user.id, 'test');
    return { user, token, headers: { authorization: `Bearer ${token}` } };
  };
  const admin = await make('admin', 'admin');
  const maker = await make('maker', 'maker');
  const other = await make('other', 'maker');
  // The database helper closes the store.
  const app = await createApp({
    publicUrl: 'http://127.0.0.1:4321',
    rateLimit: false,
    ...(appOptions.now && { cache: { now: appOptions.now } }),
    ...appOptions,
    store,
    closeStore: false,
  });
  return {
    app,
    store,
    database,
    admin,
    maker,
    other,
    call: (as, method, url, body) =>
      app.inject({
        method,
        url,
        headers: { ...(as?.headers ?? {}) },
        ...(body !== undefined && { payload: body as InjectOptions['payload'] }),
      }),
    close: async () => {
      await app.close();
      await database.cleanup();
    },
  };
}

/** True when Postgres answers at `POSTGRES_TEST_URL`. */
export async function postgresAvailable(): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface Backend {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export type BackendHandler = (
  request: RecordedRequest,
) =>
  | { status?: number; headers?: Record<string, string>; body?: unknown }
  | Promise<{ status?: number; headers?: Record<string, string>; body?: unknown }>;

/** A real HTTP backend on a loopback port; answers JSON from `handler` and records every request. */
export async function startBackend(handler: BackendHandler): Promise<Backend> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const recorded = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const answer = await handler(recorded);
      const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, {
        ...(answer.body !== undefined && { 'content-type': 'application/json' }),
        ...answer.headers,
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export { freePort } from './free-port.ts';

/** A request to a test server's API, a JSON body when given; the answer read whole (`json()` parses it). */
export async function requestJson(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}

/** Polls `check` until it gives a value (or a true), within `ms`; `what` names it in the timeout. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  ms = 15_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
