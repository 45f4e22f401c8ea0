/**
 * `npm run bench:prism` — Stoplight Prism as an independent judge of the requests flowport builds: for
 * every connector of the corpus, a `prism mock` of its own swagger, and every operation called with
 * example arguments through `createRuntime` (test/corpus/prism.ts). Prints the share of attempted
 * operations Prism accepts and the causes of the rest.
 * Options: --limit N (an evenly spread sample of N connectors), --only <name> (folder name, or a part of
 * it; repeatable), --json <file> (every row), --jobs N (Prism processes at once, default and max 2),
 * --rows <file> (each connector's rows appended as one JSON line when it is done; with --resume the
 * connectors already in the file are not swept again, and the summary covers all its rows). The whole
 * corpus takes hours on two cores: run it with --rows, and --resume after an interruption.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { discoverConnectors } from '../src/connector/discover.ts';
import { loadConnectorSync } from '../src/connector/load.ts';
import type { SweepRow } from '../test/corpus/prism.ts';
import { summarise, sweepSource } from '../test/corpus/prism.ts';

const argv = process.argv.slice(2);
const values = (name: string) => argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]!] : []));
const limit = Number(values('--limit')[0] ?? Number.POSITIVE_INFINITY);
const only = values('--only').map((o) => o.toLowerCase());
const jsonOut = values('--json')[0];
const jobs = Math.max(1, Math.min(2, Number(values('--jobs')[0] ?? 2)));
const rowsOut = values('--rows')[0];
const resume = argv.includes('--resume');

const root = new URL('..', import.meta.url).pathname;
const corpus = process.env.FLOWPORT_CORPUS ?? join(root, '../shared/corpus');
const CATEGORIES = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'];

let sources = CATEGORIES.flatMap((c) =>
  discoverConnectors(join(corpus, c)).filter((s) => s !== join(corpus, c)),
);
if (sources.length === 0) {
  console.error(`No corpus at ${corpus}; set FLOWPORT_CORPUS.`);
  process.exit(2);
}
if (only.length > 0) sources = sources.filter((s) => only.some((o) => basename(s).toLowerCase().includes(o)));
if (Number.isFinite(limit) && limit < sources.length) {
  const step = sources.length / limit;
  sources = Array.from({ length: limit }, (_, i) => sources[Math.floor(i * step)]!);
}

const rows: SweepRow[] = [];
if (rowsOut && resume && existsSync(rowsOut)) {
  const swept = new Set<string>();
  for (const line of readFileSync(rowsOut, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const got = JSON.parse(line) as { connector: string; rows: SweepRow[] };
    swept.add(got.connector);
    rows.push(...got.rows);
  }
  sources = sources.filter((s) => !swept.has(relative(corpus, s)));
  process.stderr.write(`Resuming: ${swept.size} connectors already swept, ${sources.length} to go\n`);
} else if (rowsOut) writeFileSync(rowsOut, '');

const started = performance.now();
let next = 0;
let done = 0;
async function worker(): Promise<void> {
  while (next < sources.length) {
    const source = sources[next++]!;
    const name = relative(corpus, source);
    let got: SweepRow[];
    try {
      got = await sweepSource(loadConnectorSync(source), name);
    } catch (error) {
      got = [
        {
          connector: name,
          operationId: '*',
          verdict: 'skipped',
          cause: 'LOAD_FAILED',
          detail: String(error),
        },
      ];
    }
    rows.push(...got);
    if (rowsOut) appendFileSync(rowsOut, `${JSON.stringify({ connector: name, rows: got })}\n`);
    done++;
    const bad = got.filter((r) => r.verdict === 'rejected' || r.verdict === 'not-built').length;
    process.stderr.write(
      `[${done}/${sources.length}] ${name}: ${got.length} operations${bad ? `, ${bad} rejected or not built` : ''}\n`,
    );
  }
}
await Promise.all(Array.from({ length: Math.min(jobs, sources.length) }, worker));
const seconds = (performance.now() - started) / 1000;

if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows, null, 1)}\n`);
const summary = summarise(rows);
console.log(`Prism sweep of ${corpus} (${seconds.toFixed(0)} s, ${jobs} Prism at a time)`);
console.log(summary.table);
