/**
 * `node bench/serve-profile.ts [--engine sqlite] [--requests 20000] [--top 40]`: runs the serve
 * benchmark's invoke load against a `flowport serve` started with `--cpu-prof`, then prints the
 * server's self time by function (and by file) from the profile it writes at exit, with the CPU time
 * per request the server and the backend used.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cpuMs, load, root, setup } from './serve-harness.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const engine = opt('--engine', 'sqlite');
const requests = Number(opt('--requests', '20000'));
const top = Number(opt('--top', '40'));
const dir = mkdtempSync(join(tmpdir(), 'flowport-prof-'));

const s = await setup({ engine, delayMs: 0, nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
await load(2000, 32, s.viaServe);
const serveCpu = cpuMs(s.serve.child);
const backendCpu = cpuMs(s.backend.child);
const run = await load(requests, 32, s.viaServe);
const perRequest = (before: number | undefined, after: number | undefined) =>
  before === undefined || after === undefined
    ? 'n/a'
    : `${(((after - before) / requests) * 1000).toFixed(0)} µs`;
console.log(
  `${requests} invokes at ${Math.round(run.rps)} req/s; CPU per request: server ${perRequest(serveCpu, cpuMs(s.serve.child))}, backend ${perRequest(backendCpu, cpuMs(s.backend.child))}\n`,
);
await s.close();

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const keyOf = (node: Node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.startsWith('file://') ? relative(root, new URL(url).pathname) : url || '(native)';
  return { key: `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`, where };
};
const self = new Map<number, number>();
for (const [i, id] of profile.samples.entries())
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const us = self.get(node.id) ?? 0;
  total += us;
  const { key, where } = keyOf(node);
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  byFile.set(where, (byFile.get(where) ?? 0) + us);
}
// Inclusive time of flowport's own functions (src/): each sample counted once per function on its stack.
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const { key, where } = keyOf(nodes.get(at)!);
    if (!where.startsWith('src/') || seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}
const print = (title: string, map: Map<string, number>) => {
  console.log(title);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
    );
  console.log();
};
print('self time by function', byFunction);
print('self time by file', byFile);
print('inclusive time of src/ functions', inclusive);
console.log(`profile: ${join(dir, file)}`);
