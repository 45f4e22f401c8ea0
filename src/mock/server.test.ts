import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConnector } from '../connector/load.ts';
import type { Connector } from '../connector/model.ts';
import { getDynamicSchema } from '../runtime/dynamic/schema.ts';
import { treeBrowse, treeOpen } from '../runtime/dynamic/tree.ts';
import { listDynamicValues } from '../runtime/dynamic/values.ts';
import { responseConformance } from '../runtime/response-conformance.ts';
import { createRuntime } from '../runtime/runtime.ts';
import { smoke } from '../runtime/smoke.ts';
import { memoryConnector } from '../runtime/testing.ts';
import type { Arguments } from '../runtime/types.ts';
import { freePort } from '../server/free-port.ts';
import { poll } from '../triggers/polling.ts';
import { subscribe, unsubscribe } from '../triggers/webhook.ts';
import { type RunningMock, startMock } from './server.ts';

const running: RunningMock[] = [];
const callbacks: Server[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.close()));
  await Promise.all(callbacks.splice(0).map((c) => new Promise((r) => c.close(r))));
});

/** A webhook callback on loopback answering `status`, and the JSON bodies it received. */
async function callbackReceiver(status: number) {
  const received: unknown[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (d: Buffer) => {
      text += d.toString();
    });
    req.on('end', () => {
      received.push(JSON.parse(text));
      res.writeHead(status).end();
    });
  });
  callbacks.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

async function mock(connector: Connector, options: Parameters<typeof startMock>[1] = {}) {
  const m = await startMock(connector, { port: 0, ...options });
  running.push(m);
  return m;
}

const KEY = { 'x-key': 'k-1' };

/** The runtime against a mock, and the design-time `call` a designer's dynamic lookups make through it. */
function designer(connector: Connector, m: RunningMock) {
  const runtime = createRuntime(connector, { baseUrl: m.url });
  const call = async (id: string, args: Arguments) =>
    (await runtime.invoke(id, args, { connection: { values: {} } })).response;
  return { runtime, call };
}

/** A small API with one of each thing the mock knows. */
const swagger = {
  swagger: '2.0',
  info: { title: 'Shop', version: '1' },
  host: 'api.shop.test',
  basePath: '/v2',
  schemes: ['https'],
  securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
  security: [{ key: [] }],
  definitions: {
    Order: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        total: { type: 'number', minimum: 5 },
        status: { type: 'string', enum: ['new', 'paid'] },
        note: { type: 'string', 'x-nullable': true },
      },
    },
  },
  paths: {
    '/orders': {
      get: {
        operationId: 'ListOrders',
        parameters: [{ name: 'top', in: 'query', type: 'integer' }],
        'x-ms-pageable': { nextLinkName: 'nextLink' },
        responses: {
          200: {
            description: 'OK',
            schema: {
              type: 'object',
              properties: {
                value: { type: 'array', items: { $ref: '#/definitions/Order' } },
                nextLink: { type: 'string' },
              },
            },
          },
          404: {
            description: 'None',
            schema: { type: 'object', properties: { message: { type: 'string' } } },
          },
        },
      },
      post: {
        operationId: 'CreateOrder',
        parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Order' } }],
        responses: { 201: { description: 'Created', schema: { $ref: '#/definitions/Order' } } },
      },
    },
    '/orders/{id}': {
      get: {
        operationId: 'GetOrder',
        parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
        responses: {
          200: {
            description: 'OK',
            schema: { $ref: '#/definitions/Order' },
            examples: { 'application/json': { id: 'o-42', total: 12.5, status: 'paid', note: null } },
          },
        },
      },
    },
    '/stores': {
      get: {
        operationId: 'ListStores',
        'x-ms-visibility': 'internal',
        responses: { 200: { description: 'OK' } },
      },
    },
    '/forms/{store}/schema': {
      get: {
        operationId: 'GetFormSchema',
        'x-ms-visibility': 'internal',
        parameters: [{ name: 'store', in: 'path', required: true, type: 'string' }],
        responses: { 200: { description: 'OK', schema: { type: 'object' } } },
      },
    },
    '/forms/{store}': {
      post: {
        operationId: 'SubmitForm',
        parameters: [
          {
            name: 'store',
            in: 'path',
            required: true,
            type: 'string',
            'x-ms-dynamic-values': {
              operationId: 'ListStores',
              'value-collection': 'stores',
              'value-path': 'code',
              'value-title': 'label',
            },
          },
          {
            name: 'body',
            in: 'body',
            schema: {
              type: 'object',
              'x-ms-dynamic-schema': {
                operationId: 'GetFormSchema',
                parameters: { store: { parameter: 'store' } },
                'value-path': 'schema',
              },
            },
          },
        ],
        responses: { 200: { description: 'OK' } },
      },
    },
    '/hooks': {
      'x-ms-notification-content': {
        description: 'An order',
        schema: { $ref: '#/definitions/Order' },
      },
      post: {
        operationId: 'OnNewOrder',
        'x-ms-trigger': 'single',
        parameters: [
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: {
              type: 'object',
              required: ['url'],
              properties: {
                url: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' },
              },
            },
          },
        ],
        responses: { 201: { description: 'Created' } },
      },
    },
    '/hooks/{hookId}': {
      delete: {
        operationId: 'DeleteHook',
        'x-ms-visibility': 'internal',
        parameters: [{ name: 'hookId', in: 'path', required: true, type: 'string' }],
        responses: { 200: { description: 'Deleted' } },
      },
    },
    '/exports': {
      post: {
        operationId: 'ExportOrders',
        responses: {
          202: { description: 'Accepted' },
          200: {
            description: 'Done',
            schema: {
              type: 'object',
              properties: { file: { type: 'string', format: 'uri' }, rows: { type: 'integer' } },
            },
          },
        },
      },
    },
    '/paid': {
      get: {
        operationId: 'OnPaidOrders',
        'x-ms-trigger': 'batch',
        responses: {
          200: { description: 'OK', schema: { type: 'array', items: { $ref: '#/definitions/Order' } } },
        },
      },
    },
  },
};

