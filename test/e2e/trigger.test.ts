/**
 * The trigger engine and `flowport trigger` against the real Brightdesk demo backend: a webhook
 * subscription that receives an event and leaves nothing behind, and the polling protocol.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DemoBackend, startDemoBackend } from '../../examples/demo-backend/server.ts';
import { runTrigger, type TriggerFlags } from '../../src/cli/actions/trigger.ts';
import { loadConnector } from '../../src/connector/load.ts';
import { createRuntime } from '../../src/runtime/runtime.ts';
import { type PollState, poll } from '../../src/triggers/polling.ts';
import { subscribe, unsubscribe } from '../../src/triggers/webhook.ts';

const root = new URL('../..', import.meta.url).pathname;
const brightdesk = join(root, 'examples/brightdesk');
const connection = { parameterSet: 'api-key', values: { api_key: 'brightdesk-demo-key' } };
const NEW_TICKET = { teamId: 'support', subject: 'Printer on fire', requesterEmail: 'sam@contoso.example' };

let backend: DemoBackend;
beforeEach(async () => {
  backend = await startDemoBackend({ port: 0 });
});
afterEach(async () => {
  await backend.close();
});

async function hooks(): Promise<{ id: string; url: string }[]> {
  const response = await fetch(`${backend.apiUrl}/hooks`, { headers: { 'x-api-key': backend.apiKey } });
  return ((await response.json()) as { value: { id: string; url: string }[] }).value;
}

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (s: string) => (out.stdout += s), isTTY: false },
    stderr: { write: (s: string) => (out.stderr += s), isTTY: false },
  };
  return { out, io };
}

function flags(extra: Partial<TriggerFlags> = {}): TriggerFlags {
  return {
    param: [],
    conn: ['api_key=brightdesk-demo-key'],
    connSet: 'api-key',
    baseUrl: backend.apiUrl,
    backfill: false,
    format: 'json',
    callbackHost: '127.0.0.1',
    ...extra,
  };
}

describe('webhook trigger lab', () => {
  it('subscribes, prints the event of a new ticket, and on stop leaves no subscription', async () => {
    const { out, io } = capture();
    const stop = new AbortController();
    const done = runTrigger(brightdesk, 'OnTicketCreated', flags({ body: '{"teamId":"support"}' }), io, {
      signal: stop.signal,
    });
    await until('the subscription', () => /subscribed \(201\)/.test(out.stderr));
    const [hook] = await hooks();
    expect(hook?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/[0-9a-f-]{36}\/[\w-]{32}$/);
    expect(out.stderr).toContain(`at Location ${backend.apiUrl}/hooks/${hook?.id}`);
    expect(out.stderr).not.toContain(hook?.url.split('/').pop());
    const url = hook?.url ?? '';
    expect((await fetch(url)).status).toBe(405);
    expect(
      (
        await fetch(
          url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
          { method: 'POST' },
        )
      ).status,
    ).toBe(404);
    expect((await fetch(url.replace(/\/hooks\/[^/]+/, '/hooks/other'), { method: 'POST' })).status).toBe(404);

    const ticket = backend.createTicket(NEW_TICKET);
    backend.createTicket({ ...NEW_TICKET, teamId: 'billing' });
    await backend.events.settled();
    await until('the event', () => out.stdout.includes('\n'));
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const event = JSON.parse(lines[0] ?? '{}');
    expect(event.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(event.body).toMatchObject({
      event: 'ticket.created',
      ticket: { id: ticket.id, teamId: 'support' },
    });
    expect(event.headers['x-brightdesk-event']).toBe('ticket.created');
    expect(backend.events.deliveries.at(-1)?.status).toBe(202);

    stop.abort();
    expect(await done).toBe(0);
    expect(out.stderr).toMatch(/unsubscribed \(204 via `DeleteHook`\)/);
    expect(await hooks()).toEqual([]);
  });

  it('unsubscribes on a real Ctrl-C (SIGINT) and exits 0', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      [
        join(root, 'bin/flowport.js'),
        'trigger',
        brightdesk,
        'OnTicketCreated',
        '--base-url',
        backend.apiUrl,
        '--conn-set',
        'api-key',
        '--conn',
        'api_key=brightdesk-demo-key',
        '--format',
        'json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until('the subscription', () => /subscribed/.test(stderr) || child.exitCode !== null, 20_000);
      expect(await hooks()).toHaveLength(1);
      backend.createTicket(NEW_TICKET);
      await until('the event', () => stdout.includes('\n'));
      expect(JSON.parse(stdout.trim()).body.event).toBe('ticket.created');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stderr).toMatch(/unsubscribed/);
      expect(await hooks()).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);

  it('engine: a subscription made and deleted through the library leaves none; a second delete is already gone', async () => {
    const runtime = createRuntime(await loadConnector(brightdesk), { baseUrl: backend.apiUrl });
    try {
      const sub = await subscribe(
        runtime,
        'OnTicketCreated',
        {},
        {
          connection,
          callbackUrl: 'http://127.0.0.1:9/hooks/x/y',
        },
      );
      expect(sub).toMatchObject({ status: 201, warnings: [] });
      expect((await hooks()).map((h) => h.url)).toEqual(['http://127.0.0.1:9/hooks/x/y']);
      expect(await unsubscribe(runtime, sub, { connection })).toMatchObject({
        ok: true,
        via: 'operation',
        operationId: 'DeleteHook',
        status: 204,
      });
      expect(await hooks()).toEqual([]);
      const again = await unsubscribe(runtime, sub, { connection });
      expect(again).toMatchObject({ ok: true, status: 404 });
    } finally {
      await runtime.close();
    }
  });
});

describe('polling trigger', () => {
  it('lab: 202 with Location first (no backfill), then one event per new ticket, waits as Retry-After says', async () => {
    const { out, io } = capture();
    const stop = new AbortController();
    const delays: number[] = [];
    const created: string[] = [];
    const sleep = async (ms: number) => {
      delays.push(ms);
      if (delays.length === 1) {
        created.push(backend.createTicket(NEW_TICKET).id, backend.createTicket(NEW_TICKET).id);
      }
      if (delays.length === 3) stop.abort();
    };
    const code = await runTrigger(brightdesk, 'OnTicketChanged', flags({ interval: 10 }), io, {
      signal: stop.signal,
      sleep,
    });
    expect(code).toBe(0);
    // 202 → max(10 s, Retry-After 15 s); 200 → Retry-After 15 s; 202 → 15 s again.
    expect(delays).toEqual([15_000, 15_000, 15_000]);
    const events = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.map((e) => e.body.id)).toEqual(created);
    expect(events.every((e) => e.body.changeType === 'created')).toBe(true);
    expect(new Set(events.map((e) => e.idempotencyKey)).size).toBe(2);
    expect(out.stderr).toMatch(
      /poll: 202, nothing fired \(the first poll sets the baseline\); next URL .*triggerState=12/,
    );
    expect(out.stderr).toMatch(/poll: 200, 2 events/);
  });

  it('engine: a backlog is drained at once (Retry-After 0), a shorter Retry-After after 202 loses to the interval', async () => {
    const runtime = createRuntime(await loadConnector(brightdesk), { baseUrl: backend.apiUrl });
    const now = () => Date.parse('2026-05-01T00:00:00Z');
    const opts = { connection, now, intervalSeconds: 60 };
    try {
      const first = await poll(runtime, 'OnTicketChanged', {}, undefined, opts);
      expect(first).toMatchObject({ status: 202, fired: false, delayMs: 60_000 });
      expect(first.state.location).toBe(`${backend.apiUrl}/ticket-changes?triggerState=12`);
      for (let i = 0; i < 60; i++) backend.createTicket({ ...NEW_TICKET, subject: `Ticket ${i}` });
      const stored: PollState = JSON.parse(JSON.stringify(first.state));
      const page1 = await poll(runtime, 'OnTicketChanged', {}, stored, opts);
      expect(page1).toMatchObject({ status: 200, delayMs: 0 });
      expect(page1.events).toHaveLength(50);
      const replay = await poll(runtime, 'OnTicketChanged', {}, stored, opts);
      expect(replay.events.map((e) => e.idempotencyKey)).toEqual(page1.events.map((e) => e.idempotencyKey));
      const page2 = await poll(runtime, 'OnTicketChanged', {}, page1.state, opts);
      expect(page2.events.map((e) => (e.body as { subject: string }).subject)).toEqual(
        Array.from({ length: 10 }, (_, i) => `Ticket ${50 + i}`),
      );
      expect(page2.delayMs).toBe(15_000);
      const quiet = await poll(runtime, 'OnTicketChanged', {}, page2.state, { ...opts, intervalSeconds: 5 });
      expect(quiet).toMatchObject({ status: 202, fired: false, delayMs: 15_000 });
    } finally {
      await runtime.close();
    }
  });
});

describe('callback action', () => {
  it('completes when the backend calls back the URL it was given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowport-callback-'));
    const swagger = {
      swagger: '2.0',
      info: { title: 'Jobs', version: '1' },
      host: 'jobs.example',
      paths: {
        '/jobs': {
          post: {
            operationId: 'RunJob',
            summary: 'Run a job',
            parameters: [
              {
                name: 'body',
                in: 'body',
                required: true,
                schema: {
                  type: 'object',
                  required: ['notify'],
                  properties: {
                    notify: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' },
                    job: { type: 'string' },
                  },
                },
              },
            ],
            responses: { '202': { description: 'Accepted' } },
          },
        },
      },
    };
    writeFileSync(join(dir, 'apiDefinition.swagger.json'), JSON.stringify(swagger));
    const jobs = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(text) as { notify: string; job: string };
        res.writeHead(202).end();
        setTimeout(() => {
          void fetch(body.notify, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ done: true, job: body.job }),
          });
        }, 50);
      });
    });
    await new Promise<void>((resolve) => jobs.listen(0, '127.0.0.1', resolve));
    try {
      const { out, io } = capture();
      const code = await runTrigger(
        dir,
        'RunJob',
        {
          param: [],
          conn: [],
          body: '{"job":"export"}',
          baseUrl: `http://127.0.0.1:${(jobs.address() as AddressInfo).port}`,
          backfill: false,
          format: 'json',
          callbackHost: '127.0.0.1',
        },
        io,
      );
      expect(out.stderr).toMatch(/`RunJob` answered 202/);
      expect(code).toBe(0);
      expect(JSON.parse(out.stdout.trim()).body).toEqual({ done: true, job: 'export' });
    } finally {
      await new Promise<void>((resolve) => jobs.close(() => resolve()));
    }
  });
});
