/**
 * `npm run bench:convert` — `convert()` on the largest descriptions in `../shared/apis` (or
 * `$FLOWPORT_APIS`): median of 5 runs each, validation excluded (`preset: false`) and with the
 * default split of descriptions over one connector's limits. Target: Cloudflare (~4 MB, 1,533
 * operations) under 3 s. Then recorded calls: a synthetic session of 20,000 API calls (`recorded-session.ts`)
 * as a HAR (~18 MB) and as curl commands, against `JSON.parse` of the same HAR in the same run.
 * Target: each under 3 s. Options: --top N (documents, default 5), --runs N (default 5), --calls N
 * (default 20000).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { convert } from '../src/convert/convert.ts';
import { recordedSession } from './recorded-session.ts';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const top = option('--top', 5);
const runs = option('--runs', 5);
const root = new URL('..', import.meta.url).pathname;
const apis = resolve(root, process.env.FLOWPORT_APIS ?? '../shared/apis');
let files: string[];
try {
  files = readdirSync(apis).filter((f) => /\.(json|ya?ml)$/.test(f));
} catch {
  console.error(`No API descriptions at ${apis}; set FLOWPORT_APIS.`);
  process.exit(2);
}
const largest = files
  .map((f) => ({ f, bytes: statSync(join(apis, f)).size }))
  .sort((a, b) => b.bytes - a.bytes)
  .slice(0, top);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
console.log(`convert() medians over ${runs} runs, validation excluded (node ${process.version})`);
console.log(
  `${'document'.padEnd(58)} ${'MB'.padStart(5)} ${'ops'.padStart(5)} ${'parts'.padStart(5)} ${'median ms'.padStart(10)} ${'min'.padStart(7)} ${'max'.padStart(7)}`,
);
for (const { f, bytes } of largest) {
  const text = readFileSync(join(apis, f), 'utf8');
  const times: number[] = [];
  let ops = 0;
  let parts = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = convert(text, { source: f, preset: false });
    times.push(performance.now() - started);
    ops = result.stats.keptOperations;
    parts = result.parts.length;
  }
  console.log(
    `${f.padEnd(58)} ${(bytes / 1024 / 1024).toFixed(2).padStart(5)} ${String(ops).padStart(5)} ${String(parts).padStart(5)} ${median(times).toFixed(0).padStart(10)} ${Math.min(
      ...times,
    )
      .toFixed(0)
      .padStart(7)} ${Math.max(...times)
      .toFixed(0)
      .padStart(7)}`,
  );
}

const calls = option('--calls', 20_000);
const session = recordedSession(calls);
const timed = (f: () => unknown) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    f();
    times.push(performance.now() - started);
  }
  return times;
};
const parseOnly = timed(() => JSON.parse(session.har));
const fromHar = timed(() => convert(session.har, { source: 'session.har', preset: false }));
const fromCurl = timed(() => convert(session.curl, { source: 'session.sh', preset: false }));
const ops = convert(session.har, { source: 'session.har', preset: false }).stats.keptOperations;
console.log(
  `\nrecorded calls: a session of ${calls} API calls, ${ops} operations (medians over ${runs} runs)`,
);
console.log(`${'input'.padEnd(58)} ${'MB'.padStart(5)} ${'median ms'.padStart(10)}  comparison`);
const mb = (text: string) => (Buffer.byteLength(text) / 1024 / 1024).toFixed(2).padStart(5);
const row = (name: string, text: string, times: number[], note: string) =>
  console.log(`${name.padEnd(58)} ${mb(text)} ${median(times).toFixed(0).padStart(10)}  ${note}`);
row('HAR: JSON.parse only', session.har, parseOnly, 'baseline');
row(
  'HAR: convert()',
  session.har,
  fromHar,
  `${(median(fromHar) / median(parseOnly)).toFixed(1)}× baseline; target < 3000 ms`,
);
row('curl commands: convert()', session.curl, fromCurl, 'target < 3000 ms');
