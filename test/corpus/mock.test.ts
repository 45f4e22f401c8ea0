import { describe, expect, it } from 'vitest';
import { loadConnectorSync } from '../../src/connector/load.ts';
import { mockSweep } from './mock-sweep.ts';
import { dummyConnection } from './prism.ts';
import { CORPUS_ROOT, corpusConnectors } from './sources.ts';

const root = CORPUS_ROOT;
const sources = corpusConnectors();
if (sources.length === 0) {
  console.warn(`Mock sweep skipped: corpus not found at ${root} (set FLOWPORT_CORPUS).`);
  it.skip(`Mock sweep: corpus not found at ${root}`, () => {});
}

describe.skipIf(sources.length === 0)('flowport mock answers what flowport sends (corpus)', () => {
  it('routes and accepts every request of every corpus connector, and answers as the schemas say', async () => {
    let called = 0;
    let reached = 0;
    const unrouted: string[] = [];
    const refused: string[] = [];
    const unlike: string[] = [];
    for (const source of sources) {
      const name = source.slice(root.length + 1);
      let connector: ReturnType<typeof loadConnectorSync>;
      try {
        connector = loadConnectorSync(source);
      } catch {
        continue;
      }
      const {
        rows,
        log,
        unrouted: lost,
        refused: refusals,
      } = await mockSweep(connector, name, dummyConnection(connector));
      called += rows.filter((r) => !r.skipped).length;
      reached += log.length;
      unrouted.push(...lost);
      refused.push(...refusals);
      for (const row of rows) {
        const warnings = row.schema?.findings.filter((f) => f.severity === 'warning') ?? [];
        if (warnings.length === 0) continue;
        // Answers shaped for a drop-down or a dynamic schema, and authors' own examples, may differ.
        // An answer a response policy reshapes is made in the API's shape (src/mock/wire-shape.ts)
        // and reshaped once by the runtime, so it fits the swagger as any other.
        const made = log.find((e) => e.operation === row.operationId && e.outcome === 'schema');
        if (made) unlike.push(`${name} ${row.operationId}: ${warnings[0]?.message}`);
      }
    }
    console.log(
      `mock sweep: ${sources.length} connectors, ${called} operations called, ${reached} requests reached the mock, ${unrouted.length} unrouted, ${refused.length} refused, ${unlike.length} answers unlike their schema`,
    );
    expect(reached).toBeGreaterThan(called / 2);
    // A policy that calls a URL made from an argument (`setvaluefromurl`) may name no operation.
    expect(unrouted.length, unrouted.join('\n')).toBeLessThanOrEqual(Math.ceil(reached / 100));
    expect(refused, refused.join('\n')).toEqual([]);
    expect(unlike, unlike.join('\n')).toEqual([]);
  }, 300_000);
});