/** The key comes from a connection parameter, as the platform makes one for an `apiKey` definition. */
const shop = () => memoryConnector(swagger, { connectionParameters: { api_key: { type: 'securestring' } } });

describe('flowport mock', () => {
  it('answers an operation from its schema, every property and three distinct items, as the schema says', async () => {
    const connector = shop();
    const m = await mock(connector);
    const res = await fetch(`${m.url}/orders`, { headers: KEY });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { value: { id: string; total: number; status: string }[] };
    expect(body.value.map((o) => o.id)).toEqual(['example', 'example-2', 'example-3']);
    expect(body.value[0]).toEqual({ id: 'example', total: 5, status: 'new', note: 'example' });
    const operation = connector.operations.find((o) => o.id === 'ListOrders')!;
    const check = responseConformance(connector, operation, {
      status: 200,
      body: { kind: 'json', value: body },
    });
    expect(check.findings).toEqual([]);
  });

  it('answers with the response example when there is one, and from the schema with Prefer: dynamic=true', async () => {
    const m = await mock(shop());
    const example = await fetch(`${m.url}/orders/o-1`, { headers: KEY });
    expect(await example.json()).toEqual({ id: 'o-42', total: 12.5, status: 'paid', note: null });
    const made = await fetch(`${m.url}/orders/o-1`, { headers: { ...KEY, prefer: 'dynamic=true' } });
    expect(((await made.json()) as { id: string }).id).toBe('example');
  });

  it('pages a pageable operation with absolute next links, items going on from page to page', async () => {
    const m = await mock(shop(), { pages: 2, items: 2 });
    const first = (await (await fetch(`${m.url}/orders?top=2`, { headers: KEY })).json()) as {
      value: { id: string }[];
      nextLink?: string;
    };
    expect(first.nextLink).toBe(`${m.url}/orders?top=2&mock-page=2`);
    const second = (await (await fetch(first.nextLink!, { headers: KEY })).json()) as typeof first;
    expect(second.value.map((o) => o.id)).toEqual(['example-3', 'example-4']);
    expect(second.nextLink).toBeUndefined();
  });

  it('refuses a request without the credentials securityDefinitions declares, unless --no-auth', async () => {
    const connector = shop();
    const m = await mock(connector);
    const res = await fetch(`${m.url}/orders`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('MOCK_UNAUTHORIZED');
    expect(body.error.message).toContain('the API key in header `X-Key`');
    const open = await mock(connector, { auth: false });
    expect((await fetch(`${open.url}/orders`)).status).toBe(200);
  });

  it('asks for no credentials when one parameter set sends none of its own (its policies may send its values)', async () => {
    const secure = { type: 'securestring' };
    const connector = memoryConnector(swagger, {
      connectionParameterSets: {
        values: [
          // No `api_key`: the runtime sends no credentials for this set; a policy sends `token`.
          { name: 'Keyed', parameters: { token: secure } },
          { name: 'Basic', parameters: { username: { type: 'string' }, password: secure } },
        ],
      },
    });
    const m = await mock(connector);
    expect((await fetch(`${m.url}/orders`)).status).toBe(200);
  });

  it('asks no request for a required property the schema marks readOnly, directly, by $ref or in allOf', async () => {
    const connector = memoryConnector({
      swagger: '2.0',
      info: { title: 'Rules', version: '1.0' },
      host: 'api.rules.test',
      paths: {
        '/rules': {
          post: {
            operationId: 'CreateRule',
            parameters: [
              {
                name: 'body',
                in: 'body',
                required: true,
                schema: {
                  type: 'object',
                  required: ['id', 'version', 'updated', 'name'],
                  properties: {
                    id: { allOf: [{ $ref: '#/definitions/Id' }, { readOnly: true }] },
                    version: { $ref: '#/definitions/Version' },
                    updated: { type: 'string', readOnly: true },
                    name: { type: 'string' },
                  },
                },
              },
            ],
            responses: { '201': { description: 'Created' } },
          },
        },
      },
      definitions: {
        Id: { type: 'string' },
        Version: { type: 'string', readOnly: true },
      },
    });
    const m = await mock(connector);
    const post = (body: unknown) =>
      fetch(`${m.url}/rules`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ name: 'r' })).status).toBe(201);
    const missing = await post({});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { problems: { at: string }[] } }).error.problems).toEqual([
      { at: 'body/name', message: '`/name` is missing; the schema says it is required.' },
    ]);
  });

  it('takes a request without credentials for the operation routed to the same path that asks none', async () => {
    const connector = memoryConnector(
      {
        swagger: '2.0',
        info: { title: 'Conduit', version: '1.0' },
        host: 'api.conduit.test',
        securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'Authorization' } },
        security: [{ key: [] }],
        paths: {
          '/comments': {
            get: { operationId: 'ListComments', responses: { '200': { description: 'OK' } } },
          },
          '/comments/public': {
            get: {
              operationId: 'ListCommentsAnonymously',
              security: [],
              responses: { '200': { description: 'OK' } },
            },
          },
        },
      },
      {
        connectionParameters: { api_key: { type: 'securestring' } },
        policyTemplateInstances: [
          {
            templateId: 'routerequesttoendpoint',
            title: 'Send ListCommentsAnonymously to /comments',
            parameters: {
              'x-ms-apimTemplateParameter.newPath': '/comments',
              'x-ms-apimTemplate-operationName': ['ListCommentsAnonymously'],
            },
          },
        ],
      },
    );
    const m = await mock(connector);
    expect((await fetch(`${m.url}/comments`)).status).toBe(200);
    expect((await fetch(`${m.url}/comments`, { headers: { authorization: 'Token t' } })).status).toBe(200);
    expect(m.handler.requests().map((e) => e.operation)).toEqual(['ListCommentsAnonymously', 'ListComments']);
  });

  it('names every problem of an invalid request: types, required body, body schema', async () => {
    const m = await mock(shop());
    const wrongType = await fetch(`${m.url}/orders?top=ten`, { headers: KEY });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { error: { problems: unknown[] } }).error.problems).toEqual([
      { at: 'query.top', message: '`top` (query) should be a whole number; it is "ten".' },
    ]);
    const noBody = await fetch(`${m.url}/orders`, { method: 'POST', headers: KEY });
    expect(((await noBody.json()) as { error: { problems: { at: string }[] } }).error.problems[0]?.at).toBe(
      'body',
    );
    const badBody = await fetch(`${m.url}/orders`, {
      method: 'POST',
      headers: { ...KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ total: 'a lot', status: 'lost' }),
    });
    expect(badBody.status).toBe(400);
    const problems = ((await badBody.json()) as { error: { problems: { at: string }[] } }).error.problems;
    expect(problems.map((p) => p.at).sort()).toEqual(['body/id', 'body/status', 'body/total']);
    const good = await fetch(`${m.url}/orders`, {
      method: 'POST',
      headers: { ...KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'x', total: 9 }),
    });
    expect(good.status).toBe(201);
  });

  it('says which path or method exists when none matches, and answers a declared status on Prefer: code=', async () => {
    const m = await mock(shop());
    const unknown = await fetch(`${m.url}/order`, { headers: KEY });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
      'the nearest path is /orders',
    );
    const method = await fetch(`${m.url}/orders/1`, { method: 'PUT', headers: KEY });
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET');
    const notFound = await fetch(`${m.url}/orders`, { headers: { ...KEY, prefer: 'code=404' } });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ message: 'example' });
    const undeclared = await fetch(`${m.url}/orders`, { headers: { ...KEY, prefer: 'code=418' } });
    expect(undeclared.status).toBe(400);
    expect(((await undeclared.json()) as { error: { message: string } }).error.message).toContain(
      'declares: 200, 404',
    );
  });

  it('fills drop-downs and dynamic schemas through the runtime, as a flow designer would see them', async () => {
    const connector = shop();
    const m = await mock(connector, { auth: false });
    const { runtime, call } = designer(connector, m);
    const submit = connector.operations.find((o) => o.id === 'SubmitForm')!;
    try {
      const values = await listDynamicValues(connector, submit, 'store', {}, call);
      expect(values.map((v) => [v.value, v.displayName])).toEqual([
        ['value-1', 'Value 1'],
        ['value-2', 'Value 2'],
        ['value-3', 'Value 3'],
      ]);
      const schema = await getDynamicSchema(connector, submit, 'body', { store: 'value-1' }, call);
      expect(Object.keys((schema as { properties: object }).properties)).toEqual([
        'Title',
        'Amount',
        'Done',
        'Due',
      ]);
    } finally {
      await runtime.close();
    }
  });

  it('answers a tree picker with a folder and leaves at every level, as the runtime browses it', async () => {
    const tree = {
      itemsPath: 'value',
      itemValuePath: 'path',
      itemTitlePath: 'name',
      itemFullTitlePath: 'fullPath',
      itemIsParent: "(kind eq 'folder')",
    };
    const connector = memoryConnector({
      swagger: '2.0',
      info: { title: 'Drive', version: '1' },
      host: 'api.drive.test',
      schemes: ['https'],
      paths: {
        '/folders': {
          get: {
            operationId: 'ListFolder',
            'x-ms-visibility': 'internal',
            parameters: [{ name: 'path', in: 'query', type: 'string' }],
            responses: { 200: { description: 'OK', schema: { type: 'object' } } },
          },
        },
        '/files/copy': {
          post: {
            operationId: 'CopyFile',
            parameters: [
              {
                name: 'source',
                in: 'query',
                required: true,
                type: 'string',
                'x-ms-dynamic-tree': {
                  settings: { canSelectParentNodes: false, canSelectLeafNodes: true },
                  open: { operationId: 'ListFolder', ...tree },
                  browse: {
                    operationId: 'ListFolder',
                    ...tree,
                    parameters: { path: { selectedItemValuePath: 'path' } },
                  },
                },
              },
            ],
            responses: { 200: { description: 'OK' } },
          },
        },
      },
    });
    const m = await mock(connector, { auth: false, items: 3 });
    const { runtime, call } = designer(connector, m);
    const copy = connector.operations.find((o) => o.id === 'CopyFile')!;
    try {
      const roots = await treeOpen(connector, copy, 'source', {}, call);
      expect(roots.map((n) => [n.value, n.displayName, n.fullTitle, n.isParent, n.selectable])).toEqual([
        ['folder-1', 'Folder 1', '/Folder 1', true, false],
        ['item-2', 'Item 2', '/Item 2', false, true],
        ['item-3', 'Item 3', '/Item 3', false, true],
      ]);
      const children = await treeBrowse(connector, copy, 'source', {}, call, roots[0]!.item);
      expect(children.filter((n) => n.isParent)).toHaveLength(1);
      expect(children.filter((n) => n.selectable)).toHaveLength(2);
    } finally {
      await runtime.close();
    }
  });

  it('answers the connector-wide file picker with folders, files and their media types', async () => {
    const connector = memoryConnector({
      swagger: '2.0',
      info: { title: 'Files', version: '1' },
      host: 'api.files.test',
      schemes: ['https'],
      'x-ms-capabilities': {
        'file-picker': {
          open: { operationId: 'ListRoot' },
          browse: { operationId: 'ListFolder', parameters: { id: { 'value-property': 'Id' } } },
          'value-collection': 'entries',
          'value-title': 'DisplayName',
          'value-folder-property': 'IsFolder',
          'value-media-property': 'MediaType',
        },
      },
      paths: {
        '/root': { get: { operationId: 'ListRoot', responses: { 200: { description: 'OK' } } } },
        '/folders/{id}': {
          get: {
            operationId: 'ListFolder',
            parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
            responses: { 200: { description: 'OK' } },
          },
        },
        '/open': {
          get: {
            operationId: 'OpenFile',
            parameters: [
              {
                name: 'file',
                in: 'query',
                required: true,
                type: 'string',
                'x-ms-dynamic-values': {
                  capability: 'file-picker',
                  'value-path': 'Id',
                  parameters: { isFolder: false },
                },
              },
            ],
            responses: { 200: { description: 'OK' } },
          },
        },
      },
    });
    const m = await mock(connector, { auth: false, items: 2 });
    const { runtime, call } = designer(connector, m);
    const open = connector.operations.find((o) => o.id === 'OpenFile')!;
    try {
      const roots = await treeOpen(connector, open, 'file', {}, call);
      expect(roots.map((n) => [n.value, n.displayName, n.isParent, n.selectable, n.mediaType])).toEqual([
        ['folder-1', 'Folder 1', true, false, undefined],
        ['item-2', 'Item 2', false, true, 'text/plain'],
      ]);
      const inside = await treeBrowse(connector, open, 'file', {}, call, roots[0]!.item);
      expect(inside.map((n) => n.isParent)).toEqual([true, false]);
    } finally {
      await runtime.close();
    }
  });

  it('takes a webhook subscription, delivers fired events to its callback and ends it on DELETE', async () => {
    const { base, received } = await callbackReceiver(200);
    const callbackUrl = `${base}/cb`;
    const m = await mock(shop());
    const sub = await fetch(`${m.url}/hooks`, {
      method: 'POST',
      headers: { ...KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ url: callbackUrl }),
    });
    expect(sub.status).toBe(201);
    const location = sub.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${m.url}/hooks/[0-9a-f-]{36}$`));
    const [held] = (await (await fetch(`${m.origin}/_mock/subscriptions`)).json()) as {
      callbackUrl: string;
    }[];
    expect(held?.callbackUrl).toBe(callbackUrl.replace(/\/cb$/, '/***'));
    const fired = (await (
      await fetch(`${m.origin}/_mock/fire/onneworder?count=2`, { method: 'POST' })
    ).json()) as {
      fired: { status: number }[];
    };
    expect(fired.fired.map((f) => f.status)).toEqual([200, 200]);
    expect(received).toEqual([
      { id: 'example', total: 5, status: 'new', note: 'example' },
      { id: 'example-2', total: 5.5, status: 'new', note: 'example-2' },
    ]);
    expect((await fetch(location, { method: 'DELETE', headers: KEY })).status).toBe(200);
    expect(await (await fetch(`${m.origin}/_mock/subscriptions`)).json()).toEqual([]);
    const none = (await (await fetch(`${m.origin}/_mock/fire/OnNewOrder`, { method: 'POST' })).json()) as {
      fired: unknown[];
    };
    expect(none.fired).toEqual([]);
  });

  it('refuses a subscription without a callback URL, and fire for a name that is no trigger', async () => {
    const m = await mock(shop());
    const sub = await fetch(`${m.url}/hooks`, {
      method: 'POST',
      headers: { ...KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'not a url' }),
    });
    expect(sub.status).toBe(400);
    expect(((await sub.json()) as { error: { message: string } }).error.message).toContain('body.url');
    const wrong = await fetch(`${m.origin}/_mock/fire/OnNewOrdr`, { method: 'POST' });
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain(
      'did you mean `OnNewOrder`?',
    );
  });

  it('answers a poll 202 with Location and Retry-After until events are fired, then 200 with them', async () => {
    const m = await mock(shop(), { retryAfter: 7 });
    const idle = await fetch(`${m.url}/paid`, { headers: KEY });
    expect(idle.status).toBe(202);
    expect(idle.headers.get('retry-after')).toBe('7');
    expect(idle.headers.get('location')).toBe(`${m.url}/paid`);
    await fetch(`${m.origin}/_mock/fire/OnPaidOrders?count=2`, { method: 'POST' });
    const poll = await fetch(`${m.url}/paid`, { headers: KEY });
    expect(poll.status).toBe(200);
    expect(((await poll.json()) as { id: string }[]).map((o) => o.id)).toEqual(['example', 'example-2']);
    expect((await fetch(`${m.url}/paid`, { headers: KEY })).status).toBe(202);
    await fetch(`${m.origin}/_mock/fire/OnPaidOrders`, { method: 'POST' });
    const later = (await (await fetch(`${m.url}/paid`, { headers: KEY })).json()) as { id: string }[];
    expect(later.map((o) => o.id)).toEqual(['example-3']);
  });

  it('logs each request with credentials in the query hidden', async () => {
    const connector = memoryConnector({
      ...swagger,
      securityDefinitions: { key: { type: 'apiKey', in: 'query', name: 'code' } },
    });
    const lines: string[] = [];
    const m = await mock(connector, {
      onRequest: (e) => lines.push(`${e.method} ${e.url} ${e.operation} ${e.status}`),
    });
    await fetch(`${m.url}/orders?code=s3cret&top=1`);
    expect(lines).toEqual(['GET /v2/orders?code=***&top=1 ListOrders 200']);
    const log = JSON.stringify(await (await fetch(`${m.origin}/_mock/requests`)).json());
    expect(log).not.toContain('s3cret');
  });

  it('answers every operation of the example connector as flowport smoke calls them, each answer as its schema says', async () => {
    const connector = await loadConnector(new URL('../../examples/tasklane', import.meta.url).pathname);
    const m = await mock(connector);
    const runtime = createRuntime(connector, { baseUrl: m.url });
    try {
      const rows = await smoke(runtime, {
        includeTriggers: true,
        connection: { values: { api_key: 'test' } },
      });
      const called = rows.filter((r) => !r.skipped);
      expect(called.length).toBeGreaterThan(5);
      for (const row of called) {
        expect(row.ok, `${row.operationId}: ${row.error}`).toBe(true);
        expect(row.schema?.findings.filter((f) => f.severity === 'warning') ?? [], row.operationId).toEqual(
          [],
        );
      }
    } finally {
      await runtime.close();
    }
  });
});

describe('flowport mock and the asynchronous pattern', () => {
  it('answers an action declared 202 with a Location whose poll gives its final answer, as the runtime follows it', async () => {
    const connector = shop();
    const m = await mock(connector, { auth: false });
    const accepted = await fetch(`${m.url}/exports`, { method: 'POST' });
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('retry-after')).toBe('1');
    const location = accepted.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${m.origin}/_mock/async/\\d+$`));
    const done = await fetch(location);
    expect([done.status, await done.json()]).toEqual([200, { file: 'https://example.com/', rows: 1 }]);
    expect((await fetch(location)).status).toBe(404);
    const runtime = createRuntime(connector, { baseUrl: m.url });
    try {
      const result = await runtime.invoke('ExportOrders', {}, { connection: { values: {} } });
      expect(result.response.status).toBe(200);
    } finally {
      await runtime.close();
    }
  });
});

