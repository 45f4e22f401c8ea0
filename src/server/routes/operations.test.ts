import { afterEach, describe, expect, it } from 'vitest';
import {
  type Backend,
  type BackendHandler,
  createTestServer,
  startBackend,
  type TestServer,
  uploadFrom,
  uploadOf,
} from '../testing.ts';

const TASKLANE = new URL('../../../examples/tasklane/', import.meta.url).pathname;
const KEY = 'tl-key-5e8d0b44';

let t: TestServer | undefined;
let backend: Backend | undefined;
afterEach(async () => {
  await t?.close();
  await backend?.close();
  t = undefined;
  backend = undefined;
});

const tasklaneBackend: BackendHandler = (r) => {
  if (r.url === '/v1/projects')
    return {
      body: {
        value: [
          { id: 'p1', name: 'Home' },
          { id: 'p2', name: 'Work' },
        ],
      },
    };
  if (r.url.startsWith('/v1/projects/p1/tasks')) {
    return { body: { value: [{ id: 't1', title: 'Water plants', echo: r.headers['x-api-key'] }] } };
  }
  if (r.url.startsWith('/v1/projects/p2/tasks')) return { status: 500, body: { error: 'boom' } };
  return { status: 404, body: { error: 'no such route' } };
};

async function setup(
  handler: BackendHandler = tasklaneBackend,
  override?: string,
  options: Parameters<typeof createTestServer>[0] = {},
) {
  backend = await startBackend(handler);
  t = await createTestServer({
    backendOverrides: { tasklane: override ?? `${backend.url}/v1`, orders: backend.url },
    transportOptions: { retry: { count: 0 } },
    ...options,
  });
  await t.call(t.admin, 'POST', '/api/v1/connectors', { files: uploadOf(TASKLANE) });
  const c = await t.call(t.maker, 'POST', '/api/v1/connections', {
    connectorId: 'tasklane',
    values: { api_key: KEY },
  });
  return { server: t, id: c.json().id as string };
}

