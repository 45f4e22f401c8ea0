/**
 * The trigger crash test (issue 5): `flowport serve` processes are killed with SIGKILL at random
 * moments while the Brightdesk demo backend emits numbered events to a webhook subscription whose
 * sink records every delivery. After the last restart every event must reach the sink at least
 * once, and every copy of an event must carry the same idempotency key.
 *
 * One node on SQLite is restarted on the same port; with two nodes on Postgres the backend calls a
 * round-robin proxy (the load balancer) and one node at a time is killed and restarted. Used by
 * `test/e2e/triggers-crash.test.ts` (small) and `npm run bench:triggers-crash` (the full run).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type DemoBackend, startDemoBackend } from '../../examples/demo-backend/server.ts';
import { freePort } from '../../src/server/testing.ts';
import { testEngines } from '../../src/store/testing.ts';

const root = new URL('../..', import.meta.url).pathname;

export interface CrashOptions {
  readonly engine: 'sqlite' | 'postgres';
  readonly nodes: 1 | 2;
  /** A webhook subscription (default), or a polling one (every second) on the ticket changes. */
  readonly trigger?: 'webhook' | 'polling';
  readonly events: number;
  readonly kills: number;
  /** Time between two emitted events. */
  readonly emitIntervalMs: number;
  /** How long to wait for the last deliveries after the last event. */
  readonly settleMs?: number;
  readonly log?: (line: string) => void;
}

export interface CrashReport {
  readonly engine: string;
  readonly nodes: number;
  readonly trigger: string;
  readonly emitted: number;
  readonly kills: number;
  /** Distinct event numbers the sink received. */
  readonly delivered: number;
  readonly missing: number[];
  /** Deliveries in all, and how many were copies of an event already received. */
  readonly deliveries: number;
  readonly duplicates: number;
  /** Events whose copies carried different idempotency keys (must be 0). */
  readonly keyMismatches: number;
  readonly seconds: number;
}

