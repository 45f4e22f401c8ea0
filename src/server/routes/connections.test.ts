import { afterEach, describe, expect, it } from 'vitest';
import {
  type Backend,
  createTestServer,
  postgresAvailable,
  startBackend,
  type TestServer,
  uploadFrom,
  uploadOf,
} from '../testing.ts';

const TASKLANE = new URL('../../../examples/tasklane/', import.meta.url).pathname;
const KEY = 'tl-key-7f3a9c21';

let t: TestServer | undefined;
let backend: Backend | undefined;
afterEach(async () => {
  await t?.close();
  await backend?.close();
  t = undefined;
  backend = undefined;
});

async function setup(
  answer: (url: string) => { status?: number; body?: unknown } = () => ({ body: { value: [] } }),
  engine: 'sqlite' | 'postgres' = 'sqlite',
) {
  backend = await startBackend((r) => answer(r.url));
  t = await createTestServer({
    engine,
    backendOverrides: { tasklane: `${backend.url}/v1` },
    transportOptions: { retry: { count: 0 } },
  });
  const imported = await t.call(t.admin, 'POST', '/api/v1/connectors', { files: uploadOf(TASKLANE) });
  expect(imported.statusCode).toBe(201);
  return t;
}

async function connect(
  server: TestServer,
  as = server.maker,
  values: Record<string, string> = { api_key: KEY },
) {
  const res = await server.call(as, 'POST', '/api/v1/connections', {
    connectorId: 'tasklane',
    name: 'Mine',
    values,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; secretsSet: string[]; values: Record<string, string>; status: string };
}

describe('creating connections', () => {
  it('stores the API key as a secret: never returned, only named in secretsSet', async () => {
    const server = await setup();
    const res = await server.call(server.maker, 'POST', '/api/v1/connections', {
      connectorId: 'tasklane',
      values: { api_key: KEY },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/connections/${res.json().id}`);
    expect(res.json()).toMatchObject({
      connectorId: 'tasklane',
      name: 'Tasklane',
      ownerId: server.maker.user.id,
      values: {},
      secretsSet: ['api_key'],
      status: 'connected',
    });
    expect(res.body).not.toContain(KEY);
    const read = await server.call(server.maker, 'GET', `/api/v1/connections/${res.json().id}`);
    expect(read.body).not.toContain(KEY);
    expect(read.json().secretsSet).toEqual(['api_key']);
  });

  it('refuses values the connector does not accept with CONNECTION_INVALID', async () => {
    const server = await setup();
    const missing = await server.call(server.maker, 'POST', '/api/v1/connections', {
      connectorId: 'tasklane',
      values: {},
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('CONNECTION_INVALID');
    expect(missing.json().detail).toMatch(/api_key/);
    const unknown = await server.call(server.maker, 'POST', '/api/v1/connections', {
      connectorId: 'tasklane',
      values: { api_key: KEY, apikey: 'x' },
    });
    expect(unknown.json().code).toBe('CONNECTION_INVALID');
    expect(unknown.body).not.toContain(KEY);
    const noConnector = await server.call(server.maker, 'POST', '/api/v1/connections', {
      connectorId: 'nope',
      values: {},
    });
    expect(noConnector.statusCode).toBe(404);
  });

  it('starts an OAuth connection unauthenticated until consent', async () => {
    t = await createTestServer();
    const swagger = {
      swagger: '2.0',
      info: { title: 'Orders', version: '1' },
      host: 'api.orders.test',
      paths: { '/orders': { get: { operationId: 'ListOrders', responses: { 200: { description: 'ok' } } } } },
    };
    const properties = {
      connectionParameters: {
        token: {
          type: 'oauthSetting',
          oAuthSettings: {
            identityProvider: 'oauth2',
            clientId: 'c',
            scopes: ['read'],
            customParameters: {
              authorizationUrl: { value: 'https://login.orders.test/authorize' },
              tokenUrl: { value: 'https://login.orders.test/token' },
            },
          },
        },
      },
    };
    await t.call(t.admin, 'POST', '/api/v1/connectors', { files: uploadFrom(swagger, properties) });
    const res = await t.call(t.maker, 'POST', '/api/v1/connections', { connectorId: 'orders' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'unauthenticated', hasTokens: false });
    expect(res.json().statusReason).toMatch(/Sign in/);
    const invoke = await t.call(
      t.maker,
      'POST',
      `/api/v1/connections/${res.json().id}/operations/ListOrders`,
      {},
    );
    expect(invoke.statusCode).toBe(409);
    expect(invoke.json().code).toBe('CONNECTION_UNAUTHENTICATED');
  });
});

describe('changing connections', () => {
  it('lists only the caller’s own connections', async () => {
    const server = await setup();
    const mine = await connect(server);
    await connect(server, server.other);
    const list = (await server.call(server.maker, 'GET', '/api/v1/connections')).json().connections;
    expect(list.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    const filtered = await server.call(server.maker, 'GET', '/api/v1/connections?connectorId=other');
    expect(filtered.json().connections).toEqual([]);
  });

  it('renames, replaces the key (used by the next call) and deletes', async () => {
    const server = await setup(() => ({ body: { value: [] } }));
    const c = await connect(server);
    const renamed = await server.call(server.maker, 'PATCH', `/api/v1/connections/${c.id}`, {
      name: 'Renamed',
    });
    expect(renamed.json().name).toBe('Renamed');
    const rekeyed = await server.call(server.maker, 'PATCH', `/api/v1/connections/${c.id}`, {
      values: { api_key: 'tl-new-key-0042' },
    });
    expect(rekeyed.statusCode).toBe(200);
    expect(rekeyed.json().secretsSet).toEqual(['api_key']);
    expect(rekeyed.body).not.toContain('tl-new-key-0042');
    await server.call(server.maker, 'POST', `/api/v1/connections/${c.id}/operations/ListTasks`, {
      parameters: { projectId: 'p1' },
    });
    expect(backend!.requests.at(-1)?.headers['x-api-key']).toBe('tl-new-key-0042');
    const removed = await server.call(server.maker, 'PATCH', `/api/v1/connections/${c.id}`, {
      values: { api_key: null },
    });
    expect(removed.json().code).toBe('CONNECTION_INVALID');
    expect((await server.call(server.maker, 'DELETE', `/api/v1/connections/${c.id}`)).statusCode).toBe(204);
    expect((await server.call(server.maker, 'GET', `/api/v1/connections/${c.id}`)).statusCode).toBe(404);
  });

  it('tests a connection and stores the status the test gives', async () => {
    let status = 200;
    const server = await setup(() => ({ status, body: { value: [] } }));
    const c = await connect(server);
    const ok = (await server.call(server.maker, 'POST', `/api/v1/connections/${c.id}/test`)).json();
    expect(ok).toMatchObject({
      ok: true,
      connectionStatus: 'connected',
      connection: { status: 'connected' },
    });
    status = 401;
    const failed = (await server.call(server.maker, 'POST', `/api/v1/connections/${c.id}/test`)).json();
    expect(failed).toMatchObject({ ok: false, status: 401, connectionStatus: 'unauthenticated' });
    expect(failed.connection.status).toBe('unauthenticated');
    expect(failed.connection.statusReason).toMatch(/401/);
  });
});

const havePostgres = await postgresAvailable();

describe.each(['sqlite', 'postgres'] as const)('isolation between users on %s', (engine) => {
  it.skipIf(engine === 'postgres' && !havePostgres)(
    "answers 404 to every route on another user's connection, admins included",
    async () => {
      const server = await setup(undefined, engine);
      const c = await connect(server);
      const base = `/api/v1/connections/${c.id}`;
      const attempts: [string, string, unknown][] = [
        ['GET', base, undefined],
        ['PATCH', base, { name: 'x' }],
        ['DELETE', base, undefined],
        ['POST', `${base}/test`, undefined],
        ['POST', `${base}/operations/ListTasks`, { parameters: { projectId: 'p1' } }],
        ['POST', `${base}/operations/CreateTask/dynamic-values`, { target: 'projectId' }],
        ['POST', `${base}/operations/CreateTask/dynamic-schema`, { target: 'body' }],
        ['POST', `${base}/operations/CreateTask/tree`, { target: 'projectId' }],
        ['POST', `${base}/oauth/start`, {}],
      ];
      for (const as of [server.other, server.admin]) {
        for (const [method, url, body] of attempts) {
          const res = await server.call(as, method as 'GET', url, body);
          expect(res.statusCode, `${method} ${url}`).toBe(404);
          expect(res.json().code).toBe('NOT_FOUND');
        }
      }
      expect(backend!.requests).toHaveLength(0);
      expect((await server.call(server.maker, 'GET', base)).json().name).toBe('Mine');
      expect(server.store.engine).toBe(engine);
    },
  );
});
