import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { armDeployed } from '../../src/arm/literal.ts';
import { armTemplate } from '../../src/arm/template.ts';
import { templateProblems } from '../../src/arm/testing.ts';
import { connectorFromFiles } from '../../src/connector/load.ts';
import { deployPayload } from '../../src/deploy/payload.ts';
import { isFlowportError } from '../../src/errors.ts';
import { connectorTools } from '../../src/mcp/tools.ts';
import { prBody } from '../../src/pr/body.ts';
import { prReport } from '../../src/pr/report.ts';
import { structuralCases } from './cases.ts';
import { loadSeeds } from './seeds.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const seeds = loadSeeds(repo, resolve(repo, process.env.FLOWPORT_CORPUS ?? '../shared/corpus'));
const SEED = Number(process.env.FLOWPORT_FUZZ_SEED ?? 20_241_023) + 10;

/** A refusal the user can act on (a FlowportError naming the input), never a crash. */
function refusal(error: unknown): string {
  if (!isFlowportError(error)) throw error;
  return error.code;
}

describe(`ship commands over mutated connectors (seed ${SEED})`, () => {
  it('`flowport arm` writes a well-formed template or refuses with a code, and the swagger survives', () => {
    const refused = new Map<string, number>();
    fc.assert(
      fc.property(structuralCases(seeds), ({ files }) => {
        const connector = connectorFromFiles(files, { source: 'fuzz' });
        let result: ReturnType<typeof armTemplate>;
        try {
          result = armTemplate(connector, { connection: true });
        } catch (error) {
          const code = refusal(error);
          refused.set(code, (refused.get(code) ?? 0) + 1);
          return;
        }
        const typed = new Set(
          result.notes
            .filter((n) => n.code === 'connection-parameter-type')
            .map((n) => n.pointer?.split('/').at(-2)),
        );
        const problems = templateProblems(result.template).filter(
          (p) =>
            !/^\/resources\/0\/properties\/connectionParameters\/([^/]+)\/type /.test(p) ||
            !typed.has(p.split('/')[5]),
        );
        expect(problems).toEqual([]);
        const swagger = (result.template.resources[0] as { properties: { swagger: never } }).properties
          .swagger;
        expect(JSON.stringify(armDeployed(swagger))).toBe(JSON.stringify(connector.definition.raw));
      }),
      { seed: SEED, numRuns: 1_000 },
    );
    expect(
      [...refused.keys()].every((c) =>
        ['CONNECTOR_PARSE_FAILED', 'CONNECTOR_SWAGGER_MISSING', 'CONNECTION_INVALID'].includes(c),
      ),
    ).toBe(true);
  }, 120_000);

  it('`flowport deploy` builds its request body or refuses with a code, and never sends a committed secret', () => {
    fc.assert(
      fc.property(structuralCases(seeds), fc.boolean(), ({ files }, create) => {
        const connector = connectorFromFiles(files, { source: 'fuzz' });
        try {
          const { body } = deployPayload(connector, {
            environment: 'e',
            create,
            clientSecret: 'FUZZ-SECRET',
          });
          const sent = JSON.stringify(body);
          expect(JSON.parse(sent)).toEqual(body);
          const update = deployPayload(connector, { environment: 'e', create: false });
          expect(JSON.stringify(update.body)).not.toContain('FUZZ-SECRET');
        } catch (error) {
          expect(['CONNECTOR_SWAGGER_MISSING', 'PARAMETER_REQUIRED']).toContain(refusal(error));
        }
      }),
      { seed: SEED + 1, numRuns: 1_000 },
    );
  }, 120_000);

  it('`flowport mcp` lists tools with unique names and finite argument schemas, or refuses with a code', () => {
    fc.assert(
      fc.property(structuralCases(seeds), ({ files }) => {
        const connector = connectorFromFiles(files, { source: 'fuzz' });
        let set: ReturnType<typeof connectorTools>;
        try {
          set = connectorTools(connector, { all: true });
        } catch (error) {
          expect(['CONNECTOR_PARSE_FAILED', 'CONNECTOR_SWAGGER_MISSING']).toContain(refusal(error));
          return;
        }
        const names = set.tools.map((t) => t.name.toLowerCase());
        expect(new Set(names).size).toBe(names.length);
        for (const tool of set.tools) {
          expect(tool.name).toMatch(/^[A-Za-z0-9_.-]{1,128}$/);
          // Serialisable (no cycle left by a `$ref` loop) and bounded by the node budget.
          expect(JSON.stringify(tool.inputSchema).length).toBeLessThan(2_000_000);
        }
      }),
      { seed: SEED + 2, numRuns: 1_000 },
    );
  }, 120_000);

  it('`flowport pr` prepares a folder and a description for any connector, never throwing', () => {
    fc.assert(
      fc.property(structuralCases(seeds), fc.boolean(), ({ files }, independent) => {
        const connector = connectorFromFiles(files, { source: 'fuzz' });
        const report = prReport(connector, { kind: independent ? 'independent-publisher' : 'certified' });
        expect(report.files.map((f) => f.name)).not.toContain('icon.png');
        expect(prBody(report)).toContain('### Checklist');
      }),
      { seed: SEED + 3, numRuns: 500 },
    );
  }, 120_000);
});