interface Node {
  readonly id: string;
  readonly port: number;
  child: ChildProcess;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function ready(url: string, child: ChildProcess): Promise<void> {
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`flowport serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`flowport serve at ${url} did not become ready`);
}

/** A round-robin HTTP proxy over the nodes that are up (the load balancer in front of a cluster). */
async function startBalancer(ports: () => number[]): Promise<{ server: Server; url: string }> {
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const list = ports();
      const tryNode = (left: number) => {
        const port = list[next++ % list.length];
        const upstream = httpRequest(
          { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        upstream.on('error', () => (left > 1 ? tryNode(left - 1) : res.writeHead(502).end()));
        upstream.end(body);
      };
      tryNode(list.length);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function crashRun(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const database = await testEngines.find((e) => e.name === options.engine)!.create();
  const received = new Map<number, Set<string>>();
  let deliveries = 0;
  const sink = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const payload = JSON.parse(text) as {
        idempotencyKey: string;
        body: { ticket?: { subject: string }; subject?: string };
      };
      // Webhook events carry the ticket; polled changes are the ticket itself.
      const subject = payload.body.ticket?.subject ?? payload.body.subject ?? '';
      const n = Number(subject.replace(/^#/, ''));
      const keys = received.get(n) ?? new Set<string>();
      keys.add(payload.idempotencyKey);
      received.set(n, keys);
      deliveries++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/events`;
  // The backend retries a failed callback until it is taken (as production senders do).
  const backend: DemoBackend = await startDemoBackend({
    port: 0,
    webhookAttempts: 1_000,
    webhookRetryDelayMs: 100,
  });

  const nodes: Node[] = [];
  let balancer: { server: Server; url: string } | undefined;
  const env = {
    ...process.env,
    FLOWPORT_HOME: database.home,
    ...(database.databaseUrl && { FLOWPORT_DATABASE_URL: database.databaseUrl }),
  };
  const ports = await Promise.all(Array.from({ length: options.nodes }, () => freePort()));
  if (options.nodes > 1)
    balancer = await startBalancer(() =>
      nodes.filter((n) => n.child.exitCode === null && n.child.signalCode === null).map((n) => n.port),
    );
  const spawnNode = (id: string, port: number): ChildProcess =>
    spawn(
      process.execPath,
      [
        join(root, 'bin/flowport.js'),
        'serve',
        join(root, 'examples/brightdesk'),
        '--port',
        String(port),
        '--backend',
        `brightdesk=${backend.apiUrl}`,
        '--node-id',
        id,
        '--log-level',
        'error',
        '--no-watch',
        '--rate-limit',
        '0',
        ...(balancer ? ['--callback-url', balancer.url] : []),
      ],
      { env, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  try {
    for (const [i, port] of ports.entries()) {
      const node = { id: `node-${i + 1}`, port, child: spawnNode(`node-${i + 1}`, port) };
      nodes.push(node);
      await ready(`http://127.0.0.1:${port}`, node.child);
    }
    const api = `http://127.0.0.1:${ports[0]}`;
    const token = readFileSync(join(database.home, 'admin.token'), 'utf8').trim();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${api}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${text}`);
      return JSON.parse(text) as { id: string; subscription: { id: string } };
    };
    const connection = await post('/api/v1/connections', {
      connectorId: 'brightdesk',
      parameterSet: 'api-key',
      values: { api_key: backend.apiKey },
    });
    const polling = options.trigger === 'polling';
    const made = (await post('/api/v1/subscriptions', {
      connectionId: connection.id,
      operationId: polling ? 'OnTicketChanged' : 'OnTicketCreated',
      ...(polling
        ? { parameters: { teamId: 'support' }, intervalSeconds: 1 }
        : { body: { teamId: 'support' } }),
      sink: { url: sinkUrl },
    })) as unknown as { subscription: { id: string } };
    if (polling) {
      // The first poll sets the baseline: events before it would not fire.
      for (;;) {
        const res = await fetch(`${api}/api/v1/subscriptions/${made.subscription.id}`, { headers });
        const view = (await res.json()) as { polling?: { lastPollAt?: string } };
        if (view.polling?.lastPollAt) break;
        await sleep(100);
      }
    }

    // Kill moments: uniformly random over the emission window.
    const window = options.events * options.emitIntervalMs;
    const killAt = Array.from({ length: options.kills }, () => Math.random() * window).sort((a, b) => a - b);
    const killer = (async () => {
      const t0 = Date.now();
      for (const [k, at] of killAt.entries()) {
        await sleep(Math.max(0, at - (Date.now() - t0)));
        const node = nodes[k % nodes.length] as Node;
        node.child.kill('SIGKILL');
        await new Promise((r) =>
          node.child.exitCode !== null || node.child.signalCode !== null
            ? r(undefined)
            : node.child.once('exit', r),
        );
        log(`killed ${node.id} at ${Math.round(Date.now() - t0)} ms`);
        node.child = spawnNode(node.id, node.port);
        await ready(`http://127.0.0.1:${node.port}`, node.child);
      }
    })();
    for (let i = 1; i <= options.events; i++) {
      backend.createTicket({ teamId: 'support', subject: `#${i}`, requesterEmail: 'crash@contoso.example' });
      await sleep(options.emitIntervalMs);
    }
    await killer;
    const end = Date.now() + (options.settleMs ?? 120_000);
    while (received.size < options.events && Date.now() < end) await sleep(100);
    const missing: number[] = [];
    for (let i = 1; i <= options.events; i++) if (!received.has(i)) missing.push(i);
    let keyMismatches = 0;
    for (const keys of received.values()) if (keys.size > 1) keyMismatches++;
    return {
      engine: options.engine,
      nodes: options.nodes,
      trigger: options.trigger ?? 'webhook',
      emitted: options.events,
      kills: options.kills,
      delivered: received.size,
      missing,
      deliveries,
      duplicates: deliveries - received.size,
      keyMismatches,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    for (const node of nodes) node.child.kill('SIGKILL');
    await Promise.all(
      nodes.map((n) =>
        n.child.exitCode !== null || n.child.signalCode !== null
          ? undefined
          : new Promise((r) => n.child.once('exit', r)),
      ),
    );
    await new Promise((r) => sink.close(r));
    if (balancer) await new Promise((r) => balancer?.server.close(r));
    // Deliveries still being retried end with the backend.
    await Promise.race([backend.close(), sleep(2_000)]);
    await database.cleanup();
  }
}
