import { describe, expect, it } from 'vitest';
import { FlowportError } from '../errors.ts';
import { encodePageLink } from './policies/page-link.ts';
import { createRuntime } from './runtime.ts';
import { json, memoryConnector, recordingTransport } from './testing.ts';
import type { TokenProvider } from './types.ts';

function swagger(extra: Record<string, unknown> = {}, paths: Record<string, unknown> = {}) {
  return {
    swagger: '2.0',
    info: { title: 'Orders', version: '1.0' },
    host: 'api.orders.test',
    basePath: '/v2',
    schemes: ['https'],
    securityDefinitions: { api_key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
    paths: {
      '/orders': {
        get: {
          operationId: 'ListOrders',
          'x-ms-pageable': { nextLinkName: 'nextLink' },
          parameters: [{ name: 'status', in: 'query', type: 'string' }],
          responses: { '200': { description: 'OK' } },
        },
        post: {
          operationId: 'CreateOrder',
          parameters: [{ name: 'body', in: 'body', required: true, schema: { type: 'object' } }],
          responses: { '201': { description: 'Created' } },
        },
      },
      '/orders/{id}': {
        get: {
          operationId: 'GetOrder',
          parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
          responses: { '200': { description: 'OK' } },
        },
      },
      ...paths,
    },
    ...extra,
  };
}

const apiKey = {
  api_key: {
    type: 'securestring',
    uiDefinition: { displayName: 'API key', constraints: { required: 'true' } },
  },
};
const connection = { values: { api_key: 'k-123' } };

function policy(templateId: string, parameters: Record<string, unknown>) {
  return { templateId, title: templateId, parameters };
}

describe('createRuntime().invoke', () => {
  it('builds the request, applies the API key and returns the decoded response', async () => {
    const transport = recordingTransport(() => json(200, { id: 'o1' }));
    const runtime = createRuntime(memoryConnector(swagger(), { connectionParameters: apiKey }), {
      transport,
    });
    const result = await runtime.invoke('GetOrder', { id: 'a b/c' }, { connection });
    expect(transport.sent[0]?.url).toBe('https://api.orders.test/v2/orders/a%20b/c');
    expect(transport.sent[0]?.headers.get('x-key')).toBe('k-123');
    expect(result.ok).toBe(true);
    expect(result.response.body).toEqual({ kind: 'json', value: { id: 'o1' } });
    expect(result.request?.method).toBe('GET');
  });

  it('sends to the base URL given instead of the swagger host', async () => {
    const transport = recordingTransport(() => json(200, {}));
    const runtime = createRuntime(memoryConnector(swagger(), { connectionParameters: apiKey }), {
      transport,
      baseUrl: 'http://127.0.0.1:4010',
    });
    await runtime.invoke('ListOrders', { status: 'open' }, { connection });
    expect(transport.sent[0]?.url).toBe('http://127.0.0.1:4010/orders?status=open');
  });

  it('sends to the base URL given also where a dynamichosturl policy builds another, and to the policy’s without one', async () => {
    const connector = memoryConnector(swagger(), {
      connectionParameters: { ...apiKey, instance: { type: 'string' } },
      policyTemplateInstances: [
        policy('dynamichosturl', {
          'x-ms-apimTemplateParameter.urlTemplate': "https://@connectionParameters('instance').shop.test/api",
        }),
      ],
    });
    const values = { values: { ...connection.values, instance: 'acme' } };
    const pinned = recordingTransport(() => json(200, {}));
    const staged = createRuntime(connector, { transport: pinned, baseUrl: 'http://127.0.0.1:4010/v2' });
    await staged.invoke('GetOrder', { id: '1' }, { connection: values });
    expect(pinned.sent[0]?.url).toBe('http://127.0.0.1:4010/v2/orders/1');
    const direct = recordingTransport(() => json(200, {}));
    await createRuntime(connector, { transport: direct }).invoke(
      'GetOrder',
      { id: '1' },
      { connection: values },
    );
    expect(direct.sent[0]?.url).toBe('https://acme.shop.test/api/orders/1');
    // The policy still runs with a base URL given: its errors are reported as without one.
    await expect(
      staged.invoke(
        'GetOrder',
        { id: '1' },
        { connection: { values: { ...connection.values, instance: 'a b' } } },
      ),
    ).rejects.toMatchObject({ code: 'POLICY_FAILED' });
  });

  it('names the nearest operation when the id is unknown', async () => {
    const runtime = createRuntime(memoryConnector(swagger()), {
      transport: recordingTransport(() => json(200, {})),
    });
    await expect(runtime.invoke('GetOrders')).rejects.toMatchObject({
      code: 'OPERATION_NOT_FOUND',
      message: expect.stringContaining('`GetOrder`'),
    });
  });

  it('runs request policies after auth, so a policy can replace the Authorization header', async () => {
    const transport = recordingTransport(() => json(200, {}));
    const connector = memoryConnector(swagger({ securityDefinitions: { basic: { type: 'basic' } } }), {
      connectionParameters: {
        username: { type: 'string' },
        password: { type: 'securestring' },
        apiKey: { type: 'securestring' },
      },
      policyTemplateInstances: [
        policy('setheader', {
          'x-ms-apimTemplateParameter.name': 'Authorization',
          'x-ms-apimTemplateParameter.value': "DdApi @connectionParameters('apiKey')",
          'x-ms-apimTemplate-policySection': 'Request',
        }),
      ],
    });
    const runtime = createRuntime(connector, { transport });
    await runtime.invoke(
      'GetOrder',
      { id: '1' },
      { connection: { values: { username: 'u', password: 'p', apiKey: 'secret' } } },
    );
    expect(transport.sent[0]?.headers.get('authorization')).toBe('DdApi secret');
  });

  it('runs response policies on every response and failure policies only on errors', async () => {
    const statuses = [200, 500];
    const transport = recordingTransport((_r, i) => json(statuses[i] ?? 200, {}));
    const connector = memoryConnector(swagger(), {
      connectionParameters: apiKey,
      policyTemplateInstances: [
        policy('setheader', {
          'x-ms-apimTemplateParameter.name': 'x-seen',
          'x-ms-apimTemplateParameter.value': 'yes',
          'x-ms-apimTemplate-policySection': 'Response',
        }),
        policy('setheader', {
          'x-ms-apimTemplateParameter.name': 'x-failed',
          'x-ms-apimTemplateParameter.value': 'yes',
          'x-ms-apimTemplate-policySection': 'Failure',
        }),
      ],
    });
    const runtime = createRuntime(connector, { transport, transportOptions: {} });
    const ok = await runtime.invoke('GetOrder', { id: '1' }, { connection });
    const failed = await runtime.invoke('GetOrder', { id: '2' }, { connection });
    expect([ok.response.headers.get('x-seen'), ok.response.headers.get('x-failed')]).toEqual(['yes', null]);
    expect([failed.response.headers.get('x-seen'), failed.response.headers.get('x-failed')]).toEqual([
      'yes',
      'yes',
    ]);
    expect(failed.ok).toBe(false);
  });

  it('refuses operations covered by script.csx before anything is sent', async () => {
    const transport = recordingTransport(() => json(200, {}));
    const connector = memoryConnector(
      swagger(),
      {
        connectionParameters: apiKey,
        scriptOperations: ['GetOrder'],
        policyTemplateInstances: [
          policy('setvaluefromurl', {
            'x-ms-apimTemplateParameter.parameterTemplate': "@headers('If-Match')",
            'x-ms-apimTemplateParameter.parameterValueUrl': '/orders/{id}',
            'x-ms-apimTemplateParameter.parameterValuePathTemplate': '@body().etag',
            'x-ms-apimTemplate-operationName': ['GetOrder'],
          }),
        ],
      },
      { 'script.csx': 'public class Script : ScriptBase { }' },
    );
    const runtime = createRuntime(connector, { transport });
    await expect(runtime.invoke('GetOrder', { id: '1' }, { connection })).rejects.toMatchObject({
      code: 'CUSTOM_CODE_UNSUPPORTED',
    });
    expect(transport.sent).toHaveLength(0);
    await expect(runtime.invoke('ListOrders', {}, { connection })).resolves.toMatchObject({ ok: true });
  });

  it('fails fast on an unauthenticated connection', async () => {
    const transport = recordingTransport(() => json(200, {}));
    const runtime = createRuntime(memoryConnector(swagger(), { connectionParameters: apiKey }), {
      transport,
    });
    await expect(
      runtime.invoke('ListOrders', {}, { connection: { ...connection, status: 'unauthenticated' } }),
    ).rejects.toBeInstanceOf(FlowportError);
    expect(transport.sent).toHaveLength(0);
  });

  it('reports the status a setconnectionstatustounauthenticated policy sets', async () => {
    const transport = recordingTransport(() => json(401, { error: 'expired' }));
    const connector = memoryConnector(swagger(), {
      connectionParameters: apiKey,
      policyTemplateInstances: [
        policy('setconnectionstatustounauthenticated', { 'x-ms-apimTemplateParameter.statusCode': 401 }),
      ],
    });
    const result = await createRuntime(connector, { transport }).invoke('ListOrders', {}, { connection });
    expect(result.connectionStatus).toBe('unauthenticated');
    expect(result.response.status).toBe(401);
  });

  it('exposes compile diagnostics for unknown policy templates', () => {
    const connector = memoryConnector(swagger(), { policyTemplateInstances: [policy('setheaders', {})] });
    const runtime = createRuntime(connector, { transport: recordingTransport(() => json(200, {})) });
    expect(runtime.policyDiagnostics.map((d) => d.code)).toEqual(['POLICY_UNKNOWN']);
  });
});

describe('OAuth connections', () => {
  const oauth = {
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
  };

  it('refreshes the token once and repeats the call when the backend answers 401', async () => {
    const calls: boolean[] = [];
    const provider: TokenProvider = {
      getToken: async (options) => {
        calls.push(options?.forceRefresh === true);
        return options?.forceRefresh ? 'fresh' : 'stale';
      },
    };
    const transport = recordingTransport((r) =>
      r.headers.get('authorization') === 'Bearer fresh' ? json(200, { ok: true }) : json(401, {}),
    );
    const runtime = createRuntime(
      memoryConnector(swagger({ securityDefinitions: {} }), { connectionParameters: oauth }),
      { transport },
    );
    const result = await runtime.invoke(
      'CreateOrder',
      { body: { item: 'x' } },
      { connection: { values: {}, tokenProvider: provider } },
    );
    expect(result.ok).toBe(true);
    expect(calls).toEqual([false, true]);
    expect(transport.sent.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer stale',
      'Bearer fresh',
    ]);
    expect(new TextDecoder().decode(transport.sent[1]?.body)).toBe('{"item":"x"}');
  });

  it('does not loop when the refreshed token is refused too', async () => {
    const provider: TokenProvider = { getToken: async () => 't' };
    const transport = recordingTransport(() => json(401, {}));
    const runtime = createRuntime(
      memoryConnector(swagger({ securityDefinitions: {} }), { connectionParameters: oauth }),
      { transport },
    );
    const result = await runtime.invoke(
      'ListOrders',
      {},
      { connection: { values: {}, tokenProvider: provider } },
    );
    expect(result.response.status).toBe(401);
    expect(transport.sent).toHaveLength(2);
  });
});

