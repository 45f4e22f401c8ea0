import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { armDeployed } from '../../src/arm/literal.ts';
import type { ArmNoteCode } from '../../src/arm/model.ts';
import { ARM_TEMPLATE_LIMIT, armTemplate } from '../../src/arm/template.ts';
import { templateProblems } from '../../src/arm/testing.ts';
import { discoverConnectors } from '../../src/connector/discover.ts';
import { loadConnectorSync } from '../../src/connector/load.ts';
import { isFlowportError } from '../../src/errors.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const root = resolve(repo, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const available = existsSync(root);
if (!available)
  console.warn(`ARM template sweep skipped: corpus not found at ${root} (set FLOWPORT_CORPUS).`);
if (!available) it.skip(`ARM template sweep: corpus not found at ${root}`, () => {});

describe.skipIf(!available)(`ARM template sweep over ${root}`, () => {
  const sources = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'].flatMap(
    (k) => discoverConnectors(join(root, k)),
  );

  it('writes a well-formed template for every readable connector, its swagger deployed unchanged', () => {
    const failures: string[] = [];
    const refused: string[] = [];
    const notes = new Map<ArmNoteCode, number>();
    let written = 0;
    for (const source of sources) {
      const connector = loadConnectorSync(source);
      let result: ReturnType<typeof armTemplate>;
      try {
        result = armTemplate(connector, { connection: true });
      } catch (error) {
        if (
          isFlowportError(error) &&
          (error.code === 'CONNECTOR_PARSE_FAILED' || error.code === 'CONNECTOR_SWAGGER_MISSING')
        ) {
          refused.push(source);
          continue;
        }
        failures.push(`${source}: threw ${String(error)}`);
        continue;
      }
      written++;
      for (const n of result.notes) notes.set(n.code, (notes.get(n.code) ?? 0) + 1);
      const { template } = result;
      // A `gatewaySetting` parameter is written as it is, with a note; the schema's enum lacks it.
      const noted = new Set(
        result.notes
          .filter((n) => n.code === 'connection-parameter-type')
          .map((n) => n.pointer?.split('/').at(-2)),
      );
      const problems = templateProblems(template).filter(
        (p) =>
          !/^\/resources\/0\/properties\/connectionParameters\/([^/]+)\/type /.test(p) ||
          !noted.has(p.split('/')[5]),
      );
      for (const p of problems) failures.push(`${source}: ${p}`);
      const swagger = (template.resources[0] as { properties: { swagger: never } }).properties.swagger;
      if (JSON.stringify(armDeployed(swagger)) !== JSON.stringify(connector.definition.raw))
        failures.push(`${source}: the swagger ARM deploys differs from the connector's`);
      const size = Buffer.byteLength(JSON.stringify(template));
      if (size > ARM_TEMPLATE_LIMIT !== result.notes.some((n) => n.code === 'template-too-large'))
        failures.push(`${source}: ${size} bytes, and the size note says otherwise`);
      if (JSON.stringify(template).includes('committed-by-mistake')) failures.push(source);
    }
    console.log(
      `ARM sweep: ${written} templates for ${sources.length} connectors (${refused.length} refused: no swagger, or one not readable whole); notes: ${[
        ...notes,
      ]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    // Only swaggers the validator reports as broken JSON are refused (json-syntax errors).
    expect(refused.length).toBeLessThan(sources.length / 50);
  }, 120_000);
});