describe('invoking operations', () => {
  it('returns the backend answer and the request sent, the API key masked everywhere', async () => {
    const { server, id } = await setup();
    const res = await server.call(server.maker, 'POST', `/api/v1/connections/${id}/operations/ListTasks`, {
      parameters: { projectId: 'p1', status: 'open' },
    });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({
      operationId: 'ListTasks',
      status: 200,
      bodyKind: 'json',
      pages: 1,
      request: { method: 'GET', url: `${backend!.url}/v1/projects/p1/tasks?status=open` },
    });
    expect(result.body.value[0]).toMatchObject({ id: 't1', echo: '***' });
    expect(result.request.headers['x-api-key']).toBe('***');
    expect(result.headers['content-type']).toBe('application/json');
    expect(typeof result.durationMs).toBe('number');
    expect(res.body).not.toContain(KEY);
    // The backend got the real key.
    expect(backend!.requests[0]?.headers['x-api-key']).toBe(KEY);
  });

  it('compares the answer with the response schema, masking secrets in property names too', async () => {
    const { server, id } = await setup((r) =>
      r.url.startsWith('/v1/projects/p1/tasks')
        ? { body: { value: [{ id: 7, title: 'Water plants', [KEY]: 'echoed as a key' }] } }
        : { status: 404, body: {} },
    );
    const res = await server.call(server.maker, 'POST', `/api/v1/connections/${id}/operations/ListTasks`, {
      parameters: { projectId: 'p1' },
    });
    const { schema } = res.json();
    expect(schema).toMatchObject({ response: '200', partial: false });
    expect(schema.findings.map((f: { kind: string; at: string }) => `${f.kind} ${f.at}`)).toEqual([
      'type /value/*/id',
      'undeclared /value/*/***',
    ]);
    expect(res.body).not.toContain(KEY);
  });

  it('shows the body as sent, secrets masked in it too', async () => {
    const { server, id } = await setup();
    const res = await server.call(server.maker, 'POST', `/api/v1/connections/${id}/operations/CreateTask`, {
      parameters: { projectId: 'p1', body: { title: `Rotate ${KEY}` } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const sent = res.json().request?.body;
    expect(JSON.parse(sent.text)).toEqual({ title: 'Rotate ***' });
    expect(sent).toMatchObject({ omitted: 0 });
    // The size is that of what went over the wire, the real key included.
    expect(sent.bytes).toBe(Buffer.byteLength(JSON.stringify({ title: `Rotate ${KEY}` })));
    expect(res.body).not.toContain(KEY);
    expect(backend!.requests[0]?.body).toContain(KEY);
    // Without a body there is none to show.
    const list = await server.call(server.maker, 'POST', `/api/v1/connections/${id}/operations/ListTasks`, {
      parameters: { projectId: 'p1' },
    });
    expect(list.json().request.body).toBeUndefined();
  });

  it('follows an action answered 202 Accepted to its final answer, unless asked not to', async () => {
    let polls = 0;
    const { server, id } = await setup((r) => {
      if (r.method === 'POST')
        return { status: 202, headers: { location: '/v1/jobs/9', 'retry-after': '0' } };
      if (r.url === '/v1/jobs/9') {
        polls++;
        return polls < 2 ? { status: 202 } : { body: { id: 't9', title: 'Done' } };
      }
      return { status: 404, body: {} };
    });
    const url = `/api/v1/connections/${id}/operations/CreateTask`;
    const parameters = { projectId: 'p1', body: { title: 'Slow' } };
    const res = await server.call(server.maker, 'POST', url, { parameters });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 200,
      body: { id: 't9' },
      async: { polls: 2, location: `${backend!.url}/v1/jobs/9` },
      request: { method: 'POST' },
    });
    expect(
      backend!.requests.filter((r) => r.url === '/v1/jobs/9').map((r) => r.headers['x-api-key']),
    ).toEqual([KEY, KEY]);
    const off = await server.call(server.maker, 'POST', url, { parameters, async: false });
    expect(off.json()).toMatchObject({ status: 202 });
    expect(off.json().async).toBeUndefined();
  });

  it('returns a backend error status as a result, not as a problem', async () => {
    const { server, id } = await setup();
    const res = await server.call(server.maker, 'POST', `/api/v1/connections/${id}/operations/ListTasks`, {
      parameters: { projectId: 'p2' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 500, body: { error: 'boom' } });
  });

  it('answers 400 for a missing parameter and 404 for an unknown operation, sending nothing', async () => {
    const { server, id } = await setup();
    const missing = await server.call(
      server.maker,
      'POST',
      `/api/v1/connections/${id}/operations/ListTasks`,
      {},
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('PARAMETER_REQUIRED');
    const unknown = await server.call(
      server.maker,
      'POST',
      `/api/v1/connections/${id}/operations/ListTask`,
      {},
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'OPERATION_NOT_FOUND' });
    expect(unknown.json().detail).toMatch(/ListTasks/);
    expect(backend!.requests).toHaveLength(0);
  });

  it('answers 502 when the backend cannot be reached', async () => {
    const { server, id } = await setup(tasklaneBackend, 'http://127.0.0.1:9/v1');
    const res = await server.call(server.maker, 'POST', `/api/v1/connections/${id}/operations/ListTasks`, {
      parameters: { projectId: 'p1' },
    });
    expect(res.statusCode).toBe(502);
    expect(res.json().code).toBe('UPSTREAM_UNREACHABLE');
  });

  it('returns the trace when asked', async () => {
    const { server, id } = await setup();
    const res = await server.call(server.maker, 'POST', `/api/v1/connections/${id}/operations/ListTasks`, {
      parameters: { projectId: 'p1' },
      trace: true,
    });
    expect(res.json().trace).toEqual(expect.arrayContaining([expect.stringMatching(/^auth: api-key/)]));
  });

  it('stores the unauthenticated status a policy sets, and then fails fast', async () => {
    backend = await startBackend(() => ({ status: 401, body: { error: 'expired' } }));
    t = await createTestServer({
      backendOverrides: { orders: backend.url },
      transportOptions: { retry: { count: 0 } },
    });
    const swagger = {
      swagger: '2.0',
      info: { title: 'Orders', version: '1' },
      host: 'api.orders.test',
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'x-key' } },
      paths: { '/orders': { get: { operationId: 'ListOrders', responses: { 200: { description: 'ok' } } } } },
    };
    const properties = {
      connectionParameters: { api_key: { type: 'securestring' } },
      policyTemplateInstances: [
        {
          templateId: 'setconnectionstatustounauthenticated',
          title: 'Expired key',
          parameters: { 'x-ms-apimTemplateParameter.statusCode': 401 },
        },
      ],
    };
    await t.call(t.admin, 'POST', '/api/v1/connectors', { files: uploadFrom(swagger, properties) });
    const c = (
      await t.call(t.maker, 'POST', '/api/v1/connections', {
        connectorId: 'orders',
        values: { api_key: 'k-1234' },
      })
    ).json();
    const first = await t.call(t.maker, 'POST', `/api/v1/connections/${c.id}/operations/ListOrders`, {});
    expect(first.json()).toMatchObject({ status: 401, connectionStatus: 'unauthenticated' });
    expect((await t.call(t.maker, 'GET', `/api/v1/connections/${c.id}`)).json().status).toBe(
      'unauthenticated',
    );
    const second = await t.call(t.maker, 'POST', `/api/v1/connections/${c.id}/operations/ListOrders`, {});
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CONNECTION_UNAUTHENTICATED');
    expect(backend.requests).toHaveLength(1);
  });
});

