import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../free-port.ts';
import { listen, type RunningServer } from '../lifecycle.ts';
import { relayBase } from '../registry.ts';
import { type Backend, createTestServer, startBackend, type TestServer } from '../testing.ts';

let t: TestServer | undefined;
let server: RunningServer | undefined;
let backend: Backend | undefined;
afterEach(async () => {
  await server?.close();
  await t?.close();
  await backend?.close();
  server = t = backend = undefined;
});

/**
 * DocuSign's pattern in script.ts: the subscription gives the backend a URL of the connector itself
 * (`createNotificationUrl`), whose internal `security: []` operation forwards each event to the real
 * callback URL, reshaped.
 */
const SCRIPT = `
export default class Script {
  async executeAsync(context) {
    if (context.operationId === 'OnEvent') {
      const body = await context.request.json();
      body.callbackUrl = context.createNotificationUrl('/webhook_response?target=' + encodeURIComponent(body.callbackUrl));
      return context.sendAsync(new Request(context.request.url, {
        method: 'POST', headers: context.request.headers, body: JSON.stringify(body),
      }));
    }
    if (context.operationId === 'WebhookResponse') {
      const target = new URL(context.request.url).searchParams.get('target');
      const event = JSON.parse(await context.request.text());
      const forwarded = await context.sendAsync(new Request(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'relayed', event }),
      }));
      return new Response(null, { status: forwarded.ok ? 200 : 502 });
    }
    return context.sendAsync(context.request);
  }
}
`;

function swagger(host: string) {
  return {
    swagger: '2.0',
    info: { title: 'Relay Demo', description: 'Events relayed through the connector.', version: '1.0' },
    host,
    basePath: '/',
    schemes: ['http'],
    securityDefinitions: { api_key: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
    security: [{ api_key: [] }],
    paths: {
      '/hooks': {
        'x-ms-notification-content': {
          schema: { type: 'object', properties: { kind: { type: 'string' }, event: { type: 'object' } } },
        },
        post: {
          operationId: 'OnEvent',
          summary: 'When an event happens',
          'x-ms-trigger': 'single',
          parameters: [
            {
              name: 'body',
              in: 'body',
              required: true,
              schema: {
                type: 'object',
                properties: {
                  callbackUrl: {
                    type: 'string',
                    'x-ms-notification-url': true,
                    'x-ms-visibility': 'internal',
                  },
                },
                required: ['callbackUrl'],
              },
            },
          ],
          responses: { '201': { description: 'Created' } },
        },
      },
      '/hooks/{id}': {
        delete: {
          operationId: 'DeleteHook',
          'x-ms-visibility': 'internal',
          parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
          responses: { '204': { description: 'Deleted' } },
        },
      },
      '/webhook_response': {
        post: {
          operationId: 'WebhookResponse',
          'x-ms-visibility': 'internal',
          security: [],
          parameters: [{ name: 'target', in: 'query', type: 'string' }],
          responses: { '200': { description: 'OK' } },
        },
      },
      '/items': {
        get: {
          operationId: 'ListItems',
          'x-ms-visibility': 'internal',
          responses: { '200': { description: 'OK' } },
        },
      },
    },
  };
}

const properties = {
  connectionParameters: {
    api_key: {
      type: 'securestring',
      uiDefinition: { displayName: 'API key', constraints: { required: 'true' } },
    },
  },
  scriptOperations: ['OnEvent', 'WebhookResponse'],
};

function upload(host: string) {
  const file = (name: string, text: string) => ({ name, content: Buffer.from(text).toString('base64') });
  return [
    file('apiDefinition.swagger.json', JSON.stringify(swagger(host))),
    file('apiProperties.json', JSON.stringify({ properties })),
    file('script.ts', SCRIPT),
  ];
}

async function start() {
  backend = await startBackend((r) =>
    r.method === 'POST' && r.url === '/hooks'
      ? { status: 201, headers: { location: `${backend?.url}/hooks/1` }, body: { id: '1' } }
      : r.method === 'DELETE'
        ? { status: 204 }
        : { body: { value: [] } },
  );
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  t = await createTestServer({ publicUrl, triggers: { tickMs: 50 } });
  server = await listen(t.app, { port, signals: [], shutdownTimeoutMs: 2000 });
  const imported = await t.call(t.admin, 'POST', '/api/v1/connectors', {
    files: upload(new URL(backend.url).host),
  });
  expect(imported.statusCode, imported.body).toBe(201);
  const connectorId = imported.json().connector.id as string;
  const made = await t.call(t.maker, 'POST', '/api/v1/connections', {
    connectorId,
    values: { api_key: 'relay-key-1' },
  });
  expect(made.statusCode, made.body).toBe(201);
  return { connectorId, connectionId: made.json().id as string, publicUrl };
}

describe('relay URLs (createNotificationUrl in flowport serve)', () => {
  it('carries an event the backend sends to the connector’s own URL through its script to the subscription', async () => {
    const { connectorId, connectionId, publicUrl } = await start();
    const sub = await t!.call(t!.maker, 'POST', '/api/v1/subscriptions', {
      connectionId,
      operationId: 'OnEvent',
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const subscriptionId = sub.json().subscription.id as string;

    // The backend was given a relay URL, not the raw callback.
    const subscribe = backend!.requests.find((r) => r.method === 'POST' && r.url === '/hooks');
    const relayUrl = JSON.parse(subscribe!.body).callbackUrl as string;
    expect(relayUrl.startsWith(`${relayBase(publicUrl, connectorId)}/webhook_response?target=`)).toBe(true);
    expect(subscribe!.headers['x-api-key']).toBe('relay-key-1');

    // The backend calls it, without any credential.
    const sent = await fetch(relayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ envelope: 'e-42', status: 'completed' }),
    });
    expect(sent.status).toBe(200);
    const events = await t!.call(t!.maker, 'GET', `/api/v1/subscriptions/${subscriptionId}/events`);
    expect(events.statusCode, events.body).toBe(200);
    const bodies = (events.json().value as { body: unknown }[]).map((e) => e.body);
    expect(bodies).toEqual([{ kind: 'relayed', event: { envelope: 'e-42', status: 'completed' } }]);
  });

  it('answers only operations declaring security: [] and paths the connector has', async () => {
    const { connectorId, publicUrl } = await start();
    const base = relayBase(publicUrl, connectorId);
    const guarded = await fetch(`${base}/items`);
    expect(guarded.status).toBe(403);
    expect(((await guarded.json()) as { detail: string }).detail).toMatch(/security: \[\]/);
    const missing = await fetch(`${base}/nowhere`, { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('OPERATION_NOT_FOUND');
    const unknown = await fetch(`${publicUrl}/relay/no-such-connector/webhook_response`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    // Nothing reached the backend with the connection's key.
    expect(backend!.requests.filter((r) => r.url === '/items')).toHaveLength(0);
  });
});
