import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.ts';
import { packOutcome, unpackOutcome } from './outcome-transfer.ts';
import { type Outcome, runOne } from './run-one.ts';

const example = new URL('../../examples/tasklane', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'flowport-transfer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Tasklane with a misspelt extension (a finding with a suggestion and no Microsoft id) and without
 * `consumes` (findings with an edit).
 */
function defective(): string {
  const dir = join(root, 'tasklane');
  cpSync(example, dir, { recursive: true });
  const file = join(dir, 'apiDefinition.swagger.json');
  const swagger = JSON.parse(readFileSync(file, 'utf8'));
  delete swagger.consumes;
  for (const item of Object.values(swagger.paths) as Record<string, unknown>[])
    for (const op of Object.values(item)) {
      if (Array.isArray(op) || typeof op !== 'object' || op === null) continue;
      (op as Record<string, unknown>)['x-ms-visibilty'] = 'advanced';
      delete (op as Record<string, unknown>).consumes;
    }
  writeFileSync(file, JSON.stringify(swagger, null, 2));
  return dir;
}

/** A structured clone, as `postMessage` makes it. */
const posted = (outcome: Outcome) => unpackOutcome(structuredClone(packOutcome(outcome)));

/** Every finding's keys, in order: the shape the engine gives, which the round trip must keep. */
const shapes = (outcome: Outcome) => outcome.result?.diagnostics.map((d) => Object.keys(d).join());

describe('packOutcome and unpackOutcome', () => {
  const outcome = runOne(defective(), {});
  const diagnostics = outcome.result?.diagnostics ?? [];

  it('bring a worker’s findings back as they were: values, keys and key order', () => {
    expect(diagnostics.some((d) => d.edit)).toBe(true);
    expect(diagnostics.some((d) => d.suggestion)).toBe(true);
    expect(diagnostics.some((d) => d.microsoftId === undefined)).toBe(true);
    const packed = packOutcome(outcome);
    expect(packed.packed).toBe(true);
    const back = posted(outcome);
    expect(back).toStrictEqual(outcome);
    expect(shapes(back)).toEqual(shapes(outcome));
    expect(JSON.stringify(back)).toBe(JSON.stringify(outcome));
  });

  it('send a rule id, a fix and a file name once however many findings share them', () => {
    const packed = packOutcome(outcome);
    if (!packed.packed) throw new Error('expected a packed outcome');
    const { strings } = packed.outcome.result.diagnostics;
    const shared = diagnostics.filter((d) => d.ruleId === 'consumes-missing');
    expect(shared.length).toBeGreaterThan(1);
    for (const value of [shared[0]?.ruleId, shared[0]?.fix, shared[0]?.file])
      expect(strings.filter((s) => s === value)).toHaveLength(1);
  });

  it('keep findings that lack keys the engine writes (a result read back from the cache)', () => {
    const trimmed = JSON.parse(JSON.stringify(outcome)) as Outcome;
    expect(Object.keys(trimmed.result?.diagnostics[0] ?? {})).not.toContain('edit');
    expect(packOutcome(trimmed).packed).toBe(true);
    const back = posted(trimmed);
    expect(back).toStrictEqual(trimmed);
    expect(shapes(back)).toEqual(shapes(trimmed));
  });

  it('send an outcome unchanged when a finding has another shape, so that nothing is lost', () => {
    const first = diagnostics[0] as Diagnostic;
    const { ruleId, ...rest } = first;
    const variants: Diagnostic[] = [
      { ...first, extra: true } as Diagnostic,
      { ...rest, ruleId } as Diagnostic, // another key order
      { ...first, line: 1.5 },
      { ...first, message: 42 as unknown as string },
    ];
    for (const variant of variants) {
      const odd: Outcome = {
        ...outcome,
        result: { ...(outcome.result as NonNullable<Outcome['result']>), diagnostics: [variant] },
      };
      expect(packOutcome(odd).packed).toBe(false);
      const back = posted(odd);
      expect(back).toStrictEqual(odd);
      expect(shapes(back)).toEqual(shapes(odd));
    }
  });

  it('send outcomes without a result (a source that cannot be read) unchanged', () => {
    const missing = runOne(join(root, 'no-such-connector'), {});
    expect(missing.error?.code).toBe('CONNECTOR_NOT_FOUND');
    expect(packOutcome(missing).packed).toBe(false);
    expect(posted(missing)).toStrictEqual(missing);
  });
});
