/**
 * `npm run bench:triggers` — the trigger engine of `flowport serve` under load (issue 5):
 *
 * 1. Scheduler: 10,000 polling subscriptions (60 s interval, first polls spread over the first
 *    minute) on one node against the Brightdesk demo backend (its own process): polls per second,
 *    how late polls start (p50/p99), CPU of the flowport process per poll next to the CPU of the
 *    same number of plain HTTP GETs to the same endpoint (the baseline, same process, same rate),
 *    heap and RSS.
 * 2. Webhook ingestion, on SQLite and on Postgres: distinct callbacks POSTed to `/hooks/…` with 32
 *    in flight (every one stored before its 202), next to storing the same events straight through
 *    the store (the baseline: the database's own rate).
 *
 * Options: --subscriptions N (10000), --seconds S (60, the measured window), --callbacks N (5000),
 * --engines sqlite,postgres.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { createApp } from '../src/server/app.ts';
import { listen } from '../src/server/lifecycle.ts';
import { freePort, postgresAvailable, uploadOf } from '../src/server/testing.ts';
import { testEngines } from '../src/store/testing.ts';
import type { NewTriggerEvent } from '../src/store/trigger-types.ts';

const { values } = parseArgs({
  options: {
    subscriptions: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '60' },
    callbacks: { type: 'string', default: '5000' },
    engines: { type: 'string', default: 'sqlite,postgres' },
  },
});
const SUBSCRIPTIONS = Number(values.subscriptions);
const SECONDS = Number(values.seconds);
const CALLBACKS = Number(values.callbacks);
const CONCURRENCY = 32;
const root = new URL('..', import.meta.url).pathname;
const BRIGHTDESK = join(root, 'examples/brightdesk');

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

async function startBackend(): Promise<{ child: ChildProcess; apiUrl: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(root, 'examples/demo-backend/main.ts'), '--port', String(port), '--quiet', '--retry-after', '0'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(`${url}/api/v1/teams`);
      return { child, apiUrl: `${url}/api/v1` };
    } catch {
      await sleep(50);
    }
  }
  throw new Error('the demo backend did not start');
}

async function serverOn(engine: 'sqlite' | 'postgres', apiUrl: string, lateness?: number[]) {
  const database = await testEngines.find((e) => e.name === engine)!.create();
  const store = await database.open();
  const admin = await store.createUser('admin', 'admin');
  const { token } = await store.createToken(admin.id, 'bench');
  const port = await freePort();
  const app = await createApp({
    store,
    publicUrl: `http://127.0.0.1:${port}`,
    rateLimit: false,
    // Every subscription polls through one connection: the 500 calls a minute would hold them back.
    connectionRateLimit: 0,
    closeStore: false,
    backendOverrides: { brightdesk: apiUrl },
    triggers: {
      pollConcurrency: 64,
      tickMs: 200,
      ...(lateness && { onPollStart: (late: number) => lateness.push(late) }),
    },
  });
  const server = await listen(app, { port, signals: [] });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${text}`);
    return JSON.parse(text);
  };
  await post('/api/v1/connectors', { files: uploadOf(BRIGHTDESK) });
  const connection = await post('/api/v1/connections', {
    connectorId: 'brightdesk',
    parameterSet: 'api-key',
    values: { api_key: 'brightdesk-demo-key' },
  });
  return {
    app,
    store,
    admin,
    server,
    post,
    connectionId: connection.id as string,
    async close() {
      await server.close();
      await database.cleanup();
    },
  };
}

async function schedulerRun(apiUrl: string): Promise<string[][]> {
  const lateness: number[] = [];
  const s = await serverOn('sqlite', apiUrl, lateness);
  try {
    const start = Date.now() + 2_000;
    for (let i = 0; i < SUBSCRIPTIONS; i++) {
      await s.store.createSubscription({
        id: `sub_bench_${i}`,
        ownerId: s.admin.id,
        connectionId: s.connectionId,
        connectorId: 'brightdesk',
        operationId: 'OnTicketChanged',
        kind: 'polling',
        arguments: {},
        intervalSeconds: 60,
        backfill: false,
        status: 'active',
        state: { operationId: 'OnTicketChanged', kind: 'native', baselined: false, failures: 0 },
        nextPollAt: start + Math.floor((i / SUBSCRIPTIONS) * 60_000),
      });
    }
    s.app.triggers.scheduler.wake();
    await sleep(Math.max(0, start - Date.now()));
    global.gc?.();
    const polls0 = s.app.triggers.scheduler.stats.polls;
    const cpu0 = process.cpuUsage();
    lateness.length = 0;
    let heapMax = 0;
    let rssMax = 0;
    const t0 = Date.now();
    while (Date.now() - t0 < SECONDS * 1000) {
      await sleep(500);
      const m = process.memoryUsage();
      heapMax = Math.max(heapMax, m.heapUsed);
      rssMax = Math.max(rssMax, m.rss);
    }
    const elapsed = (Date.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const polls = s.app.triggers.scheduler.stats.polls - polls0;
    const cpuMs = (cpu.user + cpu.system) / 1000;

    // Baseline: the same number of plain GETs of the polling endpoint, at the same rate, same process,
    // with the scheduler stopped so that its polls do not count.
    await s.app.triggers.scheduler.stop();
    const agent = new Agent({ connections: 64 });
    const rate = polls / elapsed;
    const baselineCount = Math.min(polls, Math.round(rate * 20));
    const b0 = process.cpuUsage();
    const bt0 = Date.now();
    const inFlight = new Set<Promise<unknown>>();
    for (let i = 0; i < baselineCount; i++) {
      const due = bt0 + (i / rate) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
      const p = request(`${apiUrl}/ticket-changes`, {
        dispatcher: agent,
        headers: { 'x-api-key': 'brightdesk-demo-key' },
      }).then((r) => r.body.dump());
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await Promise.all(inFlight);
    const bcpu = process.cpuUsage(b0);
    await agent.close();
    const baselineMs = (bcpu.user + bcpu.system) / 1000;
    return [
      ['scheduler (one node, SQLite)', 'value'],
      ['subscriptions (60 s interval)', String(SUBSCRIPTIONS)],
      ['measured window', `${elapsed.toFixed(1)} s`],
      ['polls run', `${polls} (${rate.toFixed(1)}/s; due: ${(SUBSCRIPTIONS / 60).toFixed(1)}/s)`],
      ['poll start lateness p50 / p99', `${percentile(lateness, 50)} ms / ${percentile(lateness, 99)} ms`],
      [
        'flowport process CPU',
        `${(cpuMs / 1000).toFixed(1)} s = ${((cpuMs / (elapsed * 1000)) * 100).toFixed(0)}% of a core`,
      ],
      ['CPU per poll (flowport)', `${(cpuMs / Math.max(1, polls)).toFixed(3)} ms`],
      [
        'CPU per plain GET (baseline, same rate)',
        `${(baselineMs / Math.max(1, baselineCount)).toFixed(3)} ms (${baselineCount} GETs)`,
      ],
      [
        'ratio per poll / per GET',
        (cpuMs / Math.max(1, polls) / (baselineMs / Math.max(1, baselineCount))).toFixed(2),
      ],
      ['heap used, max', mb(heapMax)],
      ['RSS, max', mb(rssMax)],
    ];
  } finally {
    await s.close();
  }
}

async function ingestionRun(engine: 'sqlite' | 'postgres', apiUrl: string): Promise<string[]> {
  const s = await serverOn(engine, apiUrl);
  try {
    const { subscription } = await s.post('/api/v1/subscriptions', {
      connectionId: s.connectionId,
      operationId: 'OnTicketCreated',
      body: { teamId: 'support' },
    });
    const hooks = (await (
      await fetch(`${apiUrl}/hooks`, { headers: { 'x-api-key': 'brightdesk-demo-key' } })
    ).json()) as {
      value: { url: string }[];
    };
    const hookUrl = hooks.value.find((h) => h.url.includes(subscription.id))?.url;
    if (!hookUrl) throw new Error('no hook registered');
    const agent = new Agent({ connections: CONCURRENCY });
    const body = (i: number) =>
      JSON.stringify({
        id: `evt_${i}`,
        event: 'ticket.created',
        ticket: { id: `t${i}`, subject: `#${i}`, teamId: 'support' },
      });
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < CALLBACKS) {
          const i = next++;
          const r = await request(hookUrl, {
            method: 'POST',
            dispatcher: agent,
            headers: { 'content-type': 'application/json' },
            body: body(i),
          });
          await r.body.dump();
          if (r.statusCode !== 202) throw new Error(`callback answered ${r.statusCode}`);
        }
      }),
    );
    const httpRate = CALLBACKS / ((performance.now() - t0) / 1000);
    await agent.close();
    const stored = (await s.store.deliveryCounts([subscription.id])).get(subscription.id)?.events ?? 0;

    // Baseline: the same number of events stored straight through the store, 32 at a time.
    const events = (i: number): NewTriggerEvent[] => [
      {
        idempotencyKey: `direct-${i}`,
        receivedAt: new Date().toISOString(),
        headers: {},
        body: JSON.parse(body(i)),
      },
    ];
    next = 0;
    const s0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < CALLBACKS) {
          const i = next++;
          // As the callback route stores them: one insert, the subscription's sink known.
          await s.store.addEvents(subscription.id, events(i), Date.now(), false);
        }
      }),
    );
    const storeRate = CALLBACKS / ((performance.now() - s0) / 1000);
    return [
      engine,
      `${httpRate.toFixed(0)} events/s`,
      `${storeRate.toFixed(0)} events/s`,
      (httpRate / storeRate).toFixed(2),
      `${stored}/${CALLBACKS}`,
    ];
  } finally {
    await s.close();
  }
}

const backend = await startBackend();
try {
  console.log(
    `trigger benchmark — ${SUBSCRIPTIONS} polling subscriptions for ${SECONDS} s; ${CALLBACKS} webhook callbacks, ${CONCURRENCY} in flight\n`,
  );
  console.log(table(await schedulerRun(backend.apiUrl)));
  console.log('');
  const rows = [['engine', 'webhook ingestion (HTTP, stored)', 'store alone (baseline)', 'ratio', 'stored']];
  for (const engine of values.engines?.split(',') ?? []) {
    if (engine === 'postgres' && !(await postgresAvailable())) {
      rows.push([engine, 'skipped: Postgres does not answer', '', '', '']);
      continue;
    }
    rows.push(await ingestionRun(engine as 'sqlite' | 'postgres', backend.apiUrl));
  }
  console.log(table(rows));
} finally {
  backend.child.kill();
}
