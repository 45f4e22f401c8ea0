/**
 * The response-schema check over arbitrary answers to the operations of real connectors: it never
 * throws, stays within its bounds, and never quotes a value of the answer (only places and types).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discoverConnectors } from '../../src/connector/discover.ts';
import type { JsonValue } from '../../src/connector/json.ts';
import { loadConnectorSync } from '../../src/connector/load.ts';
import type { Connector, Operation } from '../../src/connector/model.ts';
import { schemaFromSamples } from '../../src/convert/sample-schema.ts';
import { MAX_FINDINGS, responseConformance } from '../../src/runtime/response-conformance.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const corpus = resolve(repo, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const SEED = Number(process.env.FLOWPORT_FUZZ_SEED ?? 20_241_023) + 11;
const MARK = '\u27ea';

/** Every 7th certified connector's operations that declare a 200 schema. */
function targets(): { connector: Connector; operation: Operation }[] {
  const all = discoverConnectors(join(corpus, 'certified-connectors'));
  const out: { connector: Connector; operation: Operation }[] = [];
  for (const dir of all.filter((_, i) => i % 7 === 0)) {
    const connector = loadConnectorSync(dir);
    for (const operation of connector.operations)
      if (operation.responses.some((r) => r.status === '200' && r.schema)) out.push({ connector, operation });
  }
  return out;
}

/** Every string value marked, so that a message quoting one is seen; keys never hold the mark. */
function marked(value: JsonValue): JsonValue {
  if (typeof value === 'string') return `${MARK}${value}`;
  if (Array.isArray(value)) return value.map(marked);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replaceAll(MARK, ''), marked(v)]));
  return value;
}

const list = targets();
describe.skipIf(list.length === 0)(`response conformance over arbitrary answers (seed ${SEED})`, () => {
  it(`never throws nor quotes a value, over ${list.length} corpus operations`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: list.length - 1 }), fc.jsonValue({ maxDepth: 6 }), (i, raw) => {
        const { connector, operation } = list[i] as (typeof list)[number];
        const body = marked(raw as JsonValue);
        const result = responseConformance(connector, operation, {
          status: 200,
          body: { kind: 'json', value: body },
        });
        expect(result.findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
        for (const f of result.findings) {
          expect(f.message).not.toContain(MARK);
          expect(f.count).toBeLessThanOrEqual(f.of);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
describe(`schemas inferred from samples (seed ${SEED})`, () => {
  it('describe their samples: the check finds no difference, whatever the JSON', () => {
    const connector = loadConnectorSync(join(repo, 'examples/tasklane'));
    const operation = connector.operation('ListProjects') as Operation;
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 5 }), { minLength: 1, maxLength: 3 }), (samples) => {
        const { schema } = schemaFromSamples(samples as JsonValue[]);
        const declared = {
          ...operation,
          responses: [{ ...operation.responses[0], status: '200', schema }],
        } as Operation;
        for (const sample of samples) {
          const check = responseConformance(connector, declared, {
            status: 200,
            body: { kind: 'json', value: sample as JsonValue },
          });
          expect(check.findings).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

if (list.length === 0)
  console.log(`corpus not found at ${corpus}; the response conformance fuzz is skipped.`);
