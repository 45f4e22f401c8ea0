import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createValidationPool, validateMany } from './pool.ts';

const example = new URL('../../examples/tasklane', import.meta.url).pathname;

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function sources(): string[] {
  const root = mkdtempSync(join(tmpdir(), 'flowport-pool-'));
  roots.push(root);
  return Array.from({ length: 10 }, (_, i) => {
    const dir = join(root, `c${i}`);
    cpSync(example, dir, { recursive: true });
    // Every other connector gets a defect, so results differ by position.
    if (i % 2) writeFileSync(join(dir, 'apiDefinition.swagger.json'), '{"swagger": "2.0",}');
    return dir;
  });
}

describe('validateMany', () => {
  it('gives the same outcomes, in input order, on worker threads as on one thread', async () => {
    const list = [...sources(), '/no/such/connector'];
    const one = await validateMany(list, { threads: 1 });
    const progress: number[] = [];
    const two = await validateMany(list, { threads: 2, onProgress: (done) => progress.push(done) });
    expect(two.map((o) => o.source)).toEqual(list);
    expect(two.map((o) => o.result?.summary)).toEqual(one.map((o) => o.result?.summary));
    expect(two[1]?.result?.diagnostics.map((d) => d.ruleId)).toContain('json-strict');
    expect(two[0]?.result?.summary.error).toBe(0);
    expect(two.at(-1)?.error?.code).toBe('CONNECTOR_NOT_FOUND');
    expect(progress).toEqual(list.map((_, i) => i + 1));
  });
});

describe('createValidationPool', () => {
  it('keeps its workers between calls and gives the same outcomes as one thread each time', async () => {
    const list = sources();
    const one = await validateMany(list, { threads: 1 });
    const pool = createValidationPool({ threads: 2 });
    try {
      // Two calls at once: the second waits for the first.
      const [first, second] = await Promise.all([pool.validateMany(list), pool.validateMany(list)]);
      for (const outcomes of [first, second]) {
        expect(outcomes.map((o) => o.source)).toEqual(list);
        expect(outcomes.map((o) => o.result?.diagnostics)).toEqual(one.map((o) => o.result?.diagnostics));
      }
    } finally {
      await pool.close();
    }
    await expect(pool.validateMany(list)).rejects.toThrow('closed');
  });

  it('ends a call under way when the pool is closed, instead of leaving it waiting', async () => {
    const pool = createValidationPool({ threads: 2 });
    const call = pool.validateMany(sources(), {
      onProgress: (done) => {
        if (done === 1) void pool.close();
      },
    });
    await expect(call).rejects.toThrow('closed');
  });
});
