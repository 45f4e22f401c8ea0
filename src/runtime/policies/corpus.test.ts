import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverConnectors } from '../../connector/discover.ts';
import { loadConnectorSync } from '../../connector/load.ts';
import { compilePolicies } from './registry.ts';

const root = resolve(
  new URL('../../../', import.meta.url).pathname,
  process.env.FLOWPORT_CORPUS ?? '../shared/corpus',
);
const groups = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'].map((g) =>
  resolve(root, g),
);
const present = groups.some((g) => existsSync(g));

describe.skipIf(!present)('policy templates over the corpus', () => {
  it('compiles every policy instance of every connector without an exception escaping', () => {
    let instances = 0;
    let compiled = 0;
    const diagnostics: string[] = [];
    const byCode = new Map<string, number>();
    for (const group of groups.filter((g) => existsSync(g))) {
      for (const source of discoverConnectors(group)) {
        const connector = loadConnectorSync(source);
        instances += connector.properties.policies.length;
        const result = compilePolicies(connector);
        compiled += result.policies.length;
        for (const d of result.diagnostics) {
          byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
          diagnostics.push(`${source.slice(root.length + 1)}${d.pointer}: ${d.message}`);
          expect(d.message).toMatch(/\.$/);
        }
      }
    }
    console.info(
      `policy corpus: ${instances} instances, ${compiled} compiled, ${diagnostics.length} diagnostics ${JSON.stringify(Object.fromEntries(byCode))}\n${diagnostics.join('\n')}`,
    );
    expect(instances).toBeGreaterThan(300);
    // A parser or reader that rejected shapes found in real connectors would show up here.
    expect(compiled / instances).toBeGreaterThan(0.97);
  });
});

if (!present) it.skip(`policy corpus sweep: no corpus at ${root} (set FLOWPORT_CORPUS)`, () => {});