describe('design-time lookups', () => {
  it('lists dynamic values through the operation the extension names', async () => {
    const { server, id } = await setup();
    const res = await server.call(
      server.maker,
      'POST',
      `/api/v1/connections/${id}/operations/CreateTask/dynamic-values`,
      {
        target: 'projectId',
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().values).toEqual([
      { value: 'p1', displayName: 'Home' },
      { value: 'p2', displayName: 'Work' },
    ]);
    expect(backend!.requests[0]?.url).toBe('/v1/projects');
  });

  it('answers 400 for a target without the extension asked for', async () => {
    const { server, id } = await setup();
    for (const kind of ['dynamic-schema', 'tree']) {
      const res = await server.call(
        server.maker,
        'POST',
        `/api/v1/connections/${id}/operations/CreateTask/${kind}`,
        {
          target: 'projectId',
        },
      );
      expect(res.statusCode, kind).toBe(400);
      expect(res.json().code).toBe('PARAMETER_INVALID');
    }
  });

  it('answers 502 when the lookup operation fails', async () => {
    const { server, id } = await setup(() => ({ status: 500, body: {} }));
    const res = await server.call(
      server.maker,
      'POST',
      `/api/v1/connections/${id}/operations/CreateTask/dynamic-values`,
      {
        target: 'projectId',
      },
    );
    expect(res.statusCode).toBe(502);
    expect(res.json().code).toBe('DYNAMIC_LOOKUP_FAILED');
  });
});

describe('POST /invoke (Power Fx connector client)', () => {
  it('routes x-ms-request-url to the operation by method and path and answers with the backend', async () => {
    const { server, id } = await setup();
    const res = await server.app.inject({
      method: 'POST',
      url: '/invoke',
      headers: {
        ...server.maker.headers,
        'x-ms-request-method': 'GET',
        'x-ms-request-url': `/apim/tasklane/${id}/projects/p1/tasks?status=done`,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().value[0].id).toBe('t1');
    expect(backend!.requests[0]?.url).toBe('/v1/projects/p1/tasks?status=done');
  });

  it('answers 404 for another user’s connection and for a path no operation has', async () => {
    const { server, id } = await setup();
    const other = await server.app.inject({
      method: 'POST',
      url: '/invoke',
      headers: {
        ...server.other.headers,
        'x-ms-request-method': 'GET',
        'x-ms-request-url': `/apim/tasklane/${id}/projects/p1/tasks`,
      },
    });
    expect(other.statusCode).toBe(404);
    const noPath = await server.app.inject({
      method: 'POST',
      url: '/invoke',
      headers: {
        ...server.maker.headers,
        'x-ms-request-method': 'GET',
        'x-ms-request-url': `/apim/tasklane/${id}/nothing`,
      },
    });
    expect(noPath.json().code).toBe('OPERATION_NOT_FOUND');
    expect(backend!.requests).toHaveLength(0);
  });
});

describe('the per-connection throttle (runtime spec §12.3)', () => {
  const listTasks = (server: TestServer, id: string) =>
    server.call(server.maker, 'POST', `/api/v1/connections/${id}/operations/ListTasks`, {
      parameters: { projectId: 'p1' },
    });

  it('answers the call over the limit with 429, Retry-After and a code, without calling the backend', async () => {
    let clock = Date.now();
    const { server, id } = await setup(tasklaneBackend, undefined, {
      connectionRateLimit: 3,
      now: () => clock,
    });
    for (let i = 0; i < 3; i++) expect((await listTasks(server, id)).statusCode).toBe(200);
    expect(backend!.requests).toHaveLength(3);

    const refused = await listTasks(server, id);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    // One of the 3 calls a minute comes back every 20 s.
    expect(refused.headers['retry-after']).toBe('20');
    expect(refused.json()).toMatchObject({ status: 429, code: 'CONNECTION_THROTTLED' });
    expect(refused.json().detail).toMatch(/3 calls .*--connection-rate-limit/);
    expect(backend!.requests).toHaveLength(3);

    // The gateway route and the design-time lookups go through the same bucket.
    const gateway = await server.app.inject({
      method: 'POST',
      url: '/invoke',
      headers: {
        ...server.maker.headers,
        'x-ms-request-method': 'GET',
        'x-ms-request-url': `/apim/tasklane/${id}/projects/p1/tasks`,
      },
    });
    expect(gateway.statusCode).toBe(429);
    expect(gateway.headers['retry-after']).toBe('20');
    const lookup = await server.call(
      server.maker,
      'POST',
      `/api/v1/connections/${id}/operations/CreateTask/dynamic-values`,
      { target: 'projectId' },
    );
    expect(lookup.statusCode).toBe(429);
    expect(lookup.json().code).toBe('CONNECTION_THROTTLED');
    expect(backend!.requests).toHaveLength(3);

    // Another connection has its own bucket.
    const second = await server.call(server.maker, 'POST', '/api/v1/connections', {
      connectorId: 'tasklane',
      values: { api_key: KEY },
    });
    expect((await listTasks(server, second.json().id)).statusCode).toBe(200);

    // 20 s later one call is back, and only one.
    clock += 19_000;
    expect((await listTasks(server, id)).headers['retry-after']).toBe('1');
    clock += 1_000;
    expect((await listTasks(server, id)).statusCode).toBe(200);
    expect((await listTasks(server, id)).statusCode).toBe(429);
    expect(backend!.requests).toHaveLength(5);
  });

  it('allows 500 calls a minute by default, and any number with 0', async () => {
    const burst = async (server: TestServer, id: string, n: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < n; i += 50) {
        const batch = Array.from({ length: Math.min(50, n - i) }, () => listTasks(server, id));
        for (const res of await Promise.all(batch)) statuses.push(res.statusCode);
      }
      return statuses;
    };
    // A still clock: the refill (one call every 120 ms) would let a slow run through.
    const now = () => 1_700_000_000_000;
    const byDefault = await setup(tasklaneBackend, undefined, { now });
    const statuses = await burst(byDefault.server, byDefault.id, 501);
    expect(statuses.filter((s) => s === 200)).toHaveLength(500);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    await t?.close();
    await backend?.close();

    const off = await setup(tasklaneBackend, undefined, { now, connectionRateLimit: 0 });
    expect((await burst(off.server, off.id, 600)).every((s) => s === 200)).toBe(true);
    expect(backend!.requests).toHaveLength(600);
  });
});
