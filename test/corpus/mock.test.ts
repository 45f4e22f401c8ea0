import { describe, expect, it } from 'vitest';
import { isObject, own } from '../../src/connector/json.ts';
import { loadConnectorSync } from '../../src/connector/load.ts';
import type { Connector } from '../../src/connector/model.ts';
import { FlowportError } from '../../src/errors.ts';
import { startMock } from '../../src/mock/server.ts';
import { createRuntime } from '../../src/runtime/runtime.ts';
import { createTransport } from '../../src/runtime/send/transport.ts';
import { smoke } from '../../src/runtime/smoke.ts';
import type { Transport } from '../../src/runtime/types.ts';
import { dummyConnection } from './prism.ts';
import { CORPUS_ROOT, corpusConnectors } from './sources.ts';

const root = CORPUS_ROOT;
const sources = corpusConnectors();
if (sources.length === 0) {
  console.warn(`Mock sweep skipped: corpus not found at ${root} (set FLOWPORT_CORPUS).`);
  it.skip(`Mock sweep: corpus not found at ${root}`, () => {});
}

/**
 * Requests sent to a URL taken whole from a connection value or an argument never reach the mock
 * (`dynamichosturl` hosts do: the base URL takes precedence): refused here at once rather than looked
 * up in DNS.
 */
function onlyTo(origin: string): Transport {
  const inner = createTransport({ retry: { count: 0 } });
  return {
    send(wire, options) {
      if (new URL(wire.url).origin !== origin)
        return Promise.reject(new FlowportError('UPSTREAM_UNREACHABLE', 'not the mock'));
      return inner.send(wire, options);
    },
    close: () => inner.close(),
  };
}

/** Policies that reshape a JSON body; in the `Response` section they reshape the answer the mock made. */
const RESHAPING = new Set([
  'setproperty',
  'moveproperties',
  'convertobjecttoarray',
  'convertarraytoobject',
  'stringtoarray',
  'encodepropertyvalue',
  'stringreplace',
]);

/** Whether a response-section policy reshapes the answer of `operationId` on its way back. */
function answerReshaped(connector: Connector, operationId: string | undefined): boolean {
  return connector.properties.policies.some((p) => {
    const parameters = own(p.raw, 'parameters');
    const section = isObject(parameters) ? own(parameters, 'x-ms-apimTemplate-policySection') : undefined;
    return (
      RESHAPING.has(p.templateId) &&
      typeof section === 'string' &&
      section.toLowerCase() === 'response' &&
      (p.operations.length === 0 || (operationId !== undefined && p.operations.includes(operationId)))
    );
  });
}

describe.skipIf(sources.length === 0)('flowport mock answers what flowport sends (corpus)', () => {
  it('routes and accepts every request of every corpus connector, and answers as the schemas say', async () => {
    let called = 0;
    let reached = 0;
    let reshaped = 0;
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
      const mock = await startMock(connector, { port: 0 });
      const runtime = createRuntime(connector, { baseUrl: mock.url, transport: onlyTo(mock.origin) });
      try {
        const rows = await smoke(runtime, {
          includeTriggers: true,
          connection: dummyConnection(connector),
        });
        called += rows.filter((r) => !r.skipped).length;
        const log = mock.handler.requests();
        reached += log.length;
        for (const entry of log) {
          const where = `${name}: ${entry.method} ${entry.url}`;
          if (entry.operation === undefined) unrouted.push(where);
          else if (entry.status === 400 || entry.status === 401)
            refused.push(`${where} (${entry.operation}): ${entry.problems.map((p) => p.message).join(' ')}`);
        }
        for (const row of rows) {
          const warnings = row.schema?.findings.filter((f) => f.severity === 'warning') ?? [];
          if (warnings.length === 0) continue;
          // Answers shaped for a drop-down or a dynamic schema, and authors' own examples, may differ;
          // so may an answer a response policy reshapes: the swagger describes it after the policy.
          const made = log.find((e) => e.operation === row.operationId && e.outcome === 'schema');
          if (made && !answerReshaped(connector, row.operationId))
            unlike.push(`${name} ${row.operationId}: ${warnings[0]?.message}`);
          else if (made) reshaped++;
        }
      } finally {
        await runtime.close();
        await mock.close();
      }
    }
    console.log(
      `mock sweep: ${sources.length} connectors, ${called} operations called, ${reached} requests reached the mock, ${unrouted.length} unrouted, ${refused.length} refused, ${unlike.length} answers unlike their schema (and ${reshaped} reshaped by a response policy)`,
    );
    expect(reached).toBeGreaterThan(called / 2);
    // A policy that calls a URL made from an argument (`setvaluefromurl`) may name no operation.
    expect(unrouted.length, unrouted.join('\n')).toBeLessThanOrEqual(Math.ceil(reached / 100));
    expect(refused, refused.join('\n')).toEqual([]);
    expect(unlike, unlike.join('\n')).toEqual([]);
  }, 300_000);
});
