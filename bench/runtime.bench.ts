/**
 * `npm run bench:runtime` — requests per second through flowport's invoke path (build request → auth →
 * policies → undici → decode) against a local HTTP backend, versus raw undici `request` calls to the
 * same backend, in one run, at 64 requests in flight; then heap use over 100,000 invocations.
 * The backend runs in a child process so that it does not share the event loop with the client.
 * Prints medians. Also prints the client's CPU time per request on each side (user + system, this
 * process only): on a shared machine other processes take the CPU away from both sides unevenly, and
 * CPU time per request is what they change least. Options: --runs N (default 5), --requests N per run
 * (default 20000), --memory-requests N (default 100000).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { loadConnectorSync } from '../src/connector/load.ts';
import { createRuntime } from '../src/runtime/runtime.ts';
import type { Connection } from '../src/runtime/types.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = opt('--runs', 5);
const perRun = opt('--requests', 20_000);
const memoryRequests = opt('--memory-requests', 100_000);
const CONCURRENCY = 64;
const root = new URL('..', import.meta.url).pathname;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function startBackend(): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(join(root, 'bench/backend.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
  return { url: `http://127.0.0.1:${port}`, child };
}

/** Requests per second; pushes the client's CPU µs per request to `cpu` when given. */
async function inFlight(total: number, one: () => Promise<void>, cpu?: number[]): Promise<number> {
  let started = 0;
  const t = performance.now();
  const before = process.cpuUsage();
  async function lane() {
    while (started < total) {
      started++;
      await one();
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(before);
  cpu?.push((used.user + used.system) / total);
  return total / seconds;
}

const { url, child } = await startBackend();
const connector = loadConnectorSync(join(root, 'examples/tasklane'));
const runtime = createRuntime(connector, { baseUrl: `${url}/v1` });
const connection: Connection = { values: { api_key: 'bench-key' } };
const agent = new Agent({ keepAliveTimeout: 10_000 });

const raw = async () => {
  const res = await request(`${url}/v1/projects/p1/tasks?status=open`, {
    method: 'GET',
    headers: { 'x-api-key': 'bench-key', accept: 'application/json' },
    dispatcher: agent,
  });
  await res.body.json();
  if (res.statusCode !== 200) throw new Error(`raw: ${res.statusCode}`);
};
const viaFlowport = async () => {
  const result = await runtime.invoke('ListTasks', { projectId: 'p1', status: 'open' }, { connection });
  if (!result.ok) throw new Error(`flowport: ${result.response.status}`);
};

// Warm up both paths (JIT, sockets).
await inFlight(2_000, raw);
await inFlight(2_000, viaFlowport);
const rawRps: number[] = [];
const fpRps: number[] = [];
const rawCpu: number[] = [];
const fpCpu: number[] = [];
for (let r = 0; r < runs; r++) {
  rawRps.push(await inFlight(perRun, raw, rawCpu));
  fpRps.push(await inFlight(perRun, viaFlowport, fpCpu));
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap: number[] = [];
const step = memoryRequests / 10;
for (let i = 0; i < 10; i++) {
  await inFlight(step, viaFlowport);
  gc?.();
  heap.push(process.memoryUsage().heapUsed / 1024 / 1024);
}

await runtime.close();
await agent.close();
child.kill();

const rawMedian = median(rawRps);
const fpMedian = median(fpRps);
const rows: [string, string][] = [
  ['raw undici request (baseline)', `${Math.round(rawMedian)} req/s`],
  ['flowport invoke (ListTasks, API key, JSON)', `${Math.round(fpMedian)} req/s`],
  ['ratio flowport / raw (target ≥ 0.85)', (fpMedian / rawMedian).toFixed(2)],
  ['client CPU per request, raw', `${median(rawCpu).toFixed(1)} µs`],
  ['client CPU per request, flowport', `${median(fpCpu).toFixed(1)} µs`],
  ['CPU ratio raw / flowport', (median(rawCpu) / median(fpCpu)).toFixed(2)],
  [`heap after ${step} invocations`, `${heap[0]!.toFixed(1)} MB`],
  [`heap after ${memoryRequests} invocations`, `${heap.at(-1)!.toFixed(1)} MB`],
  [
    'heap growth over the last 90%',
    `${(heap.at(-1)! - heap[0]!).toFixed(1)} MB${gc ? '' : ' (run with --expose-gc for exact figures)'}`,
  ],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`runtime benchmark — ${runs} runs × ${perRun} requests, ${CONCURRENCY} in flight, medians\n`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
