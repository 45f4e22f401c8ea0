import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../src/connector/load.ts';
import { convert } from '../../src/convert/convert.ts';
import { validateConnector } from '../../src/validate/validate.ts';

const apis = resolve(process.env.FLOWPORT_APIS ?? '../shared/apis');
const present = existsSync(apis);
const files = present
  ? readdirSync(apis)
      .filter((f) => /\.(json|ya?ml)$/.test(f))
      .sort()
  : [];

interface Row {
  file: string;
  inputOperations: number;
  keptOperations: number;
  droppedReported: number;
  losses: number;
  recommended: Map<string, number>;
  certification: Map<string, number>;
  /** Connectors written: 1, or the parts of a split. */
  connectors: number;
  ms: number;
}

/** Error counts by rule, added up over several connectors. */
function add(into: Map<string, number>, from: Map<string, number>): Map<string, number> {
  for (const [rule, n] of from) into.set(rule, (into.get(rule) ?? 0) + n);
  return into;
}

function countByRule(result: ReturnType<typeof validateConnector>): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of result.diagnostics)
    if (d.severity === 'error') out.set(d.ruleId, (out.get(d.ruleId) ?? 0) + 1);
  return out;
}

describe.skipIf(!present)(`flowport init over the API descriptions in ${apis}`, () => {
  const rows: Row[] = [];

  for (const file of files)
    it(`converts ${file}`, () => {
      const started = performance.now();
      const result = convert(readFileSync(join(apis, file), 'utf8'), { source: file, preset: false });
      const ms = performance.now() - started;
      // What `init` writes: the connector, or each part of a split by tag.
      const written = result.parts.length > 0 ? result.parts.map((p) => p.files) : [result.files];
      const recommended = new Map<string, number>();
      const certification = new Map<string, number>();
      for (const files of written) {
        const connector = connectorFromFiles(Object.entries(files).map(([name, bytes]) => ({ name, bytes })));
        add(recommended, countByRule(validateConnector(connector, { preset: 'recommended' })));
        add(certification, countByRule(validateConnector(connector, { preset: 'certification' })));
      }
      // A split keeps every operation exactly once.
      if (result.parts.length > 0)
        expect(result.parts.reduce((n, p) => n + p.operationIds.length, 0)).toBe(
          result.stats.keptOperations + result.stats.skeletons,
        );
      const droppedReported = result.losses.filter(
        (l) =>
          /^\/(paths|item)\//.test(l.pointer) &&
          /dropped/.test(l.action) &&
          /^(operation|TRACE operation|request)$/.test(l.construct),
      ).length;
      rows.push({
        file,
        inputOperations: result.stats.inputOperations,
        keptOperations: result.stats.keptOperations,
        droppedReported,
        losses: result.losses.length,
        recommended,
        certification,
        connectors: written.length,
        ms,
      });
      // Every operation is kept or its drop is in the loss report.
      expect(result.stats.keptOperations + droppedReported).toBe(result.stats.inputOperations);
      // Every connector written loads with zero errors under `recommended` (size limits included).
      expect([...recommended.keys()]).toEqual([]);
    });

  it('keeps at least 99% of the operations and prints the figures', () => {
    const input = rows.reduce((n, r) => n + r.inputOperations, 0);
    const kept = rows.reduce((n, r) => n + r.keptOperations, 0);
    const clean = rows.filter((r) => r.recommended.size === 0).length;
    const byRule = new Map<string, number>();
    for (const r of rows)
      for (const [rule, n] of r.certification) byRule.set(rule, (byRule.get(rule) ?? 0) + n);
    const lines = rows.map(
      (r) =>
        `${r.file.padEnd(62)} ops ${String(r.keptOperations).padStart(4)}/${String(r.inputOperations).padEnd(4)} connectors ${String(r.connectors).padStart(2)} losses ${String(r.losses).padStart(5)} recommended errors ${[...r.recommended.values()].reduce((a, b) => a + b, 0)} certification errors ${[...r.certification.values()].reduce((a, b) => a + b, 0)} ${Math.round(r.ms)} ms`,
    );
    console.log(
      [
        ...lines,
        `converted ${rows.length}/${files.length}; ${clean} with 0 errors under recommended; operations kept ${kept}/${input}`,
        `certification errors by rule: ${[...byRule]
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      ].join('\n'),
    );
    expect(rows.length).toBe(files.length);
    expect(kept / input).toBeGreaterThanOrEqual(0.99);
  });
});

describe.skipIf(present)('flowport init over API descriptions', () => {
  it(`is skipped: ${apis} is absent (set FLOWPORT_APIS)`, () => {});
});
