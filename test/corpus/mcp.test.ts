import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { discoverConnectors } from '../../src/connector/discover.ts';
import { loadConnectorSync } from '../../src/connector/load.ts';
import { connectorTools } from '../../src/mcp/tools.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const root = resolve(repo, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const available = existsSync(root);
if (!available) console.warn(`MCP tool sweep skipped: corpus not found at ${root} (set FLOWPORT_CORPUS).`);
if (!available) it.skip(`MCP tool sweep: corpus not found at ${root}`, () => {});

describe.skipIf(!available)(`MCP tool sweep over ${root}`, () => {
  const sources = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'].flatMap(
    (k) => discoverConnectors(join(root, k)),
  );

  it('lists tools with unique valid names and argument schemas JSON Schema 2020-12 accepts, for every connector', () => {
    // strict: false — connectors use formats JSON Schema does not define (int32, binary…), which is allowed.
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const failures: string[] = [];
    let tools = 0;
    let cut = 0;
    let connectors = 0;
    for (const source of sources) {
      let connector: ReturnType<typeof loadConnectorSync>;
      try {
        connector = loadConnectorSync(source);
        if (connector.definition.paths.length === 0) continue;
      } catch {
        continue; // unreadable connectors are the validator's business (corpus.test.ts)
      }
      connectors++;
      const set = connectorTools(connector);
      tools += set.tools.length;
      cut += set.cut.length;
      const names = new Set<string>();
      for (const tool of set.tools) {
        if (!/^[A-Za-z0-9_.-]{1,128}$/.test(tool.name)) failures.push(`${source}: name ${tool.name}`);
        if (names.has(tool.name.toLowerCase())) failures.push(`${source}: duplicate ${tool.name}`);
        names.add(tool.name.toLowerCase());
        try {
          ajv.compile(tool.inputSchema);
        } catch (error) {
          failures.push(`${source}: ${tool.name}: ${(error as Error).message}`);
        }
        // A tool list is read by a model: a few hundred kB at most, however large the swagger.
        if (JSON.stringify(tool.inputSchema).length > 400_000)
          failures.push(`${source}: ${tool.name} too large`);
      }
    }
    console.log(`MCP tools: ${tools} tools from ${connectors} connectors; ${cut} argument schemas cut short`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(connectors).toBeGreaterThan(650);
    expect(tools).toBeGreaterThan(5000);
  }, 120_000);
});
