/**
 * `npm run bench:serve` — invoking an operation through a running `flowport serve` (a separate
 * process, as in production) versus calling the same backend directly, in one run, at 32 requests in
 * flight, on SQLite and on Postgres: throughput ratio (target ≥ 0.6) and added latency at p50 / p99
 * (target p99 overhead ≤ 3 ms). The backend runs in its own process too. Prints medians of the runs.
 * Options: --runs N (default 3), --requests N per run (default 5000), --engines sqlite,postgres,
 * --delays 0,10 (backend answer delays in ms to measure; 0 makes the run CPU-bound: client, server and
 * backend share the machine's cores, so every microsecond flowport spends shows).
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { type TestDatabase, testEngines } from '../src/store/testing.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const runs = Number(opt('--runs', '3'));
const perRun = Number(opt('--requests', '5000'));
const engines = opt('--engines', 'sqlite,postgres').split(',');
const delays = opt('--delays', '0,10').split(',').map(Number);
const CONCURRENCY = 32;
const root = new URL('..', import.meta.url).pathname;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startBackend(delayMs: number): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(join(root, 'bench/backend.ts'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, BENCH_BACKEND_DELAY_MS: String(delayMs) },
  });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
  return { url: `http://127.0.0.1:${port}`, child };
}

async function startServe(home: string, databaseUrl: string | undefined, backendUrl: string) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin/flowport.js'),
      'serve',
      join(root, 'examples/tasklane'),
      '--port',
      String(port),
      '--home',
      home,
      '--backend',
      `tasklane=${backendUrl}/v1`,
      '--log-level',
      'warn',
      '--rate-limit',
      '0',
      '--no-watch',
      ...(databaseUrl ? ['--database-url', databaseUrl] : []),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, child };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('flowport serve did not start');
}

/** `total` calls with 32 in flight: requests per second and each call's latency in ms. */
async function load(total: number, one: () => Promise<void>): Promise<{ rps: number; latencies: number[] }> {
  let started = 0;
  const latencies: number[] = [];
  const t = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (started < total) {
        started++;
        const s = performance.now();
        await one();
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { rps: total / ((performance.now() - t) / 1000), latencies };
}

const agent = new Agent({ keepAliveTimeout: 10_000 });
const rows: string[][] = [];

for (const delayMs of delays)
  for (const engine of engines) {
    const backend = await startBackend(delayMs);
    let database: TestDatabase | undefined;
    let home = mkdtempSync(join(tmpdir(), 'flowport-bench-'));
    let databaseUrl: string | undefined;
    if (engine === 'postgres') {
      database = await testEngines.find((e) => e.name === 'postgres')!.create();
      home = database.home;
      databaseUrl = database.databaseUrl;
    }
    const serve = await startServe(home, databaseUrl, backend.url);
    const token = readFileSync(join(home, 'admin.token'), 'utf8').trim();
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${serve.url}/api/v1/connections`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ connectorId: 'tasklane', values: { api_key: 'bench-key' } }),
    });
    const { id } = (await created.json()) as { id: string };
    const invokeBody = JSON.stringify({ parameters: { projectId: 'p1', status: 'open' } });

    const direct = async () => {
      const res = await request(`${backend.url}/v1/projects/p1/tasks?status=open`, {
        headers: { 'x-api-key': 'bench-key', accept: 'application/json' },
        dispatcher: agent,
      });
      await res.body.json();
    };
    const viaServe = async () => {
      const res = await request(`${serve.url}/api/v1/connections/${id}/operations/ListTasks`, {
        method: 'POST',
        headers: auth,
        body: invokeBody,
        dispatcher: agent,
      });
      const json = (await res.body.json()) as { status?: number };
      if (res.statusCode !== 200 || json.status !== 200) throw new Error(`serve answered ${res.statusCode}`);
    };

    await load(1000, direct);
    await load(1000, viaServe);
    const d = { rps: [] as number[], p50: [] as number[], p99: [] as number[] };
    const s = { rps: [] as number[], p50: [] as number[], p99: [] as number[] };
    for (let r = 0; r < runs; r++) {
      const a = await load(perRun, direct);
      const b = await load(perRun, viaServe);
      d.rps.push(a.rps);
      d.p50.push(percentile(a.latencies, 50));
      d.p99.push(percentile(a.latencies, 99));
      s.rps.push(b.rps);
      s.p50.push(percentile(b.latencies, 50));
      s.p99.push(percentile(b.latencies, 99));
    }
    serve.child.kill('SIGTERM');
    await new Promise((r) => serve.child.once('exit', r));
    await database?.cleanup();
    backend.child.kill();
    const label = `${engine}, backend +${delayMs} ms`;
    rows.push(
      [
        label,
        'direct to the backend (baseline)',
        `${Math.round(median(d.rps))} req/s`,
        `${median(d.p50).toFixed(2)} ms`,
        `${median(d.p99).toFixed(2)} ms`,
      ],
      [
        label,
        'through flowport serve',
        `${Math.round(median(s.rps))} req/s`,
        `${median(s.p50).toFixed(2)} ms`,
        `${median(s.p99).toFixed(2)} ms`,
      ],
      [
        label,
        'ratio (target ≥ 0.6) / added latency (target p99 ≤ 3 ms)',
        (median(s.rps) / median(d.rps)).toFixed(2),
        `+${(median(s.p50) - median(d.p50)).toFixed(2)} ms`,
        `+${(median(s.p99) - median(d.p99)).toFixed(2)} ms`,
      ],
    );
  }

await agent.close();
const header = ['engine, backend', 'path', 'throughput', 'p50', 'p99'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
console.log(`serve benchmark — ${runs} runs × ${perRun} calls, ${CONCURRENCY} in flight, medians\n`);
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
