import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ValidationResult } from './engine.ts';
import {
  applySuppressions,
  connectorKey,
  parseSuppressions,
  pruneSuppressions,
  readSuppressions,
  suppressFindings,
  writeSuppressions,
} from './suppressions.ts';
import { sampleDiagnostic } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'flowport-suppressions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'flowport-suppressions.json');

/** A result for the connector `connectors/<name>` with findings of the rules given. */
function result(name: string, findings: [string, 'error' | 'warning' | 'info'][]): ValidationResult {
  const diagnostics = findings.map(([ruleId, severity]) => sampleDiagnostic({ ruleId, severity }));
  const summary = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) summary[d.severity]++;
  return { source: join(dir, 'connectors', name), preset: 'recommended', diagnostics, summary };
}

const contoso = () =>
  result('Contoso', [
    ['operation-summary-required', 'error'],
    ['operation-summary-required', 'error'],
    ['consumes-missing', 'error'],
    ['operation-description-differs-from-summary', 'warning'],
  ]);

describe('bulk suppressions', () => {
  it('names connectors by their path from the file, with slashes', () => {
    expect(connectorKey(join(dir, 'connectors', 'Contoso'), file)).toBe('connectors/Contoso');
    expect(connectorKey(dir, file)).toBe('.');
  });

  it('records findings at or above a level, per connector and rule, and leaves them out afterwards', () => {
    const recorded = suppressFindings([contoso()], readSuppressions(file), { threshold: 'error' });
    writeSuppressions(recorded);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      'connectors/Contoso': { 'consumes-missing': { count: 1 }, 'operation-summary-required': { count: 2 } },
    });
    const applied = applySuppressions([contoso()], readSuppressions(file));
    expect(applied.suppressed).toBe(3);
    expect(applied.unused).toEqual([]);
    // The warning was not recorded, so it stays; the summary is counted again.
    expect(applied.results[0]?.diagnostics.map((d) => d.ruleId)).toEqual([
      'operation-description-differs-from-summary',
    ]);
    expect(applied.results[0]?.summary).toEqual({ error: 0, warning: 1, info: 0 });
  });

  it('reports every finding of a rule that has more than recorded, and names suppressions left over', () => {
    const suppressions = readSuppressions(file);
    const more = result('Contoso', [
      ['operation-summary-required', 'error'],
      ['operation-summary-required', 'error'],
      ['operation-summary-required', 'error'],
    ]);
    const applied = applySuppressions([more, result('Other', [['consumes-missing', 'error']])], suppressions);
    // Three where two were allowed: the new one cannot be told apart, so all three show.
    expect(applied.results[0]?.diagnostics).toHaveLength(3);
    expect(applied.suppressed).toBe(0);
    // `consumes-missing` was fixed in Contoso; `Other` has no suppressions at all.
    expect(applied.unused).toEqual([
      { connector: 'connectors/Contoso', ruleId: 'consumes-missing', count: 1, found: 0 },
    ]);
    expect(applied.results[1]?.diagnostics).toHaveLength(1);
  });

  it('prunes what was fixed: counts lowered, empty rules and connectors dropped', () => {
    const suppressions = readSuppressions(file);
    const fewer = result('Contoso', [['operation-summary-required', 'error']]);
    const pruned = pruneSuppressions(suppressions, applySuppressions([fewer], suppressions).unused);
    expect([...(pruned.counts.get('connectors/Contoso') ?? [])]).toEqual([['operation-summary-required', 1]]);
    const gone = pruneSuppressions(pruned, applySuppressions([result('Contoso', [])], pruned).unused);
    expect(gone.counts.size).toBe(0);
    // Only chosen rules are recorded with `rules`; connectors not validated keep theirs.
    const some = suppressFindings([contoso()], gone, {
      threshold: 'warning',
      rules: ['operation-description-differs-from-summary'],
    });
    expect([...(some.counts.get('connectors/Contoso') ?? [])]).toEqual([
      ['operation-description-differs-from-summary', 1],
    ]);
  });

  it('refuses a malformed file, naming the place and the fix', () => {
    const bad = (value: unknown) => () => parseSuppressions(value, 'flowport-suppressions.json');
    expect(bad([])).toThrow(/must be a JSON object: connector path → rule id/);
    expect(bad({ a: { 'no-such-rule': { count: 1 } } })).toThrow(/`a` → `no-such-rule` names no rule/);
    expect(bad({ a: { 'consumes-missing': { count: 0 } } })).toThrow(/whole number n ≥ 1/);
    expect(bad({ a: { 'consumes-missing': 2 } })).toThrow(/must be \{ "count": n \}/);
    expect(bad({ '/abs/path': {} })).toThrow(/relative to the file's folder/);
    expect(bad({ a: [] })).toThrow(/`a` must be an object/);
    writeFileSync(file, '{ "a": ');
    expect(() => readSuppressions(file)).toThrow(/not valid JSON/);
    expect(readSuppressions(join(dir, 'none.json')).counts.size).toBe(0);
  });
});
