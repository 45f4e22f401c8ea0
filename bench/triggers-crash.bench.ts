/**
 * `npm run bench:triggers-crash`: the crash test of issue 5 at full size — `flowport serve` killed
 * with SIGKILL ten times at random moments while the demo backend emits 1,000 numbered webhook
 * events; then the same with two nodes on Postgres behind a round-robin proxy, one killed at a time;
 * then both again with a polling subscription (every second) on the ticket changes instead.
 * Prints one row per run. Options: `--events N --kills K --interval ms --only sqlite|postgres`.
 */
import { parseArgs } from 'node:util';
import { postgresAvailable } from '../src/server/testing.ts';
import { crashRun } from '../test/e2e/crash-harness.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000' },
    kills: { type: 'string', default: '10' },
    interval: { type: 'string', default: '50' },
    only: { type: 'string' },
  },
});
const events = Number(values.events);
const kills = Number(values.kills);
const interval = Number(values.interval);
const runs = [
  { engine: 'sqlite' as const, nodes: 1 as const, trigger: 'webhook' as const },
  { engine: 'postgres' as const, nodes: 2 as const, trigger: 'webhook' as const },
  { engine: 'sqlite' as const, nodes: 1 as const, trigger: 'polling' as const },
  { engine: 'postgres' as const, nodes: 2 as const, trigger: 'polling' as const },
].filter((r) => !values.only || r.engine === values.only);

console.log(
  `trigger crash test — ${events} numbered events (tickets created), one every ${interval} ms, ${kills} kills (SIGKILL) per run\n`,
);
const rows: string[][] = [
  [
    'trigger, engine, nodes',
    'emitted',
    'delivered',
    'missing',
    'deliveries',
    'duplicates',
    'key mismatches',
    'seconds',
  ],
];
for (const run of runs) {
  if (run.engine === 'postgres' && !(await postgresAvailable())) {
    rows.push([
      `${run.trigger}, ${run.engine}, ${run.nodes}`,
      'skipped: Postgres does not answer',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    continue;
  }
  const r = await crashRun({
    ...run,
    events,
    kills,
    emitIntervalMs: interval,
    log: (line) => console.error(`  ${run.trigger} ${run.engine}: ${line}`),
  });
  rows.push([
    `${r.trigger}, ${r.engine}, ${r.nodes}`,
    String(r.emitted),
    String(r.delivered),
    r.missing.length === 0 ? '0' : `${r.missing.length} (${r.missing.slice(0, 5).join(', ')}…)`,
    String(r.deliveries),
    String(r.duplicates),
    String(r.keyMismatches),
    r.seconds.toFixed(1),
  ]);
}
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
const failed = rows
  .slice(1)
  .some((row) => !row[1]?.startsWith('skipped') && (row[3] !== '0' || row[6] !== '0'));
process.exitCode = failed ? 1 : 0;
