import { afterEach, describe, expect, it } from 'vitest';
import { STATUS_OF } from './errors.ts';
import { openApiPath } from './openapi.ts';
import { createTestServer, type TestServer } from './testing.ts';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(res.body) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, code, type: `https://flowport.dev/errors/${code}` });
  expect(typeof problem.title).toBe('string');
  expect(typeof problem.detail).toBe('string');
  expect(typeof problem.instance).toBe('string');
  expect(res.body).not.toMatch(/at .+\.ts:\d+/);
  return problem;
}

describe('authentication', () => {
  it('refuses a request without a token with a 401 problem and WWW-Authenticate', async () => {
    t = await createTestServer();
    const res = await t.call(undefined, 'GET', '/api/v1/connectors');
    expectProblem(res, 401, 'UNAUTHORIZED');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('refuses an unknown token and a revoked one, and accepts a valid one', async () => {
    // Revoked straight in the store (as `flowport token revoke` does): seen once the read cache expires.
    let clock = 1_000;
    t = await createTestServer({ cache: { ttlMs: 2_000, now: () => clock } });
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/connectors',
      headers: { authorization: 'Bearer fp_not_a_real_token' },
    });
    expectProblem(unknown, 401, 'UNAUTHORIZED');
    const ok = await t.call(t.maker, 'GET', '/api/v1/connectors');
    expect(ok.statusCode).toBe(200);
    const tokens = await t.store.listTokens(t.maker.user.id);
    await t.store.revokeToken(tokens[0]!.id, t.maker.user.id);
    expect((await t.call(t.maker, 'GET', '/api/v1/connectors')).statusCode).toBe(200);
    clock += 2_001;
    expectProblem(await t.call(t.maker, 'GET', '/api/v1/connectors'), 401, 'UNAUTHORIZED');
  });

  it('refuses a token revoked through the API at once', async () => {
    t = await createTestServer();
    const tokens = await t.store.listTokens(t.maker.user.id);
    expect((await t.call(t.maker, 'GET', '/api/v1/connectors')).statusCode).toBe(200);
    const revoked = await t.call(t.admin, 'DELETE', `/api/v1/tokens/${tokens[0]!.id}`);
    expect(revoked.statusCode).toBeLessThan(300);
    expectProblem(await t.call(t.maker, 'GET', '/api/v1/connectors'), 401, 'UNAUTHORIZED');
  });

  it('refuses a request to an unknown route without a token with 401, not 404', async () => {
    t = await createTestServer();
    expectProblem(await t.call(undefined, 'GET', '/api/v1/nothing'), 401, 'UNAUTHORIZED');
  });

  it('refuses a maker an admin route with 403 and lets an admin through', async () => {
    t = await createTestServer();
    expectProblem(await t.call(t.maker, 'GET', '/api/v1/users'), 403, 'FORBIDDEN');
    expect((await t.call(t.admin, 'GET', '/api/v1/users')).statusCode).toBe(200);
  });

  it('refuses a malformed Authorization header', async () => {
    t = await createTestServer();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/connectors',
      headers: { authorization: `Basic ${t.maker.token}` },
    });
    expectProblem(res, 401, 'UNAUTHORIZED');
  });

  it('serves /healthz, /readyz and /api/openapi.json without a token', async () => {
    t = await createTestServer();
    expect((await t.call(undefined, 'GET', '/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.call(undefined, 'GET', '/readyz')).json()).toEqual({ status: 'ready' });
    expect((await t.call(undefined, 'GET', '/api/openapi.json')).statusCode).toBe(200);
  });

  it('answers /readyz with 503 once the store is closed', async () => {
    t = await createTestServer();
    await t.store.close();
    expectProblem(await t.call(undefined, 'GET', '/readyz'), 503, 'NOT_READY');
  });
});

describe('errors', () => {
  it('answers an unknown route with a ROUTE_NOT_FOUND problem', async () => {
    t = await createTestServer();
    const problem = expectProblem(
      await t.call(t.maker, 'GET', '/api/v1/nothing?x=1'),
      404,
      'ROUTE_NOT_FOUND',
    );
    expect(problem.instance).toBe('/api/v1/nothing');
  });

  it('answers a body that fails the route schema with VALIDATION_FAILED naming the field', async () => {
    t = await createTestServer();
    const problem = expectProblem(
      await t.call(t.maker, 'POST', '/api/v1/tokens', { name: 'x', extra: true }),
      400,
      'VALIDATION_FAILED',
    );
    expect(problem.detail).toMatch(/additional properties/);
    expectProblem(await t.call(t.maker, 'POST', '/api/v1/tokens', { name: '' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await t.call(t.maker, 'POST', '/api/v1/tokens', { name: ['a', 'b'] }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('answers malformed JSON with a 400 problem', async () => {
    t = await createTestServer();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { ...t.maker.headers, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expectProblem(res, 400, 'BAD_REQUEST');
  });

  it('answers a body over the limit with a 413 problem', async () => {
    t = await createTestServer({ bodyLimit: 1000 });
    const res = await t.call(t.maker, 'POST', '/api/v1/tokens', { name: 'x'.repeat(2000) });
    expectProblem(res, 413, 'BODY_TOO_LARGE');
  });

  it('maps every error code to a 4xx or 5xx status', () => {
    for (const [code, status] of Object.entries(STATUS_OF)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
    expect(STATUS_OF.PARAMETER_REQUIRED).toBe(400);
    expect(STATUS_OF.UPSTREAM_UNREACHABLE).toBe(502);
    expect(STATUS_OF.UPSTREAM_TIMEOUT).toBe(504);
  });
});

describe('rate limits', () => {
  it('limits each token separately and answers 429 problems with Retry-After', async () => {
    t = await createTestServer({ rateLimit: { max: 3, timeWindow: 60_000 } });
    for (let i = 0; i < 3; i++)
      expect((await t.call(t.maker, 'GET', '/api/v1/connectors')).statusCode).toBe(200);
    const limited = await t.call(t.maker, 'GET', '/api/v1/connectors');
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    // Another token has its own budget.
    expect((await t.call(t.other, 'GET', '/api/v1/connectors')).statusCode).toBe(200);
  });
});

/** Routes from Fastify's own route tree (`printRoutes`), independent of the generator's records. */
function registeredRoutes(tree: string): { method: string; url: string }[] {
  const stack: string[] = [];
  const out: { method: string; url: string }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const url = `${stack[depth - 1] ?? ''}${m[2]}`;
    stack[depth] = url;
    for (const method of m[3]!.split(', ')) out.push({ method, url });
  }
  return out;
}

describe('OpenAPI document', () => {
  it('describes every registered route with its method', async () => {
    t = await createTestServer();
    const doc = (await t.call(undefined, 'GET', '/api/openapi.json')).json() as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false }));
    expect(routes.length).toBeGreaterThan(25);
    // The console's pages (everything outside these prefixes) are not API routes (routes/console.ts).
    const apiRoute = /^\/(api|oauth|healthz|readyz|hooks|apim|invoke)(\/|$)/;
    for (const { method, url } of routes) {
      if (method === 'HEAD' || !apiRoute.test(url)) continue;
      // The webhook callback's 405 answers to other methods are not API routes either.
      if (url === '/hooks/:id/:secret' && method !== 'POST') continue;
      const path = openApiPath(url);
      expect(doc.paths[path]?.[method.toLowerCase()], `${method} ${path}`).toBeDefined();
    }
    expect(doc.paths['/healthz']?.get?.security).toEqual([]);
    expect(doc.paths['/api/v1/connectors']?.post?.security).toBeUndefined();
    expect(doc.paths['/api/v1/connectors/{id}']?.get?.responses.default).toBeDefined();
  });
});
