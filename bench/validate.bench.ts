/**
 * `npm run bench:validate` — speed of `flowport validate`, against baselines measured in the same run:
 * 1. in one process: load + validate every connector of the corpus (certification-relevant preset per
 *    folder), versus only reading and `JSON.parse`-ing the same files; on the main thread alone, on a
 *    pool of 2 threads kept between runs (warm: how a server or a watcher validates), and on 2 threads
 *    whose worker starts with each call (cold: how a `flowport validate <many>` process runs);
 *    Besides, not part of the target: a `--cache` run over the same connectors, all unchanged.
 *    Besides: writing the report of all those findings, as text with code frames and as JSON.
 * 2. as a fresh process: `flowport validate <one connector>` versus a bare `node -e 0`.
 * Prints medians (the machine is shared and noisy). Options: --runs N (default 7), --process-runs N (default 21),
 * --ppcv <dir>: also time ppcv (the offline validator the target was set against) over the same folders in
 * the same runs, from a checkout of github.com/troystaylor/ppcv that you provide (it is not on npm and none
 * of its code is part of flowport).
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { discoverConnectors } from '../src/connector/discover.ts';
import { loadConnectorSync } from '../src/connector/load.ts';
import { validateManyCached } from '../src/validate/cache.ts';
import { createValidationPool, validateMany } from '../src/validate/pool.ts';
import { formatJson } from '../src/validate/reporters/json.ts';
import { formatText } from '../src/validate/reporters/text.ts';
import { runOne } from '../src/validate/run-one.ts';
import { validateConnector } from '../src/validate/validate.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = opt('--runs', 7);
const processRuns = opt('--process-runs', 21);
const ppcvDir = args.includes('--ppcv') ? resolve(String(args[args.indexOf('--ppcv') + 1])) : undefined;
type PpcvValidate = (dir: string) => unknown;
let ppcvValidate: PpcvValidate | undefined;
if (ppcvDir) {
  try {
    ppcvValidate = (
      createRequire(import.meta.url)(join(ppcvDir, 'lib/validator.js')) as { validateConnector: PpcvValidate }
    ).validateConnector;
  } catch {
    console.error(`--ppcv: no lib/validator.js under ${ppcvDir}; give the folder of a ppcv checkout.`);
    process.exit(2);
  }
}
const root = new URL('..', import.meta.url).pathname;
const corpus = process.env.FLOWPORT_CORPUS ?? join(root, '../shared/corpus');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

const sources = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors']
  .map((k) => join(corpus, k))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => discoverConnectors(dir));
if (sources.length < 2) {
  console.log(`corpus not found at ${corpus}; set FLOWPORT_CORPUS. Only the process benchmark runs.`);
}

const jsonFiles = sources.flatMap((dir) => {
  try {
    return readdirSync(dir)
      .filter((f) => f.toLowerCase().endsWith('.json'))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
});

const rows: [string, string, string][] = [];
if (sources.length >= 2) {
  const baseline: number[] = [];
  const flowport: number[] = [];
  const warm: number[] = [];
  const cold: number[] = [];
  const cached: number[] = [];
  const ppcv: number[] = [];
  let findings = 0;
  const cacheDir = mkdtempSync(join(tmpdir(), 'flowport-bench-cache-'));
  await validateManyCached(sources, { dir: cacheDir });
  // Started once; one call before the timed runs loads the worker's modules and warms its JIT.
  const pool = createValidationPool({ threads: 2 });
  await pool.validateMany(sources);
  const modes: [number[], () => Promise<unknown>][] = [
    [
      flowport,
      async () => {
        findings = 0;
        for (const s of sources) findings += validateConnector(loadConnectorSync(s)).diagnostics.length;
      },
    ],
    [warm, () => pool.validateMany(sources)],
    [cold, () => validateMany(sources, { threads: 2 })],
    [cached, () => validateManyCached(sources, { dir: cacheDir })],
  ];
  const peer = ppcvValidate;
  if (peer) for (const s of sources) peer(s); // warms its JIT, as the pool's first call does ours
  if (peer)
    modes.push([
      ppcv,
      async () => {
        for (const s of sources) peer(s);
      },
    ]);
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    for (const f of jsonFiles) {
      try {
        JSON.parse(readFileSync(f, 'utf8'));
      } catch {
        // files JSON.parse rejects count as read
      }
    }
    baseline.push(performance.now() - t);
    // A run leaves garbage and background work (the main thread takes in the workers' results) to
    // the next: the order turns each time, so that no mode always follows the same one.
    for (let m = 0; m < modes.length; m++) {
      const [times, run] = modes[(r + m) % modes.length] as (typeof modes)[number];
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
  }
  await pool.close();
  rmSync(cacheDir, { recursive: true, force: true });
  rows.push([`read + JSON.parse only (${jsonFiles.length} files)`, fmt(median(baseline)), 'baseline']);
  rows.push([
    `load + validate ${sources.length} connectors, 1 thread (${findings} findings)`,
    fmt(median(flowport)),
    `${(median(flowport) / median(baseline)).toFixed(2)}× baseline; target < 800 ms`,
  ]);
  rows.push([
    'the same on 2 threads, warm pool (createValidationPool kept between runs)',
    fmt(median(warm)),
    `${(median(warm) / median(baseline)).toFixed(2)}× baseline; target < 800 ms`,
  ]);
  rows.push([
    'the same on 2 threads, cold (validateMany: its worker starts with each call)',
    fmt(median(cold)),
    `${(median(cold) / median(baseline)).toFixed(2)}× baseline`,
  ]);
  rows.push([
    'validateManyCached, every connector unchanged (`validate --cache` run again; not the target)',
    fmt(median(cached)),
    `${(median(cached) / median(baseline)).toFixed(2)}× baseline`,
  ]);
  // The reports of the same findings, as `flowport validate <many>` writes them.
  const outcomes = sources.map((s) => runOne(s, { texts: true }));
  const results = outcomes.flatMap((o) => (o.result ? [o.result] : []));
  const text: number[] = [];
  const json: number[] = [];
  let textBytes = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    textBytes = 0;
    for (const o of outcomes)
      if (o.result) textBytes += formatText(o.result, o.texts, { color: false }).length;
    text.push(performance.now() - t);
    t = performance.now();
    formatJson(results, 'bench');
    json.push(performance.now() - t);
  }
  rows.push([
    `text report of those findings, with code frames (formatText, ${(textBytes / 1e6).toFixed(1)} M characters)`,
    fmt(median(text)),
    `${(median(text) / median(flowport)).toFixed(2)}× validating them on 1 thread`,
  ]);
  rows.push([
    'JSON report of those findings (formatJson)',
    fmt(median(json)),
    `${(median(json) / median(flowport)).toFixed(2)}× validating them on 1 thread`,
  ]);
  if (ppcv.length > 0) {
    rows.push([
      `ppcv validateConnector over the same ${sources.length} folders, 1 thread (--ppcv)`,
      fmt(median(ppcv)),
      `${(median(ppcv) / median(baseline)).toFixed(2)}× baseline; warm pool = ${(median(warm) / median(ppcv)).toFixed(2)}× ppcv`,
    ]);
  }
}

const one = sources[0] ?? join(root, 'examples/tasklane');
const example = join(root, 'examples/tasklane');
// The published package: bin/ + the bundled dist/ (built here, as `npm publish` would), deps beside it.
execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
const installed = mkdtempSync(join(tmpdir(), 'flowport-installed-'));
mkdirSync(join(installed, 'bin'));
cpSync(join(root, 'bin/flowport.js'), join(installed, 'bin/flowport.js'));
cpSync(join(root, 'package.json'), join(installed, 'package.json'));
cpSync(join(root, 'dist'), join(installed, 'dist'), { recursive: true });
symlinkSync(join(root, 'node_modules'), join(installed, 'node_modules'));
const published = join(installed, 'bin/flowport.js');
const checkout = join(root, 'bin/flowport.js');
// Timed from a fresh process of its own (bench/process-times.ts): this one, having validated the
// corpus, spawns every child about 11 ms slower, a constant that flattered the ratio.
const [bare = [], published1 = [], publishedExample = [], checkout1 = []] = JSON.parse(
  execFileSync(
    process.execPath,
    [
      join(root, 'bench/process-times.ts'),
      String(processRuns),
      ...[
        ['-e', '0'],
        [published, 'validate', one, '--no-color'],
        [published, 'validate', example, '--no-color'],
        [checkout, 'validate', one, '--no-color'],
      ].map((argv) => JSON.stringify(argv)),
    ],
    { encoding: 'utf8' },
  ),
) as number[][];
rmSync(installed, { recursive: true, force: true });
const ratio = (xs: number[]) => `${(median(xs) / median(bare)).toFixed(2)}× node -e 0`;
const oneName = one.replace(`${corpus}/`, '');
rows.push(['node -e 0 (fresh process)', fmt(median(bare)), 'baseline']);
rows.push([
  `flowport validate ${oneName} (published build)`,
  fmt(median(published1)),
  `${ratio(published1)}; target ≤ 2×`,
]);
rows.push([
  'flowport validate examples/tasklane (published build)',
  fmt(median(publishedExample)),
  ratio(publishedExample),
]);
rows.push([
  `flowport validate ${oneName} (from a checkout, .ts sources)`,
  fmt(median(checkout1)),
  ratio(checkout1),
]);

const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(
  `\nflowport validate benchmark — medians of ${runs} in-process runs and ${processRuns} process runs, node ${process.version}\n`,
);
console.log(`${'measure'.padEnd(w0)}  ${'median'.padStart(w1)}  comparison`);
console.log(`${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ${'-'.repeat(40)}`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