describe('flowport mock with flowport’s own trigger engine', () => {
  it('is subscribed to, delivers to the callback and is unsubscribed from as the platform does it', async () => {
    const connector = shop();
    const { base, received } = await callbackReceiver(202);
    const open = await mock(connector, { auth: false });
    const engine = createRuntime(connector, { baseUrl: open.url });
    try {
      const callbackUrl = `${base}/hook/secret`;
      const sub = await subscribe(engine, 'OnNewOrder', {}, { callbackUrl, connection: { values: {} } });
      expect(sub).toMatchObject({ status: 201, warnings: [] });
      await fetch(`${open.origin}/_mock/fire/OnNewOrder`, { method: 'POST' });
      expect(received).toHaveLength(1);
      const ended = await unsubscribe(engine, sub, { connection: { values: {} } });
      expect(ended).toMatchObject({ ok: true, via: 'operation', operationId: 'DeleteHook' });
      expect(open.handler.triggers.list()).toEqual([]);
    } finally {
      await engine.close();
    }
  });

  it('is polled: nothing until events are fired, then each event once', async () => {
    const connector = shop();
    const m = await mock(connector, { auth: false });
    const runtime = createRuntime(connector, { baseUrl: m.url });
    try {
      const options = { connection: { values: {} }, backfill: true };
      let r = await poll(runtime, 'OnPaidOrders', {}, undefined, options);
      expect([r.status, r.events.length]).toEqual([202, 0]);
      await fetch(`${m.origin}/_mock/fire/OnPaidOrders?count=2`, { method: 'POST' });
      r = await poll(runtime, 'OnPaidOrders', {}, r.state, options);
      expect([r.status, r.events.length]).toEqual([200, 2]);
      r = await poll(runtime, 'OnPaidOrders', {}, r.state, options);
      expect([r.status, r.events.length]).toEqual([202, 0]);
    } finally {
      await runtime.close();
    }
  });
});

