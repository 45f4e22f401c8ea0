/**
 * A small crash test in every run (the full one — 1,000 events, ten kills — is
 * `npm run bench:triggers-crash`): `flowport serve` killed with SIGKILL while events arrive; every
 * event must reach the sink, and copies of an event must carry the same idempotency key.
 */
import { describe, expect, it } from 'vitest';
import { postgresAvailable } from '../../src/server/testing.ts';
import { type CrashOptions, crashRun } from './crash-harness.ts';

const havePostgres = await postgresAvailable();

const runs: { name: string; run: Pick<CrashOptions, 'engine' | 'nodes' | 'trigger'> }[] = [
  { name: 'webhook, one node on SQLite', run: { engine: 'sqlite', nodes: 1, trigger: 'webhook' } },
  { name: 'polling, one node on SQLite', run: { engine: 'sqlite', nodes: 1, trigger: 'polling' } },
  { name: 'webhook, two nodes on Postgres', run: { engine: 'postgres', nodes: 2, trigger: 'webhook' } },
];

describe('trigger events survive kill -9 of flowport serve', () => {
  const available = runs.filter((r) => r.run.engine !== 'postgres' || havePostgres);
  for (const r of runs)
    if (!available.includes(r)) it.skip(`${r.name}: Postgres does not answer at 127.0.0.1:5432`);
  it.each(available)('$name, killed twice', { timeout: 300_000 }, async ({ run }) => {
    const report = await crashRun({ ...run, events: 60, kills: 2, emitIntervalMs: 40, settleMs: 90_000 });
    expect(report.missing).toEqual([]);
    expect(report.keyMismatches).toBe(0);
    expect(report.delivered).toBe(60);
  });
});
