/**
 * `npm run bench:serve` — invoking an operation through `flowport serve` versus calling the same
 * backend directly, in one run, at 32 requests in flight, on SQLite and on Postgres: throughput ratio
 * (target ≥ 0.6) and added latency at p50 / p99 (target p99 overhead ≤ 3 ms).
 *
 * Harness (bench/serve-harness.ts): three processes. The backend (bench/backend.ts) and
 * `flowport serve` (bin/flowport.js, as a user starts it: token check, connection and connector from
 * the store, the runtime's invoke, masking, the response schema) each run in a child process; the
 * bench process only generates load, with one undici agent for both paths. Direct and served runs
 * alternate, so background load hits both alike. A third path, the floor, sends the same request to
 * a bare Fastify + undici pass-through (bench/serve-floor.ts): what any Node proxy hop costs here.
 *
 * On a machine with fewer cores than busy processes the served path also pays for sharing the CPU
 * with the client and the backend, which the direct path does not. The CPU column (user + system
 * time per request of the server, the floor and the backend, from /proc) depends much less on that
 * sharing or on other work on the machine; the server's against the floor's from the same run is
 * the figure to compare between versions (docs/server.md, "Performance").
 *
 * Options: --runs N (default 3), --requests N per run (default 5000), --engines sqlite,postgres,
 * --delays 0,10 (backend answer delays in ms; 0 makes the run CPU-bound), --no-floor, --concurrency N
 * (calls in flight, default 32 as the targets say; 1 shows the time a call adds without queueing),
 * --log-level L (the server's, default warn: no line per request; `info`, the CLI's default, adds two).
 */
import { cpuMs, load, setup } from './serve-harness.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const runs = Number(opt('--runs', '3'));
const perRun = Number(opt('--requests', '5000'));
const engines = opt('--engines', 'sqlite,postgres').split(',');
const delays = opt('--delays', '0,10').split(',').map(Number);
const withFloor = !args.includes('--no-floor');
const logLevel = opt('--log-level', 'warn');
const concurrency = Number(opt('--concurrency', '32'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

interface Path {
  rps: number[];
  p50: number[];
  p99: number[];
  /** CPU µs per request of the proxy process (server or floor), when measured. */
  cpu: number[];
}
const path = (): Path => ({ rps: [], p50: [], p99: [], cpu: [] });

const rows: string[][] = [];
const us = (xs: number[]) => (xs.length ? `${Math.round(median(xs))} µs` : '');

for (const delayMs of delays)
  for (const engine of engines) {
    const s = await setup({ engine, delayMs, logLevel });
    const backendCpu: number[] = [];
    const measure = async (one: () => Promise<void>, into: Path, proxy?: Parameters<typeof cpuMs>[0]) => {
      const p0 = proxy && cpuMs(proxy);
      const b0 = cpuMs(s.backend.child);
      const r = await load(perRun, concurrency, one);
      into.rps.push(r.rps);
      into.p50.push(percentile(r.latencies, 50));
      into.p99.push(percentile(r.latencies, 99));
      const p1 = proxy && cpuMs(proxy);
      const b1 = cpuMs(s.backend.child);
      if (p0 !== undefined && p1 !== undefined) into.cpu.push(((p1 - p0) / perRun) * 1000);
      if (!proxy && b0 !== undefined && b1 !== undefined) backendCpu.push(((b1 - b0) / perRun) * 1000);
    };
    await load(1000, concurrency, s.direct);
    await load(2000, concurrency, s.viaServe);
    if (withFloor) await load(2000, concurrency, s.viaFloor);
    const d = path();
    const v = path();
    const f = path();
    for (let r = 0; r < runs; r++) {
      await measure(s.direct, d);
      await measure(s.viaServe, v, s.serve.child);
      if (withFloor) await measure(s.viaFloor, f, s.floor.child);
    }
    await s.close();
    const label = `${engine}, backend +${delayMs} ms`;
    const line = (name: string, p: Path, cpu: string) => [
      label,
      name,
      `${Math.round(median(p.rps))} req/s`,
      `${median(p.p50).toFixed(2)} ms`,
      `${median(p.p99).toFixed(2)} ms`,
      cpu,
    ];
    const versus = (name: string, p: Path) => [
      label,
      name,
      (median(p.rps) / median(d.rps)).toFixed(2),
      `+${(median(p.p50) - median(d.p50)).toFixed(2)} ms`,
      `+${(median(p.p99) - median(d.p99)).toFixed(2)} ms`,
      '',
    ];
    rows.push(
      line('direct to the backend (baseline)', d, `${us(backendCpu)} (backend)`),
      line('through flowport serve', v, us(v.cpu)),
      versus('  ratio (target ≥ 0.6) / added latency (target p99 ≤ 3 ms)', v),
    );
    if (withFloor)
      rows.push(
        line('through a bare pass-through (floor)', f, us(f.cpu)),
        versus('  floor ratio / added latency', f),
      );
  }

const header = ['engine, backend', 'path', 'throughput', 'p50', 'p99', 'CPU per request'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
console.log(`serve benchmark — ${runs} runs × ${perRun} calls, ${concurrency} in flight, medians\n`);
for (const r of [header, ...rows])
  console.log(
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