describe('flowport mock and a basePath under /_mock', () => {
  it('answers the API’s paths under a basePath that starts with /_mock (Redocly’s hosted mocks), and its controls beside them', async () => {
    const connector = memoryConnector(
      { ...swagger, basePath: '/_mock/docs/openapi/shop' },
      { connectionParameters: { api_key: { type: 'securestring' } } },
    );
    const m = await mock(connector);
    expect(m.url).toBe(`${m.origin}/_mock/docs/openapi/shop`);
    const res = await fetch(`${m.url}/orders`, { headers: KEY });
    expect(res.status).toBe(200);
    expect(Array.isArray(((await res.json()) as { value: unknown }).value)).toBe(true);
    const log = (await (await fetch(`${m.origin}/_mock/requests`)).json()) as { operation?: string }[];
    expect(log.map((r) => r.operation)).toEqual(['ListOrders']);
  });
});

describe('flowport mock --proxy (a validation proxy)', () => {
  it('forwards each request, returns the API’s answer unchanged and logs where request and answer differ from the swagger', async () => {
    const seen: { url: string; key: string | undefined; body: string }[] = [];
    const api = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => {
        body += d.toString();
      });
      req.on('end', () => {
        seen.push({ url: req.url ?? '', key: req.headers['x-key'] as string | undefined, body });
        res.writeHead(200, { 'content-type': 'application/json', 'x-api': 'real' });
        // `total` is text where the schema says a number; `extra` is undeclared (info, not logged).
        res.end(JSON.stringify({ value: [{ id: 'o-1', total: 'twelve', extra: true }] }));
      });
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const upstream = `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/v2`;
    const entries: {
      operation?: string;
      status: number;
      outcome: string;
      problems: readonly { at: string }[];
    }[] = [];
    try {
      const m = await mock(shop(), { proxy: upstream, onRequest: (e) => entries.push(e) });
      const res = await fetch(`${m.url}/orders?top=many`, { headers: KEY });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-api')).toBe('real');
      expect(await res.json()).toEqual({ value: [{ id: 'o-1', total: 'twelve', extra: true }] });
      expect(seen).toEqual([{ url: '/api/v2/orders?top=many', key: 'k-1', body: '' }]);
      expect(entries).toEqual([
        {
          time: expect.any(String),
          method: 'GET',
          url: '/v2/orders?top=many',
          operation: 'ListOrders',
          status: 200,
          outcome: 'proxied',
          problems: [
            { at: 'query.top', message: '`top` (query) should be a whole number; it is "many".' },
            {
              at: 'answer/value/*/total',
              message: '`/value/*/total` is a string; the schema says a number.',
            },
          ],
        },
      ]);
      const unknown = await fetch(`${m.url}/nothing`, { method: 'POST', body: '{}' });
      expect(unknown.status).toBe(200);
      expect(entries[1]?.problems.map((p) => p.at)).toEqual(['path']);
    } finally {
      await new Promise((r) => api.close(r));
    }
  });

  it('answers 502 naming the cause when the API cannot be reached, and refuses a proxy that is no URL', async () => {
    const closed = await freePort();
    const m = await mock(shop(), { proxy: `http://127.0.0.1:${closed}/v2` });
    const res = await fetch(`${m.url}/orders`, { headers: KEY });
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      `The API at http://127.0.0.1:${closed} could not be reached (ECONNREFUSED).`,
    );
    await expect(startMock(shop(), { port: 0, proxy: 'api.shop.test' })).rejects.toThrow(
      '`--proxy api.shop.test` is not a URL',
    );
  });
});