describe('paging', () => {
  const page = (items: string[], next?: string) =>
    json(200, { value: items, ...(next && { nextLink: next }) });

  it('returns only the first page unless all pages are asked for', async () => {
    const transport = recordingTransport(() => page(['a'], 'https://api.orders.test/v2/orders?page=2'));
    const runtime = createRuntime(memoryConnector(swagger(), { connectionParameters: apiKey }), {
      transport,
    });
    const result = await runtime.invoke('ListOrders', {}, { connection });
    expect(result.pages).toBe(1);
    expect(transport.sent).toHaveLength(1);
  });

  it('follows updatenextlink-routed links and merges the pages', async () => {
    const link = (n: number) => `https://api.orders.test/v2/orders?page=${n}`;
    const transport = recordingTransport((r) => {
      const n = Number(new URL(r.url).searchParams.get('page') ?? '1');
      return page([`item${n}`], n < 3 ? link(n + 1) : undefined);
    });
    const connector = memoryConnector(swagger(), {
      connectionParameters: apiKey,
      policyTemplateInstances: [
        policy('updatenextlink', {
          'x-ms-apimTemplateParameter.nextLinkPropertyName': 'nextLink',
          'x-ms-apimTemplate-operationName': ['ListOrders'],
        }),
      ],
    });
    const runtime = createRuntime(connector, { transport });
    const result = await runtime.invoke('ListOrders', { status: 'open' }, { connection, allPages: true });
    expect(result.pages).toBe(3);
    expect(result.response.body).toEqual({ kind: 'json', value: { value: ['item1', 'item2', 'item3'] } });
    expect(transport.sent.map((r) => r.url)).toEqual([
      'https://api.orders.test/v2/orders?status=open',
      link(2),
      link(3),
    ]);
    expect(transport.sent.every((r) => r.headers.get('x-key') === 'k-123')).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('follows a raw next link with a warning that the platform needs updatenextlink', async () => {
    const transport = recordingTransport((_r, i) =>
      page([`p${i}`], i === 0 ? 'https://api.orders.test/v2/orders?p=2' : undefined),
    );
    const runtime = createRuntime(memoryConnector(swagger(), { connectionParameters: apiKey }), {
      transport,
    });
    const result = await runtime.invoke('ListOrders', {}, { connection, allPages: true });
    expect(result.pages).toBe(2);
    expect(result.warnings.join(' ')).toMatch(/updatenextlink/);
  });

  it('refuses a next link on another host', async () => {
    const transport = recordingTransport(() => page(['a'], 'https://evil.test/steal'));
    const runtime = createRuntime(memoryConnector(swagger(), { connectionParameters: apiKey }), {
      transport,
    });
    await expect(runtime.invoke('ListOrders', {}, { connection, allPages: true })).rejects.toMatchObject({
      code: 'PAGING_FAILED',
    });
    expect(transport.sent).toHaveLength(1);
  });

  it('also refuses a routed page link whose backend link is on another host', async () => {
    const routed = encodePageLink('flowport://runtime', 'ListOrders', 'https://evil.test/steal');
    const transport = recordingTransport(() => page(['a'], routed));
    const runtime = createRuntime(memoryConnector(swagger(), { connectionParameters: apiKey }), {
      transport,
    });
    await expect(runtime.invoke('ListOrders', {}, { connection, allPages: true })).rejects.toMatchObject({
      code: 'PAGING_FAILED',
    });
  });

  it('stops at a repeated link and at the page cap', async () => {
    const same = recordingTransport(() => page(['a'], 'https://api.orders.test/v2/orders?p=2'));
    const r1 = await createRuntime(memoryConnector(swagger(), { connectionParameters: apiKey }), {
      transport: same,
    }).invoke('ListOrders', {}, { connection, allPages: true });
    expect(r1.pages).toBe(2);
    expect(r1.warnings.join(' ')).toMatch(/same next link/);
    let n = 0;
    const endless = recordingTransport(() => page(['a'], `https://api.orders.test/v2/orders?p=${++n}`));
    const r2 = await createRuntime(memoryConnector(swagger(), { connectionParameters: apiKey }), {
      transport: endless,
    }).invoke('ListOrders', {}, { connection, allPages: true, maxPages: 4 });
    expect(r2.pages).toBe(4);
    expect(r2.warnings.join(' ')).toMatch(/cap of 4 pages/);
  });

  it('returns the failing page when a later page fails', async () => {
    const transport = recordingTransport((_r, i) =>
      i === 0 ? page(['a'], 'https://api.orders.test/v2/orders?p=2') : json(503, {}),
    );
    const runtime = createRuntime(memoryConnector(swagger(), { connectionParameters: apiKey }), {
      transport,
    });
    const result = await runtime.invoke('ListOrders', {}, { connection, allPages: true });
    expect(result.ok).toBe(false);
    expect(result.response.status).toBe(503);
  });
});

describe('absolute URLs (trigger Location)', () => {
  const hooks = {
    '/hooks/{hookId}': {
      delete: {
        operationId: 'DeleteHook',
        parameters: [{ name: 'hookId', in: 'path', required: true, type: 'string' }],
        responses: { '204': { description: 'Gone' } },
      },
    },
  };

  it('sends the operation to the URL given verbatim, with auth, on the same origin only', async () => {
    const transport = recordingTransport(() => json(202, {}));
    const runtime = createRuntime(memoryConnector(swagger(), { connectionParameters: apiKey }), {
      transport,
    });
    const url = 'https://api.orders.test/v2/orders?state=a%2Fb&x=1';
    const result = await runtime.invoke('ListOrders', { status: 'open' }, { connection, url });
    expect(transport.sent[0]?.url).toBe(url);
    expect(transport.sent[0]?.headers.get('x-key')).toBe('k-123');
    expect(result.response.status).toBe(202);
    await expect(
      runtime.invoke('ListOrders', {}, { connection, url: 'https://evil.test/v2/orders' }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_HOST_REFUSED' });
    expect(transport.sent).toHaveLength(1);
  });

  it('maps a backend or runtime URL back to its operation and path parameters', () => {
    const runtime = createRuntime(memoryConnector(swagger({}, hooks)), {
      transport: recordingTransport(() => json(200, {})),
      baseUrl: 'http://127.0.0.1:4100/api/v1',
    });
    const match = runtime.locate('DELETE', 'HTTP://127.0.0.1:4100/api/v1/hooks/h%201?x=y');
    expect(match?.operation.id).toBe('DeleteHook');
    expect(match?.pathValues).toEqual({ hookId: 'h 1' });
    expect(match?.query.get('x')).toBe('y');
    expect(match?.via).toBe('backend');
    expect(runtime.locate('DELETE', 'flowport://runtime/hooks/7')).toMatchObject({
      via: 'runtime',
      backendUrl: 'http://127.0.0.1:4100/api/v1/hooks/7',
    });
    expect(runtime.locate('GET', 'http://127.0.0.1:4100/api/v1/hooks/7')).toBeUndefined();
    expect(runtime.locate('DELETE', 'http://127.0.0.1:4100/api/v1x/hooks/7')).toBeUndefined();
    expect(runtime.locate('DELETE', 'http://other.test/api/v1/hooks/7')).toBeUndefined();
  });

  it('calls an unmatched URL with the connection auth and no body, on the backend origin only', async () => {
    const transport = recordingTransport(() => ({
      status: 204,
      headers: new Headers(),
      body: { kind: 'none' },
    }));
    const runtime = createRuntime(memoryConnector(swagger(), { connectionParameters: apiKey }), {
      transport,
    });
    const result = await runtime.callUrl('DELETE', 'https://api.orders.test/subscriptions/9', {
      operationId: 'CreateOrder',
      connection,
    });
    expect(result.ok).toBe(true);
    expect(transport.sent[0]).toMatchObject({
      method: 'DELETE',
      url: 'https://api.orders.test/subscriptions/9',
    });
    expect(transport.sent[0]?.headers.get('x-key')).toBe('k-123');
    expect(transport.sent[0]?.body).toBeUndefined();
    await expect(
      runtime.callUrl('DELETE', 'https://elsewhere.test/subscriptions/9', {
        operationId: 'CreateOrder',
        connection,
      }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_HOST_REFUSED' });
  });
});
