/**
 * `npm run bench:validate` — speed of `flowport validate`, against baselines measured in the same run:
 * 1. in one process: load + validate every connector of the corpus (certification-relevant preset per
 *    folder), versus only reading and `JSON.parse`-ing the same files;
 * 2. as a fresh process: `flowport validate <one connector>` versus a bare `node -e 0`.
 * Prints medians (the machine is shared and noisy). Options: --runs N (default 7), --process-runs N (default 21).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverConnectors } from '../src/connector/discover.ts';
import { loadConnectorSync } from '../src/connector/load.ts';
import { validateConnector } from '../src/validate/validate.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = opt('--runs', 7);
const processRuns = opt('--process-runs', 21);
const root = new URL('..', import.meta.url).pathname;
const corpus = process.env.FLOWPORT_CORPUS ?? join(root, '../shared/corpus');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

const sources = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'].flatMap(
  (k) => discoverConnectors(join(corpus, k)),
);
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
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    for (const f of jsonFiles) {
      try {
        JSON.parse(readFileSync(f, 'utf8'));
      } catch {
        // files JSON.parse rejects count as read
      }
    }
    baseline.push(performance.now() - t);
    t = performance.now();
    findings = 0;
    for (const s of sources) findings += validateConnector(loadConnectorSync(s)).diagnostics.length;
    flowport.push(performance.now() - t);
  }
  rows.push([`read + JSON.parse only (${jsonFiles.length} files)`, fmt(median(baseline)), 'baseline']);
  rows.push([
    `load + validate ${sources.length} connectors (${findings} findings)`,
    fmt(median(flowport)),
    `${(median(flowport) / median(baseline)).toFixed(2)}× baseline; target < 800 ms`,
  ]);
}

const one = sources[0] ?? join(root, 'examples/tasklane');
const example = join(root, 'examples/tasklane');
const bare: number[] = [];
const cli: number[] = [];
const cliExample: number[] = [];
const time = (argv: string[]) => {
  const t = performance.now();
  try {
    execFileSync(process.execPath, argv, { stdio: 'ignore' });
  } catch {
    // exit code 1 (findings) is a normal outcome
  }
  return performance.now() - t;
};
const bin = join(root, 'bin/flowport.js');
time([bin, 'validate', one]); // warm the compile cache and the file system cache
for (let r = 0; r < processRuns; r++) {
  bare.push(time(['-e', '0']));
  cli.push(time([bin, 'validate', one, '--no-color']));
  cliExample.push(time([bin, 'validate', example, '--no-color']));
}
rows.push(['node -e 0 (fresh process)', fmt(median(bare)), 'baseline']);
rows.push([
  `flowport validate ${one.replace(`${corpus}/`, '')}`,
  fmt(median(cli)),
  `${(median(cli) / median(bare)).toFixed(2)}× node -e 0; target ≤ 2×`,
]);
rows.push([
  'flowport validate examples/tasklane',
  fmt(median(cliExample)),
  `${(median(cliExample) / median(bare)).toFixed(2)}× node -e 0`,
]);

const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(
  `\nflowport validate benchmark — medians of ${runs} in-process runs and ${processRuns} process runs, node ${process.version}\n`,
);
console.log(`${'measure'.padEnd(w0)}  ${'median'.padStart(w1)}  comparison`);
console.log(`${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ${'-'.repeat(40)}`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
