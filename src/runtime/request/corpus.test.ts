import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConnectorSync } from '../../connector/load.ts';
import { isFlowportError } from '../../errors.ts';
import { buildRequest } from './build.ts';
import { exampleArguments } from './example-arguments.ts';
import { toWireRequest } from './wire.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const CORPUS = resolve(ROOT, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const GROUPS = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'];
const present = GROUPS.some((g) => existsSync(join(CORPUS, g)));

describe.skipIf(!present)('example arguments over the connector corpus', () => {
  it('build into a request for at least 98% of operations', () => {
    let operations = 0;
    let built = 0;
    const failures: string[] = [];
    for (const group of GROUPS) {
      const dir = join(CORPUS, group);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        let connector: ReturnType<typeof loadConnectorSync>;
        try {
          connector = loadConnectorSync(join(dir, name));
        } catch {
          continue;
        }
        const options = connector.definition.host ? {} : { baseUrl: 'https://example.com' };
        for (const operation of connector.operations) {
          operations++;
          try {
            const { args } = exampleArguments(connector, operation);
            toWireRequest(buildRequest(connector, operation, args, options).request);
            built++;
          } catch (error) {
            if (!isFlowportError(error)) throw error;
            failures.push(`${group}/${name} ${operation.label}: [${error.code}] ${error.message}`);
          }
        }
      }
    }
    const share = built / Math.max(operations, 1);
    console.info(
      `example arguments: ${built}/${operations} operations built (${(share * 100).toFixed(2)}%)\n${failures.join('\n')}`,
    );
    expect(operations).toBeGreaterThan(0);
    expect(share).toBeGreaterThanOrEqual(0.98);
  });
});

describe.skipIf(present)('example arguments over the connector corpus', () => {
  it.skip(`needs the corpus at ${CORPUS} (set FLOWPORT_CORPUS)`, () => {});
});
