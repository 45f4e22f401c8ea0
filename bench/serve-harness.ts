/**
 * The processes of the serve benchmarks (bench/serve.bench.ts, bench/serve-profile.ts): the backend
 * (bench/backend.ts) and `flowport serve` each run in a child process of their own, as in
 * production; the load generator is the only thing running in the bench process.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { freePort } from '../src/server/free-port.ts';
import { type TestDatabase, testEngines } from '../src/store/testing.ts';

export const root = new URL('..', import.meta.url).pathname;

export interface Child {
  readonly url: string;
  readonly child: ChildProcess;
}

async function forkListening(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<Child> {
  const child = fork(join(root, file), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
  return { url: `http://127.0.0.1:${port}`, child };
}

/** The local backend, answering after `delayMs`. */
export function startBackend(delayMs: number): Promise<Child> {
  return forkListening('bench/backend.ts', [], { ...process.env, BENCH_BACKEND_DELAY_MS: String(delayMs) });
}

/** The bare pass-through proxy of bench/serve-floor.ts in front of `backendUrl`. */
export function startFloor(backendUrl: string): Promise<Child> {
  return forkListening('bench/serve-floor.ts', [backendUrl], process.env);
}

/**
 * `flowport serve examples/tasklane` as a user starts it (bin/flowport.js), with tasklane's calls sent
 * to the local backend and warn-level logs (`logLevel`). The per-token rate limit stays on, counting every call,
 * with a maximum no run reaches (the default 600 a minute would refuse the load); the per-connection
 * throttle (500 calls a minute) is off, since every call goes through one connection.
 */
export async function startServe(options: {
  home: string;
  databaseUrl?: string | undefined;
  backendUrl: string;
  nodeOptions?: readonly string[];
  /** `--log-level`; default `warn`. */
  logLevel?: string;
}): Promise<Child> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeOptions ?? []),
      join(root, 'bin/flowport.js'),
      'serve',
      join(root, 'examples/tasklane'),
      '--port',
      String(port),
      '--home',
      options.home,
      '--backend',
      `tasklane=${options.backendUrl}/v1`,
      '--log-level',
      options.logLevel ?? 'warn',
      '--rate-limit',
      String(1e9),
      '--connection-rate-limit',
      '0',
      '--no-watch',
      ...(options.databaseUrl ? ['--database-url', options.databaseUrl] : []),
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

export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/** CPU time (user + system) a child process has used so far, in ms; undefined off Linux. */
export function cpuMs(child: ChildProcess): number | undefined {
  try {
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** `total` calls with `concurrency` in flight: requests per second and each call's latency in ms. */
export async function load(
  total: number,
  concurrency: number,
  one: () => Promise<void>,
): Promise<{ rps: number; latencies: number[] }> {
  let started = 0;
  const latencies: number[] = [];
  const t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
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

export interface Setup {
  readonly backend: Child;
  readonly serve: Child;
  readonly floor: Child;
  /** One call straight to the backend, as tasklane's `ListTasks` sends it. */
  direct(): Promise<void>;
  /** The same call through `POST /api/v1/connections/{id}/operations/ListTasks`. */
  viaServe(): Promise<void>;
  /** The same request as `viaServe` to the bare pass-through proxy (bench/serve-floor.ts). */
  viaFloor(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a backend and a server on `engine` (a temporary SQLite home or a fresh Postgres database),
 * creates an API-key connection to tasklane with the admin token of the first start, and returns
 * the two calls to compare.
 */
export async function setup(options: {
  engine: string;
  delayMs: number;
  nodeOptions?: readonly string[];
  logLevel?: string;
}): Promise<Setup> {
  const backend = await startBackend(options.delayMs);
  let database: TestDatabase | undefined;
  let home = mkdtempSync(join(tmpdir(), 'flowport-bench-'));
  let databaseUrl: string | undefined;
  if (options.engine === 'postgres') {
    database = await testEngines.find((e) => e.name === 'postgres')!.create();
    home = database.home;
    databaseUrl = database.databaseUrl;
  }
  const serve = await startServe({
    home,
    databaseUrl,
    backendUrl: backend.url,
    ...(options.nodeOptions && { nodeOptions: options.nodeOptions }),
    ...(options.logLevel && { logLevel: options.logLevel }),
  });
  const token = readFileSync(join(home, 'admin.token'), 'utf8').trim();
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${serve.url}/api/v1/connections`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ connectorId: 'tasklane', values: { api_key: 'bench-key' } }),
  });
  const { id } = (await created.json()) as { id: string };
  const invokeBody = JSON.stringify({ parameters: { projectId: 'p1', status: 'open' } });
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const floor = await startFloor(backend.url);
  const invoke = async (base: string) => {
    const res = await request(`${base}/api/v1/connections/${id}/operations/ListTasks`, {
      method: 'POST',
      headers: auth,
      body: invokeBody,
      dispatcher: agent,
    });
    const json = (await res.body.json()) as { status?: number };
    if (res.statusCode !== 200 || json.status !== 200) throw new Error(`${base} answered ${res.statusCode}`);
  };

  return {
    backend,
    serve,
    floor,
    async direct() {
      const res = await request(`${backend.url}/v1/projects/p1/tasks?status=open`, {
        headers: { 'x-api-key': 'bench-key', accept: 'application/json' },
        dispatcher: agent,
      });
      await res.body.json();
    },
    viaServe: () => invoke(serve.url),
    viaFloor: () => invoke(floor.url),
    async close() {
      await stop(serve.child);
      await stop(floor.child);
      await database?.cleanup();
      if (!database) rmSync(home, { recursive: true, force: true });
      await stop(backend.child);
      await agent.close();
    },
  };
}
