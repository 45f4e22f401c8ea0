/**
 * Triggers through `flowport serve` against the Brightdesk demo backend, on SQLite and Postgres:
 * a webhook subscription whose events are stored, delivered (signed) to a sink and readable in the
 * event log and its live stream, and that leaves nothing behind at the backend when deleted; a
 * polling subscription whose first poll sets the baseline and whose later polls fire; dead letters
 * and replay.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type DemoBackend, startDemoBackend } from '../../examples/demo-backend/server.ts';
import { runRemoteTrigger } from '../../src/cli/actions/trigger-remote.ts';
import { listen, type RunningServer } from '../../src/server/lifecycle.ts';
import {
  createTestServer,
  freePort,
  postgresAvailable,
  requestJson,
  type TestServer,
  until,
  uploadOf,
} from '../../src/server/testing.ts';
import { verifySignature } from '../../src/triggers/signature.ts';

const BRIGHTDESK = new URL('../../examples/brightdesk/', import.meta.url).pathname;
const NEW_TICKET = { teamId: 'support', subject: 'Printer on fire', requesterEmail: 'sam@contoso.example' };
const havePostgres = await postgresAvailable();

interface Received {
  readonly headers: IncomingMessage['headers'];
  readonly text: string;
}

let t: TestServer | undefined;
let server: RunningServer | undefined;
let backend: DemoBackend | undefined;
let sink: Server | undefined;
afterEach(async () => {
  await server?.close();
  await t?.close();
  await backend?.close();
  await new Promise((r) => (sink ? sink.close(r) : r(undefined)));
  server = t = backend = sink = undefined;
});

/** A sink that answers with `statuses` in turn (then 204) and records what it got. */
async function startSink(statuses: number[] = []) {
  const got: Received[] = [];
  sink = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      got.push({ headers: req.headers, text });
      res.writeHead(statuses.shift() ?? 204).end();
    });
  });
  await new Promise<void>((r) => sink?.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/events`, got };
}

async function start(engine: 'sqlite' | 'postgres') {
  backend = await startDemoBackend({ port: 0, retryAfter: 2 });
  const port = await freePort();
  t = await createTestServer({
    engine,
    publicUrl: `http://127.0.0.1:${port}`,
    backendOverrides: { brightdesk: backend.apiUrl },
    triggers: { tickMs: 50, delivery: { baseDelayMs: 50, maxAttempts: 3 } },
  });
  server = await listen(t.app, { port, signals: [], shutdownTimeoutMs: 2000 });
  const imported = await call('POST', '/api/v1/connectors', { files: uploadOf(BRIGHTDESK) }, t.admin.headers);
  expect(imported.status).toBe(201);
  const connection = await call('POST', '/api/v1/connections', {
    connectorId: 'brightdesk',
    parameterSet: 'api-key',
    values: { api_key: backend.apiKey },
  });
  expect(connection.status, connection.text).toBe(201);
  return { connectionId: connection.json().id as string };
}

function call(method: string, path: string, body?: unknown, as = t?.maker.headers) {
  return requestJson(server?.url ?? '', method, path, body, as);
}

async function backendHooks(): Promise<unknown[]> {
  const res = await fetch(`${backend?.apiUrl}/hooks`, { headers: { 'x-api-key': backend?.apiKey ?? '' } });
  return ((await res.json()) as { value: unknown[] }).value;
}