describe('flowport mock --record and --replay', () => {
  it('keeps what the API answered through the proxy, credentials masked, and answers with it offline', async () => {
    const api = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      res.writeHead(200, { 'content-type': 'application/json' });
      // An API that repeats the caller's key in its answer.
      res.end(
        JSON.stringify({
          value: [{ id: `real-${url.searchParams.get('top') ?? 'all'}`, total: 7 }],
          echo: req.headers['x-key'],
        }),
      );
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const dir = mkdtempSync(join(tmpdir(), 'fp-rec-'));
    try {
      const upstream = `http://127.0.0.1:${(api.address() as AddressInfo).port}/v2`;
      const proxy = await mock(shop(), { proxy: upstream, record: dir });
      for (const top of ['1', '2'])
        await (await fetch(`${proxy.url}/orders?top=${top}`, { headers: { 'x-key': 'sekret-key' } })).text();
      const file = readFileSync(join(dir, 'ListOrders.json'), 'utf8');
      expect(file).not.toContain('sekret-key');
      const saved = JSON.parse(file) as { recordings: { request: unknown; response: { json: unknown } }[] };
      expect(saved.recordings.map((r) => r.request)).toEqual([
        { method: 'GET', path: '/orders', query: 'top=1' },
        { method: 'GET', path: '/orders', query: 'top=2' },
      ]);
      expect(saved.recordings[0]?.response.json).toEqual({
        value: [{ id: 'real-1', total: 7 }],
        echo: '***',
      });
      await new Promise((r) => api.close(r));

      const replay = await mock(shop(), { replay: dir });
      const second = await fetch(`${replay.url}/orders?top=2`, { headers: KEY });
      expect([second.status, ((await second.json()) as { value: { id: string }[] }).value[0]?.id]).toEqual([
        200,
        'real-2',
      ]);
      // No recording of this query: the same path's.
      const other = (await (await fetch(`${replay.url}/orders?top=9`, { headers: KEY })).json()) as {
        value: { id: string }[];
      };
      expect(other.value[0]?.id).toBe('real-1');
      // Requests are still checked, and Prefer: dynamic=true makes the answer from the schema.
      expect((await fetch(`${replay.url}/orders?top=x`, { headers: KEY })).status).toBe(400);
      const made = (await (
        await fetch(`${replay.url}/orders`, { headers: { ...KEY, prefer: 'dynamic=true' } })
      ).json()) as {
        value: { id: string }[];
      };
      expect(made.value[0]?.id).toBe('example');
      expect(replay.handler.requests().map((e) => e.outcome)).toEqual([
        'recorded',
        'recorded',
        'refused',
        'schema',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      if (api.listening) await new Promise((r) => api.close(r));
    }
  });

  it('keeps the answer’s headers but credentials and transport ones, and replays the API’s links as the mock’s', async () => {
    let upstream = '';
    const api = createServer((req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-request-id': 'r-1',
        etag: '"e1"',
        link: `<${upstream}/orders?top=1&page=2>; rel="next"`,
        'x-echo': String(req.headers['x-key']),
        'x-session-token': 'tok-123456',
        'set-cookie': 'session=abc123; HttpOnly',
        'strict-transport-security': 'max-age=63072000',
      });
      res.end(
        JSON.stringify({ value: [{ id: 'real-1', total: 7 }], nextLink: `${upstream}/orders?top=1&page=2` }),
      );
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const dir = mkdtempSync(join(tmpdir(), 'fp-rec-'));
    try {
      upstream = `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/v2`;
      const proxy = await mock(shop(), { proxy: upstream, record: dir });
      const live = await fetch(`${proxy.url}/orders?top=1`, { headers: { 'x-key': 'sekret-key' } });
      // The proxy itself answers as the API did.
      expect(live.headers.get('x-session-token')).toBe('tok-123456');
      await live.text();
      const saved = JSON.parse(readFileSync(join(dir, 'ListOrders.json'), 'utf8')) as {
        api: string;
        recordings: { response: { headers: Record<string, string> } }[];
      };
      expect(saved.api).toBe(upstream);
      expect(saved.recordings[0]?.response.headers).toEqual({
        'x-request-id': 'r-1',
        etag: '"e1"',
        link: `<${upstream}/orders?top=1&page=2>; rel="next"`,
        'x-echo': '***',
      });
      await new Promise((r) => api.close(r));

      const replay = await mock(shop(), { replay: dir });
      const res = await fetch(`${replay.url}/orders?top=1`, { headers: KEY });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('r-1');
      expect(res.headers.get('etag')).toBe('"e1"');
      expect(res.headers.get('link')).toBe(`<${replay.url}/orders?top=1&page=2>; rel="next"`);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(((await res.json()) as { nextLink: string }).nextLink).toBe(`${replay.url}/orders?top=1&page=2`);
      // The next link leads to the mock, which answers it from the same recording's path.
      const next = await fetch(`${replay.url}/orders?top=1&page=2`, { headers: KEY });
      expect(next.status).toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      if (api.listening) await new Promise((r) => api.close(r));
    }
  });

  it('records nothing while the API cannot be reached: the 502 is the mock’s, not the API’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-rec-'));
    try {
      const closed = await freePort();
      const proxy = await mock(shop(), { proxy: `http://127.0.0.1:${closed}/v2`, record: dir });
      expect((await fetch(`${proxy.url}/orders`, { headers: KEY })).status).toBe(502);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses --record without --proxy, and a replay folder that is not one', async () => {
    await expect(startMock(shop(), { port: 0, record: 'x' })).rejects.toThrow(
      '--record keeps what a real API answers',
    );
    await expect(startMock(shop(), { port: 0, replay: '/nonexistent/recordings' })).rejects.toThrow(
      'no such folder; record one with --proxy <url> --record',
    );
    const dir = mkdtempSync(join(tmpdir(), 'fp-rec-'));
    try {
      writeFileSync(join(dir, 'Broken.json'), '{"operationId": 1}');
      await expect(startMock(shop(), { port: 0, replay: dir })).rejects.toThrow('is not a recording');
      writeFileSync(
        join(dir, 'Broken.json'),
        '{"operationId": "ListOrders", "api": "ftp://x", "recordings": []}',
      );
      await expect(startMock(shop(), { port: 0, replay: dir })).rejects.toThrow(
        '`api` must be the http(s) base URL the answers came from',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('flowport mock --stateful', () => {
  it('remembers what is created: read, listed under its parent, changed and deleted afterwards', async () => {
    const connector = await loadConnector(new URL('../../examples/tasklane', import.meta.url).pathname);
    const m = await mock(connector, { auth: false, stateful: true });
    const json = { 'content-type': 'application/json' };
    expect(await (await fetch(`${m.url}/projects/p1/tasks`)).json()).toEqual({ value: [] });
    const created = await fetch(`${m.url}/projects/p1/tasks`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: 'Write docs' }),
    });
    expect(created.status).toBe(201);
    const task = (await created.json()) as { id: string; title: string; status: string };
    expect(task).toMatchObject({ id: 'task-1', projectId: 'p1', title: 'Write docs', status: 'open' });
    await fetch(`${m.url}/projects/p2/tasks`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ title: 'Other' }),
    });
    expect(await (await fetch(`${m.url}/tasks/task-1`)).json()).toEqual(task);
    const listed = (await (await fetch(`${m.url}/projects/p1/tasks`)).json()) as { value: { id: string }[] };
    expect(listed.value.map((t) => t.id)).toEqual(['task-1']);
    const changed = await fetch(`${m.url}/tasks/task-1`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ status: 'done', id: 'x' }),
    });
    expect(await changed.json()).toEqual({ ...task, status: 'done' });
    expect((await fetch(`${m.url}/tasks/task-1`, { method: 'DELETE' })).status).toBe(204);
    const gone = await fetch(`${m.url}/tasks/task-1`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'MOCK_NOT_FOUND',
      message:
        'Nothing at /tasks/task-1: the mock is stateful (--stateful) and holds no `task-1`; create it first.',
    });
    expect(await (await fetch(`${m.origin}/_mock`)).json()).toMatchObject({ stored: { tasks: 1 } });
  });

  it('filters a list by its query parameters and pages it with next links, as the runtime follows them', async () => {
    const connector = await loadConnector(new URL('../../examples/tasklane', import.meta.url).pathname);
    const m = await mock(connector, { auth: false, stateful: true, items: 2 });
    const json = { 'content-type': 'application/json' };
    for (const [i, status] of ['done', 'open', 'done', 'done', 'open'].entries()) {
      const made = await fetch(`${m.url}/projects/p1/tasks`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ title: `Task ${i + 1}` }),
      });
      const { id } = (await made.json()) as { id: string };
      await fetch(`${m.url}/tasks/${id}`, {
        method: 'PATCH',
        headers: json,
        body: JSON.stringify({ status }),
      });
    }
    type Page = { value: { id: string; status: string }[]; nextLink?: string };
    const first = (await (await fetch(`${m.url}/projects/p1/tasks?status=done`)).json()) as Page;
    expect(first.value.map((t) => t.id)).toEqual(['task-1', 'task-3']);
    expect(first.nextLink).toBe(`${m.url}/projects/p1/tasks?status=done&mock-page=2`);
    const second = (await (await fetch(first.nextLink!)).json()) as Page;
    expect(second.value.map((t) => `${t.id} ${t.status}`)).toEqual(['task-4 done']);
    expect(second.nextLink).toBeUndefined();
    const runtime = createRuntime(connector, { baseUrl: m.url });
    try {
      const all = await runtime.invoke(
        'ListTasks',
        { projectId: 'p1', status: 'done' },
        { connection: { values: { api_key: 'k' } }, allPages: true },
      );
      expect(all.pages).toBe(2);
      const body = all.response.body.kind === 'json' ? (all.response.body.value as Page) : undefined;
      expect(body?.value.map((t) => t.id)).toEqual(['task-1', 'task-3', 'task-4']);
    } finally {
      await runtime.close();
    }
  });

  it('keeps operations stateless that create nothing to read back, and triggers as they are', async () => {
    const connector = await loadConnector(new URL('../../examples/tasklane', import.meta.url).pathname);
    const m = await mock(connector, { auth: false, stateful: true });
    expect((await fetch(`${m.url}/projects`)).status).toBe(200);
    expect((await fetch(`${m.url}/hooks/h-1`, { method: 'DELETE' })).status).toBe(204);
    expect(m.handler.requests().map((e) => e.outcome)).toEqual(['schema', 'none']);
  });
});

describe('flowport mock faults and latency', () => {
  it('fails every n-th valid request with Retry-After, which the runtime retries', async () => {
    const connector = shop();
    const m = await mock(connector, { auth: false, failEvery: 2, latencyMs: 5 });
    expect((await fetch(`${m.url}/orders`)).status).toBe(200);
    expect((await fetch(`${m.url}/orders?top=x`)).status).toBe(400);
    const runtime = createRuntime(connector, { baseUrl: m.url });
    try {
      const result = await runtime.invoke('ListOrders', {}, { connection: { values: {} } });
      expect(result.response.status).toBe(200);
    } finally {
      await runtime.close();
    }
    expect(m.handler.requests().map((e) => `${e.status} ${e.outcome}`)).toEqual([
      '200 schema',
      '400 refused',
      '503 fault',
      '200 schema',
    ]);
  });
});
