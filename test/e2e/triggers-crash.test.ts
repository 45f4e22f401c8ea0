/**
 * A small crash test in every run (the full one — 1,000 events, ten kills — is
 * `npm run bench:triggers-crash`): `flowport serve` killed with SIGKILL while events arrive.
 */
import { describe, expect, it } from 'vitest';
import { postgresAvailable } from '../../src/server/testing.ts';
import { crashRun } from './crash-harness.ts';

const havePostgres = await postgresAvailable();

describe('trigger events survive kill -9 of flowport serve', () => {
  it('one node on SQLite, killed twice: every event delivered, copies share their key', {
    timeout: 120_000,
  }, async () => {
    const report = await crashRun({
      engine: 'sqlite',
      nodes: 1,
      events: 60,
      kills: 2,
      emitIntervalMs: 40,
      settleMs: 60_000,
    });
    expect(report.missing).toEqual([]);
    expect(report.keyMismatches).toBe(0);
  });

  it('polling on SQLite, killed twice: every change delivered, copies share their key', {
    timeout: 120_000,
  }, async () => {
    const report = await crashRun({
      engine: 'sqlite',
      nodes: 1,
      trigger: 'polling',
      events: 60,
      kills: 2,
      emitIntervalMs: 40,
      settleMs: 60_000,
    });
    expect(report.missing).toEqual([]);
    expect(report.keyMismatches).toBe(0);
  });

  it.skipIf(!havePostgres)(
    'two nodes on Postgres, one killed twice: the same',
    { timeout: 120_000 },
    async () => {
      const report = await crashRun({
        engine: 'postgres',
        nodes: 2,
        events: 60,
        kills: 2,
        emitIntervalMs: 40,
        settleMs: 60_000,
      });
      expect(report.missing).toEqual([]);
      expect(report.keyMismatches).toBe(0);
    },
  );
});
