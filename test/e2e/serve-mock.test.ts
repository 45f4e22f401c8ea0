/**
 * `flowport serve` with its backend replaced by `flowport mock` (`--backend id=<mock URL>`): a
 * connector tried whole without its API — a stored connection calls the mock (stateful: created,
 * then listed), and a webhook subscription the server makes at the mock gets the events fired there,
 * stored and delivered to a sink; deleting the subscription ends it at the mock.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConnector } from '../../src/connector/load.ts';
import { type RunningMock, startMock } from '../../src/mock/server.ts';
import { listen, type RunningServer } from '../../src/server/lifecycle.ts';
import {
  createTestServer,
  freePort,
  requestJson,
  type TestServer,
  until,
  uploadOf,
} from '../../src/server/testing.ts';

const TASKLANE = new URL('../../examples/tasklane/', import.meta.url).pathname;

let t: TestServer | undefined;
let server: RunningServer | undefined;
let mock: RunningMock | undefined;
let sink: Server | undefined;
afterEach(async () => {
  await server?.close();
  await t?.close();
  await mock?.close();
  await new Promise((r) => (sink ? sink.close(r) : r(undefined)));
  server = t = mock = sink = undefined;
});

function call(method: string, path: string, body?: unknown, as = t?.maker.headers) {
  return requestJson(server?.url ?? '', method, path, body, as);
}

describe('flowport serve against flowport mock', () => {
  it('calls the mock with a stored connection and gets the webhook events fired there', {
    timeout: 30_000,
  }, async () => {
    mock = await startMock(await loadConnector(TASKLANE), { port: 0, stateful: true });
    const port = await freePort();
    t = await createTestServer({
      engine: 'sqlite',
      publicUrl: `http://127.0.0.1:${port}`,
      backendOverrides: { tasklane: mock.url },
      triggers: { tickMs: 50, delivery: { baseDelayMs: 50, maxAttempts: 3 } },
    });
    server = await listen(t.app, { port, signals: [], shutdownTimeoutMs: 2000 });
    expect(
      (await call('POST', '/api/v1/connectors', { files: uploadOf(TASKLANE) }, t.admin.headers)).status,
    ).toBe(201);
    const connection = await call('POST', '/api/v1/connections', {
      connectorId: 'tasklane',
      values: { api_key: 'test' },
    });
    expect(connection.status, connection.text).toBe(201);
    const connectionId = connection.json().id as string;

    const created = await call('POST', `/api/v1/connections/${connectionId}/operations/CreateTask`, {
      parameters: { projectId: 'p1', body: { title: 'Tried on the mock' } },
    });
    expect(created.status, created.text).toBe(200);
    expect(created.json()).toMatchObject({
      status: 201,
      body: { id: 'task-1', projectId: 'p1', title: 'Tried on the mock' },
    });
    const listed = await call('POST', `/api/v1/connections/${connectionId}/operations/ListTasks`, {
      parameters: { projectId: 'p1' },
    });
    expect(listed.json().body.value).toHaveLength(1);
    // The key reached the mock; the log does not show it.
    expect(mock.handler.requests().map((e) => `${e.method} ${e.url} ${e.status}`)).toEqual([
      'POST /v1/projects/p1/tasks 201',
      'GET /v1/projects/p1/tasks 200',
    ]);

    const got: string[] = [];
    sink = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        got.push(text);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => sink?.listen(0, '127.0.0.1', r));
    const subscribed = await call('POST', '/api/v1/subscriptions', {
      connectionId,
      operationId: 'OnTaskCreated',
      body: { projectId: 'p1' },
      sink: { url: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/events` },
    });
    expect(subscribed.status, subscribed.text).toBe(201);
    const { subscription } = subscribed.json();
    expect(mock.handler.triggers.list()).toHaveLength(1);
    await fetch(`${mock.origin}/_mock/fire/OnTaskCreated?count=2`, { method: 'POST' });
    await until('two deliveries', () => got.length >= 2 || undefined);
    expect(got.map((g) => JSON.parse(g).body.id)).toEqual(['example', 'example-2']);

    const deleted = await call('DELETE', `/api/v1/subscriptions/${subscription.id}`);
    expect(deleted.json().unsubscribe).toMatchObject({ ok: true });
    expect(mock.handler.triggers.list()).toEqual([]);
  });
});