describe.each(['sqlite', 'postgres'] as const)('triggers through flowport serve on %s', (engine) => {
  const skip = engine === 'postgres' && !havePostgres;

  it.skipIf(skip)(
    'webhook: subscribe, store, deliver signed, stream, unsubscribe',
    { timeout: 30_000 },
    async () => {
      const { connectionId } = await start(engine);
      const out = await startSink();
      const created = await call('POST', '/api/v1/subscriptions', {
        connectionId,
        operationId: 'OnTicketCreated',
        body: { teamId: 'support' },
        sink: { url: out.url },
      });
      expect(created.status, created.text).toBe(201);
      const { subscription, signingSecret } = created.json();
      expect(subscription).toMatchObject({ kind: 'webhook', status: 'active', webhook: { status: 201 } });
      expect(signingSecret).toMatch(/^whsec_/);
      const hooks = (await backendHooks()) as { url: string }[];
      expect(hooks).toHaveLength(1);
      // The callback secret is only ever given to the backend.
      const secret = hooks[0]?.url.split('/').at(-1) ?? '';
      expect(secret).toHaveLength(32);
      expect(created.text).not.toContain(secret);
      expect((await call('GET', '/api/v1/subscriptions')).text).not.toContain(secret);

      // The live stream, opened before the event.
      const controller = new AbortController();
      const stream = await fetch(`${server?.url}/api/v1/subscriptions/${subscription.id}/events/stream`, {
        headers: t?.maker.headers,
        signal: controller.signal,
      });
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      const reader = stream.body?.getReader();
      let streamed = '';
      const streamedEvent = (async () => {
        const decoder = new TextDecoder();
        while (!streamed.includes('"status":"delivered"')) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) break;
          streamed += decoder.decode(chunk.value);
        }
      })();

      backend?.createTicket(NEW_TICKET);
      const got = await until('the delivery', () => out.got[0]);
      const payload = JSON.parse(got.text);
      expect(payload).toMatchObject({
        subscriptionId: subscription.id,
        operationId: 'OnTicketCreated',
        kind: 'webhook',
      });
      expect(payload.body).toMatchObject({ event: 'ticket.created', ticket: { subject: 'Printer on fire' } });
      expect(got.headers['flowport-idempotency-key']).toBe(payload.idempotencyKey);
      expect(verifySignature(signingSecret, got.text, got.headers['flowport-signature'] as string)).toBe(
        true,
      );

      await streamedEvent;
      controller.abort();
      expect(streamed).toMatch(/^id: \d+$/m);
      expect(streamed).toContain(payload.idempotencyKey);
      // The stream also tells when the delivery went through (sent again with the same id, or
      // already delivered when first sent).
      expect(streamed).toMatch(/event: (event|delivery)\ndata: .*"status":"delivered"/);

      const log = await until('the delivered status', async () => {
        const r = (await call('GET', `/api/v1/subscriptions/${subscription.id}/events`)).json();
        return r.value[0]?.delivery.status === 'delivered' ? r : undefined;
      });
      expect(log.value).toHaveLength(1);
      const view = (await call('GET', `/api/v1/subscriptions/${subscription.id}`)).json();
      expect(view.counts).toMatchObject({ events: 1, delivered: 1 });

      // Another user sees nothing of it.
      const foreign = await fetch(`${server?.url}/api/v1/subscriptions/${subscription.id}`, {
        headers: t?.other.headers,
      });
      expect(foreign.status).toBe(404);

      const deleted = await call('DELETE', `/api/v1/subscriptions/${subscription.id}`);
      expect(deleted.json().unsubscribe).toMatchObject({ ok: true });
      expect(await backendHooks()).toEqual([]);
      expect((await call('GET', `/api/v1/subscriptions/${subscription.id}`)).status).toBe(404);
    },
  );

  it.skipIf(skip)(
    'webhook callbacks: wrong secret 404, other methods 405, redelivery stored once',
    { timeout: 30_000 },
    async () => {
      const { connectionId } = await start(engine);
      const created = await call('POST', '/api/v1/subscriptions', {
        connectionId,
        operationId: 'OnTicketCreated',
        body: { teamId: 'support' },
      });
      const { subscription } = created.json();
      const hook = (await backendHooks())[0] as { url: string };
      expect(hook.url).toMatch(new RegExp(`/hooks/${subscription.id}/[A-Za-z0-9_-]{32}$`));
      const body = JSON.stringify({ id: 'evt_1', event: 'ticket.created', ticket: { id: 't1' } });
      const post = (url: string) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect((await post(`${server?.url}/hooks/${subscription.id}/wrong`)).status).toBe(404);
      expect((await fetch(hook.url)).status).toBe(405);
      expect((await post(hook.url)).status).toBe(202);
      expect((await post(hook.url)).status).toBe(202);
      const events = (await call('GET', `/api/v1/subscriptions/${subscription.id}/events`)).json().value;
      expect(events).toHaveLength(1);
      expect(events[0].delivery.status).toBe('none');
      expect(events[0].warnings).toEqual([]);
      // A payload that does not match `x-ms-notification-content` is kept, with a warning.
      const odd = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '"just text"',
      });
      expect(odd.status).toBe(202);
      const after = (await call('GET', `/api/v1/subscriptions/${subscription.id}/events`)).json().value;
      expect(after[1].body).toBe('just text');
      expect(after[1].warnings.join(' ')).toMatch(
        /The body is a string; the schema says an object\. \(`x-ms-notification-content`\)/,
      );
    },
  );

  it.skipIf(skip)(
    'polling: baseline first, then fires; 202 and Retry-After honoured',
    { timeout: 30_000 },
    async () => {
      const { connectionId } = await start(engine);
      backend?.createTicket(NEW_TICKET);
      const created = await call('POST', '/api/v1/subscriptions', {
        connectionId,
        operationId: 'OnTicketChanged',
        parameters: { teamId: 'support' },
        intervalSeconds: 1,
      });
      expect(created.status, created.text).toBe(201);
      const { subscription } = created.json();
      expect(subscription.kind).toBe('polling');
      const baselined = await until('the first poll', async () => {
        const s = (await call('GET', `/api/v1/subscriptions/${subscription.id}`)).json();
        return s.polling?.lastPollAt ? s : undefined;
      });
      expect(baselined.counts.events).toBe(0);
      // Nothing new: 202, and the next poll waits for the longer of the interval (1 s) and Retry-After (2 s).
      const waiting = await until('a 202 poll', async () => {
        const s = (await call('GET', `/api/v1/subscriptions/${subscription.id}`)).json();
        return s.polling?.lastStatus === 202 ? s : undefined;
      });
      expect(Date.parse(waiting.polling.nextPollAt) - Date.parse(waiting.polling.lastPollAt)).toBe(2000);
      backend?.createTicket({ ...NEW_TICKET, subject: 'Second' });
      backend?.createTicket({ ...NEW_TICKET, subject: 'Third' });
      const events = await until('the events of a later poll', async () => {
        const r = (await call('GET', `/api/v1/subscriptions/${subscription.id}/events`)).json().value;
        return r.length >= 2 ? r : undefined;
      });
      expect(events.map((e: { body: { subject: string } }) => e.body.subject).sort()).toEqual([
        'Second',
        'Third',
      ]);
    },
  );

  it.skipIf(skip)(
    'changing arguments: a webhook subscribes again with them, a refusal leaves status error, polling starts over',
    { timeout: 30_000 },
    async () => {
      const { connectionId } = await start(engine);
      const patch = (id: string, body: unknown) => call('PATCH', `/api/v1/subscriptions/${id}`, body);
      const created = await call('POST', '/api/v1/subscriptions', {
        connectionId,
        operationId: 'OnTicketCreated',
        body: { teamId: 'support' },
      });
      const { subscription } = created.json();
      const [first] = (await backendHooks()) as { url: string; teamId: string }[];
      expect(first?.teamId).toBe('support');

      const moved = await patch(subscription.id, { body: { teamId: 'billing' } });
      expect(moved.status, moved.text).toBe(200);
      expect(moved.json().unsubscribe).toMatchObject({ ok: true });
      expect(moved.json().subscription).toMatchObject({
        status: 'active',
        parameters: { body: { teamId: 'billing' } },
      });
      const hooks = (await backendHooks()) as { url: string; teamId: string }[];
      expect(hooks.map((h) => h.teamId)).toEqual(['billing']);
      // The old callback URL is dead: its secret was replaced.
      const stale = await fetch(first?.url ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(stale.status).toBe(404);

      // The backend refuses the new arguments: nothing is left subscribed, the reason is kept.
      const refused = await patch(subscription.id, { body: { teamId: 'no-such-team' } });
      expect(refused.status).toBe(502);
      expect(refused.json()).toMatchObject({ code: 'TRIGGER_SUBSCRIBE_FAILED' });
      const failed = (await call('GET', `/api/v1/subscriptions/${subscription.id}`)).json();
      expect(failed).toMatchObject({ status: 'error' });
      expect(failed.statusReason).toMatch(/Subscribing again failed/);
      expect(await backendHooks()).toEqual([]);
      // Fixed arguments bring it back.
      const fixed = await patch(subscription.id, { body: { teamId: 'support' } });
      expect(fixed.json().subscription).toMatchObject({ status: 'active' });
      expect(((await backendHooks()) as { teamId: string }[]).map((h) => h.teamId)).toEqual(['support']);
      expect((await patch(subscription.id, {})).status).toBe(400);
      expect((await patch(subscription.id, { intervalSeconds: 0 })).status).toBe(400);

      const polled = await call('POST', '/api/v1/subscriptions', {
        connectionId,
        operationId: 'OnTicketChanged',
        parameters: { teamId: 'support' },
        intervalSeconds: 1,
      });
      const poll = polled.json().subscription;
      await until('the first poll', async () => {
        const s = (await call('GET', `/api/v1/subscriptions/${poll.id}`)).json();
        return s.polling?.lastPollAt ? s : undefined;
      });
      // Stopped, then changed: it stays stopped, with the new arguments and interval.
      expect((await patch(poll.id, { enabled: false })).json().subscription.status).toBe('stopped');
      const changed = (
        await patch(poll.id, { parameters: { teamId: 'billing' }, intervalSeconds: 2 })
      ).json();
      expect(changed.subscription).toMatchObject({
        status: 'stopped',
        intervalSeconds: 2,
        parameters: { teamId: 'billing' },
      });
      expect(changed.subscription.polling?.lastPollAt).toBeUndefined();
      backend?.createTicket(NEW_TICKET);
      // Started again: a new baseline (the support ticket made meanwhile does not fire), then billing only.
      await patch(poll.id, { enabled: true });
      await until('the new baseline', async () => {
        const s = (await call('GET', `/api/v1/subscriptions/${poll.id}`)).json();
        return s.polling?.lastPollAt ? s : undefined;
      });
      backend?.createTicket({ ...NEW_TICKET, subject: 'Support again' });
      backend?.createTicket({ ...NEW_TICKET, teamId: 'billing', subject: 'Billing one' });
      const events = await until('the billing event', async () => {
        const r = (await call('GET', `/api/v1/subscriptions/${poll.id}/events`)).json().value;
        return r.length >= 1 ? r : undefined;
      });
      expect(events.map((e: { body: { subject: string } }) => e.body.subject)).toEqual(['Billing one']);
    },
  );

  it.skipIf(skip)(
    'deleting the connection unsubscribes its webhooks at the backend',
    { timeout: 30_000 },
    async () => {
      const { connectionId } = await start(engine);
      const created = await call('POST', '/api/v1/subscriptions', {
        connectionId,
        operationId: 'OnTicketCreated',
        body: { teamId: 'support' },
      });
      expect(created.status).toBe(201);
      expect(await backendHooks()).toHaveLength(1);
      expect((await call('DELETE', `/api/v1/connections/${connectionId}`)).status).toBe(204);
      expect(await backendHooks()).toEqual([]);
      expect((await call('GET', '/api/v1/subscriptions')).json().value).toEqual([]);
    },
  );

  it.skipIf(skip)(
    'flowport trigger --connection subscribes through the server, prints events, unsubscribes on stop',
    { timeout: 30_000 },
    async () => {
      const { connectionId } = await start(engine);
      const out = { stdout: '', stderr: '' };
      const io = {
        stdout: { write: (text: string) => (out.stdout += text), isTTY: false },
        stderr: { write: (text: string) => (out.stderr += text), isTTY: false },
      };
      const controller = new AbortController();
      const running = runRemoteTrigger(
        'brightdesk',
        'OnTicketCreated',
        {
          param: [],
          body: '{"teamId":"support"}',
          backfill: false,
          format: 'json',
          callbackHost: '127.0.0.1',
          conn: [],
          connection: connectionId,
          server: server?.url,
          apiToken: t?.maker.token,
        },
        io as never,
        { signal: controller.signal },
      );
      await until('the subscription', async () => ((await backendHooks()).length === 1 ? true : undefined));
      backend?.createTicket(NEW_TICKET);
      await until('the printed event', () => out.stdout.includes('Printer on fire'));
      controller.abort();
      expect(await running).toBe(0);
      const line = JSON.parse(out.stdout.trim().split('\n')[0] ?? '{}');
      expect(line.body).toMatchObject({ event: 'ticket.created' });
      expect(out.stderr).toMatch(/subscribed on .* as sub_/);
      expect(out.stderr).toMatch(/unsubscribed/);
      expect(out.stderr).not.toContain(t?.maker.token ?? 'no token');
      expect(await backendHooks()).toEqual([]);
    },
  );

  it.skipIf(skip)(
    'a callback action answers once the backend has called back',
    { timeout: 30_000 },
    async () => {
      const { connectionId } = await start(engine);
      backend?.createTicket(NEW_TICKET);
      const invoked = await call('POST', `/api/v1/connections/${connectionId}/operations/ExportTickets`, {
        parameters: { body: { teamId: 'support' } },
        callbackTimeoutSeconds: 20,
      });
      expect(invoked.status, invoked.text).toBe(200);
      const r = invoked.json();
      expect(r.status).toBe(202);
      expect(r.body).toMatchObject({ status: 'running', teamId: 'support' });
      expect(r.callback.body).toMatchObject({ status: 'completed' });
      expect(r.callback.body.count).toBe(r.callback.body.tickets.length);
      expect(r.callback.body.tickets.map((x: { subject: string }) => x.subject)).toContain('Printer on fire');
      // The one-shot wait left nothing behind.
      expect((await call('GET', '/api/v1/subscriptions')).json().value).toEqual([]);
      expect(await t?.store.listSubscriptions(t.maker.user.id)).toEqual([]);
    },
  );

  it.skipIf(skip)(
    "an MCP client calls a callback action through the connection's MCP endpoint and gets the callback",
    { timeout: 30_000 },
    async () => {
      const { connectionId } = await start(engine);
      backend?.createTicket(NEW_TICKET);
      const url = new URL(`${server?.url}/api/v1/connections/${connectionId}/mcp`);
      const client = new Client({ name: 'e2e', version: '1' });
      await client.connect(
        new StreamableHTTPClientTransport(url, { requestInit: { headers: t?.maker.headers } }),
      );
      try {
        const { tools } = await client.listTools();
        const exported = tools.find((tool) => tool.name === 'ExportTickets');
        // The host fills the notification URL in: it is not an argument.
        expect(JSON.stringify(exported?.inputSchema)).not.toContain('callbackUrl');
        const result = await client.callTool({
          name: 'ExportTickets',
          arguments: { body: { teamId: 'support' } },
        });
        expect(result.isError).toBeFalsy();
        const answer = result.structuredContent as { status: string; tickets: { subject: string }[] };
        expect(answer.status).toBe('completed');
        expect(answer.tickets.map((x) => x.subject)).toContain('Printer on fire');
      } finally {
        await client.close();
      }
      expect(await t?.store.listSubscriptions(t.maker.user.id)).toEqual([]);
    },
  );

  it.skipIf(skip)(
    'stopping unsubscribes at the backend; starting subscribes again with a new URL',
    { timeout: 30_000 },
    async () => {
      const { connectionId } = await start(engine);
      const { subscription } = (
        await call('POST', '/api/v1/subscriptions', {
          connectionId,
          operationId: 'OnTicketCreated',
          body: { teamId: 'support' },
        })
      ).json();
      const first = ((await backendHooks()) as { url: string }[])[0]?.url;
      const stopped = await call('PATCH', `/api/v1/subscriptions/${subscription.id}`, { enabled: false });
      expect(stopped.json()).toMatchObject({
        subscription: { status: 'stopped' },
        unsubscribe: { ok: true },
      });
      expect(await backendHooks()).toEqual([]);
      // The old callback URL is refused with 410 (stop sending).
      expect((await fetch(first ?? '', { method: 'POST', body: '{}' })).status).toBe(410);
      const started = await call('PATCH', `/api/v1/subscriptions/${subscription.id}`, { enabled: true });
      expect(started.json().subscription).toMatchObject({ status: 'active', webhook: { status: 201 } });
      const again = ((await backendHooks()) as { url: string }[])[0]?.url;
      expect(again).toBeDefined();
      expect(again).not.toBe(first);
      expect((await fetch(first ?? '', { method: 'POST', body: '{}' })).status).toBe(404);
      backend?.createTicket(NEW_TICKET);
      await until(
        'the event after the restart',
        async () => (await call('GET', `/api/v1/subscriptions/${subscription.id}/events`)).json().value[0],
      );
    },
  );

  it.skipIf(skip)('dead-letters after the last attempt and replays', { timeout: 30_000 }, async () => {
    const { connectionId } = await start(engine);
    const out = await startSink([500, 500, 500]);
    const { subscription } = (
      await call('POST', '/api/v1/subscriptions', {
        connectionId,
        operationId: 'OnTicketCreated',
        body: { teamId: 'support' },
        sink: { url: out.url },
      })
    ).json();
    backend?.createTicket(NEW_TICKET);
    const dead = await until('the dead letter', async () => {
      const r = (await call('GET', `/api/v1/subscriptions/${subscription.id}/events?delivery=dead`)).json()
        .value;
      return r[0];
    });
    expect(dead.delivery).toMatchObject({ status: 'dead', attempts: 3, lastStatus: 500 });
    expect(out.got).toHaveLength(3);
    expect(new Set(out.got.map((g) => g.headers['flowport-idempotency-key'])).size).toBe(1);
    expect(out.got.map((g) => g.headers['flowport-delivery-attempt'])).toEqual(['1', '2', '3']);
    const replay = await call('POST', `/api/v1/subscriptions/${subscription.id}/replay`);
    expect(replay.json()).toEqual({ replayed: 1 });
    await until('the replayed delivery', () => out.got[3]);
    expect(out.got[3]?.headers['flowport-idempotency-key']).toBe(
      out.got[0]?.headers['flowport-idempotency-key'],
    );
  });
});
