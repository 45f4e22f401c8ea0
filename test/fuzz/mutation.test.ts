import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawFile } from '../../src/connector/files.ts';
import { connectorFromFiles } from '../../src/connector/load.ts';
import { fixFiles } from '../../src/validate/fix-files.ts';
import { PRESETS } from '../../src/validate/rule.ts';
import { validateConnector } from '../../src/validate/validate.ts';
import { type File, file, filesOf, indent, mutate, structuralCases } from './cases.ts';
import {
  applyBytes,
  applyText,
  byteMutation,
  heavyMutation,
  type Mutation,
  mutation,
  textMutation,
} from './mutations.ts';
import { loadSeeds, type Seed } from './seeds.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const seeds = loadSeeds(repo, resolve(repo, process.env.FLOWPORT_CORPUS ?? '../shared/corpus'));
const SEED = Number(process.env.FLOWPORT_FUZZ_SEED ?? 20_241_023);
const BUDGET_MS = 1_000;
const encoder = new TextEncoder();

const seedIndex = fc.nat({ max: seeds.length - 1 });

const stats = { runs: 0, slowest: 0, slowestCase: '' };

/** Loads and validates with every preset; no exception, no `internal-error`, within the budget. */
function check(files: RawFile[], label: () => string): void {
  const started = performance.now();
  const connector = connectorFromFiles(files, { source: 'fuzz' });
  const internal: string[] = [];
  for (const preset of PRESETS)
    for (const d of validateConnector(connector, { preset }).diagnostics)
      if (d.ruleId === 'internal-error') internal.push(`${preset}: ${d.message}`);
  const ms = performance.now() - started;
  stats.runs++;
  if (ms > stats.slowest) {
    stats.slowest = ms;
    stats.slowestCase = label();
  }
  expect(internal).toEqual([]);
  expect(ms).toBeLessThan(BUDGET_MS);
}

const structural = structuralCases(seeds);

const describeCase = (seed: Seed, mutations: unknown) =>
  `${seed.name}: ${JSON.stringify(mutations).slice(0, 300)}`;

// 10,000 documents in all; the heavy ones (1 MB strings, 20,000 levels) cost the most, so fewer of them.
const RUNS = { structural: 5_000, text: 2_500, bytes: 1_500, heavy: 1_000, fix: 500 };

describe(`mutation fuzzing (seed ${SEED}; FLOWPORT_FUZZ_SEED overrides)`, () => {
  afterAll(() => {
    console.log(
      `Fuzz: ${stats.runs} documents from ${seeds.length} seeds (${seeds.map((s) => s.name).join(', ')}); ` +
        `slowest ${stats.slowest.toFixed(1)} ms (${stats.slowestCase}).`,
    );
  });

  it('runs at least 10,000 documents', () => {
    const { fix: _fixed, ...validated } = RUNS;
    expect(Object.values(validated).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(10_000);
  });

  it('survives deletions, type swaps, special keys, duplicate keys and $ref cycles', () => {
    fc.assert(
      fc.property(structural, ({ seed, mutations, files }) => {
        check(files, () => describeCase(seed, mutations));
      }),
      { seed: SEED, numRuns: RUNS.structural },
    );
  }, 120_000);

  it('survives truncated text, stray characters, trailing commas and byte order marks', () => {
    fc.assert(
      fc.property(
        seedIndex,
        fc.array(fc.tuple(file, mutation), { maxLength: 2 }),
        file,
        fc.array(textMutation, { minLength: 1, maxLength: 3 }),
        indent,
        (i, mutations, target, edits, spaces) => {
          const seed = seeds[i] as Seed;
          const texts = mutate(seed, mutations, spaces);
          texts[target] = edits.reduce(applyText, texts[target] ?? '');
          check(filesOf(seed, texts), () => describeCase(seed, [mutations, target, edits]));
        },
      ),
      { seed: SEED + 1, numRuns: RUNS.text },
    );
  }, 120_000);

  it('survives invalid UTF-8 bytes', () => {
    fc.assert(
      fc.property(
        seedIndex,
        file,
        fc.array(byteMutation, { minLength: 1, maxLength: 4 }),
        indent,
        (i, target, edits, spaces) => {
          const seed = seeds[i] as Seed;
          const texts = mutate(seed, [], spaces);
          const bytes = edits.reduce(applyBytes, encoder.encode(texts[target] ?? ''));
          check(filesOf(seed, { ...texts, [target]: bytes }), () => describeCase(seed, [target, edits]));
        },
      ),
      { seed: SEED + 2, numRuns: RUNS.bytes },
    );
  }, 120_000);

  it('survives 1 MB strings and keys, huge objects and arrays, and nesting thousands of levels deep', () => {
    fc.assert(
      fc.property(
        seedIndex,
        file,
        heavyMutation,
        fc.array(fc.tuple(file, mutation), { maxLength: 1 }),
        (i, target, heavy, mutations) => {
          const seed = seeds[i] as Seed;
          const all: [File, Mutation][] = [...mutations, [target, heavy]];
          check(filesOf(seed, mutate(seed, all, 0)), () => describeCase(seed, all));
        },
      ),
      { seed: SEED + 3, numRuns: RUNS.heavy },
    );
  }, 120_000);

  it('--fix never throws on mutated documents, keeps JSON JSON, and settles', () => {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const parses = (bytes: Uint8Array | undefined) => {
      if (!bytes) return false;
      try {
        JSON.parse(decoder.decode(bytes).replace(/^\uFEFF/, ''));
        return true;
      } catch {
        return false;
      }
    };
    let changed = 0;
    fc.assert(
      fc.property(structural, ({ seed, mutations, files }) => {
        const once = fixFiles(files, { preset: 'certification', source: 'fuzz' });
        if (once.changed.length > 0) changed++;
        for (const name of once.changed) {
          const before = files.find((f) => f.name === name)?.bytes;
          const after = once.files.find((f) => f.name === name)?.bytes;
          // A file JSON.parse read before is still one after the changes.
          if (parses(before)) expect(parses(after), `${name}: ${describeCase(seed, mutations)}`).toBe(true);
        }
        expect(fixFiles(once.files, { preset: 'certification', source: 'fuzz' }).fixed).toBe(0);
      }),
      { seed: SEED + 4, numRuns: RUNS.fix },
    );
    // Not vacuous: the changes were made in many of them (79 of 500 with the default seed).
    expect(changed).toBeGreaterThan(RUNS.fix / 10);
    console.log(`Fuzz --fix: ${RUNS.fix} documents, ${changed} of them changed.`);
  }, 120_000);
});
