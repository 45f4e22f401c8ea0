/**
 * Prism judges conversions: every description in `../shared/apis` (or `$FLOWPORT_APIS`) is converted
 * with `convert()`, and each operation of the connector(s) it gives is called through flowport's
 * runtime against `prism mock` of the ORIGINAL description (test/corpus/convert-prism.ts). Prints the
 * share of operations whose requests Prism accepts, and the causes of the rest.
 * Options: --only <part of a file name> (repeatable), --exclude <part of a file name> (repeatable), --json <file> (every row), --jobs N (Prism
 * processes at once, default and max 2), --sample N (at most N operations per description, every k-th:
 * for Cloudflare, whose 1,533 operations take Prism hours).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ConvertSweepRow, summariseConversion, sweepConversion } from '../test/corpus/convert-prism.ts';

const argv = process.argv.slice(2);
const values = (name: string) => argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]!] : []));
const only = values('--only').map((o) => o.toLowerCase());
const exclude = values('--exclude').map((o) => o.toLowerCase());
const jsonOut = values('--json')[0];
const jobs = Math.max(1, Math.min(2, Number(values('--jobs')[0] ?? 2)));
const sample = values('--sample')[0] === undefined ? undefined : Number(values('--sample')[0]);

const root = new URL('..', import.meta.url).pathname;
const apis = resolve(root, process.env.FLOWPORT_APIS ?? '../shared/apis');
let files: string[];
try {
  files = readdirSync(apis)
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .sort();
} catch {
  console.error(`No API descriptions at ${apis}; set FLOWPORT_APIS.`);
  process.exit(2);
}
if (only.length > 0) files = files.filter((f) => only.some((o) => f.toLowerCase().includes(o)));
if (exclude.length > 0) files = files.filter((f) => !exclude.some((o) => f.toLowerCase().includes(o)));

const started = performance.now();
const rows: ConvertSweepRow[] = [];
let next = 0;
async function worker(): Promise<void> {
  while (next < files.length) {
    const file = files[next++]!;
    const t0 = performance.now();
    let got: ConvertSweepRow[];
    try {
      got = await sweepConversion(join(apis, file), sample === undefined ? {} : { sample });
    } catch (error) {
      got = [
        {
          api: file,
          connector: file,
          operationId: '*',
          verdict: 'not-built',
          cause: 'CONVERT_FAILED',
          detail: String(error),
        },
      ];
    }
    rows.push(...got);
    const bad = got.filter((r) => r.verdict === 'rejected' || r.verdict === 'not-built').length;
    process.stderr.write(
      `${file}: ${got.length} operations, ${bad} rejected or not built (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
    );
  }
}
await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, worker));
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows, null, 1)}\n`);
const summary = summariseConversion(rows, 200);
console.log(
  `Prism judges conversions of ${apis} (${((performance.now() - started) / 1000).toFixed(0)} s, ${jobs} Prism at a time${sample === undefined ? '' : `, at most ${sample} operations per description, evenly spaced`})`,
);
console.log(summary.table);
