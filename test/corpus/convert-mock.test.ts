/**
 * The journey a connector author takes: `flowport init --from <description>`, then `flowport smoke
 * --mock`. Over every description in `../shared/apis`, each converted connector's actions and polling
 * triggers are called through the runtime, with the placeholder connection values `smoke --mock` uses, at a mock of the
 * connector's own swagger: every request must reach the mock, be routed to an operation and be
 * accepted. A refusal is a bug of the converter, the runtime or the mock (this sweep found four: the
 * mock's controls taking a `/_mock` basePath, `dynamichosturl` hosts bypassing `--base-url`, required
 * `readOnly` properties asked of requests, and a routed `security: []` operation refused).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholderConnection } from '../../src/runtime/connection/placeholder.ts';
import { convertedConnectors } from './convert-prism.ts';
import { mockSweep } from './mock-sweep.ts';

const apis = resolve(process.env.FLOWPORT_APIS ?? '../shared/apis');
const files = existsSync(apis)
  ? readdirSync(apis)
      .filter((f) => /\.(json|ya?ml)$/i.test(f))
      .sort()
  : [];
if (files.length === 0) {
  console.warn(`Convert-and-mock sweep skipped: API descriptions not found at ${apis} (set FLOWPORT_APIS).`);
  it.skip(`Convert-and-mock sweep: API descriptions not found at ${apis}`, () => {});
}

describe.skipIf(files.length === 0)('init, then smoke --mock, over the API descriptions', () => {
  it('routes and accepts every request each converted connector sends', async () => {
    let connectors = 0;
    let called = 0;
    let reached = 0;
    const elsewhere: string[] = [];
    const unrouted: string[] = [];
    const refused: string[] = [];
    const unsent: string[] = [];
    for (const file of files) {
      const path = join(apis, file);
      for (const { name, connector } of convertedConnectors(path, readFileSync(path, 'utf8'))) {
        connectors++;
        const sweep = await mockSweep(connector, name, placeholderConnection(connector));
        called += sweep.rows.filter((r) => !r.skipped).length;
        reached += sweep.log.length;
        for (const url of sweep.elsewhere) elsewhere.push(`${name}: ${url}`);
        unrouted.push(...sweep.unrouted);
        refused.push(...sweep.refused);
        for (const r of sweep.rows)
          if (!r.skipped && r.status === undefined) unsent.push(`${name} ${r.operationId}: ${r.error}`);
      }
    }
    console.log(
      `convert-and-mock sweep: ${files.length} descriptions, ${connectors} connectors, ${called} operations called, ${reached} requests reached the mock, ${elsewhere.length} went elsewhere, ${unrouted.length} unrouted, ${refused.length} refused`,
    );
    expect(connectors).toBeGreaterThanOrEqual(files.length);
    expect(elsewhere, elsewhere.join('\n')).toEqual([]);
    expect(unrouted, unrouted.join('\n')).toEqual([]);
    expect(refused, refused.join('\n')).toEqual([]);
    expect(unsent, unsent.join('\n')).toEqual([]);
  }, 300_000);
});
